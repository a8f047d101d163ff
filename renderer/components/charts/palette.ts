/**
 * The colours and font a chart draws with, read from the page's CSS (charts.css and global.css)
 * at the chart's own element, so a chart always wears the theme it sits in. A canvas cannot use
 * CSS variables itself: it is drawn again with a fresh palette when the theme changes.
 */
export interface ChartPalette {
  /** Calm colours of one lightness for parts of a whole (tear outcomes) in their order; the sixth is a quiet slate. */
  series: readonly [string, string, string, string, string, string];
  before: string;
  after: string;
  peak: string;
  /** A chart with one series. */
  main: string;
  axis: string;
  grid: string;
  /** Axis text, as a canvas font ("14px system-ui"). */
  font: string;
  fontSize: number;
}

/** Where no stylesheet is loaded (component tests): a neutral grey, never a surprise colour. */
const FALLBACK = '#808080';

export function readPalette(element: Element): ChartPalette {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(`--${name}`).trim() || FALLBACK;
  const fontSize = Math.round((parseFloat(style.fontSize) || 18) * 0.8);
  const family = style.fontFamily || 'system-ui, sans-serif';
  return {
    series: [read('chart-1'), read('chart-2'), read('chart-3'), read('chart-4'), read('chart-5'), read('chart-6')],
    before: read('chart-before'),
    after: read('chart-after'),
    peak: read('chart-peak'),
    main: read('chart-main'),
    axis: read('chart-axis'),
    grid: read('chart-grid'),
    font: `${fontSize}px ${family}`,
    fontSize,
  };
}

/** A colour ("#7d9acc", "#abc" or "rgb(…)") with some transparency, for an area's soft fill. */
export function withAlpha(colour: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(colour.trim());
  if (rgb) return `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${alpha})`;
  return colour;
}
