import { z } from 'zod';
import { codePoints, multiLine, oneLine } from './text.ts';
import { TearOutcome } from './sessions.ts';
import { timestamp } from './common.ts';

/**
 * The memory box: what may be stored, asked for and shown. Names that would be too general
 * next to the rest of the contract start with "Memory".
 */

export const memoryLimits = {
  /** Characters (Unicode code points), the way SQLite's length() counts them. */
  title: 80,
  text: 4000,
  passphraseMin: 8,
  passphraseMax: 256,
} as const;

const id = (message: string) => z.number({ error: message }).int(message).positive(message);
export const MemoryId = id('Please choose a memory.');
export const OpeningId = id('That opening could not be found.');
const SessionId = id('That practice could not be found.');
const Mood = z.number({ error: 'Mood is a number from 1 to 5.' }).int().min(1, 'Mood is from 1 to 5.').max(5, 'Mood is from 1 to 5.');

export const MemoryIntensity = z
  .number({ error: 'How strong is it? Choose a number from 1 to 10.' })
  .int('How strong is it? Choose a whole number from 1 to 10.')
  .min(1, 'How strong is it? Choose a number from 1 to 10.')
  .max(10, 'How strong is it? Choose a number from 1 to 10.');

export const MemoryStatus = z.enum(['sealed', 'open', 'at-peace']);
export type MemoryStatus = z.output<typeof MemoryStatus>;

/** How an opening ended. 'stopped': left mid-way (Esc, lock, or the app closing); the memory was resealed. */
export const OpeningOutcome = z.enum(['resealed', 'kept-open', 'at-peace', 'stopped']);
export type OpeningOutcome = z.output<typeof OpeningOutcome>;

/** What the person chooses at the end of an opening. */
export const CloseChoice = z.enum(['reseal', 'keep-open', 'at-peace'], { error: 'Choose to reseal it, keep it open, or mark it at peace.' });
export type CloseChoice = z.output<typeof CloseChoice>;

/** The sessions' tear scale: none / eyes welled / a tear / cried / deep cry. */
export const MemoryTears = z.enum(TearOutcome.options, { error: 'Tears are one of: none, welled, a tear, cried, or a deep cry.' });
export type MemoryTears = z.output<typeof MemoryTears>;

const Title = oneLine({
  notText: 'Please give this memory a short title.',
  missing: 'Please give this memory a short title.',
  max: memoryLimits.title,
  tooLong: `A title has at most ${memoryLimits.title} characters.`,
  control: 'A title stays on one line.',
});

/** A few words; may be left empty (the title alone can be enough). */
const Text = multiLine({
  notText: 'The words for this memory should be text.',
  max: memoryLimits.text,
  tooLong: `That is more than fits here: keep it to ${memoryLimits.text} characters.`,
  control: 'The words contain a character that cannot be kept.',
});

/** A passphrase chosen for a memory's extra seal. */
export const NewSealPassphrase = z
  .string({ error: 'Please type a passphrase for the extra seal.' })
  .superRefine((value, ctx) => {
    const n = codePoints(value.normalize('NFC'));
    if (n < memoryLimits.passphraseMin) {
      ctx.addIssue({
        code: 'custom',
        message: `A passphrase for the extra seal needs at least ${memoryLimits.passphraseMin} characters. A few words only you would put together work well.`,
      });
    } else if (n > memoryLimits.passphraseMax) {
      ctx.addIssue({ code: 'custom', message: `A passphrase for the extra seal has at most ${memoryLimits.passphraseMax} characters.` });
    }
  });

/** The passphrase typed to open an extra seal (only its length is checked here). */
export const SealPassphrase = z
  .string({ error: 'Please type the passphrase for this memory.' })
  .superRefine((value, ctx) => {
    if (value.length === 0) ctx.addIssue({ code: 'custom', message: 'Please type the passphrase for this memory.' });
    else if (codePoints(value.normalize('NFC')) > memoryLimits.passphraseMax) {
      ctx.addIssue({ code: 'custom', message: 'That passphrase is longer than any seal here.' });
    }
  });

export const MemoryInput = z.object({
  title: Title,
  text: Text.default(''),
  intensity: MemoryIntensity,
  /** Set for an extra seal: the words are then kept only encrypted with this passphrase. */
  passphrase: NewSealPassphrase.optional(),
});
export type MemoryInput = z.input<typeof MemoryInput>;

/**
 * Changes to a memory; fields left out stay as they are. Changing the words of an
 * extra-sealed memory, or changing or removing its seal, needs its current passphrase.
 */
export const MemoryEdit = z.object({
  memoryId: MemoryId,
  title: Title.optional(),
  text: Text.optional(),
  intensity: MemoryIntensity.optional(),
  /** The current passphrase of an extra-sealed memory. */
  passphrase: SealPassphrase.optional(),
  /** A new passphrase for the extra seal, or null to remove the extra seal. */
  newPassphrase: NewSealPassphrase.nullable().optional(),
});
export type MemoryEdit = z.input<typeof MemoryEdit>;

export const RevealInput = z.object({ memoryId: MemoryId, passphrase: SealPassphrase.optional() });
export type RevealInput = z.input<typeof RevealInput>;

export const OpenMemoryInput = z.object({
  memoryId: MemoryId,
  /** The practice session this opening belongs to. */
  sessionId: SessionId.optional(),
  moodBefore: Mood,
  passphrase: SealPassphrase.optional(),
});
export type OpenMemoryInput = z.input<typeof OpenMemoryInput>;

/** Outside a practice: seal it again (so it can be offered) or mark it at peace. */
export const MemoryStatusInput = z.object({
  memoryId: MemoryId,
  status: z.enum(['sealed', 'at-peace'], { error: 'Choose to seal it again or mark it at peace.' }),
});
export type MemoryStatusInput = z.input<typeof MemoryStatusInput>;

export const CloseOpeningInput = z.object({
  openingId: OpeningId,
  outcome: CloseChoice,
  moodAfter: Mood.optional(),
  tears: MemoryTears.optional(),
});
export type CloseOpeningInput = z.input<typeof CloseOpeningInput>;

export const MemorySuggestInput = z.object({
  /** The strongest intensity the person chose to meet today (1–10). */
  maxIntensity: MemoryIntensity,
  /** Only when the person was asked and said yes: stronger memories may be suggested too. */
  allowAbove: z.boolean().default(false),
});
export type MemorySuggestInput = z.input<typeof MemorySuggestInput>;

const count = z.number().int().nonnegative();

/** One memory as the box shows it: never its words. */
export const BoxItem = z.object({
  id: MemoryId,
  title: z.string(),
  intensity: MemoryIntensity,
  status: MemoryStatus,
  /** Kept with its own passphrase. */
  extraSealed: z.boolean(),
  lastOpenedAt: timestamp.nullable(),
  openings: count,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type BoxItem = z.output<typeof BoxItem>;

/** A memory in the hands of the person who opened it. */
export const OpenedMemory = BoxItem.extend({ text: z.string() });
export type OpenedMemory = z.output<typeof OpenedMemory>;

export const Opening = z.object({
  id: OpeningId,
  memoryId: MemoryId,
  sessionId: SessionId.nullable(),
  openedAt: timestamp,
  moodBefore: Mood,
  moodAfter: Mood.nullable(),
  tears: MemoryTears.nullable(),
  /** null while the memory is still open in front of the person. */
  outcome: OpeningOutcome.nullable(),
  endedAt: timestamp.nullable(),
});
export type Opening = z.output<typeof Opening>;

export const Suggestion = z.object({
  /** The gentlest sealed memory within the chosen maximum, or null when there is none. */
  memory: BoxItem.nullable(),
  /** Sealed memories stronger than the chosen maximum, left out (the UI may ask before including them). */
  aboveMaximum: count,
});
export type Suggestion = z.output<typeof Suggestion>;
