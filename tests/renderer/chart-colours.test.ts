/**
 * The charts' colours (renderer/components/charts/charts.css), in both themes: every mark stands
 * out from the backgrounds a chart sits on (3:1, WCAG non-text contrast), and none is red.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colour, contrast, themes, type Theme } from './palette.ts';

const css = readFileSync(resolve(import.meta.dirname, '../../renderer/components/charts/charts.css'), 'utf8');
const NAMES = ['chart-1', 'chart-2', 'chart-3', 'chart-4', 'chart-5', 'chart-6'];

function chartColours(theme: Theme): Map<string, string> {
  const start = css.indexOf(`[data-theme='${theme}'] {`);
  if (start < 0) throw new Error(`charts.css has no [data-theme='${theme}'] block`);
  const block = css.slice(start, css.indexOf('}', start));
  return new Map([...block.matchAll(/--(chart-\d):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!]));
}

/** Hue (0–360) and saturation (0–1, HSL) of a colour. */
function hueAndSaturation(hex: string): [number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const l = (max + min) / 2;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let h = 0;
  if (d > 0) h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [(h * 60 + 360) % 360, s];
}

describe.each(themes)('%s theme chart colours', (theme) => {
  const colours = chartColours(theme);

  it('defines every chart colour', () => {
    expect([...colours.keys()].sort()).toEqual(NAMES);
  });

  it.each(NAMES)('%s stands out at 3:1 from the page, a card and a raised surface', (name) => {
    for (const bg of ['bg', 'surface', 'surface-raised']) {
      expect(contrast(colours.get(name)!, colour(theme, bg)), `${name} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('has no red (nothing alarming): no strong colour with a red hue', () => {
    const reds = [...colours].filter(([, hex]) => {
      const [hue, saturation] = hueAndSaturation(hex);
      return saturation > 0.25 && (hue < 25 || hue > 335);
    });
    expect(reds).toEqual([]);
  });
});

describe('chart colours', () => {
  it('the roles (before, after, peak, one series) take colours from the calm set', () => {
    for (const role of ['before', 'after', 'peak', 'main']) expect(css).toMatch(new RegExp(`--chart-${role}: var\\(--chart-[1-6]\\);`));
  });

  it('knows red when it sees it', () => {
    expect(hueAndSaturation('#c0392b')[0]).toBeLessThan(25);
    expect(hueAndSaturation('#6aa9ae')[0]).toBeCloseTo(184, 0);
  });
});
