import { z } from 'zod';

/**
 * The two-way crying ladder: what may be stored and what the UI sees. Pure zod with no
 * Node imports, so it can move into preload/contract as it is when the contract is wired.
 */

export const limits = {
  /** Characters (Unicode code points), the same way SQLite's length() counts them. */
  stepText: 200,
  stepsPerTrack: 20,
} as const;

export const DEFAULT_THRESHOLD = 50;

export const Track = z.enum(['letting-come', 'staying-with'], { error: 'Please choose a track: "Letting tears come" or "Staying with tears".' });
export type Track = z.output<typeof Track>;

/** Both tracks, in the order the ladder view shows them. */
export const TRACKS: ReadonlyArray<{ track: Track; title: string; forWhom: string }> = [
  {
    track: 'letting-come',
    title: 'Letting tears come',
    forWhom: 'For when tears are hard to reach: small steps towards letting them come, first alone, then nearer to others.',
  },
  {
    track: 'staying-with',
    title: 'Staying with tears',
    forWhom: 'For when tears come easily and stop the words: small steps towards breathing and talking on through them.',
  },
];

/** 0 none, 1 eyes welled, 2 some tears, 3 cried freely. */
export const TEARS_LABELS = ['none', 'eyes welled', 'some tears', 'cried freely'] as const;

const codePoints = (s: string): number => [...s].length;
// Any control character, line breaks included: a step is one short line.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const StepText = z
  .string({ error: 'Please write a few words for this step.' })
  .transform((s) => s.trim())
  .superRefine((value, ctx) => {
    if (value.length === 0) ctx.addIssue({ code: 'custom', message: 'Please write a few words for this step.' });
    else if (codePoints(value) > limits.stepText) {
      ctx.addIssue({ code: 'custom', message: `A step is best kept short: at most ${limits.stepText} characters.` });
    } else if (CONTROL.test(value)) ctx.addIssue({ code: 'custom', message: 'A step is one line: please leave out line breaks and tabs.' });
  });

/** A whole number from 0 to 100; `what` names it in the message. */
const score = (what: string) => {
  const message = `Please give ${what} as a whole number from 0 to 100.`;
  return z.number({ error: message }).int({ error: message }).min(0, { error: message }).max(100, { error: message });
};

const Timestamp = (what: string) =>
  z.number({ error: `The ${what} time is missing.` }).int({ error: `The ${what} time is not a valid time.` }).nonnegative({ error: `The ${what} time is not a valid time.` });

export const StepId = z.number({ error: 'Please choose a step.' }).int({ error: 'Please choose a step.' }).positive({ error: 'Please choose a step.' });
export const SessionId = z.number({ error: 'That session is not a valid one.' }).int({ error: 'That session is not a valid one.' }).positive({ error: 'That session is not a valid one.' });

/** Peak distress below this counts as calm enough. At least 1: with 0 no attempt could ever count. */
export const Threshold = z
  .number({ error: 'Please choose a calm-enough level from 1 to 100.' })
  .int({ error: 'Please choose a calm-enough level from 1 to 100.' })
  .min(1, { error: 'Please choose a calm-enough level from 1 to 100.' })
  .max(100, { error: 'Please choose a calm-enough level from 1 to 100.' });

export const NewStep = z.object({
  track: Track,
  text: StepText,
  expectedDistress: score('the distress you expect'),
});
export type NewStep = z.input<typeof NewStep>;

export const StepChanges = z
  .object({
    text: StepText.optional(),
    expectedDistress: score('the distress you expect').optional(),
  })
  .refine((c) => c.text !== undefined || c.expectedDistress !== undefined, { error: 'Nothing to change: give new words or a new expected distress.' });
export type StepChanges = z.input<typeof StepChanges>;

export const SuggestedStepsRequest = z.object({
  track: Track,
  /** Only these suggestions (by key); all of the track's suggestions when left out. */
  keys: z.array(z.string({ error: 'That suggestion is not one Saltwater knows.' }), { error: 'That suggestion is not one Saltwater knows.' }).max(50).optional(),
});
export type SuggestedStepsRequest = z.input<typeof SuggestedStepsRequest>;

export const Reorder = z.object({
  track: Track,
  orderedIds: z.array(StepId, { error: 'Please give the steps in their new order.' }).max(limits.stepsPerTrack, {
    error: 'Please give the steps in their new order.',
  }),
});
export type Reorder = z.input<typeof Reorder>;

export const AttemptInput = z
  .object({
    stepId: StepId,
    distressBefore: score('the distress before'),
    distressPeak: score('the highest distress'),
    distressAfter: score('the distress after'),
    tears: z.literal([0, 1, 2, 3], { error: 'Tears is 0 (none), 1 (eyes welled), 2 (some tears) or 3 (cried freely).' }),
    breathedBefore: z.boolean({ error: 'Please say whether the breathing before was done.' }),
    breathedAfter: z.boolean({ error: 'Please say whether the breathing after was done.' }),
    /** The practice run this attempt was part of, if any. */
    sessionId: SessionId.nullable().default(null),
    startedAt: Timestamp('start'),
    /** Defaults to now. */
    endedAt: Timestamp('end').optional(),
  })
  .refine((a) => a.endedAt === undefined || a.endedAt >= a.startedAt, { error: 'The attempt seems to end before it started. Please check the times.' });
export type AttemptInput = z.input<typeof AttemptInput>;

export interface LadderStep {
  id: number;
  track: Track;
  /** 0-based, dense within the track. */
  position: number;
  text: string;
  expectedDistress: number;
  /** The suggestion it was added from (kept after edits), or null for the user's own. */
  suggestionKey: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface LadderAttempt {
  id: number;
  stepId: number;
  sessionId: number | null;
  startedAt: number;
  endedAt: number;
  distressBefore: number;
  distressPeak: number;
  distressAfter: number;
  tears: 0 | 1 | 2 | 3;
  breathedBefore: boolean;
  breathedAfter: boolean;
  /** Peak strictly below the current threshold. */
  calm: boolean;
}

/** Where a step stands, always computed from its attempts and the current threshold. */
export interface StepProgress {
  attempts: number;
  lastAttemptAt: number | null;
  lastPeak: number | null;
  mastered: boolean;
  /** When the second calm attempt in a row ended (the first time it happened), or null. */
  masteredAt: number | null;
  /** Calm attempts in a row up to the latest one: the latest streak. */
  calmInARow: number;
  /** Calm attempts still needed to master it; 0 when mastered. */
  calmStillNeeded: number;
}

export interface StepView extends LadderStep {
  progress: StepProgress;
}

export interface TrackView {
  track: Track;
  title: string;
  forWhom: string;
  steps: StepView[];
  mastered: number;
  total: number;
  /** The first step in order that is not mastered yet; null when empty or all mastered. */
  nextStepId: number | null;
}

export interface LadderView {
  threshold: number;
  tracks: TrackView[];
}

export interface SuggestedStep {
  /** Stable, so a suggestion is not added twice even after the user edits its words. */
  key: string;
  text: string;
  expectedDistress: number;
}

export interface SuggestedStepsResult {
  added: LadderStep[];
  /** Suggestions skipped because the track has them already. */
  alreadyThere: number;
  /** Suggestions left out because the track is full. */
  noRoom: number;
}

export interface AttemptRecorded {
  attempt: LadderAttempt;
  progress: StepProgress;
  /** This attempt is the one that made the step mastered. */
  justMastered: boolean;
}
