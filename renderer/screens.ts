import { lazy } from './lib/lazy.ts';

/**
 * The screens that load after the lock screen has painted (see lib/lazy.ts): the lock screen's own
 * code is all a cold start needs before the passphrase field shows.
 */
export const screens = {
  /** Everything behind the lock: fetched while the passphrase is typed. */
  shell: lazy(() => import('./AppShell.svelte')),
  /** First run only. */
  setup: lazy(() => import('./features/setup/Page.svelte')),
  keyToConfirm: lazy(() => import('./features/setup/KeyToConfirm.svelte')),
  /** Help right now: fetched as soon as the lock screen is up, so it opens at once. */
  help: lazy(() => import('./features/safety/HelpPanel.svelte')),
  recovery: lazy(() => import('./features/unlock/RecoveryForm.svelte')),
  restore: lazy(() => import('./features/setup/RestoreStart.svelte')),
  /** "A summary to bring to therapy", opened from Over time (props: onclose). */
  summary: lazy(() => import('./features/summary/SummaryScreen.svelte')),
  /** The practice builder, opened from Practices (props: practices). */
  builder: lazy(() => import('./features/practice-builder/BuilderScreen.svelte')),
  /** Over time: its charts (uPlot) load with it, never before (tests/renderer/chart-loading.test.ts). */
  insights: lazy(() => import('./features/insights/Page.svelte')),
};
