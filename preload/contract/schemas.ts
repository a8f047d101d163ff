import { z } from 'zod';
import { BreathPattern } from './practice.ts';
import { CountryCode, maxSafetyEntries, SafetyEntry } from './safety.ts';
import { SoundscapeSetting } from './soundscape.ts';
import { SessionId, timestamp } from './common.ts';
// Shared limits, so the UI and the services agree on what is acceptable (plain values, no zod).
import { defaultQuickHideKey, limits } from './constants.ts';

export { limits };

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const Passphrase = z
  .string()
  .min(limits.passphraseMin, `A passphrase needs at least ${limits.passphraseMin} characters.`)
  .max(limits.passphraseMax, 'That passphrase is longer than we can accept.');

// ---- vault ---------------------------------------------------------------
export const VaultState = z.enum(['new', 'locked', 'unlocked']);
/** A restore cut off when Saltwater closed, settled at the next start: finished, or given up. */
export const RestoreAtStart = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('completed'),
    /** When the backup now in place was made, if its record could be read. */
    backupMadeAt: timestamp.nullable(),
    /** The folder that keeps the journal as it was, or null when there was none before. */
    safetyCopy: z.string().nullable(),
  }),
  z.object({ outcome: z.literal('discarded') }),
]);
export type RestoreAtStart = z.infer<typeof RestoreAtStart>;

export const VaultStatus = z.object({
  state: VaultState,
  /** Milliseconds until the next unlock attempt is allowed (0 when free). */
  retryAfterMs: z.number().int().nonnegative(),
  /** The recovery key was never confirmed (the app closed first): show it again after unlock. */
  keyToConfirm: z.boolean().optional(),
  /** While unlocked: after an unclean exit, recent changes did not survive. Tell the person once. */
  changesMayBeMissing: z.boolean().optional(),
  /** While unlocked, after the first unlock since start: a restore cut off when Saltwater closed was settled. Tell the person once. */
  restoreAtStart: RestoreAtStart.optional(),
  /** While unlocked, after the unlock that took them in: quick notes written while locked, now entries. Tell the person once. */
  quickNotesTaken: z.number().int().positive().optional(),
  /** Sealed notes this vault's key could not open (sealed to another vault's key, or cut short by a crash), kept aside. Tell once. */
  quickNotesKeptAside: z.number().int().positive().optional(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const RecoveryKeyText = z.string().max(400);

// ---- emotions --------------------------------------------------------------
export const EmotionWord = trimmed(limits.wordMax);

/**
 * One axis of the mood-meter grid: a whole number from -5 to 5 without 0, as on the
 * classic mood meter, so every placed word leans one way (1 or -1 is "only slightly").
 */
const offTheGrid = 'A place on the grid is a whole number from -5 to 5, other than 0.';
export const EmotionAxis = z.number().int(offTheGrid).min(-5, offTheGrid).max(5, offTheGrid).refine((v) => v !== 0, offTheGrid);
/** Where a feeling sits: pleasantness -5 (very unpleasant) … 5, energy -5 (very low, still) … 5 (stirred up). */
export const EmotionPlacement = z.object({ pleasantness: EmotionAxis, energy: EmotionAxis });
export type EmotionPlacement = z.infer<typeof EmotionPlacement>;

export const EmotionFamily = z.object({
  id: z.string(),
  name: z.string(),
  words: z.array(z.string()),
  /** A short, gentle line about the family. */
  description: z.string().optional(),
});
export const CustomEmotionWord = z.object({
  word: z.string(),
  family: z.string(),
  /** Where the person put their word on the grid; null or absent when they left it unplaced. */
  placement: EmotionPlacement.nullable().optional(),
});
export const Vocabulary = z.object({
  families: z.array(EmotionFamily),
  /** Words the user added, already merged into `families`; listed for display. */
  custom: z.array(CustomEmotionWord),
  /** Every placed word, built-in and the user's own, by word. Unplaced words are absent. */
  placements: z.record(z.string(), EmotionPlacement).optional(),
  /**
   * The reserved "I can't name it yet" answer. It is a word like any other for the journal
   * (it also appears as the last, unplaced family), but never counts towards granularity.
   */
  notYetWord: z.string().optional(),
});
export type Vocabulary = z.infer<typeof Vocabulary>;

/** Input of emotions.addWord: `placement` is optional so older callers keep working. */
export const AddEmotionWordInput = z.object({
  word: EmotionWord,
  family: z.string().min(1).max(40),
  placement: EmotionPlacement.nullable().optional(),
});
/** Input of emotions.placeWord: moves one of the user's own words on the grid (null: unplaced). */
export const PlaceEmotionWordInput = z.object({ word: EmotionWord, placement: EmotionPlacement.nullable() });

/** How many different feeling words the person has used; "can't name it yet" is not counted. */
export const EmotionGranularity = z.object({
  distinctWords: z.number().int().nonnegative(),
  /** Different words used in the last 30 days. */
  wordsLast30Days: z.number().int().nonnegative(),
  /** Words used for the first time in the last 30 days. */
  newLast30Days: z.number().int().nonnegative(),
  /** The last 12 calendar months in the person's time zone, oldest first, this month last. */
  months: z.array(
    z.object({
      /** "YYYY-MM" */
      month: z.string().regex(/^\d{4}-\d{2}$/),
      /** Words first used in this month. */
      newWords: z.number().int().nonnegative(),
      /** Different words used by the end of this month, all time (cumulative). */
      distinctSoFar: z.number().int().nonnegative(),
    }),
  ),
  /** One warm sentence for the UI, never a judgement. */
  sentence: z.string(),
});
export type EmotionGranularity = z.infer<typeof EmotionGranularity>;

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

/** The practice session an entry was written in or about: shown with the entry, and a way back to it in History. */
export const EntryOrigin = z.object({ sessionId: SessionId, practice: z.string(), startedAt: timestamp }).nullable();
export type EntryOrigin = z.infer<typeof EntryOrigin>;

export const Entry = z.object({
  id: EntryId,
  createdAt: timestamp,
  updatedAt: timestamp,
  body: z.string(),
  emotions: z.array(NamedEmotion),
  tags: z.array(z.string()),
  /** The practice session this entry was written about, if any. */
  sessionId: SessionId.nullable(),
  fromSession: EntryOrigin,
});
export type Entry = z.infer<typeof Entry>;

export const EntrySummary = z.object({
  id: EntryId,
  createdAt: timestamp,
  updatedAt: timestamp,
  /** The first line or so of text, plain. */
  preview: z.string(),
  emotions: z.array(z.string()),
  tags: z.array(z.string()),
  fromSession: EntryOrigin,
  /** How many voice notes it holds (absent: none). */
  voiceNotes: z.number().int().nonnegative().optional(),
});
export type EntrySummary = z.infer<typeof EntrySummary>;

/** A piece of a search snippet; `match` pieces are highlighted. Plain text, never HTML. */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export const SearchHit = EntrySummary.extend({ snippet: z.array(SnippetPart) });
export type SearchHit = z.infer<typeof SearchHit>;

/** A page of a list, newest first. */
export const ListQuery = z.object({ limit: z.number().int().min(1).max(limits.listPageMax).default(50) });

/**
 * Where the next page of search results starts: the last hit shown. Results are ordered by when
 * an entry was written, newest first, ties by id, so the cursor holds both.
 */
export const SearchCursor = z.object({ createdAt: timestamp, id: EntryId });
export type SearchCursor = z.infer<typeof SearchCursor>;

export const SearchQuery = z.object({
  text: z.string().max(limits.searchQueryMax).default(''),
  emotion: z.string().max(limits.wordMax).optional(),
  tag: z.string().max(limits.tagMax).optional(),
  ...ListQuery.shape,
  /** The `next` of the page before; without it, the first page. */
  before: SearchCursor.optional(),
});

/** One page of matches, the true number of all matches, and where the next page starts (null: none left). */
export const SearchResults = z.object({
  hits: z.array(SearchHit),
  total: z.number().int().nonnegative(),
  next: SearchCursor.nullable(),
});
export type SearchResults = z.infer<typeof SearchResults>;

// ---- backups ---------------------------------------------------------------
export const BackupInfo = z.object({
  /** "Saltwater 2026-12-03 2014.swbackup" */
  name: z.string(),
  at: timestamp,
  bytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupList = z.object({
  /** Where backups go now. */
  folder: z.string(),
  /** The folder the person chose, or null for the one beside the vault. */
  chosenFolder: z.string().nullable(),
  /** The chosen folder is missing (a drive unplugged): backups go beside the vault meanwhile. */
  chosenMissing: z.boolean(),
  /** Newest first; each was read back and checked when it was made. */
  backups: z.array(BackupInfo),
  /** Why the last automatic backup could not be made, until one is. */
  lastProblem: z.string().nullable(),
});
export type BackupList = z.infer<typeof BackupList>;

/** Which backup to open for a restore: one in the list, or the file picked with backup.pickFile. */
export const BackupSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('listed'), name: z.string().min(1).max(300) }),
  z.object({ kind: z.literal('picked') }),
]);
export type BackupSource = z.infer<typeof BackupSource>;

export const BackupUnlock = z.union([
  z.object({ passphrase: z.string().min(1).max(limits.passphraseMax) }),
  z.object({ recoveryKey: RecoveryKeyText }),
]);
export type BackupUnlock = z.infer<typeof BackupUnlock>;

/** What a backup holds, shown before it replaces anything. */
export const BackupSummary = z.object({
  name: z.string(),
  createdAt: timestamp,
  entries: z.number().int().nonnegative(),
  sessions: z.number().int().nonnegative(),
  firstEntryAt: timestamp.nullable(),
  lastEntryAt: timestamp.nullable(),
  /** Opened with the recovery key: restoring it needs a new passphrase. */
  needsNewPassphrase: z.boolean(),
});
export type BackupSummary = z.infer<typeof BackupSummary>;

export const KeepPolicy = z.object({
  daily: z.number().int().min(1).max(60),
  weekly: z.number().int().min(0).max(52),
  monthly: z.number().int().min(0).max(120),
});
export type KeepPolicy = z.infer<typeof KeepPolicy>;

// ---- formats ---------------------------------------------------------------
export const HourCycle = z.enum(['h12', 'h23']);
export type HourCycle = z.infer<typeof HourCycle>;
/** The computer's own way of writing dates and times; null where the OS does not say. */
export const SystemFormats = z.object({
  locale: z.string().max(100).nullable(),
  hourCycle: HourCycle.nullable(),
});
export type SystemFormats = z.infer<typeof SystemFormats>;

// ---- privacy on this computer ---------------------------------------------
/** The quick-hide shortcut: "mod" is Cmd on macOS and Ctrl elsewhere; 'off' turns it off. */
export const QuickHideKey = z.enum(['mod+shift+h', 'mod+shift+space', 'ctrl+alt+h', 'off']);
export type QuickHideKey = z.infer<typeof QuickHideKey>;
/** What this computer's desktop can do (the browser preview can do none of it). */
export const DesktopSupport = z.object({
  /** macOS: shortcuts are written with Cmd. */
  mac: z.boolean(),
  /** Keeping the window out of screenshots and screen sharing (Windows and macOS). */
  contentProtection: z.boolean(),
  /** Opening Saltwater when you log in (Windows and macOS). */
  openAtLogin: z.boolean(),
  /** A shortcut that works while another app is in front. */
  globalShortcut: z.boolean(),
  /** A tray or menu-bar icon (Linux: where the desktop shows status icons). */
  tray: z.boolean(),
});
export type DesktopSupport = z.infer<typeof DesktopSupport>;

// ---- settings --------------------------------------------------------------
export const Settings = z.object({
  /** Minutes of inactivity before the vault locks itself. */
  idleLockMinutes: z.number().int().min(1).max(240),
  /** The breathing pattern used where a practice leaves it to the person. */
  breathPattern: BreathPattern,
  /** Soft tones for breathing cues: off until the person turns them on once. */
  audioEnabled: z.boolean(),
  audioVolume: z.number().min(0).max(1),
  /** A background sound in sessions (heard while session sound is on): none until the person chooses one. */
  soundscape: SoundscapeSetting,
  soundscapeVolume: z.number().min(0).max(1),
  /** 'system' follows prefers-reduced-motion; 'reduce' always uses the still cue. */
  motion: z.enum(['system', 'reduce']),
  /** Light or dark; 'system' follows the computer's appearance setting. */
  theme: z.enum(['system', 'light', 'dark']),
  /** Sessions stay dim and low-stimulus whatever the theme ('dim'), or follow it ('theme'). */
  sessionLook: z.enum(['dim', 'theme']),
  /** 12 or 24 hours; 'system' follows the computer. */
  clock: z.enum(['system', 'h12', 'h23']),
  /** Whose crisis lines to show; null follows the computer's language and region. */
  crisisCountry: CountryCode.nullable(),
  /** The person's own people and lines, shown before the crisis lines. */
  safetyEntries: z.array(SafetyEntry).max(maxSafetyEntries, `You can keep up to ${maxSafetyEntries} entries of your own.`),
  /** The strongest memory the box offers without asking first (1–10). */
  memoryMaxIntensity: z.number().int().min(1).max(10),
  /** Back up by itself when the vault locks or the app closes after changes, and once a day. */
  autoBackup: z.boolean(),
  /** How many backups to keep: the newest of each of this many days, weeks and months. */
  backupKeep: KeepPolicy,
  /** Hides the window at once and locks (for when someone walks in). */
  quickHideKey: QuickHideKey,
  /** The quick-hide shortcut also works while another app is in front. */
  quickHideGlobal: z.boolean(),
  /** Keep the window out of screenshots and screen sharing, where the OS allows it. */
  contentProtection: z.boolean(),
  /** Open Saltwater when you log in to this computer. */
  openAtLogin: z.boolean(),
  /** A small icon in the tray or menu bar: Open, Quick note, Lock, Quit. */
  trayIcon: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;
export const defaultSettings: Settings = {
  idleLockMinutes: 10,
  breathPattern: 'coherent',
  audioEnabled: false,
  audioVolume: 0.5,
  soundscape: 'none',
  soundscapeVolume: 0.5,
  motion: 'system',
  theme: 'system',
  sessionLook: 'dim',
  clock: 'system',
  crisisCountry: null,
  safetyEntries: [],
  memoryMaxIntensity: 6,
  autoBackup: true,
  backupKeep: { daily: 7, weekly: 4, monthly: 12 },
  quickHideKey: defaultQuickHideKey,
  quickHideGlobal: false,
  contentProtection: true,
  openAtLogin: false,
  trayIcon: false,
};
/** The settings main applies to the window and the OS (see CoreOptions.applyDesktop). */
export type DesktopSettings = Pick<Settings, 'quickHideKey' | 'quickHideGlobal' | 'contentProtection' | 'openAtLogin' | 'trayIcon'>;
export const desktopSettingKeys = ['quickHideKey', 'quickHideGlobal', 'contentProtection', 'openAtLogin', 'trayIcon'] as const satisfies readonly (keyof DesktopSettings)[];

// ---- quick notes -------------------------------------------------------------
/** A few words written on the lock screen or from the tray, sealed until the next unlock. */
export const QuickNoteText = z
  .string()
  .max(limits.quickNoteMax, `A quick note can hold up to ${limits.quickNoteMax.toLocaleString('en')} characters; the rest can go in the journal after unlocking.`)
  .refine((text) => text.trim().length > 0, 'There is nothing in the note yet.');
export const QuickNoteStatus = z.object({
  /** Notes can be sealed now (false until this vault has been unlocked once on this computer). */
  ready: z.boolean(),
  /** Sealed notes waiting for the next unlock. */
  waiting: z.number().int().nonnegative(),
});
export type QuickNoteStatus = z.infer<typeof QuickNoteStatus>;

// ---- keychain unlock ---------------------------------------------------------
export const KeychainStatus = z.object({
  /** 'plain-text': Linux without a secret service, where the "keychain" would be a readable file; refused. */
  support: z.enum(['available', 'plain-text', 'unavailable']),
  /** The data key is also kept, wrapped by the computer's keychain, for this vault. */
  enabled: z.boolean(),
});
export type KeychainStatus = z.infer<typeof KeychainStatus>;
