import type { NamedEmotion } from '../../../preload/contract/index.ts';

/**
 * The common shape every importer turns its format into, and the small vocabulary the
 * preview uses to say what was skipped or left out. Importers are pure: bytes in, this out.
 */

/** Formats Saltwater can read. 'saltwater' is its own JSON export (saltwater-json.ts). */
export type ImportFormat = 'day-one' | 'jrnl' | 'daylio' | 'markdown' | 'saltwater';

/** What a source had that Saltwater does not keep (counted per item: 3 photos, 2 locations). */
export type LeftOutKind =
  | 'photos'
  | 'videos'
  | 'audio'
  | 'pdfs'
  | 'locations'
  | 'weather'
  | 'starred'
  | 'pinned'
  | 'extra-tags'
  | 'front-matter';

/** Why an entry found in the source will not be added. */
export type SkipReason = 'already-imported' | 'repeated' | 'empty' | 'too-long' | 'no-date' | 'not-text' | 'invalid';

/** One entry as read from a source, before it is checked against the vault. */
export interface ImportedEntry {
  /**
   * Names this entry in its source, stable across imports of the same file: the source's
   * own id where it has one (a Day One uuid), otherwise a hash of its date and text
   * (sourceHash). The service prefixes the format.
   */
  sourceId: string;
  /** Where it sits in the source, for a person: "entry 3", "row 5", "Daily/2026-12-03.md". */
  label: string;
  /** Epoch ms; the source's own dates, read in the source's time zone. */
  createdAt: number;
  updatedAt: number;
  /** Markdown, as the journal keeps it. */
  body: string;
  /** Raw tags; the service cleans them to Saltwater's tag rules. */
  tags: string[];
  emotions: NamedEmotion[];
  /** What this entry had that is not brought over. */
  leftOut: Partial<Record<LeftOutKind, number>>;
}

/** An entry the importer could not turn into an ImportedEntry (no readable date, not text). */
export interface UnreadableEntry {
  label: string;
  reason: Extract<SkipReason, 'no-date' | 'not-text' | 'empty'>;
}

export interface ParsedImport {
  entries: ImportedEntry[];
  unreadable: UnreadableEntry[];
}

/** What an importer may need from outside the file. */
export interface ParseContext {
  /** IANA zone for sources that write local times without a zone (jrnl, Daylio, file names). */
  zone: string;
  /** Feeling words Saltwater knows (built-in and the person's own), lowercase. */
  knownWords: ReadonlySet<string>;
}

/** A file's bytes, or a folder's readable text files (relative paths with '/'), already size-checked. */
export type ImportSource =
  | { kind: 'file'; name: string; bytes: Uint8Array }
  | { kind: 'folder'; name: string; files: { path: string; bytes: Uint8Array }[] };

/**
 * One format. `recognises` is cheap and never throws (used to detect the format);
 * `parse` throws AppError('INVALID_INPUT') naming what is wrong when the source is not
 * this format after all, and changes nothing anywhere.
 */
export interface Importer {
  format: ImportFormat;
  /** The app's name as people know it: "Day One". */
  name: string;
  recognises(source: ImportSource): boolean;
  parse(source: ImportSource, context: ParseContext): ParsedImport;
}
