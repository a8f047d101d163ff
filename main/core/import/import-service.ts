import { EntryFields, limits, type NamedEmotion } from '../../../preload/contract/index.ts';
import { builtInVocabulary, notYetWord } from '../journal/vocabulary.ts';
import { isTimeZone } from '../../../preload/contract/schedule/zone-time.ts';
import { systemZone, type Clock } from '../ports.ts';
import type { Db } from '../vault/database.ts';
import { statement } from '../vault/statements.ts';
import { detectFormat, importerFor, importers as defaultImporters } from './detect.ts';
import type { ImportFormat, ImportedEntry, Importer, LeftOutKind, ParseContext, ParsedImport, SkipReason } from './imported-entry.ts';
import { readImportSource, type SourceLimits } from './source.ts';
import { cleanTags, sourceHash } from './source-text.ts';

/** Entries that will not be added, for one reason, with a few of their places in the source. */
export interface SkippedGroup {
  reason: SkipReason;
  count: number;
  /** A plain sentence: "2 entries have no text." */
  message: string;
  /** Up to five labels ("entry 3", "row 7", "Daily/2026-12-03.md"). */
  examples: string[];
}

/** Something the source holds that Saltwater does not keep, counted over the entries to be added. */
export interface LeftOutItem {
  what: LeftOutKind;
  count: number;
  /** "3 photos" */
  message: string;
}

/** What an import would do (preview) or did (commit). */
export interface ImportPreview {
  format: ImportFormat;
  /** "Day One" */
  formatName: string;
  /** Entries found in the source, added or not. */
  found: number;
  toAdd: number;
  skipped: SkippedGroup[];
  leftOut: LeftOutItem[];
  /** When the first and last of the entries to add were written; null when none. */
  firstAt: number | null;
  lastAt: number | null;
}

export interface ImportResult extends ImportPreview {
  /** Equal to toAdd: the import is all or nothing. */
  added: number;
}

export interface ImportServiceOptions {
  /** Read on every call: the vault reopens the connection on unlock. */
  db: () => Db;
  clock: Clock;
  /** The IANA zone for sources that write times without one (default: the computer's). */
  zone?: () => string;
  importers?: readonly Importer[];
  sourceLimits?: SourceLimits;
}

interface Planned {
  key: string;
  entry: ImportedEntry;
  tags: string[];
  emotions: NamedEmotion[];
}

const sql = {
  imported: `SELECT 1 FROM imported_entries WHERE source_key = ?`,
  customWords: `SELECT word FROM custom_emotion_words`,
  insertEntry: `INSERT INTO entries (created_at, updated_at, body) VALUES (?, ?, ?)`,
  insertEmotion: `INSERT INTO entry_emotions (entry_id, position, word, intensity, body_location) VALUES (?, ?, ?, ?, ?)`,
  insertTag: `INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)`,
  remember: `INSERT INTO imported_entries (source_key, entry_id, imported_at) VALUES (?, ?, ?)`,
} as const;

/**
 * Brings journals from other apps into the vault. preview() reads the source and says what
 * an import would add, skip and leave out; commit() does exactly that, in one transaction,
 * so a file that turns out to be bad changes nothing. Each added entry is remembered by its
 * place in its source (imported_entries), so importing the same file again adds nothing.
 */
export class ImportService {
  private readonly zone: () => string;
  private readonly registry: readonly Importer[];

  constructor(private readonly o: ImportServiceOptions) {
    this.zone = o.zone ?? systemZone;
    this.registry = o.importers ?? defaultImporters;
  }

  /**
   * Which format the file or folder at `path` is. 'saltwater' (Saltwater's own export) is
   * read by saltwater-json.ts, not by preview/commit here, which refuse it.
   */
  detect(path: string): ImportFormat {
    return detectFormat(readImportSource(path, this.o.sourceLimits), this.registry);
  }

  /** A dry run: reads the source and checks it against the vault; writes nothing. */
  preview(path: string, format?: ImportFormat): ImportPreview {
    const { importer, parsed } = this.read(path, format);
    return summary(importer, parsed, planImport(this.o.db(), importer.format, parsed));
  }

  /** Adds what preview() would report as to be added, all or nothing. */
  commit(path: string, format?: ImportFormat): ImportResult {
    const { importer, parsed } = this.read(path, format);
    const db = this.o.db();
    const now = this.o.clock.now();
    return db.transaction(() => {
      // Planned inside the transaction, so what counts as already imported cannot change underneath.
      const plan = planImport(db, importer.format, parsed);
      for (const item of plan.add) writeEntry(db, item, now);
      return { ...summary(importer, parsed, plan), added: plan.add.length };
    })();
  }

  private read(path: string, format: ImportFormat | undefined): { importer: Importer; parsed: ParsedImport } {
    const source = readImportSource(path, this.o.sourceLimits);
    const importer = importerFor(source, format, this.registry);
    const zone = this.zone();
    const context: ParseContext = { zone: isTimeZone(zone) ? zone : 'UTC', knownWords: this.knownWords() };
    return { importer, parsed: importer.parse(source, context) };
  }

  /** Built-in feeling words and the person's own, so an importer can map a mood onto one. */
  private knownWords(): Set<string> {
    const own = (statement(this.o.db(), sql.customWords).all() as { word: string }[]).map((r) => r.word.toLowerCase());
    return new Set([notYetWord, ...builtInVocabulary.families.flatMap((f) => f.words.map((w) => w.word)), ...own]);
  }
}

interface Plan {
  add: Planned[];
  skipped: Map<SkipReason, string[]>;
  droppedTags: number;
}

/** Decides, entry by entry, what will be added and why the rest will not. Reads only. */
function planImport(db: Db, format: ImportFormat, parsed: ParsedImport): Plan {
  const plan: Plan = { add: [], skipped: new Map(), droppedTags: 0 };
  const skip = (reason: SkipReason, label: string) => {
    const labels = plan.skipped.get(reason) ?? [];
    labels.push(label);
    plan.skipped.set(reason, labels);
  };
  for (const u of parsed.unreadable) skip(u.reason, u.label);

  const seen = new Set<string>();
  // Oldest first, so the new entries' ids follow the order they were written in.
  const entries = [...parsed.entries].sort((a, b) => a.createdAt - b.createdAt);
  for (const entry of entries) {
    const key = sourceKey(format, entry.sourceId);
    const emotions = normaliseEmotions(entry.emotions);
    const { tags, dropped } = cleanTags(entry.tags);
    if (entry.body.trim() === '' && emotions.length === 0) skip('empty', entry.label);
    else if (entry.body.length > limits.entryBodyMax) skip('too-long', entry.label);
    else if (seen.has(key)) skip('repeated', entry.label);
    else if (statement(db, sql.imported).get(key)) skip('already-imported', entry.label);
    else if (!EntryFields.safeParse({ body: entry.body, emotions, tags }).success) skip('invalid', entry.label);
    else {
      plan.add.push({ key, entry, tags, emotions });
      plan.droppedTags += dropped;
    }
    seen.add(key);
  }
  return plan;
}

/** "day-one:<uuid>", "daylio:<hash>"; an overlong id is hashed to stay within the column's limit. */
function sourceKey(format: ImportFormat, sourceId: string): string {
  return `${format}:${sourceId.length <= 120 ? sourceId : sourceHash(sourceId)}`;
}

/** As the journal stores them: lowercase words, each once (the last one wins), at most emotionsPerEntry. */
function normaliseEmotions(emotions: readonly NamedEmotion[]): NamedEmotion[] {
  const byWord = new Map<string, NamedEmotion>();
  for (const e of emotions) {
    const word = e.word.trim().toLowerCase();
    byWord.delete(word);
    byWord.set(word, { word, intensity: e.intensity, bodyLocation: e.bodyLocation.trim() });
  }
  return [...byWord.values()].slice(0, limits.emotionsPerEntry);
}

function writeEntry(db: Db, item: Planned, now: number): void {
  const { entry } = item;
  // The search index follows through the entries_ai trigger (migration 001).
  const id = Number(statement(db, sql.insertEntry).run(entry.createdAt, entry.updatedAt, entry.body).lastInsertRowid);
  item.emotions.forEach((e, position) => statement(db, sql.insertEmotion).run(id, position, e.word, e.intensity, e.bodyLocation));
  for (const tag of item.tags) statement(db, sql.insertTag).run(id, tag);
  statement(db, sql.remember).run(item.key, id, now);
}

// ---- what the preview says ---------------------------------------------------------

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const entries = (n: number, oneVerb: string, manyVerb: string) => `${plural(n, 'entry', 'entries')} ${n === 1 ? oneVerb : manyVerb}`;

const skipMessages: Record<SkipReason, (n: number) => string> = {
  'already-imported': (n) => `${entries(n, 'is', 'are')} already in your journal from an earlier import.`,
  repeated: (n) => `${entries(n, 'appears', 'appear')} twice in this file; ${n === 1 ? 'it is' : 'they are'} added once.`,
  empty: (n) => `${entries(n, 'has', 'have')} no words to keep.`,
  'too-long': (n) => `${entries(n, 'is', 'are')} longer than a journal entry can be (${limits.entryBodyMax.toLocaleString('en')} characters).`,
  'no-date': (n) => `${entries(n, 'has', 'have')} no date Saltwater could read.`,
  'not-text': (n) => `${plural(n, "file isn't", "files aren't")} text Saltwater can read.`,
  invalid: (n) => `${entries(n, "doesn't", "don't")} fit what a journal entry can hold.`,
};

const leftOutMessages: Record<LeftOutKind, (n: number) => string> = {
  photos: (n) => plural(n, 'photo', 'photos'),
  videos: (n) => plural(n, 'video', 'videos'),
  audio: (n) => plural(n, 'audio recording', 'audio recordings'),
  pdfs: (n) => plural(n, 'PDF', 'PDFs'),
  locations: (n) => plural(n, 'location', 'locations'),
  weather: (n) => `the weather on ${plural(n, 'entry', 'entries')}`,
  starred: (n) => `the star on ${plural(n, 'entry', 'entries')}`,
  pinned: (n) => `the pin on ${plural(n, 'entry', 'entries')}`,
  'extra-tags': (n) => `${plural(n, 'tag', 'tags')} beyond the ${limits.tagsPerEntry} an entry can hold`,
  'front-matter': (n) => `${plural(n, 'other front matter field', 'other front matter fields')} (dates, titles and tags are kept)`,
};

function summary(importer: Importer, parsed: ParsedImport, plan: Plan): ImportPreview {
  const leftOut = new Map<LeftOutKind, number>();
  for (const { entry } of plan.add) {
    for (const [what, n] of Object.entries(entry.leftOut) as [LeftOutKind, number][]) leftOut.set(what, (leftOut.get(what) ?? 0) + n);
  }
  if (plan.droppedTags > 0) leftOut.set('extra-tags', plan.droppedTags);
  // plan.add is oldest first.
  const first = plan.add[0]?.entry.createdAt ?? null;
  const last = plan.add.at(-1)?.entry.createdAt ?? null;
  return {
    format: importer.format,
    formatName: importer.name,
    found: parsed.entries.length + parsed.unreadable.length,
    toAdd: plan.add.length,
    skipped: [...plan.skipped].map(([reason, labels]) => ({
      reason,
      count: labels.length,
      message: skipMessages[reason](labels.length),
      examples: labels.slice(0, 5),
    })),
    leftOut: [...leftOut].filter(([, n]) => n > 0).map(([what, count]) => ({ what, count, message: leftOutMessages[what](count) })),
    firstAt: first,
    lastAt: last,
  };
}
