import { z } from 'zod';
import { oneLine } from './text.ts';
import { LadderTrack } from './practice.ts';
import { timestamp } from './common.ts';

/**
 * The two-way crying ladder: what may be stored and what the UI sees. Names carry
 * "ladder" because the contract's index re-exports every feature's schemas side by side.
 */

export const ladderLimits = {
  /** Characters (Unicode code points), the same way SQLite's length() counts them. */
  stepText: 200,
  stepsPerTrack: 20,
} as const;

export const DEFAULT_LADDER_THRESHOLD = 50;

/** A track as the ladder's methods take it: the practices' two tracks, with a plain message. */
export const LadderTrackChoice = z.enum(LadderTrack.options, {
  error: 'Please choose a track: "Letting tears come" or "Staying with tears".',
});

/** Both tracks, in the order the ladder view shows them. */
export const LADDER_TRACKS: ReadonlyArray<{ track: LadderTrack; title: string; forWhom: string }> = [
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
export const LADDER_TEARS_LABELS = ['none', 'eyes welled', 'some tears', 'cried freely'] as const;

const StepText = oneLine({
  notText: 'Please write a few words for this step.',
  missing: 'Please write a few words for this step.',
  max: ladderLimits.stepText,
  tooLong: `A step is best kept short: at most ${ladderLimits.stepText} characters.`,
  control: 'A step is one line: please leave out line breaks and tabs.',
});

/** A whole number from 0 to 100; `what` names it in the message. */
const score = (what: string) => {
  const message = `Please give ${what} as a whole number from 0 to 100.`;
  return z.number({ error: message }).int({ error: message }).min(0, { error: message }).max(100, { error: message });
};

const Timestamp = (what: string) =>
  z.number({ error: `The ${what} time is missing.` }).int({ error: `The ${what} time is not a valid time.` }).nonnegative({ error: `The ${what} time is not a valid time.` });

export const LadderStepId = z.number({ error: 'Please choose a step.' }).int({ error: 'Please choose a step.' }).positive({ error: 'Please choose a step.' });
const SessionRef = z.number({ error: 'That session is not a valid one.' }).int({ error: 'That session is not a valid one.' }).positive({ error: 'That session is not a valid one.' });

/** Peak distress below this counts as calm enough. At least 1: with 0 no attempt could ever count. */
export const LadderThreshold = z
  .number({ error: 'Please choose a calm-enough level from 1 to 100.' })
  .int({ error: 'Please choose a calm-enough level from 1 to 100.' })
  .min(1, { error: 'Please choose a calm-enough level from 1 to 100.' })
  .max(100, { error: 'Please choose a calm-enough level from 1 to 100.' });

export const NewLadderStep = z.object({
  track: LadderTrackChoice,
  text: StepText,
  expectedDistress: score('the distress you expect'),
});
export type NewLadderStep = z.input<typeof NewLadderStep>;

export const LadderStepChanges = z
  .object({
    text: StepText.optional(),
    expectedDistress: score('the distress you expect').optional(),
  })
  .refine((c) => c.text !== undefined || c.expectedDistress !== undefined, { error: 'Nothing to change: give new words or a new expected distress.' });
export type LadderStepChanges = z.input<typeof LadderStepChanges>;

export const SuggestedLadderStepsRequest = z.object({
  track: LadderTrackChoice,
  /** Only these suggestions (by key); all of the track's suggestions when left out. */
  keys: z.array(z.string({ error: 'That suggestion is not one Saltwater knows.' }), { error: 'That suggestion is not one Saltwater knows.' }).max(50).optional(),
});
export type SuggestedLadderStepsRequest = z.input<typeof SuggestedLadderStepsRequest>;

export const LadderReorder = z.object({
  track: LadderTrackChoice,
  orderedIds: z.array(LadderStepId, { error: 'Please give the steps in their new order.' }).max(ladderLimits.stepsPerTrack, {
    error: 'Please give the steps in their new order.',
  }),
});
export type LadderReorder = z.input<typeof LadderReorder>;

const Tears = z.literal([0, 1, 2, 3], { error: 'Tears is 0 (none), 1 (eyes welled), 2 (some tears) or 3 (cried freely).' });

export const LadderAttemptInput = z
  .object({
    stepId: LadderStepId,
    distressBefore: score('the distress before'),
    distressPeak: score('the highest distress'),
    distressAfter: score('the distress after'),
    tears: Tears,
    breathedBefore: z.boolean({ error: 'Please say whether the breathing before was done.' }),
    breathedAfter: z.boolean({ error: 'Please say whether the breathing after was done.' }),
    /** The practice run this attempt was part of, if any. */
    sessionId: SessionRef.nullable().default(null),
    startedAt: Timestamp('start'),
    /** Defaults to now. */
    endedAt: Timestamp('end').optional(),
  })
  .refine((a) => a.endedAt === undefined || a.endedAt >= a.startedAt, { error: 'The attempt seems to end before it started. Please check the times.' });
export type LadderAttemptInput = z.input<typeof LadderAttemptInput>;

// ---- what the ladder methods return ------------------------------------------------

const percent = z.number().int().min(0).max(100);

export const LadderStep = z.object({
  id: LadderStepId,
  track: LadderTrack,
  /** 0-based, dense within the track. */
  position: z.number().int().min(0),
  text: z.string(),
  expectedDistress: percent,
  /** The suggestion it was added from (kept after edits), or null for the user's own. */
  suggestionKey: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type LadderStep = z.output<typeof LadderStep>;

export const LadderAttempt = z.object({
  id: z.number().int().positive(),
  stepId: LadderStepId,
  sessionId: z.number().int().positive().nullable(),
  startedAt: timestamp,
  endedAt: timestamp,
  distressBefore: percent,
  distressPeak: percent,
  distressAfter: percent,
  tears: z.literal([0, 1, 2, 3]),
  breathedBefore: z.boolean(),
  breathedAfter: z.boolean(),
  /** Peak strictly below the current threshold. */
  calm: z.boolean(),
});
export type LadderAttempt = z.output<typeof LadderAttempt>;

/** Where a step stands, always computed from its attempts and the current threshold. */
export const LadderStepProgress = z.object({
  attempts: z.number().int().min(0),
  lastAttemptAt: timestamp.nullable(),
  lastPeak: percent.nullable(),
  mastered: z.boolean(),
  /** When the second calm attempt in a row ended (the first time it happened), or null. */
  masteredAt: timestamp.nullable(),
  /** Calm attempts in a row up to the latest one: the latest streak. */
  calmInARow: z.number().int().min(0),
  /** Calm attempts still needed to master it; 0 when mastered. */
  calmStillNeeded: z.number().int().min(0),
});
export type LadderStepProgress = z.output<typeof LadderStepProgress>;

export const LadderStepView = LadderStep.extend({ progress: LadderStepProgress });
export type LadderStepView = z.output<typeof LadderStepView>;

export const LadderTrackView = z.object({
  track: LadderTrack,
  title: z.string(),
  forWhom: z.string(),
  steps: z.array(LadderStepView),
  mastered: z.number().int().min(0),
  total: z.number().int().min(0),
  /** The first step in order that is not mastered yet; null when empty or all mastered. */
  nextStepId: LadderStepId.nullable(),
});
export type LadderTrackView = z.output<typeof LadderTrackView>;

export const LadderView = z.object({
  threshold: LadderThreshold,
  tracks: z.array(LadderTrackView),
});
export type LadderView = z.output<typeof LadderView>;

export const SuggestedLadderStep = z.object({
  /** Stable, so a suggestion is not added twice even after the user edits its words. */
  key: z.string(),
  text: z.string(),
  expectedDistress: percent,
});
export type SuggestedLadderStep = z.output<typeof SuggestedLadderStep>;

/** A suggestion as offered: marked when the track has it already. */
export const LadderSuggestion = SuggestedLadderStep.extend({ added: z.boolean() });
export type LadderSuggestion = z.output<typeof LadderSuggestion>;

export const SuggestedLadderStepsResult = z.object({
  added: z.array(LadderStep),
  /** Suggestions skipped because the track has them already. */
  alreadyThere: z.number().int().min(0),
  /** Suggestions left out because the track is full. */
  noRoom: z.number().int().min(0),
});
export type SuggestedLadderStepsResult = z.output<typeof SuggestedLadderStepsResult>;

export const LadderAttemptRecorded = z.object({
  attempt: LadderAttempt,
  progress: LadderStepProgress,
  /** This attempt is the one that made the step mastered. */
  justMastered: z.boolean(),
});
export type LadderAttemptRecorded = z.output<typeof LadderAttemptRecorded>;
