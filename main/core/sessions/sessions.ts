import { z } from 'zod';
import { AppError } from '../../../preload/contract/index.ts';
import type { SessionCheckIn, SessionEnd, SessionReflection, SessionRecord, SessionStart } from '../../../preload/contract/sessions.ts';
import type { Practice } from '../../../preload/contract/practice.ts';
import type { Clock } from '../ports.ts';
import { statement } from '../vault/statements.ts';
import type { Db } from '../vault/database.ts';

type Start = z.output<typeof SessionStart>;
type CheckIn = z.output<typeof SessionCheckIn>;
type End = z.output<typeof SessionEnd>;
type Reflection = z.output<typeof SessionReflection>;

interface SessionRow {
  id: number;
  practiceId: string;
  practiceTitle: string;
  startedAt: number;
  endedAt: number | null;
  outcome: 'finished' | 'stopped' | null;
  stepReached: number;
  stepCount: number;
  readiness: number | null;
  moodBefore: number | null;
  moodAfter: number | null;
  tears: SessionRecord['tears'];
  relief: number | null;
  notes: string;
  tooMuch: boolean;
}

const columns = `id, practice_id AS practiceId, practice_title AS practiceTitle, started_at AS startedAt,
  ended_at AS endedAt, outcome, step_reached AS stepReached, step_count AS stepCount, readiness,
  mood_before AS moodBefore, mood_after AS moodAfter, tears, relief, notes, too_much AS tooMuch`;

/** A row as SQLite gives it: too_much is 1 or NULL in the vault. */
type StoredRow = Omit<SessionRow, 'tooMuch'> & { tooMuch: 1 | null };
const sessionRow = (row: StoredRow): SessionRow => ({ ...row, tooMuch: row.tooMuch === 1 });

const checkInColumns = 'session_id AS sessionId, step_index AS stepIndex, question, value, at';

type CheckInRow = SessionRecord['checkIns'][number] & { sessionId: number };

/** Check-in rows (in the order given) grouped by session, without the session's id. */
function checkInsBySession(rows: unknown[]): Map<number, SessionRecord['checkIns']> {
  const bySession = new Map<number, SessionRecord['checkIns']>();
  for (const { sessionId, ...checkIn } of rows as CheckInRow[]) {
    const list = bySession.get(sessionId);
    if (list) list.push(checkIn);
    else bySession.set(sessionId, [checkIn]);
  }
  return bySession;
}

/** Where a session finds its practice: built-in or the person's own (practices/catalog.ts). */
export interface PracticeSource {
  get(id: string): Practice;
}

/**
 * Practice runs, recorded as they happen (start, each step reached, each check-in, the end),
 * so a crash mid-session keeps everything that was answered.
 */
export class SessionsService {
  constructor(
    private readonly db: () => Db,
    private readonly clock: Clock,
    private readonly library: PracticeSource,
  ) {}

  start({ practiceId, readiness, moodBefore }: Start): { sessionId: number } {
    const practice = this.library.get(practiceId);
    const result = statement(
      this.db(),
      `INSERT INTO sessions (practice_id, practice_title, step_count, started_at, readiness, mood_before)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(practice.id, practice.title, practice.steps.length, this.clock.now(), readiness ?? null, moodBefore ?? null);
    return { sessionId: Number(result.lastInsertRowid) };
  }

  stepReached({ sessionId, stepIndex }: { sessionId: number; stepIndex: number }): void {
    const session = this.open(sessionId);
    this.checkStep(session, stepIndex);
    statement(this.db(), 'UPDATE sessions SET step_reached = max(step_reached, ?) WHERE id = ?').run(stepIndex, sessionId);
  }

  checkIn({ sessionId, stepIndex, question, value }: CheckIn): void {
    const session = this.open(sessionId);
    this.checkStep(session, stepIndex);
    const max = question === 'distress' ? 10 : question === 'mood' ? 5 : 4;
    const min = question === 'mood' ? 1 : 0;
    if (value < min || value > max) throw new AppError('INVALID_INPUT', `A ${question} answer is between ${min} and ${max}.`);
    statement(this.db(), 'INSERT INTO session_check_ins (session_id, step_index, question, value, at) VALUES (?, ?, ?, ?, ?)')
      .run(sessionId, stepIndex, question, value, this.clock.now());
  }

  end({ sessionId, stepIndex, outcome }: End): void {
    const session = this.open(sessionId);
    this.checkStep(session, stepIndex);
    statement(this.db(), 'UPDATE sessions SET outcome = ?, ended_at = ?, step_reached = max(step_reached, ?) WHERE id = ?')
      .run(outcome, this.clock.now(), stepIndex, sessionId);
  }

  /**
   * The after-session check-in; may be given once the session has ended (or was interrupted). It is
   * the whole check-in: given again, it replaces every answer, and an answer left out is cleared.
   */
  reflect({ sessionId, moodAfter, tears, relief, notes, tooMuch }: Reflection): void {
    this.row(sessionId);
    statement(this.db(), 'UPDATE sessions SET mood_after = ?, tears = ?, relief = ?, notes = ?, too_much = ? WHERE id = ?')
      .run(moodAfter ?? null, tears ?? null, relief ?? null, notes, tooMuch ? 1 : null, sessionId);
  }

  /**
   * Newest first, `limit` at most; with `beforeId`, the sessions older than that one (the next
   * page). A `beforeId` that is not in the vault gives an empty page.
   */
  list(limit: number, beforeId?: number): SessionRecord[] {
    const db = this.db();
    const older = beforeId === undefined ? '' : 'WHERE (started_at, id) < (SELECT started_at, id FROM sessions WHERE id = ?)';
    const page = `FROM sessions ${older} ORDER BY started_at DESC, id DESC LIMIT ?`;
    const args = beforeId === undefined ? [limit] : [beforeId, limit];
    const rows = (statement(db, `SELECT ${columns} ${page}`).all(...args) as StoredRow[]).map(sessionRow);
    // One query for the whole page's check-ins, not one per session.
    const checkIns = checkInsBySession(
      statement(db, `SELECT ${checkInColumns} FROM session_check_ins WHERE session_id IN (SELECT id ${page}) ORDER BY id`).all(...args),
    );
    return rows.map((row) => ({ ...row, checkIns: checkIns.get(row.id) ?? [] }));
  }

  get(sessionId: number): SessionRecord {
    const row = this.row(sessionId);
    const checkIns = checkInsBySession(
      statement(this.db(), `SELECT ${checkInColumns} FROM session_check_ins WHERE session_id = ? ORDER BY id`).all(sessionId),
    );
    return { ...row, checkIns: checkIns.get(sessionId) ?? [] };
  }

  private row(sessionId: number): SessionRow {
    const row = statement(this.db(), `SELECT ${columns} FROM sessions WHERE id = ?`).get(sessionId) as StoredRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That session could not be found.');
    return sessionRow(row);
  }

  private open(sessionId: number): SessionRow {
    const row = this.row(sessionId);
    if (row.outcome !== null) throw new AppError('INVALID_INPUT', 'That session has already ended.');
    return row;
  }

  private checkStep(session: SessionRow, stepIndex: number): void {
    if (stepIndex >= session.stepCount) throw new AppError('INVALID_INPUT', 'That step is not part of this practice.');
  }
}
