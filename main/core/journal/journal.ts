import { z } from 'zod';
import {
  AppError,
  EntryFields,
  EntryId,
  SearchQuery,
  limits,
  type Entry,
  type EntryOrigin,
  type EntrySummary,
  type NamedEmotion,
  type SearchCursor,
  type SearchHit,
  type SearchResults,
} from '../../../preload/contract/index.ts';
import type { Clock } from '../ports.ts';
import type { Db } from '../vault/database.ts';
import { toFtsQuery } from './fts-query.ts';
import { preview, previewSourceLength } from './preview.ts';
import { matchClose, matchOpen, snippetParts } from './snippet.ts';
import { erasing } from '../vault/erasing.ts';
import { statement } from '../vault/statements.ts';
import { sessionExists } from '../sessions/store.ts';
import { parse } from './validate.ts';

export type EntryFieldsInput = Partial<z.input<typeof EntryFields>>;
export type SearchQueryInput = z.input<typeof SearchQuery>;
export interface ListQuery {
  limit?: number;
  beforeId?: number | undefined;
}

const ListQuerySchema = z.object({
  limit: z.number().int().min(1).max(limits.listPageMax).default(50),
  beforeId: EntryId.optional(),
});
const PatchSchema = EntryFields.partial();

/** Tokens of context FTS5 shows around a match (its maximum is 64). */
const snippetTokens = 24;

// Where an entry came from: its practice session, as one JSON object (or NULL).
const fromSessionColumn = `(SELECT json_object('sessionId', s.id, 'practice', s.practice_title, 'startedAt', s.started_at)
     FROM sessions s WHERE s.id = e.session_id) AS fromSession`;

// Shared by every query that returns summaries. Emotions and tags come back as JSON
// arrays from correlated subqueries, so a page of 50 rows is one statement, not 101.
const summaryColumns = `
  e.id AS id,
  e.created_at AS createdAt,
  e.updated_at AS updatedAt,
  substr(e.body, 1, ${previewSourceLength}) AS head,
  (SELECT json_group_array(word ORDER BY position) FROM entry_emotions WHERE entry_id = e.id) AS emotions,
  (SELECT json_group_array(tag ORDER BY rowid) FROM entry_tags WHERE entry_id = e.id) AS tags,
  (SELECT count(*) FROM voice_notes WHERE entry_id = e.id) AS voiceNotes,
  ${fromSessionColumn}`;

interface SummaryRow {
  id: number;
  createdAt: number;
  updatedAt: number;
  head: string;
  emotions: string;
  tags: string;
  voiceNotes: number;
  fromSession: string | null;
}
interface HitRow extends SummaryRow {
  snip?: string;
}

const sql = {
  insertEntry: `INSERT INTO entries (created_at, updated_at, body, session_id) VALUES (?, ?, ?, ?)`,
  getEntry: `SELECT e.id AS id, e.created_at AS createdAt, e.updated_at AS updatedAt, e.body AS body, e.session_id AS sessionId,
             ${fromSessionColumn}
             FROM entries e WHERE e.id = ? AND e.deleted_at IS NULL`,
  getEmotions: `SELECT word, intensity, body_location AS bodyLocation
                FROM entry_emotions WHERE entry_id = ? ORDER BY position`,
  getTags: `SELECT tag FROM entry_tags WHERE entry_id = ? ORDER BY rowid`,
  updateBody: `UPDATE entries SET body = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`,
  touch: `UPDATE entries SET updated_at = ? WHERE id = ? AND deleted_at IS NULL`,
  liveUpdatedAt: `SELECT updated_at AS updatedAt FROM entries WHERE id = ? AND deleted_at IS NULL`,
  deleteEmotions: `DELETE FROM entry_emotions WHERE entry_id = ?`,
  // With its entry's time (migration 018) given here: filled in afterwards by the trigger, the
  // feeling would be written twice in the (word, written_at) index, in two places.
  insertEmotion: `INSERT INTO entry_emotions (entry_id, position, word, intensity, body_location, written_at)
                  VALUES (?, ?, ?, ?, ?, (SELECT CASE WHEN deleted_at IS NULL THEN created_at END FROM entries WHERE id = ?))`,
  deleteTags: `DELETE FROM entry_tags WHERE entry_id = ?`,
  insertTag: `INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)`,
  softDelete: `UPDATE entries SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`,
  restore: `UPDATE entries SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`,
  exists: `SELECT 1 FROM entries WHERE id = ?`,
  // Emotions, tags and voice notes go with the entry through ON DELETE CASCADE, the FTS rows
  // through the entries_ad trigger.
  purge: `DELETE FROM entries WHERE deleted_at IS NOT NULL`,
  anyDeleted: `SELECT 1 FROM entries WHERE deleted_at IS NOT NULL LIMIT 1`,
  // By when written (imported entries keep their own dates), ties by id; the cursor is the
  // last entry shown, still in the table while it waits in the trash.
  listFirst: `SELECT ${summaryColumns} FROM entries e
              WHERE e.deleted_at IS NULL ORDER BY e.created_at DESC, e.id DESC LIMIT ?`,
  listBefore: `SELECT ${summaryColumns} FROM entries e
               WHERE e.deleted_at IS NULL AND (e.created_at, e.id) < (SELECT created_at, id FROM entries WHERE id = ?)
               ORDER BY e.created_at DESC, e.id DESC LIMIT ?`,
  tags: `SELECT DISTINCT tag FROM entry_tags
         WHERE entry_id NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL) ORDER BY tag`,
} as const;

/**
 * The journal: entries with named emotions and tags, soft delete with undo, and
 * full-text search. Takes the database through a getter on every call because the
 * vault closes and reopens the connection on lock and unlock.
 */
export class Journal {
  constructor(
    private readonly db: () => Db,
    private readonly clock: Clock,
  ) {}

  /** Newest first; pass the last id of a page as `beforeId` for the next one. */
  list(query: ListQuery = {}): EntrySummary[] {
    const { limit, beforeId } = parse(ListQuerySchema, query);
    const db = this.db();
    const rows = (
      beforeId === undefined
        ? statement(db, sql.listFirst).all(limit)
        : statement(db, sql.listBefore).all(beforeId, limit)
    ) as SummaryRow[];
    return rows.map(toSummary);
  }

  get(id: number): Entry {
    parse(EntryId, id);
    const db = this.db();
    const row = statement(db, sql.getEntry).get(id) as
      | { id: number; createdAt: number; updatedAt: number; body: string; sessionId: number | null; fromSession: string | null }
      | undefined;
    if (!row) throw notFound();
    const emotions = statement(db, sql.getEmotions).all(id) as NamedEmotion[];
    const tags = (statement(db, sql.getTags).all(id) as { tag: string }[]).map((t) => t.tag);
    return { ...row, emotions, tags, fromSession: origin(row.fromSession) };
  }

  /** A new entry; `sessionId` links it to the practice session it was written about. */
  create(fields: EntryFieldsInput & { sessionId?: number | undefined } = {}): Entry {
    const parsed = parse(PatchSchema, fields);
    const sessionId = fields.sessionId ?? null;
    const emotions = normaliseEmotions(parsed.emotions ?? []);
    const tags = normaliseTags(parsed.tags ?? []);
    const body = parsed.body ?? '';
    const db = this.db();
    const now = this.clock.now();
    if (sessionId !== null && !sessionExists(db, parse(EntryId, sessionId))) {
      throw new AppError('NOT_FOUND', 'That session could not be found.');
    }
    const id = db.transaction(() => {
      const { lastInsertRowid } = statement(db, sql.insertEntry).run(now, now, body, sessionId);
      const entryId = Number(lastInsertRowid);
      writeEmotions(db, entryId, emotions);
      writeTags(db, entryId, tags);
      return entryId;
    })();
    // Read back so the origin (the session's practice and time) comes from one place: get().
    return this.get(id);
  }

  /**
   * Changes only the fields present in `patch`; emotions and tags, when present, replace
   * the whole set. Autosave sends only the body, which is a single UPDATE (the FTS index
   * follows through the trigger in the same implicit transaction).
   */
  update(id: number, patch: EntryFieldsInput): { id: number; updatedAt: number } {
    parse(EntryId, id);
    const parsed = parse(PatchSchema, patch);
    const db = this.db();
    const now = this.clock.now();
    const { body, emotions, tags } = parsed;

    if (emotions === undefined && tags === undefined) {
      if (body === undefined) {
        // Nothing to change: report the entry as it is instead of bumping its time.
        const row = statement(db, sql.liveUpdatedAt).get(id) as { updatedAt: number } | undefined;
        if (!row) throw notFound();
        return { id, updatedAt: row.updatedAt };
      }
      if (statement(db, sql.updateBody).run(body, now, id).changes === 0) throw notFound();
      return { id, updatedAt: now };
    }

    const nextEmotions = emotions && normaliseEmotions(emotions);
    const nextTags = tags && normaliseTags(tags);
    db.transaction(() => {
      const changed =
        body === undefined
          ? statement(db, sql.touch).run(now, id)
          : statement(db, sql.updateBody).run(body, now, id);
      if (changed.changes === 0) throw notFound();
      if (nextEmotions) {
        statement(db, sql.deleteEmotions).run(id);
        writeEmotions(db, id, nextEmotions);
      }
      if (nextTags) {
        statement(db, sql.deleteTags).run(id);
        writeTags(db, id, nextTags);
      }
    })();
    return { id, updatedAt: now };
  }

  /**
   * Soft delete, so undo can bring the entry back until the next lock or unlock purges it.
   * Deleting an entry that is already deleted is a no-op (a double click is not an error).
   */
  delete(id: number): void {
    parse(EntryId, id);
    const db = this.db();
    if (statement(db, sql.softDelete).run(this.clock.now(), id).changes === 0) {
      if (!statement(db, sql.exists).get(id)) throw notFound();
    }
  }

  /** Undo of delete. Restoring a live entry is a no-op; a purged one is gone for good. */
  restore(id: number): void {
    parse(EntryId, id);
    const db = this.db();
    if (statement(db, sql.restore).run(id).changes === 0) {
      if (!statement(db, sql.exists).get(id)) throw notFound();
    }
  }

  /**
   * Removes soft-deleted entries for good; the core calls this on every lock and unlock. With
   * secure_delete on (vault/erasing.ts), so their words and any voice notes' audio are overwritten
   * in the file, not left in free pages.
   */
  purgeDeleted(): number {
    const db = this.db();
    if (!statement(db, sql.anyDeleted).get()) return 0;
    return erasing(db, () => statement(db, sql.purge).run().changes);
  }

  /**
   * One page of matches, ordered like the list (by when written, newest first, ties by id), with
   * the true number of all matches and the cursor of the next page (null when none is left, so
   * "Show more results" never loads an empty page). Words are ANDed, the last one prefix-matched
   * (see fts-query.ts); without words, the emotion and tag filters alone pick entries. Text that
   * holds no searchable word at all (only punctuation or emoji) finds nothing rather than everything.
   */
  search(query: SearchQueryInput): SearchResults {
    const q = parse(SearchQuery, query);
    const plan = planSearch(q);
    if (plan === null) return { hits: [], total: 0, next: null };
    const db = this.db();
    const total = countMatches(db, plan);
    if (total === 0) return { hits: [], total, next: null };
    const cursor = q.before ? [q.before.createdAt, q.before.id] : [];
    // One more than a page, to know whether another page exists.
    const page = statement(db, pageSql(plan.shape, q.before !== undefined)).all(...plan.args, ...cursor, q.limit + 1) as SearchCursor[];
    const shown = page.slice(0, q.limit);
    const last = shown.at(-1);
    const next = page.length > q.limit && last ? { createdAt: last.createdAt, id: last.id } : null;
    return { hits: hitsFor(db, shown, plan.match), total, next };
  }

  /** Every tag used by a live entry, sorted, for the tag picker and the filter. */
  tags(): string[] {
    return (statement(this.db(), sql.tags).all() as { tag: string }[]).map((t) => t.tag);
  }
}

// ---- search SQL ----------------------------------------------------------------

// Soft-deleted entries stay in the FTS index until purged; they are few, so excluding
// them as a small set read from an index on entries (deleted_at, …) is cheaper than reading each
// matching row's deleted_at, which sits after the (long) body in the record.
const notDeleted = (rowid: string) =>
  `${rowid} NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)`;

/**
 * Entry ids carrying the chosen emotion and/or tag, as one list. One IN over an
 * INTERSECT, not one IN per filter: with two, SQLite may loop over both lists as a
 * cross product, which took seconds at 100k entries.
 */
function filterIds(byEmotion: boolean, byTag: boolean): string {
  const parts: string[] = [];
  if (byEmotion) parts.push('SELECT entry_id FROM entry_emotions WHERE word = ?');
  if (byTag) parts.push('SELECT entry_id FROM entry_tags WHERE tag = ?');
  return parts.join(' INTERSECT ');
}

interface SearchShape {
  text: boolean;
  emotion: boolean;
  tag: boolean;
}

interface SearchPlan {
  shape: SearchShape;
  /** The FTS5 MATCH expression; undefined when there are no words. */
  match: string | undefined;
  /** Bound in this order: the MATCH expression, the emotion, the tag (each only when present). */
  args: string[];
}

/** What a search asks for; null when its words hold nothing searchable, so nothing matches. */
function planSearch(q: z.output<typeof SearchQuery>): SearchPlan | null {
  const emotion = normaliseFilter(q.emotion);
  const tag = normaliseFilter(q.tag);
  const match = q.text.trim() === '' ? undefined : toFtsQuery(q.text);
  if (match === null) return null;
  return {
    shape: { text: match !== undefined, emotion: emotion !== undefined, tag: tag !== undefined },
    match,
    args: [match, emotion, tag].filter((v) => v !== undefined),
  };
}

function countMatches(db: Db, plan: SearchPlan): number {
  return (statement(db, countSql(plan.shape)).get(...plan.args) as { total: number }).total;
}

/** The true number of live entries a search matches, on its own (for the bench's count figure). */
export function countSearchMatches(db: Db, query: SearchQueryInput): number {
  const plan = planSearch(parse(SearchQuery, query));
  return plan === null ? 0 : countMatches(db, plan);
}

/** The sets a search's entries must be in, in the order their values are bound. */
const matchingIds = (shape: SearchShape): string[] => [
  ...(shape.text ? ['SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?'] : []),
  ...(shape.emotion || shape.tag ? [filterIds(shape.emotion, shape.tag)] : []),
];

/**
 * The true number of live matches. Counting walks the FTS doclist (no entry rows, no
 * snippets), a few milliseconds for a word in every entry at 100k entries.
 */
function countSql(shape: SearchShape): string {
  const filtered = shape.emotion || shape.tag;
  if (shape.text) {
    return `
      SELECT count(*) AS total FROM entries_fts
      WHERE entries_fts MATCH ? AND ${notDeleted('rowid')}
        ${filtered ? `AND +rowid IN (${filterIds(shape.emotion, shape.tag)})` : ''}`;
  }
  if (filtered) return `SELECT count(*) AS total FROM (${filterIds(shape.emotion, shape.tag)}) WHERE ${notDeleted('entry_id')}`;
  return `SELECT count(*) AS total FROM entries WHERE deleted_at IS NULL`;
}

/**
 * A page's ids, in the list's order: walks the entries_live_created index from the cursor and
 * keeps the entries in the match set, stopping one past a page. The match set is built once
 * (an FTS doclist, a filter's index range); the `+` keeps SQLite from driving the query from it
 * instead, which would read and sort every match (hundreds of ms for a common word at 100k).
 * A rare word walks more of the index (about 4 ms for all of 100k), a common one stops early.
 */
function pageSql(shape: SearchShape, fromCursor: boolean): string {
  return `
    SELECT e.id AS id, e.created_at AS createdAt FROM entries e
    WHERE e.deleted_at IS NULL
      ${matchingIds(shape)
        .map((ids) => `AND +e.id IN (${ids})`)
        .join('\n      ')}
      ${fromCursor ? 'AND (e.created_at, e.id) < (?, ?)' : ''}
    ORDER BY e.created_at DESC, e.id DESC
    LIMIT ?`;
}

/**
 * Summaries of a page's entries, with a snippet around the match when there are words.
 * snippet() needs the FTS query, so the page's ids are found again in one pass over the
 * doclist, bounded by the page's lowest and highest id; the `+` keeps FTS5 from seeking each
 * id on its own, which rebuilds a long prefix's doclist every time. Both statements compute
 * the summary columns and snippets for the page's rows only.
 */
const summariesOf = `
  SELECT ${summaryColumns} FROM entries e
  WHERE e.id IN (SELECT value FROM json_each(?))`;
const hitsOf = `
  SELECT ${summaryColumns},
    snippet(entries_fts, 0, '${matchOpen}', '${matchClose}', '…', ${snippetTokens}) AS snip
  FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid
  WHERE entries_fts MATCH ? AND entries_fts.rowid BETWEEN ? AND ?
    AND +entries_fts.rowid IN (SELECT value FROM json_each(?))`;

function hitsFor(db: Db, page: readonly SearchCursor[], match: string | undefined): SearchHit[] {
  if (page.length === 0) return [];
  const ids = page.map((p) => p.id);
  const json = JSON.stringify(ids);
  const rows = (
    match === undefined
      ? statement(db, summariesOf).all(json)
      : statement(db, hitsOf).all(match, Math.min(...ids), Math.max(...ids), json)
  ) as HitRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const summary = toSummary(row);
    if (match !== undefined) return [{ ...summary, snippet: snippetParts(row.snip ?? '') }];
    return [{ ...summary, snippet: summary.preview ? [{ text: summary.preview, match: false }] : [] }];
  });
}

// ---- helpers -------------------------------------------------------------------

function toSummary(row: SummaryRow): EntrySummary {
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    preview: preview(row.head),
    emotions: JSON.parse(row.emotions) as string[],
    tags: JSON.parse(row.tags) as string[],
    fromSession: origin(row.fromSession),
    ...(row.voiceNotes > 0 ? { voiceNotes: row.voiceNotes } : {}),
  };
}

const origin = (json: string | null): EntryOrigin => (json === null ? null : (JSON.parse(json) as NonNullable<EntryOrigin>));

/**
 * Emotion words are stored lowercase so that "Sad" and "sad" are one feeling, the
 * filter can use the index, and Unicode words fold correctly (SQLite's NOCASE only
 * folds ASCII). If the same word appears twice in one entry, the later one wins: the
 * list is the editor's current state, and its last change is the one the user meant.
 * It keeps the position of its last appearance.
 */
function normaliseEmotions(emotions: readonly z.output<typeof EntryFields>['emotions'][number][]): NamedEmotion[] {
  const byWord = new Map<string, NamedEmotion>();
  for (const e of emotions) {
    const word = e.word.toLowerCase();
    byWord.delete(word);
    byWord.set(word, { word, intensity: e.intensity, bodyLocation: e.bodyLocation });
  }
  return [...byWord.values()];
}

/** Tags arrive lowercased by the contract; repeats collapse into the first. */
function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()))];
}

function normaliseFilter(value: string | undefined): string | undefined {
  const v = value?.trim().toLowerCase();
  return v ? v : undefined;
}

function writeEmotions(db: Db, entryId: number, emotions: readonly NamedEmotion[]): void {
  const insert = statement(db, sql.insertEmotion);
  emotions.forEach((e, position) => insert.run(entryId, position, e.word, e.intensity, e.bodyLocation, entryId));
}

function writeTags(db: Db, entryId: number, tags: readonly string[]): void {
  const insert = statement(db, sql.insertTag);
  for (const tag of tags) insert.run(entryId, tag);
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'That entry could not be found. It may have been deleted.');
}
