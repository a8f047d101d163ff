import { statement } from '../vault/statements.ts';
import type { Db } from '../vault/database.ts';
import { defaultQuietHours, type QuietHours } from '../../../preload/contract/schedule/schemas.ts';
import { newSealKeys, type SealKeys } from './sealed-log.ts';
import type { WallKey } from '../../../preload/contract/schedule/wall-time.ts';

/** SQL for migration 006's tables. Plain functions over a connection; the Scheduler owns the rules. */

export interface ScheduleRow {
  id: number;
  practiceId: string;
  private: boolean;
  text: string;
  dtstart: WallKey;
  tzid: string | null;
  rrule: string | null;
  leadMinutes: 0 | 5 | 15 | 30;
  paused: boolean;
  /** Occurrences named at or before this wall time are done with ('' = none yet). */
  settledThrough: WallKey | '';
  createdAt: number;
  updatedAt: number;
}

export type ScheduleFields = Omit<ScheduleRow, 'id' | 'createdAt' | 'updatedAt'>;

export const occurrenceStates = ['fired', 'snoozed', 'skipped', 'missed', 'offered', 'started'] as const;
/**
 * fired: the reminder was shown. snoozed: shown, and asked for again at snoozedUntil.
 * skipped: by the person, or by the quiet-hours policy. missed: passed unseen and not
 * offered (an older one, or one overtaken by a newer reminder). offered: the one missed
 * occurrence put to the person. started: its practice was begun.
 */
export type OccurrenceState = (typeof occurrenceStates)[number];

export interface OccurrenceRow {
  scheduleId: number;
  occurrence: WallKey;
  state: OccurrenceState;
  snoozedUntil: number | null;
  at: number;
}

/** One durable step. Replaying a list of them in order is idempotent (see applyChanges). */
export type Change =
  | { type: 'state'; scheduleId: number; occurrence: WallKey; state: OccurrenceState; snoozedUntil: number | null; at: number }
  | { type: 'settled'; scheduleId: number; through: WallKey };

const scheduleColumns = `id, practice_id AS practiceId, private, notification_text AS text, dtstart, tzid, rrule,
  lead_minutes AS leadMinutes, paused, settled_through AS settledThrough, created_at AS createdAt, updated_at AS updatedAt`;

type RawSchedule = Omit<ScheduleRow, 'private' | 'paused'> & { private: number; paused: number };

const toSchedule = (r: RawSchedule): ScheduleRow => ({ ...r, private: r.private === 1, paused: r.paused === 1 });

export function listSchedules(db: Db): ScheduleRow[] {
  return (statement(db, `SELECT ${scheduleColumns} FROM schedules ORDER BY id`).all() as RawSchedule[]).map(toSchedule);
}

export function findSchedule(db: Db, id: number): ScheduleRow | undefined {
  const row = statement(db, `SELECT ${scheduleColumns} FROM schedules WHERE id = ?`).get(id) as RawSchedule | undefined;
  return row && toSchedule(row);
}

export function insertSchedule(db: Db, f: ScheduleFields, now: number): number {
  const result = statement(
    db,
    `INSERT INTO schedules (practice_id, private, notification_text, dtstart, tzid, rrule, lead_minutes, paused, settled_through, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(f.practiceId, +f.private, f.text, f.dtstart, f.tzid, f.rrule, f.leadMinutes, +f.paused, f.settledThrough, now, now);
  return Number(result.lastInsertRowid);
}

export function updateSchedule(db: Db, id: number, f: ScheduleFields, now: number): void {
  statement(
    db,
    `UPDATE schedules SET practice_id = ?, private = ?, notification_text = ?, dtstart = ?, tzid = ?, rrule = ?,
       lead_minutes = ?, paused = ?, settled_through = ?, updated_at = ? WHERE id = ?`,
  ).run(f.practiceId, +f.private, f.text, f.dtstart, f.tzid, f.rrule, f.leadMinutes, +f.paused, f.settledThrough, now, id);
}

export function deleteSchedule(db: Db, id: number): boolean {
  return statement(db, 'DELETE FROM schedules WHERE id = ?').run(id).changes > 0;
}

const occurrenceColumns = 'schedule_id AS scheduleId, occurrence, state, snoozed_until AS snoozedUntil, at';

/**
 * The rows the scheduler needs in memory: everything not yet behind a schedule's
 * watermark, anything still open (snoozed, offered), and the recent past (so a reminder
 * shown a little while ago can still be snoozed or skipped while the vault is locked).
 */
export function liveOccurrences(db: Db, recentSince: number): OccurrenceRow[] {
  return statement(
    db,
    `SELECT ${occurrenceColumns.replaceAll('schedule_id', 'o.schedule_id')} FROM schedule_occurrences o
       JOIN schedules s ON s.id = o.schedule_id
      WHERE o.occurrence > s.settled_through OR o.state IN ('snoozed', 'offered') OR o.at >= ?`,
  ).all(recentSince) as OccurrenceRow[];
}

export function findOccurrence(db: Db, scheduleId: number, occurrence: WallKey): OccurrenceRow | undefined {
  return statement(db, `SELECT ${occurrenceColumns} FROM schedule_occurrences WHERE schedule_id = ? AND occurrence = ?`).get(
    scheduleId,
    occurrence,
  ) as OccurrenceRow | undefined;
}

export function occurrencesOf(db: Db, scheduleId: number, fromKey: WallKey): OccurrenceRow[] {
  return statement(db, `SELECT ${occurrenceColumns} FROM schedule_occurrences WHERE schedule_id = ? AND occurrence >= ?`).all(
    scheduleId,
    fromKey,
  ) as OccurrenceRow[];
}

export function offeredOccurrence(db: Db): OccurrenceRow | undefined {
  return statement(db, `SELECT ${occurrenceColumns} FROM schedule_occurrences WHERE state = 'offered'`).get() as OccurrenceRow | undefined;
}

/**
 * Writes changes in one transaction. States are upserts and watermarks only move forward,
 * so replaying the same changes again (a sealed log after a crash) leaves the same result;
 * a change for a schedule deleted since is dropped.
 */
export function applyChanges(db: Db, changes: readonly Change[]): void {
  if (changes.length === 0) return;
  const upsert = statement(
    db,
    `INSERT INTO schedule_occurrences (schedule_id, occurrence, state, snoozed_until, at)
     SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM schedules WHERE id = ?)
     ON CONFLICT (schedule_id, occurrence) DO UPDATE SET state = excluded.state, snoozed_until = excluded.snoozed_until, at = excluded.at`,
  );
  const retireOffer = statement(db, `UPDATE schedule_occurrences SET state = 'missed' WHERE state = 'offered' AND NOT (schedule_id = ? AND occurrence = ?)`);
  const settle = statement(db, 'UPDATE schedules SET settled_through = max(settled_through, ?) WHERE id = ?');
  db.transaction(() => {
    for (const c of changes) {
      if (c.type === 'settled') {
        settle.run(c.through, c.scheduleId);
        continue;
      }
      // Only one offer stands at a time; a newer one retires the last (also on replay).
      if (c.state === 'offered') retireOffer.run(c.scheduleId, c.occurrence);
      upsert.run(c.scheduleId, c.occurrence, c.state, c.state === 'snoozed' ? c.snoozedUntil : null, c.at, c.scheduleId);
    }
  })();
}

interface RawSettings {
  enabled: number;
  start: string;
  end: string;
  policy: 'move' | 'skip';
}

export function readQuietHours(db: Db): QuietHours {
  const row = statement(
    db,
    'SELECT quiet_enabled AS enabled, quiet_start AS start, quiet_end AS "end", quiet_policy AS policy FROM schedule_settings WHERE id = 1',
  ).get() as RawSettings | undefined;
  return row ? { enabled: row.enabled === 1, start: row.start, end: row.end, policy: row.policy } : { ...defaultQuietHours };
}

export function writeQuietHours(db: Db, q: QuietHours): void {
  statement(
    db,
    `INSERT INTO schedule_settings (id, quiet_enabled, quiet_start, quiet_end, quiet_policy) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET quiet_enabled = excluded.quiet_enabled, quiet_start = excluded.quiet_start,
       quiet_end = excluded.quiet_end, quiet_policy = excluded.quiet_policy`,
  ).run(+q.enabled, q.start, q.end, q.policy);
}

function readSealKeys(db: Db): SealKeys | null {
  const row = statement(db, 'SELECT seal_public AS publicKey, seal_private AS privateKey FROM schedule_settings WHERE id = 1').get() as
    | { publicKey: Buffer | null; privateKey: Buffer | null }
    | undefined;
  return row?.publicKey && row.privateKey ? { publicKey: row.publicKey, privateKey: row.privateKey } : null;
}

/**
 * The key pair the locked app seals its notes to (the scheduler's and the signal outbox's
 * logs), kept in the vault: whichever needs it first creates it.
 */
export function ensureSealKeys(db: Db): SealKeys {
  const existing = readSealKeys(db);
  if (existing) return existing;
  const keys = newSealKeys();
  writeSealKeys(db, keys);
  return keys;
}

function writeSealKeys(db: Db, keys: SealKeys): void {
  statement(
    db,
    `INSERT INTO schedule_settings (id, seal_public, seal_private) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET seal_public = excluded.seal_public, seal_private = excluded.seal_private`,
  ).run(keys.publicKey, keys.privateKey);
}
