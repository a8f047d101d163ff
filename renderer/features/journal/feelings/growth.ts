import type { EmotionGranularity } from '../../../../preload/contract/index.ts';

export interface Bar {
  month: string;
  x: number;
  height: number;
  value: number;
}

/**
 * One bar per month for the words used so far (cumulative), scaled to `maxHeight`. A month
 * with any word gets at least a sliver, so "some" never looks like "none".
 */
export function growthBars(months: EmotionGranularity['months'], maxHeight: number, step: number): Bar[] {
  const top = Math.max(0, ...months.map((m) => m.distinctSoFar));
  return months.map((m, i) => ({
    month: m.month,
    x: i * step,
    value: m.distinctSoFar,
    height: top === 0 || m.distinctSoFar === 0 ? 0 : Math.max(2, Math.round((m.distinctSoFar / top) * maxHeight)),
  }));
}
