import { statement } from '../vault/statements.ts';
import type { Db } from '../vault/database.ts';
import type { UseOutcome } from './helped.ts';
import type { MediaFields, MediaItem, MediaUse } from '../../../preload/contract/media.ts';

/** SQL for migration 011's media tables. Plain functions over a connection; the service owns the rules. */

const itemColumns = 'id, title, kind, note, link, created_at AS createdAt, updated_at AS updatedAt';

export function listItems(db: Db): MediaItem[] {
  return statement(db, `SELECT ${itemColumns} FROM media_items ORDER BY id`).all() as MediaItem[];
}

export function findItem(db: Db, id: number): MediaItem | undefined {
  return statement(db, `SELECT ${itemColumns} FROM media_items WHERE id = ?`).get(id) as MediaItem | undefined;
}

export function countItems(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM media_items').get() as { n: number }).n;
}

export function insertItem(db: Db, f: MediaFields, now: number): number {
  const result = statement(db, 'INSERT INTO media_items (title, kind, note, link, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    f.title,
    f.kind,
    f.note,
    f.link,
    now,
    now,
  );
  return Number(result.lastInsertRowid);
}

export function updateItem(db: Db, id: number, f: MediaFields, now: number): void {
  statement(db, 'UPDATE media_items SET title = ?, kind = ?, note = ?, link = ?, updated_at = ? WHERE id = ?').run(f.title, f.kind, f.note, f.link, now, id);
}

/** Its uses go with it (ON DELETE CASCADE). */
export function deleteItem(db: Db, id: number): void {
  statement(db, 'DELETE FROM media_items WHERE id = ?').run(id);
}

export function lastOfferedId(db: Db): number | null {
  const row = statement(db, 'SELECT id FROM media_items WHERE last_offered = 1').get() as { id: number } | undefined;
  return row?.id ?? null;
}

/** At most one item is marked (a unique index holds it): clear the old mark, then set the new one. */
export function markOffered(db: Db, id: number): void {
  db.transaction(() => {
    statement(db, 'UPDATE media_items SET last_offered = 0 WHERE last_offered = 1').run();
    statement(db, 'UPDATE media_items SET last_offered = 1 WHERE id = ?').run(id);
  })();
}

// ---- uses ---------------------------------------------------------------------------

export interface NewUse {
  mediaId: number;
  sessionId: number | null;
  usedAt: number;
  moodBefore: number | null;
  moodAfter: number | null;
  tears: string | null;
}

/**
 * One use per item and session: recording again for the same session fills in what was
 * missing or changed (answers left out keep what was there) and keeps the first time.
 */
export function upsertUse(db: Db, u: NewUse): number {
  if (u.sessionId !== null) {
    const existing = statement(db, 'SELECT id FROM media_uses WHERE media_id = ? AND session_id = ?').get(u.mediaId, u.sessionId) as { id: number } | undefined;
    if (existing) {
      statement(
        db,
        `UPDATE media_uses SET mood_before = coalesce(?, mood_before), mood_after = coalesce(?, mood_after), tears = coalesce(?, tears)
         WHERE id = ?`,
      ).run(u.moodBefore, u.moodAfter, u.tears, existing.id);
      return existing.id;
    }
  }
  const result = statement(
    db,
    'INSERT INTO media_uses (media_id, session_id, used_at, mood_before, mood_after, tears) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(u.mediaId, u.sessionId, u.usedAt, u.moodBefore, u.moodAfter, u.tears);
  return Number(result.lastInsertRowid);
}

// The values given when recording win; the session's own check-in fills the gaps.
const outcomeColumns = `u.id, u.media_id AS mediaId, u.session_id AS sessionId, u.used_at AS usedAt,
  coalesce(u.mood_before, s.mood_before) AS moodBefore, coalesce(u.mood_after, s.mood_after) AS moodAfter,
  coalesce(u.tears, s.tears) AS tears`;

/** Every use of every item, as it counts (for the helped summaries). */
export function allUseOutcomes(db: Db): Array<UseOutcome & { mediaId: number }> {
  return statement(db, `SELECT ${outcomeColumns} FROM media_uses u LEFT JOIN sessions s ON s.id = u.session_id`).all() as Array<
    UseOutcome & { mediaId: number }
  >;
}

/** One item's uses as they count, newest first. */
export function usesOf(db: Db, mediaId: number): MediaUse[] {
  return statement(
    db,
    `SELECT ${outcomeColumns} FROM media_uses u LEFT JOIN sessions s ON s.id = u.session_id
     WHERE u.media_id = ? ORDER BY u.used_at DESC, u.id DESC`,
  ).all(mediaId) as MediaUse[];
}
