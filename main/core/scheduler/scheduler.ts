import { AppError } from '../../../preload/contract/index.ts';
import { parse } from '../journal/validate.ts';
import type { Clock, Timers } from '../ports.ts';
import type { Db } from '../vault/database.ts';
import { openOrNull, vaultErrors } from '../vault/vault-errors.ts';
import { schedulesToIcs } from './ics.ts';
import { applyToModel, evaluate, zoneOf, type Due, type Model, type PlannedSchedule } from './plan.ts';
import { snoozeTime } from './quiet-hours.ts';
import { formatOccurrence, fromStored, nextOccurrences, occurrencesAfter, seriesOf, toStored, type StoredRule } from './recurrence.ts';
import {
  applyChanges,
  deleteSchedule,
  ensureSealKeys,
  findOccurrence,
  findSchedule,
  insertSchedule,
  listSchedules,
  liveOccurrences,
  occurrencesOf,
  occurrenceStates,
  offeredOccurrence,
  readQuietHours,
  updateSchedule,
  writeQuietHours,
  type Change,
  type OccurrenceRow,
  type OccurrenceState,
  type ScheduleFields,
  type ScheduleRow,
} from './schedules-store.ts';
import {
  OccurrenceRef,
  PreviewInput,
  QuietHours,
  ScheduleId,
  ScheduleInput,
  SchedulePatch,
  SnoozeInput,
  type MissedOffer,
  type Schedule,
  type UpcomingOccurrence,
} from '../../../preload/contract/schedule/schemas.ts';
import { errorKind, logProblem } from '../log.ts';
import type { SealedLog } from './sealed-log.ts';
import { keyFromMs, msFromKey, parseWallKey, wallFromMs, wallMs, type WallKey } from '../../../preload/contract/schedule/wall-time.ts';
import { instantOf, wallAt } from '../../../preload/contract/schedule/zone-time.ts';

/** What the notify port receives: lock-screen safe words and where a click should lead. */
export interface Reminder {
  /** "Saltwater", or the practice's name when the schedule is not private. */
  title: string;
  /** The person's own reminder text. Never journal text. */
  body: string;
  /** Open the practice's start screen for this occurrence (behind the lock screen if locked). */
  target: { scheduleId: number; occurrence: WallKey };
  /** When the session itself is (UTC ms). */
  at: number;
}

/** Passed to onMissed once, when an occurrence becomes the one missed offer. */
export interface MissedNotice {
  scheduleId: number;
  occurrence: WallKey;
  at: number;
  label: string;
}

export interface SchedulerOptions {
  /** The open vault; throws AppError('LOCKED') while it is locked. */
  db: () => Db;
  clock: Clock;
  timers: Timers;
  /** The computer's IANA zone now (read on every decision; call recompute() when it changes). */
  zone: () => string;
  notify: (reminder: Reminder) => void;
  onMissed?: (missed: MissedNotice) => void;
  /** True while a session runs: reminders wait until it is over. */
  inSession?: () => boolean;
  /** The practice's name, or undefined when there is no such practice. */
  practiceTitle: (practiceId: string) => string | undefined;
  /** Where changes made while the vault is locked are kept, sealed, until it is unlocked. */
  lockedLog?: SealedLog;
  /** Where problems go; by default the log, which gets the error's kind only (see log.ts). */
  report?: (problem: string, error?: unknown) => void;
}

/** setTimeout overflows above 2^31−1 ms (24.8 days) and fires at once; stay well below. */
export const MAX_TIMER_MS = 24 * 24 * 3_600_000;
/** While a session runs, how often to look whether it has ended (recompute() is quicker). */
export const SESSION_RECHECK_MS = 60_000;
const RETRY_MS = 60_000;
const DAY = 86_400_000;
const APP_NAME = 'Saltwater';

/**
 * Reflection schedules and their reminders. Works from an in-memory model of timing
 * only (rules, zones, lead times, the reminder's words, occurrence states) so reminders
 * keep coming while the vault is locked; schedules themselves are read and edited only
 * while it is unlocked. Every decision is written down before it is acted on: in the
 * vault, or while locked in a sealed log the vault later takes in. A restart therefore
 * never repeats a reminder and never forgets one.
 */
export class Scheduler {
  private model: Model | null = null;
  /** Connections whose sealing key we have read; only the public half is kept. */
  private readonly keyedConnections = new WeakSet<Db>();
  private sealPublic: Buffer | null = null;
  /** Changes made while locked, not yet in the vault. */
  private pending: Change[] = [];
  private logMayHoldRecords = true;
  private timer: unknown = undefined;
  private wake: number | null = null;
  private stopped = false;
  private processing = false;
  private again = false;

  constructor(private readonly o: SchedulerOptions) {}

  // ---- lifecycle ------------------------------------------------------------------

  /** On launch. Same as recompute(); named for the composition root. */
  start(): void {
    this.stopped = false;
    this.recompute();
  }

  /**
   * Looks again at everything: call on start, unlock, resume from sleep, a clock or zone
   * change, and when a session ends. Safe to call at any time, any number of times.
   */
  recompute(): void {
    const db = this.tryDb();
    if (db) this.reload(db);
    this.process();
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  /** When the armed timer will next look (for diagnostics and tests). */
  nextWakeAt(): number | null {
    return this.wake;
  }

  // ---- schedules (vault unlocked) -----------------------------------------------------

  list(): Schedule[] {
    const db = this.open();
    return listSchedules(db).map((row) => this.toSchedule(db, row));
  }

  get(id: number): Schedule {
    const db = this.open();
    return this.toSchedule(db, this.row(db, parse(ScheduleId, id)));
  }

  create(input: ScheduleInput): Schedule {
    const s = parse(ScheduleInput, input);
    this.checkPractice(s.practiceId);
    const stored = this.storedOrRefuse(s.recurrence);
    const db = this.open();
    const now = this.o.clock.now();
    const zone = s.tzid ?? this.o.zone();
    if (nextOccurrences(stored, zone, now, 1).length === 0) throw new AppError('INVALID_INPUT', 'That time has already passed.');
    const id = insertSchedule(
      db,
      { ...s, ...stored, settledThrough: watermarkAt(stored, zone, now) },
      now,
    );
    this.changed(db);
    return this.get(id);
  }

  /** Changes only the fields given. A new time, zone or lead starts counting from now. */
  update(id: number, patch: SchedulePatch): Schedule {
    const scheduleId = parse(ScheduleId, id);
    const p = parse(SchedulePatch, patch);
    const db = this.open();
    const row = this.row(db, scheduleId);
    if (p.practiceId !== undefined) this.checkPractice(p.practiceId);
    const stored = p.recurrence ? this.storedOrRefuse(p.recurrence) : { dtstart: row.dtstart, rrule: row.rrule };
    const next: ScheduleFields = {
      practiceId: p.practiceId ?? row.practiceId,
      private: p.private ?? row.private,
      text: p.text ?? row.text,
      ...stored,
      tzid: p.tzid !== undefined ? p.tzid : row.tzid,
      leadMinutes: p.leadMinutes ?? row.leadMinutes,
      paused: p.paused ?? row.paused,
      settledThrough: row.settledThrough,
    };
    const now = this.o.clock.now();
    const zone = next.tzid ?? this.o.zone();
    const timingChanged =
      next.dtstart !== row.dtstart || next.rrule !== row.rrule || next.tzid !== row.tzid || next.leadMinutes !== row.leadMinutes;
    if (p.recurrence && nextOccurrences(stored, zone, now, 1).length === 0) {
      throw new AppError('INVALID_INPUT', 'That schedule has no times left.');
    }
    // What passed while paused, or under the old timing, is not "missed": start from now.
    if (timingChanged || (row.paused && !next.paused)) next.settledThrough = watermarkAt(stored, zone, now);
    db.transaction(() => {
      updateSchedule(db, scheduleId, next, now);
      // A snooze belongs to the schedule as it was; pausing lets it go.
      if (next.paused && !row.paused) {
        applyChanges(
          db,
          occurrencesOf(db, scheduleId, '')
            .filter((r) => r.state === 'snoozed')
            .map((r) => stateChange(r.scheduleId, r.occurrence, 'skipped', now)),
        );
      }
    })();
    this.changed(db);
    return this.get(scheduleId);
  }

  setPaused(id: number, paused: boolean): Schedule {
    return this.update(id, { paused });
  }

  delete(id: number): void {
    const db = this.open();
    if (!deleteSchedule(db, parse(ScheduleId, id))) throw notFound();
    this.changed(db);
  }

  /** The editor's live preview; nothing is saved, and the vault is not needed. */
  preview(input: PreviewInput): UpcomingOccurrence[] {
    const p = parse(PreviewInput, input);
    const stored = toStored(p.recurrence);
    if (!stored) return [];
    const zone = p.tzid ?? this.o.zone();
    const now = this.o.clock.now();
    return nextOccurrences(stored, zone, now, p.count).map((o) => this.upcomingOf(o, zone, false));
  }

  /** The next `count` times of a saved schedule; ones skipped in advance are flagged. */
  upcoming(id: number, count = 5): UpcomingOccurrence[] {
    const n = parse(PreviewInput.shape.count, count);
    const db = this.open();
    const row = this.row(db, parse(ScheduleId, id));
    return this.upcomingFor(db, row, n);
  }

  quietHours(): QuietHours {
    return readQuietHours(this.open());
  }

  setQuietHours(input: QuietHours): QuietHours {
    const q = parse(QuietHours, input);
    const db = this.open();
    writeQuietHours(db, q);
    this.changed(db);
    return readQuietHours(db);
  }

  /** The one missed occurrence on offer ("start now / skip"), until it is answered or overtaken. */
  pendingMissed(): MissedOffer | null {
    const db = this.open();
    const offered = offeredOccurrence(db);
    if (!offered) return null;
    const row = findSchedule(db, offered.scheduleId);
    if (!row) return null;
    const zone = row.tzid ?? this.o.zone();
    const at = occurrenceInstant(offered.occurrence, zone);
    return { scheduleId: row.id, practiceId: row.practiceId, occurrence: offered.occurrence, at, label: this.label(at, zone) };
  }

  /** An iCalendar file of the active schedules. */
  exportIcs(): string {
    const db = this.open();
    const now = this.o.clock.now();
    const rows = listSchedules(db).filter((r) => !r.paused);
    return schedulesToIcs(
      rows.map((r) => ({
        row: r,
        skipped: occurrencesOf(db, r.id, keyFromMs(wallMs(wallAt(now, r.tzid ?? this.o.zone()))))
          .filter((o) => o.state === 'skipped')
          .map((o) => o.occurrence),
      })),
      { now, deviceZone: this.o.zone(), practiceTitle: this.o.practiceTitle },
    );
  }

  // ---- answering a reminder (works while locked, except started) -------------------

  /** "Remind me in 10/30/60 minutes" on a reminder that has arrived. Returns when it will come. */
  snooze(input: SnoozeInput): { until: number } {
    const { scheduleId, occurrence, minutes } = parse(SnoozeInput, input);
    const model = this.ensureModel();
    const schedule = this.planned(model, scheduleId);
    const current = this.stateOf(model, scheduleId, occurrence);
    if (!current || !['fired', 'snoozed', 'offered'].includes(current.state)) {
      throw new AppError('INVALID_INPUT', 'Only a reminder that has arrived can be snoozed.');
    }
    const now = this.o.clock.now();
    const until = snoozeTime(now + minutes * 60_000, zoneOf(schedule, this.o.zone()), model.quiet);
    this.commit([{ ...stateChange(scheduleId, occurrence, 'snoozed', now), snoozedUntil: until }]);
    this.process();
    return { until };
  }

  /** "Skip this one": a reminder that has arrived, the missed offer, or a time still ahead. */
  skip(input: OccurrenceRef): void {
    this.answer(parse(OccurrenceRef, input), 'skipped');
  }

  /** The practice was started from this occurrence (reminder click or missed offer). */
  started(input: OccurrenceRef): void {
    const ref = parse(OccurrenceRef, input);
    this.open();
    this.answer(ref, 'started');
  }

  // ---- internals -----------------------------------------------------------------

  private answer({ scheduleId, occurrence }: { scheduleId: number; occurrence: WallKey }, state: OccurrenceState): void {
    const model = this.ensureModel();
    const schedule = this.planned(model, scheduleId);
    const wall = parseWallKey(occurrence);
    // Bounded, so a far-off date cannot make an endless rule expand for ever.
    const near = wall !== null && Math.abs(wallMs(wall) - this.o.clock.now()) < 5 * 366 * DAY;
    if (!wall || !near || !seriesOf(schedule.stored).has(wallMs(wall))) {
      throw new AppError('INVALID_INPUT', 'That is not one of this schedule’s times.');
    }
    if (this.stateOf(model, scheduleId, occurrence)?.state === 'started') {
      if (state === 'started') return;
      throw new AppError('INVALID_INPUT', 'That session has already been started.');
    }
    this.commit([stateChange(scheduleId, occurrence, state, this.o.clock.now())]);
    this.process();
  }

  private process(): void {
    if (this.processing) {
      // Called back from notify/onMissed (a snooze pressed at once): look again afterwards.
      this.again = true;
      return;
    }
    this.processing = true;
    try {
      do {
        this.again = false;
        this.processOnce();
      } while (this.again && !this.stopped);
    } finally {
      this.processing = false;
    }
  }

  private processOnce(): void {
    const model = this.model;
    if (this.stopped || !model) {
      this.disarm();
      return;
    }
    const now = this.o.clock.now();
    const zone = this.o.zone();
    const result = evaluate(model, now, zone);
    if ((result.notify.length > 0 || result.offer) && this.o.inSession?.()) {
      this.arm(now + SESSION_RECHECK_MS);
      return;
    }
    try {
      this.commit(result.changes);
    } catch (error) {
      // Not written down means not shown: showing it could repeat it after a restart.
      this.problem('could not record reminders', error);
      this.arm(now + RETRY_MS);
      return;
    }
    for (const due of result.notify) this.deliver(model, due);
    if (result.offer) {
      const schedule = model.schedules.get(result.offer.scheduleId);
      const offerZone = schedule ? zoneOf(schedule, zone) : zone;
      try {
        this.o.onMissed?.({ ...result.offer, label: this.label(result.offer.at, offerZone) });
      } catch (error) {
        this.problem('onMissed failed', error);
      }
    }
    this.arm(result.nextWake);
  }

  private deliver(model: Model, due: Due): void {
    const schedule = model.schedules.get(due.scheduleId);
    if (!schedule) return;
    try {
      this.o.notify({
        title: schedule.notification.title,
        body: schedule.notification.body,
        target: { scheduleId: due.scheduleId, occurrence: due.occurrence },
        at: due.at,
      });
    } catch (error) {
      this.problem('notify failed', error);
    }
  }

  private arm(at: number | null): void {
    this.disarm();
    this.wake = at;
    if (at === null || this.stopped) return;
    // A clamped timer fires early; processing then finds nothing due and arms the rest.
    const delay = Math.min(Math.max(0, at - this.o.clock.now()), MAX_TIMER_MS);
    this.timer = this.o.timers.setTimeout(() => this.onTimer(), delay);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.o.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.wake = null;
  }

  private onTimer(): void {
    this.timer = undefined;
    try {
      this.process();
    } catch (error) {
      this.problem('scheduler tick failed', error);
      this.arm(this.o.clock.now() + RETRY_MS);
    }
  }

  /** Records changes durably first (vault, or sealed log while locked), then in memory. */
  private commit(changes: Change[]): void {
    if (changes.length === 0) return;
    const db = this.tryDb();
    if (db) applyChanges(db, changes);
    else this.writeWhileLocked(changes);
    if (this.model) applyToModel(this.model, changes);
  }

  private writeWhileLocked(changes: Change[]): void {
    this.pending.push(...changes);
    this.logMayHoldRecords = true;
    if (!this.o.lockedLog || !this.sealPublic) return;
    try {
      this.o.lockedLog.append(this.sealPublic, JSON.stringify(changes));
    } catch (error) {
      // Still held in memory; only a quit before the next unlock would lose it.
      this.problem('could not write the sealed log', error);
    }
  }

  /** The vault as open() gives it, or null while it is locked. */
  private tryDb(): Db | null {
    return openOrNull(() => this.open());
  }

  /** The vault, with whatever happened while it was locked taken in first. */
  private open(): Db {
    const db = this.o.db();
    if (this.keyedConnections.has(db) && !this.logMayHoldRecords) return db;
    const keys = ensureSealKeys(db);
    // The private half stays in the vault: while locked, the log can be written, not read.
    this.sealPublic = keys.publicKey;
    this.keyedConnections.add(db);
    if (this.logMayHoldRecords) {
      const replay: Change[] = [];
      if (this.o.lockedLog) {
        const { records, unreadable } = this.o.lockedLog.read(keys.privateKey);
        if (unreadable > 0) this.problem(`${unreadable} unreadable record(s) in the sealed log were dropped`);
        for (const record of records) replay.push(...parseChanges(record));
      }
      // The log holds these too (same order, at its end); replaying twice is harmless.
      replay.push(...this.pending);
      applyChanges(db, replay);
      this.o.lockedLog?.clear();
      this.pending = [];
      this.logMayHoldRecords = false;
    }
    return db;
  }

  private ensureModel(): Model {
    if (!this.model) {
      const db = this.tryDb();
      if (db) this.reload(db);
    }
    if (!this.model) throw vaultErrors.locked();
    return this.model;
  }

  private reload(db: Db): void {
    const now = this.o.clock.now();
    const schedules = new Map<number, PlannedSchedule>();
    for (const row of listSchedules(db)) schedules.set(row.id, this.plannedOf(row));
    const states = new Map<number, Map<WallKey, OccurrenceRow>>();
    for (const r of liveOccurrences(db, now - 2 * DAY)) {
      let rows = states.get(r.scheduleId);
      if (!rows) states.set(r.scheduleId, (rows = new Map()));
      rows.set(r.occurrence, r);
    }
    this.model = { schedules, states, quiet: readQuietHours(db) };
  }

  private changed(db: Db): void {
    this.reload(db);
    this.process();
  }

  private plannedOf(row: ScheduleRow): PlannedSchedule {
    const title = row.private ? APP_NAME : (this.o.practiceTitle(row.practiceId) ?? APP_NAME);
    return {
      id: row.id,
      stored: { dtstart: row.dtstart, rrule: row.rrule },
      tzid: row.tzid,
      leadMs: row.leadMinutes * 60_000,
      paused: row.paused,
      settledThrough: row.settledThrough,
      notification: { title, body: row.text },
    };
  }

  private planned(model: Model, scheduleId: number): PlannedSchedule {
    const schedule = model.schedules.get(scheduleId);
    if (!schedule) throw notFound();
    return schedule;
  }

  private stateOf(model: Model, scheduleId: number, occurrence: WallKey): OccurrenceRow | undefined {
    const known = model.states.get(scheduleId)?.get(occurrence);
    if (known) return known;
    const db = this.tryDb();
    return db ? findOccurrence(db, scheduleId, occurrence) : undefined;
  }

  private row(db: Db, id: number): ScheduleRow {
    const row = findSchedule(db, id);
    if (!row) throw notFound();
    return row;
  }

  private checkPractice(practiceId: string): void {
    if (this.o.practiceTitle(practiceId) === undefined) throw new AppError('INVALID_INPUT', 'That practice could not be found.');
  }

  private storedOrRefuse(recurrence: Parameters<typeof toStored>[0]): StoredRule {
    const stored = toStored(recurrence);
    if (!stored) throw new AppError('INVALID_INPUT', 'That schedule never happens: no day matches before it ends.');
    return stored;
  }

  private toSchedule(db: Db, row: ScheduleRow): Schedule {
    return {
      id: row.id,
      practiceId: row.practiceId,
      private: row.private,
      text: row.text,
      recurrence: fromStored(row),
      tzid: row.tzid,
      leadMinutes: row.leadMinutes,
      paused: row.paused,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      next: row.paused ? null : (this.upcomingFor(db, row, 1)[0] ?? null),
    };
  }

  private upcomingFor(db: Db, row: ScheduleRow, n: number): UpcomingOccurrence[] {
    const zone = row.tzid ?? this.o.zone();
    const now = this.o.clock.now();
    const list = nextOccurrences({ dtstart: row.dtstart, rrule: row.rrule }, zone, now, n);
    if (list.length === 0) return [];
    const skipped = new Set(
      occurrencesOf(db, row.id, list[0]!.key)
        .filter((o) => o.state === 'skipped')
        .map((o) => o.occurrence),
    );
    return list.map((o) => this.upcomingOf(o, zone, skipped.has(o.key)));
  }

  private upcomingOf(o: { key: WallKey; at: number }, zone: string, skipped: boolean): UpcomingOccurrence {
    return { occurrence: o.key, at: o.at, label: this.label(o.at, zone), skipped };
  }

  private label(at: number, zone: string): string {
    return formatOccurrence(at, zone, wallAt(this.o.clock.now(), zone).year);
  }

  private problem(what: string, error?: unknown): void {
    if (this.o.report) this.o.report(what, error);
    else logProblem('scheduler', error === undefined ? what : `${what}: ${errorKind(error)}`);
  }
}

function stateChange(scheduleId: number, occurrence: WallKey, state: OccurrenceState, at: number): Change & { type: 'state' } {
  return { type: 'state', scheduleId, occurrence, state, snoozedUntil: null, at };
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'That schedule could not be found.');
}

function occurrenceInstant(key: WallKey, zone: string): number {
  return instantOf(wallFromMs(msFromKey(key)), zone);
}

/**
 * The watermark for a schedule starting to count at `now`: every occurrence already past
 * is behind it, so creating, editing or resuming a schedule never produces "missed"
 * reminders from before. One still ahead whose lead time has passed is not: its reminder
 * comes at once rather than never.
 */
export function watermarkAt(stored: StoredRule, zone: string, now: number): WallKey {
  // Three days before now is safely before anything still ahead, whatever DST does.
  const floor = wallMs(wallAt(now, zone)) - 3 * DAY;
  let mark = keyFromMs(floor);
  for (const o of occurrencesAfter(seriesOf(stored), zone, instantOf(wallFromMs(floor), zone) - DAY)) {
    if (o.at > now) break;
    if (o.key > mark) mark = o.key;
  }
  return mark;
}

const changeStates = new Set<string>(occurrenceStates);

/** Records come from our own sealed log, but a bad one must never stop an unlock. */
function parseChanges(record: string): Change[] {
  try {
    const value = JSON.parse(record) as unknown;
    if (!Array.isArray(value)) return [];
    return value.filter(
      (c): c is Change =>
        typeof c === 'object' &&
        c !== null &&
        Number.isInteger(c.scheduleId) &&
        ((c.type === 'settled' && typeof c.through === 'string') ||
          (c.type === 'state' && typeof c.occurrence === 'string' && changeStates.has(c.state) && Number.isFinite(c.at))),
    );
  } catch {
    return [];
  }
}
