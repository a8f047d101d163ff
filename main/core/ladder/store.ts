import { statement } from '../vault/statements.ts';
import type { Db } from '../vault/database.ts';
import { DEFAULT_LADDER_THRESHOLD, type LadderStep } from '../../../preload/contract/ladder.ts';
import type { LadderTrack } from '../../../preload/contract/practice.ts';

/** SQL for migration 010's tables. Plain functions over a connection; the service owns the rules. */

// Positions are moved out of the way by this much first, so UNIQUE (track, position) holds at every row.
const PARKED = 1_000_000;

// ---- threshold ----------------------------------------------------------------------

export function getThreshold(db: Db): number {
  const row = statement(db, 'SELECT threshold FROM ladder_settings WHERE id = 1').get() as { threshold: number } | undefined;
  return row?.threshold ?? DEFAULT_LADDER_THRESHOLD;
}

export function setThreshold(db: Db, threshold: number): void {
  statement(db, 'INSERT INTO ladder_settings (id, threshold) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET threshold = excluded.threshold').run(threshold);
}

// ---- steps --------------------------------------------------------------------------

const stepColumns = `id, track, position, text, expected_distress AS expectedDistress, suggestion_key AS suggestionKey,
  created_at AS createdAt, updated_at AS updatedAt`;

/** Every step, track by track, in the user's order. */
export function listSteps(db: Db): LadderStep[] {
  return statement(db, `SELECT ${stepColumns} FROM ladder_steps ORDER BY track, position`).all() as LadderStep[];
}

export function stepsOfTrack(db: Db, track: LadderTrack): LadderStep[] {
  return statement(db, `SELECT ${stepColumns} FROM ladder_steps WHERE track = ? ORDER BY position`).all(track) as LadderStep[];
}

export function findStep(db: Db, id: number): LadderStep | undefined {
  return statement(db, `SELECT ${stepColumns} FROM ladder_steps WHERE id = ?`).get(id) as LadderStep | undefined;
}

export interface NewStepRow {
  track: LadderTrack;
  position: number;
  text: string;
  expectedDistress: number;
  suggestionKey: string | null;
}

export function insertStep(db: Db, s: NewStepRow, now: number): number {
  const result = statement(
    db,
    `INSERT INTO ladder_steps (track, position, text, expected_distress, suggestion_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.track, s.position, s.text, s.expectedDistress, s.suggestionKey, now, now);
  return Number(result.lastInsertRowid);
}

export function updateStep(db: Db, id: number, text: string, expectedDistress: number, now: number): void {
  statement(db, 'UPDATE ladder_steps SET text = ?, expected_distress = ?, updated_at = ? WHERE id = ?').run(text, expectedDistress, now, id);
}

/** Deletes the step; its attempts go with it (ON DELETE CASCADE). */
export function deleteStep(db: Db, id: number): void {
  statement(db, 'DELETE FROM ladder_steps WHERE id = ?').run(id);
}

/**
 * Gives the track's steps positions 0..n-1 in this order. `orderedIds` must be exactly the
 * track's steps (the service checks); call inside a transaction.
 */
export function writeOrder(db: Db, track: LadderTrack, orderedIds: readonly number[]): void {
  statement(db, 'UPDATE ladder_steps SET position = position + ? WHERE track = ?').run(PARKED, track);
  const place = statement(db, 'UPDATE ladder_steps SET position = ? WHERE id = ? AND track = ?');
  orderedIds.forEach((id, position) => place.run(position, id, track));
}

// ---- attempts -----------------------------------------------------------------------

export interface AttemptRow {
  id: number;
  stepId: number;
  sessionId: number | null;
  startedAt: number;
  endedAt: number;
  distressBefore: number;
  distressPeak: number;
  distressAfter: number;
  tears: 0 | 1 | 2 | 3;
  breathedBefore: boolean;
  breathedAfter: boolean;
}

const attemptColumns = `id, step_id AS stepId, session_id AS sessionId, started_at AS startedAt, ended_at AS endedAt,
  distress_before AS distressBefore, distress_peak AS distressPeak, distress_after AS distressAfter, tears,
  breathed_before AS breathedBefore, breathed_after AS breathedAfter`;

type RawAttempt = Omit<AttemptRow, 'breathedBefore' | 'breathedAfter'> & { breathedBefore: number; breathedAfter: number };

const toAttempt = (r: RawAttempt): AttemptRow => ({ ...r, breathedBefore: r.breathedBefore === 1, breathedAfter: r.breathedAfter === 1 });

export type NewAttemptRow = Omit<AttemptRow, 'id'>;

export function insertAttempt(db: Db, a: NewAttemptRow): number {
  const result = statement(
    db,
    `INSERT INTO ladder_attempts (step_id, session_id, started_at, ended_at, distress_before, distress_peak, distress_after,
       tears, breathed_before, breathed_after)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    a.stepId,
    a.sessionId,
    a.startedAt,
    a.endedAt,
    a.distressBefore,
    a.distressPeak,
    a.distressAfter,
    a.tears,
    a.breathedBefore ? 1 : 0,
    a.breathedAfter ? 1 : 0,
  );
  return Number(result.lastInsertRowid);
}

/** One step's attempts, oldest first. */
export function attemptsOfStep(db: Db, stepId: number): AttemptRow[] {
  return (statement(db, `SELECT ${attemptColumns} FROM ladder_attempts WHERE step_id = ? ORDER BY started_at, ended_at, id`).all(stepId) as RawAttempt[]).map(
    toAttempt,
  );
}

/** Every attempt, grouped by step (for the ladder view). */
export function attemptsByStep(db: Db): Map<number, AttemptRow[]> {
  const rows = (statement(db, `SELECT ${attemptColumns} FROM ladder_attempts ORDER BY step_id, started_at, ended_at, id`).all() as RawAttempt[]).map(toAttempt);
  const byStep = new Map<number, AttemptRow[]>();
  for (const row of rows) {
    const list = byStep.get(row.stepId);
    if (list) list.push(row);
    else byStep.set(row.stepId, [row]);
  }
  return byStep;
}
