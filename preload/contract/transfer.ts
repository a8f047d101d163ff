import { z } from 'zod';
import { method, none, ok, timestamp } from './common.ts';

/**
 * Export (your words in plain files) and import (journals from other apps). The page never
 * sends a path: the OS dialog runs in main, main keeps what was chosen, and the page only
 * hears a name to show. So a page can never point Saltwater at a file of its choosing.
 */

/**
 * Said in the confirmation before an export and again with its result; kept here, in the
 * contract, so main and the page show one text.
 */
export const PLAIN_FILES_WARNING =
  'These files are not encrypted. Anyone who can open them, on this computer, a USB drive or in a cloud folder, ' +
  'can read every word in them. Keep them somewhere only you can reach, and delete them when you no longer need them.';

/**
 * Webhook addresses and header values go into an "everything" JSON file, so that an import
 * brings trusted people back ready to use. They often hold a secret token. Said before
 * (the page cannot know yet whether there are any) and after (only when there were).
 */
export const WEBHOOK_SECRETS_BEFORE =
  'The JSON file will also hold the web addresses and keys Saltwater uses to send signals to your trusted people, if you have set any up. ' +
  'With them, someone could send a signal in your name, so keep the file as safe as a password.';
export const WEBHOOK_SECRETS_WARNING =
  'The file also holds the web addresses and keys Saltwater uses to send signals to your trusted people. ' +
  'With them, someone could send a signal in your name, so keep the file as safe as a password.';

/** A folder of files, or one .zip file. */
export const ExportAs = z.enum(['folder', 'zip'], { error: 'Please choose a folder or a .zip file.' });
export type ExportAs = z.infer<typeof ExportAs>;

/** What the person chose in the dialog, as something to show; null when they cancelled. */
export const ChosenPlace = z.object({ name: z.string() }).nullable();

const EXPORT_NOTHING = 'Please choose at least one thing to export.';
const RANGE_BACKWARDS = 'The start of the date range must come before its end.';

export const ExportRun = z
  .strictObject({
    /** One Markdown file per journal entry. */
    markdown: z.boolean({ error: EXPORT_NOTHING }),
    /** The JSON file: none, the journal only, or everything in the vault. */
    json: z.enum(['none', 'journal', 'everything'], { error: EXPORT_NOTHING }),
    /** Entries written from `from` (inclusive) until `to` (exclusive); null for an open end. */
    from: timestamp.nullable(),
    to: timestamp.nullable(),
    /**
     * The person read that the files are not encrypted and went on. Checked here too, so no
     * screen can write plain files without having shown the warning.
     */
    understood: z.literal(true, { error: 'Please confirm you understand these files are not encrypted.' }),
  })
  .refine((r) => r.markdown || r.json !== 'none', { error: EXPORT_NOTHING })
  .refine((r) => r.from === null || r.to === null || r.from < r.to, { error: RANGE_BACKWARDS });
export type ExportRun = z.infer<typeof ExportRun>;

export const ExportOutcome = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('saved'),
    /** Where the finished folder or .zip is, to show (the page cannot send it back). */
    where: z.string(),
    files: z.number().int().nonnegative(),
    entries: z.number().int().nonnegative(),
    /** Plain words about what the files hold and how to keep them. */
    warnings: z.array(z.string()),
  }),
  /** Stopped with Cancel (or by the vault locking): nothing was left behind. */
  z.object({ outcome: z.literal('cancelled') }),
]);
export type ExportOutcome = z.infer<typeof ExportOutcome>;

export const ExportProgress = z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() });
export type ExportProgress = z.infer<typeof ExportProgress>;

/** Where to import from: one file (Day One .zip or .json, jrnl .json, Daylio .csv, a Saltwater export) or a folder. */
export const ImportFrom = z.enum(['file', 'folder'], { error: 'Please choose a file or a folder.' });
export type ImportFrom = z.infer<typeof ImportFrom>;

const count = z.number().int().nonnegative();

/** What an import would do (preview) or did; every sentence is ready to show. */
export const ImportPreview = z.object({
  /** The file or folder, by name. */
  source: z.string(),
  /** "Day One", "jrnl", "Saltwater" … */
  formatName: z.string(),
  /** Entries found in the source, added or not. */
  found: count,
  /** Journal entries that will be added. */
  toAdd: count,
  skipped: z.array(z.object({ count, message: z.string(), examples: z.array(z.string()) })),
  /** What the source holds that Saltwater does not keep ("3 photos"). */
  leftOut: z.array(z.object({ count, message: z.string() })),
  /** Besides entries (a Saltwater export only): "4 practice sessions". */
  alsoAdds: z.array(z.string()),
  /** Anything else the person should know, in plain sentences. */
  notes: z.array(z.string()),
  /** When the first and last entries to add were written; null when there are none. */
  firstAt: timestamp.nullable(),
  lastAt: timestamp.nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = ImportPreview.extend({ added: count });
export type ImportResult = z.infer<typeof ImportResult>;

export const transferMethods = {
  /** Opens the OS dialog for a folder or a .zip to save to; main keeps the place. */
  'export.chooseDestination': method(z.strictObject({ as: ExportAs }), ChosenPlace),
  /** Writes the export to the chosen place, sending export.progress; one at a time. */
  'export.run': method(ExportRun, ExportOutcome),
  /** Stops the export that is running (nothing is left behind); harmless when none is. */
  'export.cancel': method(none, ok),
  /** Opens the OS dialog for a file or a folder to import; main keeps it. */
  'import.chooseSource': method(z.strictObject({ from: ImportFrom }), ChosenPlace),
  /** Reads the chosen source and says what importing would add, skip and leave out; changes nothing. */
  'import.preview': method(none, ImportPreview),
  /** Imports the chosen source in one transaction: all of it, or nothing if anything is wrong. */
  'import.commit': method(none, ImportResult),
} as const;

export const transferEvents = {
  /** How far the running export is: files written of all it will write. */
  'export.progress': ExportProgress,
} as const;
