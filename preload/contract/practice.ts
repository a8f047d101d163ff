import { z } from 'zod';
import { PracticeSoundscape } from './soundscape.ts';

/**
 * Practices are data: a sequence of steps. Built-in ones ship as JSON in resources/practices/,
 * user-made ones are stored in the vault; both pass through this schema.
 */

// ---- breathing ---------------------------------------------------------------
export const breathPhaseKinds = ['inhale', 'top-up', 'hold', 'exhale', 'rest'] as const;
export const BreathPhaseKind = z.enum(breathPhaseKinds);
export type BreathPhaseKind = z.infer<typeof BreathPhaseKind>;

export const BreathPhase = z.object({
  kind: BreathPhaseKind,
  seconds: z.number().min(0.5).max(30),
});
export type BreathPhase = z.infer<typeof BreathPhase>;

export const builtInPatternIds = ['4-7-8', 'box', 'coherent', 'sigh'] as const;
export const BuiltInPatternId = z.enum(builtInPatternIds);
export type BuiltInPatternId = z.infer<typeof BuiltInPatternId>;

export const CustomPattern = z.object({
  inhale: z.number().min(1).max(20),
  hold: z.number().min(0).max(30).default(0),
  exhale: z.number().min(1).max(30),
  rest: z.number().min(0).max(30).default(0),
});
export type CustomPattern = z.infer<typeof CustomPattern>;

export const BreathPattern = z.union([BuiltInPatternId, z.object({ custom: CustomPattern })]);
export type BreathPattern = z.infer<typeof BreathPattern>;

// ---- steps -------------------------------------------------------------------
const text = z.string().trim().min(1).max(2000);
/** What a speak step says when its practice says nothing of its own. */
export const SPEAK_TEXT = 'Say what is here, out loud. Nobody hears this but you.';
const seconds = z.number().int().min(5).max(3600);

/** The two ladder tracks (the ladder's own contract names them the same way). */
export const LadderTrack = z.enum(['letting-come', 'staying-with']);
export type LadderTrack = z.infer<typeof LadderTrack>;

export const CheckInQuestion = z.enum(['distress', 'mood', 'tears']);
export type CheckInQuestion = z.infer<typeof CheckInQuestion>;

/** How many "who it may suit" lines and aftercare ideas a practice may have (the builder says so too). */
export const MAX_SUITS = 5;
export const MAX_AFTERCARE = 8;

export const Step = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('arrive'), title: z.string().max(80).optional(), text, seconds }),
  z.object({
    kind: z.literal('breathe'),
    title: z.string().max(80).optional(),
    text: text.optional(),
    /** Absent: the person's chosen pattern (from settings) is used. */
    pattern: BreathPattern.optional(),
    cycles: z.number().int().min(1).max(200),
  }),
  z.object({
    kind: z.literal('prompt'),
    title: z.string().max(80).optional(),
    text,
    /** Absent: the step waits for "Next". */
    seconds: seconds.optional(),
    writing: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('silence'),
    title: z.string().max(80).optional(),
    text,
    focus: z.enum(['silence', 'body']).default('silence'),
    seconds,
  }),
  z.object({
    kind: z.literal('permission'),
    title: z.string().max(80).optional(),
    statement: text,
    handOnHeart: z.boolean().default(false),
    seconds,
  }),
  z.object({ kind: z.literal('check-in'), title: z.string().max(80).optional(), question: CheckInQuestion, text }),
  /**
   * Say it aloud (issue 15): a place to record a voice note, kept with the session's journal entry.
   * The microphone is asked for only when the person presses Record. Absent `seconds`: waits for "Next".
   */
  z.object({ kind: z.literal('speak'), title: z.string().max(80).optional(), text: text.default(SPEAK_TEXT), seconds: seconds.optional() }),
  // ---- steps that use the person's own tools (issue 6). Each waits for the person.
  /** Offers the gentlest sealed memory within the person's maximum; "Open it" opens it for the steps that follow. */
  z.object({ kind: z.literal('memory-open'), title: z.string().max(80).optional(), text }),
  /** Ends the opening: reseal, keep it open, or at peace, with mood after and tears. */
  z.object({ kind: z.literal('memory-close'), title: z.string().max(80).optional(), text }),
  /** Offers one item from the person's moving media. */
  z.object({ kind: z.literal('media-offer'), title: z.string().max(80).optional(), text }),
  /** The next step of a ladder track (this one, or the person's choice), with distress before. */
  z.object({ kind: z.literal('ladder-choose'), title: z.string().max(80).optional(), text, track: LadderTrack.optional() }),
  /** Peak and after distress and tears for the chosen ladder step. */
  z.object({ kind: z.literal('ladder-record'), title: z.string().max(80).optional(), text }),
  z.object({
    kind: z.literal('close'),
    title: z.string().max(80).optional(),
    text,
    aftercare: z.array(z.string().trim().min(1).max(200)).max(MAX_AFTERCARE).default([]),
  }),
]);
export type Step = z.infer<typeof Step>;
export type StepKind = Step['kind'];

export const PracticeId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'A practice id is lowercase letters, digits and dashes.');

export const Practice = z
  .object({
    id: PracticeId,
    version: z.literal(1),
    title: z.string().trim().min(1).max(80),
    summary: z.string().trim().min(1).max(400),
    /** Who it suits, in plain words ("when tears won't come"). */
    suits: z.array(z.string().trim().min(1).max(80)).min(1).max(MAX_SUITS),
    intensity: z.enum(['gentle', 'deeper']),
    /** A note shown before starting (e.g. "talk it over with a therapist first"). */
    caution: z.string().trim().max(400).optional(),
    /** A background sound that suits it; played when the person's Settings say "each practice's own". */
    soundscape: PracticeSoundscape.optional(),
    steps: z.array(Step).min(2).max(60),
  })
  .refine((p) => p.steps.at(-1)?.kind === 'close', { message: 'A practice ends with a close step.' })
  .refine((p) => pairsProblem(p.steps, 'memory-open', 'memory-close') === null, {
    message: 'Each memory-open step is followed by its own memory-close step, one memory at a time.',
  })
  .refine((p) => pairsProblem(p.steps, 'ladder-choose', 'ladder-record') === null, {
    message: 'Each ladder-choose step is followed by its own ladder-record step.',
  });
export type Practice = z.infer<typeof Practice>;

/**
 * Tool steps come in pairs: what is opened (a memory, a ladder step) is closed later in the
 * same practice, and one pair ends before the next begins. Returns the index of the first
 * step out of place, or null.
 */
export function pairsProblem(steps: ReadonlyArray<{ kind: string }>, open: StepKind, close: StepKind): number | null {
  let openAt: number | null = null;
  for (const [i, step] of steps.entries()) {
    if (step.kind === open) {
      if (openAt !== null) return i;
      openAt = i;
    } else if (step.kind === close) {
      if (openAt === null) return i;
      openAt = null;
    }
  }
  return openAt;
}
