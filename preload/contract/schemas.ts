import { z } from 'zod';
import { BreathPattern } from './practice.ts';

/** Shared limits, so the UI and the services agree on what is acceptable. */
export const limits = {
  passphraseMin: 8,
  passphraseMax: 1024,
  entryBodyMax: 2_000_000, // characters; a 1 MB entry must fit comfortably
  emotionsPerEntry: 30,
  tagsPerEntry: 30,
  tagMax: 40,
  wordMax: 40,
  bodyLocationMax: 80,
  searchQueryMax: 500,
  listPageMax: 200,
} as const;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const Passphrase = z
  .string()
  .min(limits.passphraseMin, `A passphrase needs at least ${limits.passphraseMin} characters.`)
  .max(limits.passphraseMax, 'That passphrase is longer than we can accept.');

// ---- vault ---------------------------------------------------------------
export const VaultState = z.enum(['new', 'locked', 'unlocked']);
export const VaultStatus = z.object({
  state: VaultState,
  /** Milliseconds until the next unlock attempt is allowed (0 when free). */
  retryAfterMs: z.number().int().nonnegative(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const RecoveryKeyText = z.string().max(400);

// ---- emotions --------------------------------------------------------------
export const EmotionWord = trimmed(limits.wordMax);
export const EmotionFamily = z.object({
  id: z.string(),
  name: z.string(),
  words: z.array(z.string()),
});
export const Vocabulary = z.object({
  families: z.array(EmotionFamily),
  /** Words the user added, already merged into `families`; listed for display. */
  custom: z.array(z.object({ word: z.string(), family: z.string() })),
});
export type Vocabulary = z.infer<typeof Vocabulary>;

export const NamedEmotion = z.object({
  word: EmotionWord,
  intensity: z.number().int().min(1).max(10),
  bodyLocation: z.string().trim().max(limits.bodyLocationMax).default(''),
});
export type NamedEmotion = z.infer<typeof NamedEmotion>;

// ---- journal ---------------------------------------------------------------
export const EntryId = z.number().int().positive();
export const Tag = trimmed(limits.tagMax).transform((t) => t.toLowerCase());

export const EntryFields = z.object({
  body: z.string().max(limits.entryBodyMax, 'This entry is too long to save.'),
  emotions: z.array(NamedEmotion).max(limits.emotionsPerEntry),
  tags: z.array(Tag).max(limits.tagsPerEntry),
});

export const Entry = z.object({
  id: EntryId,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  body: z.string(),
  emotions: z.array(NamedEmotion),
  tags: z.array(z.string()),
  /** The practice session this entry was written about, if any. */
  sessionId: z.number().int().positive().nullable(),
});
export type Entry = z.infer<typeof Entry>;

export const EntrySummary = z.object({
  id: EntryId,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** The first line or so of text, plain. */
  preview: z.string(),
  emotions: z.array(z.string()),
  tags: z.array(z.string()),
});
export type EntrySummary = z.infer<typeof EntrySummary>;

/** A piece of a search snippet; `match` pieces are highlighted. Plain text, never HTML. */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export const SearchHit = EntrySummary.extend({ snippet: z.array(SnippetPart) });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchQuery = z.object({
  text: z.string().max(limits.searchQueryMax).default(''),
  emotion: z.string().max(limits.wordMax).optional(),
  tag: z.string().max(limits.tagMax).optional(),
  limit: z.number().int().min(1).max(limits.listPageMax).default(50),
});

// ---- settings --------------------------------------------------------------
export const Settings = z.object({
  /** Minutes of inactivity before the vault locks itself. */
  idleLockMinutes: z.number().int().min(1).max(240),
  /** The breathing pattern used where a practice leaves it to the person. */
  breathPattern: BreathPattern,
  /** Soft tones for breathing cues: off until the person turns them on once. */
  audioEnabled: z.boolean(),
  audioVolume: z.number().min(0).max(1),
  /** 'system' follows prefers-reduced-motion; 'reduce' always uses the still cue. */
  motion: z.enum(['system', 'reduce']),
});
export type Settings = z.infer<typeof Settings>;
export const defaultSettings: Settings = {
  idleLockMinutes: 10,
  breathPattern: 'coherent',
  audioEnabled: false,
  audioVolume: 0.5,
  motion: 'system',
};
