import { statement } from '../vault/statements.ts';
import type { Db } from '../vault/database.ts';
import { BARRIER_IDS, type BarrierId, type ReflectionFields } from '../../../preload/contract/reflection.ts';

/** SQL for migration 011's self-reflection tables. Plain functions over a connection. */

export interface ReflectionRow {
  id: number;
  answeredAt: number;
  style: number | null;
  note: string;
  barriers: BarrierId[];
}

// Barrier ids never hold a comma (the table's CHECK keeps to the fixed list), so one
// group_concat per reflection carries them all.
const select = `SELECT r.id, r.answered_at AS answeredAt, r.style, r.note, group_concat(b.barrier) AS barriers
  FROM self_reflections r LEFT JOIN self_reflection_barriers b ON b.reflection_id = r.id`;

type RawRow = Omit<ReflectionRow, 'barriers'> & { barriers: string | null };

function toRow(raw: RawRow): ReflectionRow {
  const chosen = new Set(raw.barriers?.split(',') ?? []);
  // Always in the list's own order, whatever order SQLite concatenated them in.
  return { ...raw, barriers: BARRIER_IDS.filter((id) => chosen.has(id)) };
}

export function insertReflection(db: Db, f: ReflectionFields, now: number): number {
  const result = statement(db, 'INSERT INTO self_reflections (answered_at, style, note) VALUES (?, ?, ?)').run(now, f.style, f.note);
  const id = Number(result.lastInsertRowid);
  for (const barrier of f.barriers) statement(db, 'INSERT INTO self_reflection_barriers (reflection_id, barrier) VALUES (?, ?)').run(id, barrier);
  return id;
}

/** Newest first; `limit` of them (all when left out). */
export function listReflections(db: Db, limit = -1): ReflectionRow[] {
  const rows = statement(db, `${select} GROUP BY r.id ORDER BY r.answered_at DESC, r.id DESC LIMIT ?`).all(limit) as RawRow[];
  return rows.map(toRow);
}

export function findReflection(db: Db, id: number): ReflectionRow | undefined {
  const raw = statement(db, `${select} WHERE r.id = ? GROUP BY r.id`).get(id) as RawRow | undefined;
  return raw && toRow(raw);
}

/** Every answer ever given; the barriers go with them (ON DELETE CASCADE). */
export function deleteAllReflections(db: Db): number {
  return statement(db, 'DELETE FROM self_reflections').run().changes;
}
