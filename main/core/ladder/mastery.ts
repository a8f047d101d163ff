import type { LadderStepProgress } from '../../../preload/contract/ladder.ts';

/**
 * The mastery rule, as pure functions so it can be tested on its own.
 *
 * A step is mastered once two attempts in a row (ordered by when they started) had their
 * peak distress strictly below the user's threshold.
 *
 * A later hard attempt does NOT take mastery away: once two calm attempts in a row have
 * happened, the step stays mastered, and the latest streak (calmInARow) is shown beside
 * it. Setbacks are a normal part of this kind of practice; un-mastering a step after one
 * hard day would read as failure and could put someone off trying again.
 *
 * Mastery is never stored: it is computed from the attempts and the current threshold
 * every time. So if the user lowers their threshold, steps are judged again by the new
 * one (their own choice, so their own standard), and raising it can make steps mastered
 * by the attempts already made.
 */

export const CALM_IN_A_ROW_TO_MASTER = 2;

export interface TimedPeak {
  id: number;
  startedAt: number;
  endedAt: number;
  distressPeak: number;
}

/** Calm enough: strictly below the threshold (a peak equal to it is not). */
export function isCalm(peak: number, threshold: number): boolean {
  return peak < threshold;
}

/** Oldest first by start time; the end time and then the id break ties. Does not change its input. */
export function inTimeOrder<T extends TimedPeak>(attempts: readonly T[]): T[] {
  return [...attempts].sort((a, b) => a.startedAt - b.startedAt || a.endedAt - b.endedAt || a.id - b.id);
}

export function stepProgress(attempts: readonly TimedPeak[], threshold: number): LadderStepProgress {
  let run = 0;
  let masteredAt: number | null = null;
  const ordered = inTimeOrder(attempts);
  for (const attempt of ordered) {
    run = isCalm(attempt.distressPeak, threshold) ? run + 1 : 0;
    if (masteredAt === null && run >= CALM_IN_A_ROW_TO_MASTER) masteredAt = attempt.endedAt;
  }
  const last = ordered.at(-1);
  const mastered = masteredAt !== null;
  return {
    attempts: ordered.length,
    lastAttemptAt: last?.startedAt ?? null,
    lastPeak: last?.distressPeak ?? null,
    mastered,
    masteredAt,
    calmInARow: run,
    calmStillNeeded: mastered ? 0 : CALM_IN_A_ROW_TO_MASTER - run,
  };
}

/** Progress on a track: how many steps are mastered, and which comes next (the first not mastered, in order). */
export function trackProgress(steps: ReadonlyArray<{ id: number; progress: Pick<LadderStepProgress, 'mastered'> }>): {
  mastered: number;
  total: number;
  nextStepId: number | null;
} {
  return {
    mastered: steps.filter((s) => s.progress.mastered).length,
    total: steps.length,
    nextStepId: steps.find((s) => !s.progress.mastered)?.id ?? null,
  };
}
