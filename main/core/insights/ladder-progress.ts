import type { InsightsSpan, LadderInsights } from '../../../preload/contract/insights.ts';
import { LADDER_TRACKS } from '../../../preload/contract/ladder.ts';
import { stepProgress } from '../ladder/mastery.ts';
import { attemptsByStep, getThreshold, listSteps } from '../ladder/store.ts';
import type { Db } from '../vault/database.ts';
import { statement } from '../vault/statements.ts';
import type { Buckets } from './periods.ts';

const triesInPeriod = `
  SELECT step_id AS stepId, started_at AS at, distress_before AS before, distress_peak AS peak, distress_after AS after
  FROM ladder_attempts WHERE started_at >= ? AND started_at < ?
  ORDER BY started_at, ended_at, id`;

type Try = LadderInsights['tracks'][number]['stepTries'][number]['tries'][number];

/**
 * Each track's steps steady over time, and each step's tries in the period. When a step became
 * steady is the ladder's own rule (mastery.ts: two calm tries in a row, by today's threshold),
 * which reads a step's tries in order; a ladder holds at most 40 steps, so that runs over all of
 * them here rather than being copied into SQL. The tries shown are read by range.
 */
export function ladderInsights(db: Db, span: InsightsSpan, buckets: Buckets): LadderInsights {
  const threshold = getThreshold(db);
  const attempts = attemptsByStep(db);
  const tries = new Map<number, Try[]>();
  for (const { stepId, ...t } of statement(db, triesInPeriod).all(span.from, span.to) as Array<Try & { stepId: number }>) {
    const list = tries.get(stepId);
    if (list) list.push(t);
    else tries.set(stepId, [t]);
  }
  const steps = listSteps(db).map((step) => ({ step, progress: stepProgress(attempts.get(step.id) ?? [], threshold) }));

  return {
    span,
    threshold,
    tracks: LADDER_TRACKS.map(({ track, title }) => {
      const own = steps.filter((s) => s.step.track === track);
      const steadyAt = own.map((s) => s.progress.masteredAt).filter((at): at is number => at !== null);
      return {
        track,
        title,
        steps: own.length,
        steady: steadyAt.length,
        steadyInPeriod: steadyAt.filter((at) => at >= span.from && at < span.to).length,
        tries: own.reduce((sum, s) => sum + (tries.get(s.step.id)?.length ?? 0), 0),
        buckets: buckets.map(([start, end]) => ({ start, end, steady: steadyAt.filter((at) => at < end).length })),
        stepTries: own.map(({ step, progress }) => ({
          stepId: step.id,
          text: step.text,
          steady: progress.mastered,
          steadyAt: progress.masteredAt,
          tries: tries.get(step.id) ?? [],
        })),
      };
    }),
  };
}
