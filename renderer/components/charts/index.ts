/**
 * The charts of the "Over time" page. Import them only from a lazily loaded screen: uPlot and
 * charts.css then load with that screen, never before the lock screen (tests/electron/bundle-renderer-charts.test.ts).
 */
export { default as BarsChart } from './BarsChart.svelte';
export { default as ChangeChart } from './ChangeChart.svelte';
export { default as ChartFrame } from './ChartFrame.svelte';
export { default as LadderStepsChart } from './LadderStepsChart.svelte';
export { default as MoodChart } from './MoodChart.svelte';
export { default as StackedBarsChart } from './StackedBarsChart.svelte';
export { default as TrendChart } from './TrendChart.svelte';
export type * from './types.ts';
export { EMPTY_CHART } from './words.ts';
