/**
 * What the chart components take. Plain data in the person's words: the page turns its view's
 * result into these (dates already written as labels), so the charts know nothing of the contract.
 */

/** Shared by every chart. */
export interface ChartBaseProps {
  /** The chart's heading. */
  title: string;
  /** One kind, plain sentence about what the chart shows, written by the page; shown beneath it. */
  summary: string;
  /** The heading's level on the page (default 3). */
  headingLevel?: 2 | 3 | 4;
  /** The drawing's height in CSS pixels; its width follows its container. */
  height?: number;
}

/** The range of a value axis, and the distance between its grid lines. */
export interface ValueScale {
  min: number;
  max: number;
  step?: number;
}

/** A chart's table: column headings, then one row per point; each row's first cell names it. */
export interface ChartTable {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

/** A colour of charts.css (chart-1 … chart-5, or a role). */
export type ChartColour = 'chart-1' | 'chart-2' | 'chart-3' | 'chart-4' | 'chart-5' | 'chart-6' | 'before' | 'after' | 'peak' | 'main' | 'axis';

/** How a series is drawn, so the key shows the same shape: colour is never the only difference. */
export type LegendMark = 'dot' | 'ring' | 'bar' | 'line' | 'dashed' | 'dotted' | 'rule';

export interface LegendItem {
  label: string;
  colour: ChartColour;
  mark: LegendMark;
}

/** One session (or one week's averages): mood before and after, joined by a line. */
export interface MoodPoint {
  /** For the table and the keyboard readout ("Tuesday 3 March"). */
  label: string;
  /** Short, under the axis ("3 Mar"); the label when left out. */
  tick?: string;
  before: number | null;
  after: number | null;
}

/** "What seems to help you": a practice's average change, and how many sessions it rests on. */
export interface ChangeItem {
  label: string;
  /** null: too few sessions to say (as the insights contract gives it below its minimum). */
  change: number | null;
  count: number;
}

/** One part of a stacked bar (a tear outcome), in the order they stack from the bottom; up to six have their own colour. */
export interface StackPart<K extends string = string> {
  key: K;
  label: string;
}

/** One stacked bar (a week): how many of each part. */
export interface StackedBar<K extends string = string> {
  label: string;
  tick?: string;
  counts: Readonly<Record<K, number>>;
}

/** One point of a line over weeks (relief, distress); null where nothing was noted. */
export interface TrendPoint {
  label: string;
  tick?: string;
  value: number | null;
}

/** One try of a ladder step: distress before, at its peak, and after (0–100). */
export interface LadderTry {
  label: string;
  before: number | null;
  peak: number | null;
  after: number | null;
}

/** A ladder step and its tries, oldest first. */
export interface LadderStepTries {
  name: string;
  /** A few words beside the name ("steady since 3 March"). */
  note?: string;
  tries: readonly LadderTry[];
}

/** A plain bar (a feelings family, a media item). */
export interface BarItem {
  label: string;
  value: number;
}
