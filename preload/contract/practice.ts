import { z } from 'zod';

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
const seconds = z.number().int().min(5).max(3600);

export const CheckInQuestion = z.enum(['distress', 'mood', 'tears']);
export type CheckInQuestion = z.infer<typeof CheckInQuestion>;

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
  z.object({
    kind: z.literal('close'),
    title: z.string().max(80).optional(),
    text,
    aftercare: z.array(z.string().trim().min(1).max(200)).max(8).default([]),
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
    suits: z.array(z.string().trim().min(1).max(80)).min(1).max(5),
    intensity: z.enum(['gentle', 'deeper']),
    /** A note shown before starting (e.g. "talk it over with a therapist first"). */
    caution: z.string().trim().max(400).optional(),
    steps: z.array(Step).min(2).max(60),
  })
  .refine((p) => p.steps.at(-1)?.kind === 'close', { message: 'A practice ends with a close step.' });
export type Practice = z.infer<typeof Practice>;
