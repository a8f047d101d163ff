import uPlot from 'uplot';
import { number } from '../../lib/format.svelte.ts';
import { withAlpha, type ChartPalette } from './palette.ts';
import type {
  BarItem,
  ChangeItem,
  ChartTable,
  LadderStepTries,
  LegendItem,
  MoodPoint,
  StackedBar,
  StackPart,
  TrendPoint,
  ValueScale,
} from './types.ts';
import { NOT_NOTED, TOO_FEW } from './words.ts';

/**
 * Our data → what uPlot draws, and the same data → the table and the words a keyboard or screen
 * reader user gets. Pure functions (the palette is passed in), so each chart's mapping is tested
 * without a canvas (tests/renderer/chart-model.test.ts). The x axis of every chart is the points in
 * their order (sessions, weeks, practices): evenly spaced, so a quiet month is not a hole.
 */

/** What a uPlot chart is made from, without its size (Plot.svelte sets that from its container). */
export interface PlotSpec {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
}

export interface ChartModel {
  /** Nothing to draw: the frame says so kindly instead. */
  empty: boolean;
  table: ChartTable;
  legend: LegendItem[];
  /** For each point on the x axis, in words (the keyboard readout). */
  points: string[];
  /** Categories run down the side (bars that are read like a list). */
  horizontal: boolean;
  /** A height that fits the points, where the chart's length depends on them (bars). */
  height?: number;
  plot: (palette: ChartPalette) => PlotSpec;
}


const words = (value: number | null, digits = 1): string => (value === null ? NOT_NOTED : number(value, { maximumFractionDigits: digits }));
const signed = (value: number): string => number(value, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** A row in words, as the keyboard readout says it: "3 March: Before 2, After 4". */
export function rowWords(columns: readonly string[], row: readonly string[]): string {
  return `${row[0]}: ${row
    .slice(1)
    .map((cell, i) => `${columns[i + 1]} ${cell}`)
    .join(', ')}`;
}

// ---- shared parts ------------------------------------------------------------

const GAP = 6;
const BAR_ROW = 34;

/** What every chart shares: no legend of uPlot's (ours is HTML), no zooming, a cursor line only. */
function base(): Pick<uPlot.Options, 'legend' | 'select' | 'cursor' | 'padding'> {
  return {
    legend: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    cursor: { y: false, drag: { x: false, y: false, setScale: false }, points: { size: 12, width: 2 } },
    padding: [12, 16, 0, 0],
  };
}

function categoryScale(count: number, horizontal: boolean): uPlot.Scale {
  // Index 0 first: at the left, or at the top when the categories run down the side.
  return { time: false, ori: horizontal ? 1 : 0, dir: horizontal ? -1 : 1, range: [-0.5, Math.max(count, 1) - 0.5] };
}

/** Text drawn on the canvas, measured in CSS pixels. */
function measure(u: uPlot, font: string, text: string): number {
  const ctx = u.ctx;
  ctx.save();
  ctx.font = font;
  const width = ctx.measureText(text).width;
  ctx.restore();
  return width;
}

/** A label shortened with "…" to fit (the table has it whole). */
function fit(u: uPlot, font: string, text: string, max: number): string {
  if (measure(u, font, text) <= max) return text;
  let end = text.length;
  while (end > 1 && measure(u, font, `${text.slice(0, end).trimEnd()}…`) > max) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** An axis as wide as its widest value. */
function fitWidth(p: ChartPalette): uPlot.Axis.Size {
  return (u, values) => (values?.length ? Math.ceil(Math.max(...values.map((v) => measure(u, p.font, String(v ?? ''))))) + GAP * 2 : 24);
}

/** `suffixes` (a count) stay whole when a long name is cut. */
function categoryAxis(ticks: readonly string[], p: ChartPalette, horizontal: boolean, suffixes: readonly string[] = []): uPlot.Axis {
  const shared: uPlot.Axis = {
    scale: 'x',
    stroke: p.axis,
    font: p.font,
    gap: GAP,
    grid: { show: false },
    ticks: { show: false },
    // Whole steps only, thinned out as room runs short.
    incrs: [1, 2, 3, 4, 5, 6, 8, 10, 12, 13, 26, 52, 104, 260, 520],
  };
  if (horizontal) {
    return {
      ...shared,
      side: 3,
      space: p.fontSize * 1.4,
      size: fitWidth(p),
      // Long names are cut to leave most of the width to the bars.
      values: (u, splits) =>
        splits.map((i) => {
          const suffix = suffixes[i] ?? '';
          return fit(u, p.font, ticks[i] ?? '', Math.max(80, u.width * 0.4) - measure(u, p.font, suffix)) + suffix;
        }),
    };
  }
  const longest = Math.max(1, ...ticks.map((t) => t.length));
  return {
    ...shared,
    side: 2,
    size: p.fontSize + GAP * 2,
    space: longest * p.fontSize * 0.6 + 16,
    values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (ticks[i] ?? '') : '')),
  };
}

/** Grid steps for counts: whole numbers only, so a 0.5 line never reads "1" beside the real 1. */
export const WHOLE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000];

function valueAxis(p: ChartPalette, format: (v: number) => string, options: { side?: 2 | 3; splits?: number[]; whole?: boolean } = {}): uPlot.Axis {
  const side = options.side ?? 3;
  return {
    scale: 'y',
    side,
    stroke: p.axis,
    font: p.font,
    gap: GAP,
    grid: { stroke: p.grid, width: 1 },
    ticks: { show: false },
    size: side === 3 ? fitWidth(p) : p.fontSize + GAP * 2,
    // Along the bottom, room for "+1.5" between values.
    space: side === 3 ? p.fontSize * 2 : p.fontSize * 4,
    values: (_u, splits) => splits.map((v) => format(v)),
    ...(options.splits ? { splits: () => options.splits! } : {}),
    ...(options.whole ? { incrs: WHOLE_STEPS } : {}),
  };
}

/**
 * Scales and axes of a chart along points in time (weeks, sessions, tries) with values on a fixed
 * scale; `ticks: false` leaves out the axis of points (the ladder's small charts, too narrow for dates).
 */
function alongPoints(
  points: readonly { label: string; tick?: string }[],
  scale: ValueScale,
  p: ChartPalette,
  { ticks = true }: { ticks?: boolean } = {},
): Pick<uPlot.Options, 'scales' | 'axes'> {
  return {
    scales: { x: categoryScale(points.length, false), y: { range: padded(scale) } },
    axes: [
      ticks
        ? categoryAxis(
            points.map((pt) => pt.tick ?? pt.label),
            p,
            false,
          )
        : { show: false },
      valueAxis(p, (v) => number(v), { splits: steps(scale) }),
    ],
  };
}

/**
 * The grid values of a scale: min, min + step, …, up to max. Without a step: quarters, or for a
 * scale of whole numbers (counts), the smallest whole step that gives at most five spaces, so a
 * count never reads "2.5".
 */
export function steps(scale: ValueScale): number[] {
  const span = scale.max - scale.min;
  const whole = Number.isInteger(scale.min) && Number.isInteger(scale.max);
  const step = scale.step ?? (whole ? (WHOLE_STEPS.find((s) => span / s <= 5) ?? span) : span / 4);
  const out: number[] = [];
  for (let v = scale.min; v <= scale.max + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

/** A little room beyond the scale, so points at its ends are drawn whole. */
function padded(scale: ValueScale): [number, number] {
  const pad = (scale.max - scale.min) * 0.06;
  return [scale.min - pad, scale.max + pad];
}

/** A round number at or above v (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ): the end of an axis. */
export function niceCeil(v: number): number {
  if (v <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  return ([1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= v - 1e-9) ?? 10) * power;
}

/** Points only, no line between them; a ring (hollow) or a dot, so colour is not the only difference. */
function pointSeries(label: string, colour: string, hollow: boolean, size: number): uPlot.Series {
  return {
    label,
    stroke: colour,
    width: 2,
    paths: () => null,
    points: { show: true, size, width: 2, stroke: colour, fill: hollow ? 'rgba(0, 0, 0, 0)' : colour },
  };
}

/** Smaller points when many share the width (a year of weeks), so neighbours don't run into each other in a narrow window. */
const pointSize = (count: number): number => (count > 26 ? 7 : 11);

function barSeries(label: string, colour: string, paths = uPlot.paths.bars!({ size: [0.62, 40] })): uPlot.Series {
  return { label, fill: colour, stroke: colour, width: 0, paths, points: { show: false } };
}

// ---- 1. mood before and after ------------------------------------------------

export interface MoodOptions {
  scale?: ValueScale;
  xHeading?: string;
  beforeLabel?: string;
  afterLabel?: string;
}

export function moodModel(points: readonly MoodPoint[], options: MoodOptions = {}): ChartModel {
  const { scale = { min: 1, max: 5, step: 1 }, xHeading = 'Session', beforeLabel = 'Before', afterLabel = 'After' } = options;
  const table: ChartTable = { columns: [xHeading, beforeLabel, afterLabel], rows: points.map((pt) => [pt.label, words(pt.before), words(pt.after)]) };
  return {
    empty: points.every((pt) => pt.before === null && pt.after === null),
    table,
    legend: [
      { label: beforeLabel, colour: 'before', mark: 'ring' },
      { label: afterLabel, colour: 'after', mark: 'dot' },
    ],
    points: table.rows.map((row) => rowWords(table.columns, row)),
    horizontal: false,
    plot: (p) => {
      const before = points.map((pt) => pt.before);
      const after = points.map((pt) => pt.after);
      const size = pointSize(points.length);
      return {
        data: [points.map((_, i) => i), before, after],
        options: {
          ...base(),
          ...alongPoints(points, scale, p),
          series: [{}, pointSeries(beforeLabel, p.before, true, size), pointSeries(afterLabel, p.after, false, size)],
          // The joining lines go under the points (drawAxes runs before the series are drawn).
          hooks: { drawAxes: [(u) => drawConnectors(u, before, after, p.axis, size)] },
        },
      };
    },
  };
}

/** A line from each "before" to its "after", stopping at the points' edges. */
function drawConnectors(u: uPlot, before: (number | null)[], after: (number | null)[], colour: string, pointSize: number): void {
  const ctx = u.ctx;
  const gap = (pointSize / 2 + 1.5) * uPlot.pxRatio;
  ctx.save();
  ctx.strokeStyle = withAlpha(colour, 0.8);
  ctx.lineWidth = 2 * uPlot.pxRatio;
  ctx.beginPath();
  before.forEach((b, i) => {
    const a = after[i];
    if (b === null || a === null || a === undefined) return;
    const x = u.valToPos(i, 'x', true);
    const y1 = u.valToPos(b, 'y', true);
    const y2 = u.valToPos(a, 'y', true);
    if (Math.abs(y2 - y1) <= gap * 2) return;
    const dir = Math.sign(y2 - y1);
    ctx.moveTo(x, y1 + dir * gap);
    ctx.lineTo(x, y2 - dir * gap);
  });
  ctx.stroke();
  ctx.restore();
}

// ---- 2 and 6. bars that read like a list -------------------------------------

function horizontalBars(
  ticks: readonly string[],
  suffixes: readonly string[],
  values: readonly number[],
  label: string,
  format: (v: number) => string,
  whole = false,
): (p: ChartPalette) => PlotSpec {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  // Counts start at 0; changes run both ways from 0, the same distance each way, so neither side looms.
  const reach = lo < 0 ? niceCeil(Math.max(-lo, hi)) : niceCeil(hi);
  const range: [number, number] = lo < 0 ? [-reach, reach] : [0, reach];
  return (p) => ({
    data: [ticks.map((_, i) => i), [...values]],
    options: {
      ...base(),
      padding: [8, 24, 0, 0],
      scales: { x: categoryScale(ticks.length, true), y: { ori: 0, dir: 1, range } },
      axes: [categoryAxis(ticks, p, true, suffixes), valueAxis(p, format, { side: 2, whole })],
      series: [{}, barSeries(label, p.main, uPlot.paths.bars!({ size: [0.6, 26] }))],
    },
  });
}

const barsHeight = (count: number) => Math.max(120, count * BAR_ROW + 48);

export interface ChangeOptions {
  /** Fewer sessions than this (or no average given): listed in the table, no bar and no conclusion (default 3). */
  minCount?: number;
  itemHeading?: string;
  changeLabel?: string;
  countLabel?: string;
}

export function changeModel(items: readonly ChangeItem[], options: ChangeOptions = {}): ChartModel {
  const { minCount = 3, itemHeading = 'Practice', changeLabel = 'Average change', countLabel = 'Sessions' } = options;
  const counts = (item: ChangeItem): item is ChangeItem & { change: number } => item.change !== null && item.count >= minCount;
  const enough = items.filter(counts);
  const few = items.filter((item) => !counts(item));
  const row = (item: ChangeItem) => [item.label, counts(item) ? signed(item.change) : TOO_FEW, number(item.count)];
  const table: ChartTable = { columns: [itemHeading, changeLabel, countLabel], rows: [...enough, ...few].map(row) };
  return {
    empty: enough.length === 0,
    table,
    legend: [],
    points: enough.map((item) => rowWords(table.columns, row(item))),
    horizontal: true,
    height: barsHeight(enough.length),
    plot: horizontalBars(
      enough.map((item) => item.label),
      enough.map((item) => ` (${number(item.count)})`),
      enough.map((item) => item.change),
      changeLabel,
      signed,
    ),
  };
}

export interface BarsOptions {
  itemHeading?: string;
  valueLabel?: string;
  /** Decimals in the table and on the axis (default 0: counts). */
  digits?: number;
}

export function barsModel(items: readonly BarItem[], options: BarsOptions = {}): ChartModel {
  const { itemHeading = 'Name', valueLabel = 'Times', digits = 0 } = options;
  const format = (v: number) => number(v, { maximumFractionDigits: digits });
  const table: ChartTable = { columns: [itemHeading, valueLabel], rows: items.map((item) => [item.label, format(item.value)]) };
  return {
    empty: !items.some((item) => item.value > 0),
    table,
    legend: [],
    points: table.rows.map((r) => rowWords(table.columns, r)),
    horizontal: true,
    height: barsHeight(items.length),
    plot: horizontalBars(
      items.map((item) => item.label),
      [],
      items.map((item) => item.value),
      valueLabel,
      format,
      digits === 0,
    ),
  };
}

// ---- 3. stacked bars -----------------------------------------------------------

export interface StackedOptions {
  xHeading?: string;
  totalLabel?: string;
}

/** Parts take the calm colours in order (a sixth, the slate, suits "not answered"); a seventh would take the first again. */
const PART_COLOURS = ['chart-1', 'chart-2', 'chart-3', 'chart-4', 'chart-5', 'chart-6'] as const;
const partColour = (i: number) => PART_COLOURS[i % PART_COLOURS.length]!;

export function stackedModel<K extends string>(bars: readonly StackedBar<K>[], parts: readonly StackPart<K>[], options: StackedOptions = {}): ChartModel {
  const { xHeading = 'Week', totalLabel = 'In all' } = options;
  const totals = bars.map((bar) => parts.reduce((sum, part) => sum + (bar.counts[part.key] ?? 0), 0));
  const table: ChartTable = {
    columns: [xHeading, ...parts.map((part) => part.label), totalLabel],
    rows: bars.map((bar, i) => [bar.label, ...parts.map((part) => number(bar.counts[part.key] ?? 0)), number(totals[i]!)]),
  };
  return {
    empty: totals.every((t) => t === 0),
    table,
    legend: parts.map((part, i) => ({ label: part.label, colour: partColour(i), mark: 'bar' })),
    points: table.rows.map((r) => rowWords(table.columns, r)),
    horizontal: false,
    plot: (p) => {
      // Each part is drawn from the top of the ones below it: the data are running totals.
      const tops = parts.map((_, k) => bars.map((bar) => parts.slice(0, k + 1).reduce((sum, part) => sum + (bar.counts[part.key] ?? 0), 0)));
      const bottoms = parts.map((_, k) => (k === 0 ? bars.map(() => 0) : tops[k - 1]!));
      // A thin see-through gap between parts, so neighbouring colours never have to tell themselves apart.
      const seams: [number, number, number][] = [];
      const series = parts.map((part, k) =>
        barSeries(
          part.label,
          p.series[k % PART_COLOURS.length]!,
          uPlot.paths.bars!({
            size: [0.62, 40],
            disp: {
              y0: { unit: 1, values: () => bottoms[k]! },
              y1: { unit: 1, values: () => tops[k]! },
            },
            each: (_u, _s, i, left, top, width, height) => {
              if ((bottoms[k]![i] ?? 0) > 0) seams.push([left, top + height, width]);
            },
          }),
        ),
      );
      return {
        data: [bars.map((_, i) => i), ...tops],
        options: {
          ...base(),
          scales: { x: categoryScale(bars.length, false), y: { range: [0, niceCeil(Math.max(1, ...totals))] } },
          axes: [
            categoryAxis(
              bars.map((bar) => bar.tick ?? bar.label),
              p,
              false,
            ),
            valueAxis(p, (v) => number(v), { whole: true }),
          ],
          series: [{}, ...series],
          hooks: {
            drawClear: [() => void (seams.length = 0)],
            draw: [
              (u) => {
                const gap = 2 * uPlot.pxRatio;
                for (const [left, y, width] of seams) u.ctx.clearRect(left, y - gap / 2, width, gap);
              },
            ],
          },
        },
      };
    },
  };
}

// ---- 4. a line over weeks ------------------------------------------------------

export interface TrendOptions {
  /** Left out: from 0 to a round number above the highest value (for counts). */
  scale?: ValueScale;
  /** A soft area under the line. */
  area?: boolean;
  xHeading?: string;
  valueLabel?: string;
}

export function trendModel(points: readonly TrendPoint[], options: TrendOptions = {}): ChartModel {
  const { area = true, xHeading = 'Week', valueLabel = 'Average' } = options;
  const scale = options.scale ?? { min: 0, max: niceCeil(Math.max(0, ...points.map((pt) => pt.value ?? 0))) };
  const table: ChartTable = { columns: [xHeading, valueLabel], rows: points.map((pt) => [pt.label, words(pt.value)]) };
  return {
    empty: points.every((pt) => pt.value === null),
    table,
    legend: [],
    points: table.rows.map((r) => rowWords(table.columns, r)),
    horizontal: false,
    plot: (p) => ({
      data: [points.map((_, i) => i), points.map((pt) => pt.value)],
      options: {
        ...base(),
        ...alongPoints(points, scale, p),
        series: [
          {},
          {
            label: valueLabel,
            stroke: p.main,
            width: 2,
            // A week with nothing noted is left open, not drawn as a fall to zero.
            spanGaps: false,
            points: { show: true, size: 7, width: 2, stroke: p.main, fill: p.main },
            ...(area ? { fill: withAlpha(p.main, 0.18), fillTo: scale.min } : {}),
          },
        ],
      },
    }),
  };
}

// ---- 5. ladder steps, one small chart each ---------------------------------------

export interface LadderStepModel {
  name: string;
  note: string | undefined;
  tries: number;
  /** Each try in words (the keyboard readout of its small chart), as the table has it. */
  points: string[];
  plot: ((palette: ChartPalette) => PlotSpec) | null;
}

export interface LadderModel {
  empty: boolean;
  table: ChartTable;
  legend: LegendItem[];
  steps: LadderStepModel[];
}

export interface LadderOptions {
  scale?: ValueScale;
  /** The person's calm-enough level, drawn as a thin line on every step's chart. */
  threshold?: number | null;
  thresholdLabel?: string;
  stepHeading?: string;
  tryHeading?: string;
  labels?: { before: string; peak: string; after: string };
}

export function ladderModel(steps: readonly LadderStepTries[], options: LadderOptions = {}): LadderModel {
  const {
    scale = { min: 0, max: 100, step: 50 },
    threshold = null,
    thresholdLabel = 'Calm enough',
    stepHeading = 'Step',
    tryHeading = 'Try',
    labels = { before: 'Before', peak: 'Peak', after: 'After' },
  } = options;
  const tryColumns = [tryHeading, labels.before, labels.peak, labels.after];
  const tryCells = (t: LadderStepTries['tries'][number]) => [t.label, words(t.before, 0), words(t.peak, 0), words(t.after, 0)];
  const table: ChartTable = {
    columns: [stepHeading, ...tryColumns],
    rows: steps.flatMap((step) => step.tries.map((t) => [step.name, ...tryCells(t)])),
  };
  return {
    empty: steps.every((step) => step.tries.length === 0),
    table,
    // Three lines told apart by their dashes as well as their colours.
    legend: [
      { label: labels.before, colour: 'before', mark: 'dashed' },
      { label: labels.peak, colour: 'peak', mark: 'line' },
      { label: labels.after, colour: 'after', mark: 'dotted' },
      ...(threshold === null ? [] : [{ label: thresholdLabel, colour: 'axis', mark: 'rule' } as const]),
    ],
    steps: steps.map((step) => ({
      name: step.name,
      tries: step.tries.length,
      note: step.note,
      points: step.tries.map((t) => rowWords(tryColumns, tryCells(t))),
      plot: step.tries.length === 0 ? null : ladderPlot(step, scale, labels, threshold),
    })),
  };
}

function ladderPlot(
  step: LadderStepTries,
  scale: ValueScale,
  labels: { before: string; peak: string; after: string },
  threshold: number | null,
): (p: ChartPalette) => PlotSpec {
  const line = (label: string, colour: string, dash: number[] | undefined, width: number): uPlot.Series => ({
    label,
    stroke: colour,
    width,
    ...(dash ? { dash } : {}),
    spanGaps: true,
    points: { show: true, size: 5, width: 1, stroke: colour, fill: colour },
  });
  return (p) => ({
    data: [step.tries.map((_, i) => i), step.tries.map((t) => t.before), step.tries.map((t) => t.peak), step.tries.map((t) => t.after)],
    options: {
      ...base(),
      padding: [8, 10, 8, 0],
      ...alongPoints(step.tries, scale, p, { ticks: false }),
      series: [{}, line(labels.before, p.before, [6, 4], 1.5), line(labels.peak, p.peak, undefined, 2), line(labels.after, p.after, [2, 3], 1.5)],
      hooks: {
        drawAxes: [
          (u) => {
            if (threshold === null) return;
            const y = u.valToPos(threshold, 'y', true);
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = p.axis;
            ctx.lineWidth = uPlot.pxRatio;
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y);
            ctx.lineTo(u.bbox.left + u.bbox.width, y);
            ctx.stroke();
            ctx.restore();
          },
        ],
      },
    },
  });
}
