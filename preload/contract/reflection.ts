import { z } from 'zod';
import { multiLine } from './text.ts';
import { timestamp } from './common.ts';

/**
 * Barriers and style: a short, revisitable self-reflection on what gets in the way of
 * tears, and on where the person sits between tears that won't come and tears that come
 * too easily. The shapes and checks main and the renderer share.
 */

export const reflectionLimits = {
  /** Characters (Unicode code points), the same way SQLite's length() counts them. */
  note: 280,
} as const;

/** The fixed list, in the order it is shown. Ids are stored; labels may be reworded freely. */
export const BARRIERS = [
  { id: 'taught-not-to', label: 'I was taught not to cry, at home or where I grew up' },
  { id: 'others-think', label: 'I worry what others would think of me' },
  { id: 'wont-stop', label: "I'm afraid that once I start, I won't stop" },
  { id: 'numb', label: 'I feel numb, or far away from my feelings' },
  { id: 'past-hurt', label: 'Something that hurt me makes it hard to go near my feelings' },
  { id: 'medical', label: 'Medication or a medical reason' },
  { id: 'no-private-space', label: "I don't have a private space" },
  { id: 'tears-too-soon', label: 'My tears come before my words' },
] as const;

export const BARRIER_IDS = BARRIERS.map((b) => b.id) as unknown as readonly [BarrierId, ...BarrierId[]];
export type BarrierId = (typeof BARRIERS)[number]['id'];

export const Barrier = z.enum(BARRIER_IDS, { error: 'Please choose from the list.' });

/** The two ends of the slider, as the app names them. */
export const STYLE_ENDS = {
  0: "My tears won't come",
  100: 'My tears come too easily, and are hard to stop',
} as const;

/**
 * Shown (kindly, never as a warning) when medication or a medical reason is one of the
 * answers.
 */
export const DOCTOR_NOTE =
  "Some medicines and health conditions can make tears harder to reach, or easier. That is nobody's fault. " +
  'If you like, bring it up with your doctor next time you see them; they can tell you whether it plays a part for you. ' +
  'The practices here are still yours to try, gently.';

const Note = multiLine({
  notText: 'The note should be text.',
  max: reflectionLimits.note,
  tooLong: `Keep the note to ${reflectionLimits.note} characters.`,
  control: 'The note contains a character that cannot be kept.',
});

/** 0 = tears won't come, 100 = tears come too easily; null = not answered. */
export const Style = z
  .number({ error: 'Please use the slider to choose a place between the two ends.' })
  .int('Please use the slider to choose a place between the two ends.')
  .min(0, 'Please use the slider to choose a place between the two ends.')
  .max(100, 'Please use the slider to choose a place between the two ends.');

/** What the person answers. Every part may be left out, but not all of them at once. */
export const ReflectionInput = z
  .object({
    barriers: z
      .array(Barrier, { error: 'Please choose from the list.' })
      .max(BARRIERS.length * 2, 'Please choose from the list.')
      .default([])
      // Shown and stored in the list's own order, each once.
      .transform((chosen) => BARRIER_IDS.filter((id) => chosen.includes(id))),
    style: Style.nullable()
      .optional()
      .transform((value) => value ?? null),
    note: Note.default(''),
  })
  .superRefine((r, ctx) => {
    if (r.barriers.length === 0 && r.style === null && r.note === '') {
      ctx.addIssue({ code: 'custom', message: 'There is nothing to keep yet. Choose anything that fits, or come back another day.' });
    }
  });
export type ReflectionInput = z.input<typeof ReflectionInput>;
export type ReflectionFields = z.output<typeof ReflectionInput>;

export const SelfReflection = z.object({
  id: z.number().int().positive(),
  answeredAt: timestamp,
  barriers: z.array(Barrier),
  style: Style.nullable(),
  note: z.string(),
  /** Medication or a medical reason was chosen: show DOCTOR_NOTE. */
  talkWithDoctor: z.boolean(),
});
export type SelfReflection = z.output<typeof SelfReflection>;

/** Where the slider sits: tears won't come, tears come too easily, in between, or not answered. */
export const Leaning = z.enum(['blocked', 'over', 'between', 'unsure']);
export type Leaning = z.output<typeof Leaning>;

/** The practices in the order to show them, for the latest answers (see main/core/reflection/suggest.ts). */
export const PracticeSuggestion = z.object({
  /** Every practice id given, each once, in the order to show them. */
  order: z.array(z.string()),
  /** null before the first reflection (the order is then the library's own). */
  leaning: Leaning.nullable(),
  /** Medication or a medical reason was chosen: show DOCTOR_NOTE. */
  talkWithDoctor: z.boolean(),
});
export type PracticeSuggestion = z.output<typeof PracticeSuggestion>;
