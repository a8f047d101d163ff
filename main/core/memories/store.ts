import { statement } from '../vault/statements.ts';
import type { Db } from '../vault/database.ts';
import type { BoxItem, MemoryStatus, MemoryTears, Opening, OpeningOutcome } from '../../../preload/contract/memories.ts';
import type { SealedText } from './seal.ts';

/** SQL for migration 009's tables. Plain functions over a connection; the service owns the rules. */

/** A memory's words: plain (inside the vault) or under its own extra seal. */
export type MemoryContent = { kind: 'plain'; text: string } | { kind: 'sealed'; sealed: SealedText };

export interface MemoryRow extends BoxItem {
  content: MemoryContent;
  failedTries: number;
  lastFailedAt: number | null;
}

interface RawMemory {
  id: number;
  title: string;
  intensity: number;
  status: MemoryStatus;
  text: string | null;
  salt: Buffer | null;
  n: number | null;
  r: number | null;
  p: number | null;
  iv: Buffer | null;
  tag: Buffer | null;
  data: Buffer | null;
  failedTries: number;
  lastFailedAt: number | null;
  createdAt: number;
  updatedAt: number;
  lastOpenedAt: number | null;
  openings: number;
}

const boxColumns = `m.id, m.title, m.intensity, m.status, m.seal_data IS NOT NULL AS extraSealed,
  m.created_at AS createdAt, m.updated_at AS updatedAt,
  (SELECT max(o.opened_at) FROM memory_openings o WHERE o.memory_id = m.id) AS lastOpenedAt,
  (SELECT count(*) FROM memory_openings o WHERE o.memory_id = m.id) AS openings`;

const rowColumns = `${boxColumns}, m.text, m.seal_salt AS salt, m.seal_n AS n, m.seal_r AS r, m.seal_p AS p, m.seal_iv AS iv,
  m.seal_tag AS tag, m.seal_data AS data, m.failed_tries AS failedTries, m.last_failed_at AS lastFailedAt`;

function toBoxItem(r: Omit<BoxItem, 'extraSealed'> & { extraSealed: number | boolean }): BoxItem {
  return {
    id: r.id,
    title: r.title,
    intensity: r.intensity,
    status: r.status,
    extraSealed: Boolean(r.extraSealed),
    lastOpenedAt: r.lastOpenedAt,
    openings: r.openings,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function toRow(r: RawMemory & { extraSealed: number }): MemoryRow {
  const content: MemoryContent =
    r.data === null
      ? { kind: 'plain', text: r.text ?? '' }
      : {
          kind: 'sealed',
          sealed: { salt: r.salt!, kdf: { N: r.n!, r: r.r!, p: r.p! }, iv: r.iv!, tag: r.tag!, data: r.data },
        };
  return { ...toBoxItem(r), content, failedTries: r.failedTries, lastFailedAt: r.lastFailedAt };
}

/** The box, gentlest first. Never the words. */
export function listBox(db: Db): BoxItem[] {
  const rows = statement(db, `SELECT ${boxColumns} FROM memories m ORDER BY m.intensity, m.created_at, m.id`).all() as Array<
    Parameters<typeof toBoxItem>[0]
  >;
  return rows.map(toBoxItem);
}

export function findMemory(db: Db, id: number): MemoryRow | undefined {
  const row = statement(db, `SELECT ${rowColumns} FROM memories m WHERE m.id = ?`).get(id) as (RawMemory & { extraSealed: number }) | undefined;
  return row && toRow(row);
}

function contentColumns(content: MemoryContent): unknown[] {
  if (content.kind === 'plain') return [content.text, null, null, null, null, null, null, null];
  const s = content.sealed;
  return [null, s.salt, s.kdf.N, s.kdf.r, s.kdf.p, s.iv, s.tag, s.data];
}

export interface MemoryFields {
  title: string;
  intensity: number;
  content: MemoryContent;
}

export function insertMemory(db: Db, f: MemoryFields, now: number): number {
  const result = statement(
    db,
    `INSERT INTO memories (title, intensity, text, seal_salt, seal_n, seal_r, seal_p, seal_iv, seal_tag, seal_data, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(f.title, f.intensity, ...contentColumns(f.content), now, now);
  return Number(result.lastInsertRowid);
}

/** Replaces title, intensity and words; a changed seal starts with a clean count of wrong tries. */
export function updateMemory(db: Db, id: number, f: MemoryFields, now: number): void {
  statement(
    db,
    `UPDATE memories SET title = ?, intensity = ?, text = ?, seal_salt = ?, seal_n = ?, seal_r = ?, seal_p = ?, seal_iv = ?,
       seal_tag = ?, seal_data = ?, failed_tries = 0, last_failed_at = NULL, updated_at = ? WHERE id = ?`,
  ).run(f.title, f.intensity, ...contentColumns(f.content), now, id);
}

export function updateLabels(db: Db, id: number, title: string, intensity: number, now: number): void {
  statement(db, 'UPDATE memories SET title = ?, intensity = ?, updated_at = ? WHERE id = ?').run(title, intensity, now, id);
}

export function setStatus(db: Db, id: number, status: MemoryStatus): void {
  statement(db, 'UPDATE memories SET status = ? WHERE id = ?').run(status, id);
}

export function recordFailedTry(db: Db, id: number, now: number): number {
  statement(db, 'UPDATE memories SET failed_tries = failed_tries + 1, last_failed_at = ? WHERE id = ?').run(now, id);
  return (statement(db, 'SELECT failed_tries AS n FROM memories WHERE id = ?').get(id) as { n: number } | undefined)?.n ?? 0;
}

export function clearFailedTries(db: Db, id: number): void {
  statement(db, 'UPDATE memories SET failed_tries = 0, last_failed_at = NULL WHERE id = ? AND failed_tries > 0').run(id);
}

/** Removes the memory and, through the foreign key, its openings. */
export function deleteMemory(db: Db, id: number): void {
  statement(db, 'DELETE FROM memories WHERE id = ?').run(id);
}

/** Words sealed after being kept plain must not stay readable in free pages: see vault/erasing.ts. */
export { erasing } from '../vault/erasing.ts';

// ---- openings -----------------------------------------------------------------------

const openingColumns = `id, memory_id AS memoryId, session_id AS sessionId, opened_at AS openedAt, mood_before AS moodBefore,
  mood_after AS moodAfter, tears, outcome, ended_at AS endedAt`;

export function findOpening(db: Db, id: number): Opening | undefined {
  return statement(db, `SELECT ${openingColumns} FROM memory_openings WHERE id = ?`).get(id) as Opening | undefined;
}

export function unfinishedOpenings(db: Db): Opening[] {
  return statement(db, `SELECT ${openingColumns} FROM memory_openings WHERE ended_at IS NULL ORDER BY id`).all() as Opening[];
}

/** Newest first. */
export function openingsOf(db: Db, memoryId: number): Opening[] {
  return statement(db, `SELECT ${openingColumns} FROM memory_openings WHERE memory_id = ? ORDER BY opened_at DESC, id DESC`).all(
    memoryId,
  ) as Opening[];
}

export interface NewOpening {
  memoryId: number;
  sessionId: number | null;
  openedAt: number;
  moodBefore: number;
}

export function insertOpening(db: Db, o: NewOpening): number {
  const result = statement(db, 'INSERT INTO memory_openings (memory_id, session_id, opened_at, mood_before) VALUES (?, ?, ?, ?)').run(
    o.memoryId,
    o.sessionId,
    o.openedAt,
    o.moodBefore,
  );
  return Number(result.lastInsertRowid);
}

export interface OpeningEnd {
  outcome: OpeningOutcome;
  endedAt: number;
  moodAfter: number | null;
  tears: MemoryTears | null;
}

/** Ends an unfinished opening; false when it had already ended. Never before it began, even if the clock went back. */
export function finishOpening(db: Db, id: number, end: OpeningEnd): boolean {
  return (
    statement(
      db,
      `UPDATE memory_openings SET outcome = ?, ended_at = max(?, opened_at), mood_after = ?, tears = ?
       WHERE id = ? AND ended_at IS NULL`,
    ).run(end.outcome, end.endedAt, end.moodAfter, end.tears, id).changes === 1
  );
}
