import { z } from 'zod';
import { CheckInQuestion, Practice, PracticeId } from './practice.ts';
import { Mood, SessionId, timestamp } from './common.ts';

export const TearOutcome = z.enum(['none', 'welled', 'tear', 'cried', 'deep']);
export type TearOutcome = z.infer<typeof TearOutcome>;

/**
 * A distress answer (0–10) at or above this is high: the session offers a pause, a few breaths
 * or stopping, and the care card's patterns count it (main/core/insights/care-rules.ts).
 */
export const HIGH_DISTRESS = 7;

export const PracticeSummary = z.object({
  id: PracticeId,
  title: z.string(),
  summary: z.string(),
  suits: z.array(z.string()),
  intensity: z.enum(['gentle', 'deeper']),
  minutes: z.number().int().positive(),
  caution: z.string().optional(),
  /** One the person built or imported (issue 15), not one that ships with Saltwater. */
  own: z.literal(true).optional(),
});
export type PracticeSummary = z.infer<typeof PracticeSummary>;
export { Practice };

const StepIndex = z.number().int().min(0).max(200);

export const SessionStart = z.object({
  practiceId: PracticeId,
  /** "How steady do you feel today?" 1–5, when asked. */
  readiness: Mood.optional(),
  moodBefore: Mood.optional(),
});

export const SessionStep = z.object({ sessionId: SessionId, stepIndex: StepIndex });
export const SessionCheckIn = SessionStep.extend({
  question: CheckInQuestion,
  /** distress 0–10, mood 1–5, tears 0–4 (the TearOutcome order). */
  value: z.number().int().min(0).max(10),
});
export const SessionEnd = SessionStep.extend({ outcome: z.enum(['finished', 'stopped']) });
export const SessionReflection = z.object({
  sessionId: SessionId,
  moodAfter: Mood.optional(),
  tears: TearOutcome.optional(),
  relief: z.number().int().min(0).max(10).optional(),
  notes: z.string().max(20_000).default(''),
  /**
   * "Some of this felt like too much for me": only ever said, never denied. A box left unticked is
   * not a "no", so there is no false to send or to store. Like every answer here it is part of the
   * whole check-in: a check-in given again for the same session replaces the last one, and one
   * without it takes it back.
   */
  tooMuch: z.literal(true, { error: '"Some of this felt like too much" is either said (true) or left out.' }).optional(),
});

export const SessionRecord = z.object({
  id: SessionId,
  practiceId: z.string(),
  practiceTitle: z.string(),
  startedAt: timestamp,
  endedAt: timestamp.nullable(),
  /** null: the app closed before the session ended (it is shown as "interrupted"). */
  outcome: z.enum(['finished', 'stopped']).nullable(),
  stepReached: z.number().int(),
  stepCount: z.number().int(),
  readiness: Mood.nullable(),
  moodBefore: Mood.nullable(),
  moodAfter: Mood.nullable(),
  tears: TearOutcome.nullable(),
  relief: z.number().int().nullable(),
  notes: z.string(),
  /** The person said some of this session felt like too much (false: nothing was said). */
  tooMuch: z.boolean(),
  checkIns: z.array(z.object({ stepIndex: z.number().int(), question: CheckInQuestion, value: z.number().int(), at: timestamp })),
});
export type SessionRecord = z.infer<typeof SessionRecord>;
