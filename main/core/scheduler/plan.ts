import { reminderTime } from './quiet-hours.ts';
import { seriesOf, type StoredRule } from './recurrence.ts';
import type { QuietHours } from '../../../preload/contract/schedule/schemas.ts';
import type { Change, OccurrenceRow } from './schedules-store.ts';
import { keyFromMs, msFromKey, wallFromMs, wallMs, type WallKey } from '../../../preload/contract/schedule/wall-time.ts';
import { instantOf, wallAt } from '../../../preload/contract/schedule/zone-time.ts';

/**
 * The scheduler's decisions as one pure function of (what is known, now, zone): which
 * reminders to show, which missed occurrence to offer, what to write down, and when to
 * look again. No clock, timers or storage here, so every rule can be tested directly.
 */

/** What the scheduler keeps in memory about a schedule: timing and the reminder's words, nothing else. */
export interface PlannedSchedule {
  id: number;
  stored: StoredRule;
  tzid: string | null;
  leadMs: number;
  paused: boolean;
  settledThrough: WallKey | '';
  /** Lock-screen safe: the person's own words, and the practice name only when not private. */
  notification: { title: string; body: string };
}

export interface Model {
  schedules: Map<number, PlannedSchedule>;
  /** scheduleId → occurrence → row, for the rows that still matter. */
  states: Map<number, Map<WallKey, OccurrenceRow>>;
  quiet: QuietHours;
}

export interface Due {
  scheduleId: number;
  occurrence: WallKey;
  /** When the occurrence itself happens. */
  at: number;
}

export interface Evaluation {
  /** Reminders to show now (already recorded in `changes` as fired). */
  notify: Due[];
  /** The one missed occurrence to put to the person, if a new one arose. */
  offer: Due | null;
  changes: Change[];
  /** When something next becomes due, or null when nothing ever will. */
  nextWake: number | null;
}

/**
 * How late a reminder may still be shown as a reminder. Later than this (and after the
 * session's own time) it has been missed: the computer was asleep or the app closed.
 */
export const FRESH_MS = 15 * 60_000;

// A rule whose every time falls in skip-policy quiet hours must not spin forever.
const LOOKAHEAD_LIMIT = 1000;
const LOOKBACK_MS = 400 * 86_400_000;

export function zoneOf(schedule: Pick<PlannedSchedule, 'tzid'>, deviceZone: string): string {
  return schedule.tzid ?? deviceZone;
}

interface Candidate extends Due {
  dueAt: number;
}

// Measured from the later of the session's time and the reminder's (quiet hours or a
// snooze can put the reminder after the session's time).
const isFresh = (c: Candidate, now: number) => now <= Math.max(c.at, c.dueAt) + FRESH_MS;

export function evaluate(model: Model, now: number, deviceZone: string): Evaluation {
  const changes: Change[] = [];
  const fresh: Candidate[] = [];
  const stale: Candidate[] = [];
  let nextWake: number | null = null;
  const wakeAt = (t: number) => {
    nextWake = nextWake === null ? t : Math.min(nextWake, t);
  };
  const state = (c: Due, s: OccurrenceRow['state']): Change => ({
    type: 'state',
    scheduleId: c.scheduleId,
    occurrence: c.occurrence,
    state: s,
    snoozedUntil: null,
    at: now,
  });

  for (const schedule of model.schedules.values()) {
    if (schedule.paused) continue;
    const zone = zoneOf(schedule, deviceZone);
    const rows = model.states.get(schedule.id);
    const due: Candidate[] = [];
    let settled: WallKey | null = null;
    let looked = 0;

    const series = seriesOf(schedule.stored);
    // After a long absence, look back a little over a year (enough to hold the most recent
    // time of any rule we offer), not over every day since the watermark.
    const floor = wallMs(wallAt(now, zone)) - LOOKBACK_MS;
    const from = Math.max(floor, schedule.settledThrough === '' ? -Infinity : msFromKey(schedule.settledThrough));
    for (const ms of series.after(from)) {
      if (++looked > LOOKAHEAD_LIMIT) break;
      const occurrence = keyFromMs(ms);
      const at = instantOf(wallFromMs(ms), zone);
      const row = rows?.get(occurrence);
      // Already decided (shown early because of the lead time, skipped ahead, ...).
      if (row) {
        if (at - schedule.leadMs <= now) settled = occurrence;
        continue;
      }
      const timing = reminderTime(at, schedule.leadMs, zone, model.quiet);
      if ('skip' in timing) {
        if (at - schedule.leadMs > now) continue;
        changes.push(state({ scheduleId: schedule.id, occurrence, at }, 'skipped'));
        settled = occurrence;
        continue;
      }
      // Occurrences of one schedule are a day or more apart and quiet hours only delay,
      // so the first one not yet due is the schedule's next wake and nothing after it is due.
      if (timing.dueAt > now) {
        wakeAt(timing.dueAt);
        break;
      }
      due.push({ scheduleId: schedule.id, occurrence, at, dueAt: timing.dueAt });
      settled = occurrence;
    }

    if (settled !== null && settled > schedule.settledThrough) changes.push({ type: 'settled', scheduleId: schedule.id, through: settled });

    // Several due at once (asleep, app closed, a snooze meeting the next time): only the
    // newest counts, shown if still fresh, else a candidate for the one missed offer.
    const candidates: Candidate[] = due.slice(-1);
    for (const older of due.slice(0, -1)) changes.push(state(older, 'missed'));
    for (const row of rows?.values() ?? []) {
      if (row.state !== 'snoozed' || row.snoozedUntil === null) continue;
      if (row.snoozedUntil > now) {
        wakeAt(row.snoozedUntil);
        continue;
      }
      const at = instantOf(wallFromMs(msFromKey(row.occurrence)), zone);
      candidates.push({ scheduleId: schedule.id, occurrence: row.occurrence, at, dueAt: row.snoozedUntil });
    }
    candidates.sort((a, b) => a.at - b.at);
    const freshOnes = candidates.filter((c) => isFresh(c, now));
    const kept = freshOnes.at(-1) ?? candidates.at(-1);
    for (const c of candidates) if (c !== kept) changes.push(state(c, 'missed'));
    if (kept) (freshOnes.length > 0 ? fresh : stale).push(kept);
  }

  // Of everything missed this time, offer only the most recent; the rest pass quietly.
  stale.sort((a, b) => a.at - b.at || a.scheduleId - b.scheduleId);
  const offer = stale.pop() ?? null;
  for (const older of stale) changes.push(state(older, 'missed'));

  // A standing offer is retired by anything newer: a new offer or a fresh reminder.
  const standing = findOffered(model);
  if (standing && (offer || fresh.length > 0)) changes.push(state(standing, 'missed'));

  for (const c of fresh) changes.push(state(c, 'fired'));
  if (offer) changes.push(state(offer, 'offered'));

  return {
    notify: fresh.map(({ scheduleId, occurrence, at }) => ({ scheduleId, occurrence, at })),
    offer: offer && { scheduleId: offer.scheduleId, occurrence: offer.occurrence, at: offer.at },
    changes,
    nextWake,
  };
}

function findOffered(model: Model): OccurrenceRow | undefined {
  for (const rows of model.states.values()) {
    for (const row of rows.values()) if (row.state === 'offered') return row;
  }
  return undefined;
}

/** Applies changes to the in-memory model the same way applyChanges does to the vault. */
export function applyToModel(model: Model, changes: readonly Change[]): void {
  for (const c of changes) {
    const schedule = model.schedules.get(c.scheduleId);
    if (!schedule) continue;
    if (c.type === 'settled') {
      if (c.through > schedule.settledThrough) schedule.settledThrough = c.through;
      continue;
    }
    if (c.state === 'offered') {
      const standing = findOffered(model);
      if (standing && !(standing.scheduleId === c.scheduleId && standing.occurrence === c.occurrence)) standing.state = 'missed';
    }
    let rows = model.states.get(c.scheduleId);
    if (!rows) model.states.set(c.scheduleId, (rows = new Map()));
    rows.set(c.occurrence, {
      scheduleId: c.scheduleId,
      occurrence: c.occurrence,
      state: c.state,
      snoozedUntil: c.state === 'snoozed' ? c.snoozedUntil : null,
      at: c.at,
    });
  }
}
