import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../preload/contract/index.ts';
import type { Timers } from '../../main/core/ports.ts';
import { Scheduler } from '../../main/core/scheduler/scheduler.ts';
import type { ScheduleInput } from '../../preload/contract/schedule/schemas.ts';
import { SealedLog } from '../../main/core/scheduler/sealed-log.ts';
import { wallFromMs, msFromKey } from '../../preload/contract/schedule/wall-time.ts';
import { instantOf } from '../../preload/contract/schedule/zone-time.ts';
import { nextOccurrences } from '../../main/core/scheduler/recurrence.ts';
import { openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { vaultErrors } from '../../main/core/vault/vault-errors.ts';
import { FakeClock } from '../../tests/helpers/fake-clock.ts';
import type { BenchResult } from './report.ts';
import { makeRandom } from './text.ts';

/**
 * Two years (or any span) of a person's computer life around the scheduler, on a real
 * encrypted vault and a fake clock: a weekly schedule anchored to London and a daily one
 * that follows the computer's zone, random sleeps (which lock the vault), idle locks,
 * unlocks, sessions, app quits and crashes (restarted locked, as at login), and zone
 * changes (London → New York → Sydney). The person reacts to reminders: ignores, starts,
 * snoozes, skips.
 *
 * The world watches only what the scheduler does (notify and onMissed calls), never its
 * tables, and checks two things against its own record of what should have happened:
 * - duplicated: the same occurrence (or the same snooze of it) shown or offered twice;
 * - lost: an occurrence due while the app could remind that was not shown at its time,
 *   or one that passed unseen with nothing later of it shown or offered either.
 */

export interface SimulationOptions {
  days: number;
  seed: number;
  /** Negative controls, proving the checks can fail: run without the sealed log… */
  withoutSealedLog?: boolean;
  /** …or with a notifier that silently drops every n-th reminder. */
  dropEveryNthReminder?: number;
}

export interface SimulationCounts {
  occurrencesDue: number;
  remindersShown: number;
  shownOnTime: number;
  missedOffered: number;
  passedQuietly: number;
  skippedByPerson: number;
  startedByPerson: number;
  snoozes: number;
  sleeps: number;
  restarts: number;
  unlocks: number;
  sessions: number;
  zoneChanges: number;
  mostOffersAtOnce: number;
  duplicated: number;
  lost: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const START = Date.parse('2025-01-06T09:00:00Z');
const WEEKLY = { practiceId: 'permission', recurrence: { kind: 'weekly', start: '2025-01-06', time: '20:00', days: ['SU'] }, tzid: 'Europe/London' } satisfies ScheduleInput;
const DAILY = { practiceId: 'quiet-body', recurrence: { kind: 'daily', start: '2025-01-06', time: '07:30' }, leadMinutes: 15 } satisfies ScheduleInput;

interface Delivery {
  kind: 'reminder' | 'offer';
  scheduleId: number;
  occurrence: string;
  generation: number;
  at: number;
  /** The occurrence's own time. */
  occurrenceAt: number;
  /** Which of the world's events (a wake, an unlock, a launch, a zone change…) it came from. */
  event: number;
}

class SimulatedWorld {
  readonly clock = new FakeClock(START);
  readonly deliveries: Delivery[] = [];
  zone = 'Europe/London';
  readonly zoneChanges: Array<{ at: number; from: string; to: string }> = [];
  locked = false;
  awake = true;
  running = true;
  inSession = false;
  /** Closed intervals in which the app could remind on time. */
  readonly able: Array<[number, number]> = [];
  private ableSince: number | null = START;
  /** occurrence → times snoozed (the generation of its next showing). */
  readonly generations = new Map<string, number>();
  /** Deliveries owed because of a snooze: key|generation → when. */
  readonly snoozeDue = new Map<string, number>();
  readonly skippedByPerson = new Set<string>();
  startedByPerson = 0;
  counts = { sleeps: 0, restarts: 0, unlocks: 0, sessions: 0 };
  event = 0;
  private late: Array<() => void> = [];
  private shown = 0;
  readonly db: Db;
  readonly log: SealedLog;
  scheduler!: Scheduler;
  readonly random: () => number;

  constructor(
    readonly dir: string,
    readonly options: SimulationOptions,
  ) {
    this.random = makeRandom(options.seed);
    this.db = openEncryptedDatabase(join(dir, 'vault.db'), randomBytes(32));
    this.log = new SealedLog(join(dir, 'scheduler.sealed'));
    this.boot();
  }

  private timers: Timers = {
    setTimeout: (callback, ms) => this.clock.setTimeout(() => (this.awake ? callback() : this.late.push(callback)), ms),
    clearTimeout: (handle) => this.clock.clearTimeout(handle),
  };

  boot(): void {
    this.scheduler = new Scheduler({
      db: () => {
        if (this.locked) throw vaultErrors.locked();
        return this.db;
      },
      clock: this.clock,
      timers: this.timers,
      zone: () => this.zone,
      notify: (r) => {
        this.shown++;
        if (this.options.dropEveryNthReminder && this.shown % this.options.dropEveryNthReminder === 0) return;
        this.deliver('reminder', r.target.scheduleId, r.target.occurrence, r.at);
      },
      onMissed: (m) => this.deliver('offer', m.scheduleId, m.occurrence, m.at),
      inSession: () => this.inSession,
      practiceTitle: (id) => id,
      ...(this.options.withoutSealedLog ? {} : { lockedLog: this.log }),
      report: (problem, error) => {
        throw new Error(`scheduler reported: ${problem}`, { cause: error });
      },
    });
    this.scheduler.start();
  }

  /** The model is loaded once the vault has been open in this process. */
  private modelLoaded = true;

  private updateAbility(): void {
    const now = this.clock.now();
    const able = this.running && this.awake && !this.inSession && this.modelLoaded;
    if (able && this.ableSince === null) this.ableSince = now;
    if (!able && this.ableSince !== null) {
      this.able.push([this.ableSince, now]);
      this.ableSince = null;
    }
  }

  closeAbility(): void {
    if (this.ableSince !== null) this.able.push([this.ableSince, this.clock.now()]);
    this.ableSince = null;
  }

  private deliver(kind: Delivery['kind'], scheduleId: number, occurrence: string, occurrenceAt: number): void {
    const key = `${scheduleId}|${occurrence}`;
    const generation = this.generations.get(key) ?? 0;
    this.deliveries.push({ kind, scheduleId, occurrence, generation, at: this.clock.now(), occurrenceAt, event: this.event });
    // The person answers a little later (if still at the computer then).
    const delay = Math.floor(this.random() * 20 * MIN);
    const roll = this.random();
    this.clock.setTimeout(() => this.react(kind, scheduleId, occurrence, roll), delay);
  }

  private react(kind: Delivery['kind'], scheduleId: number, occurrence: string, roll: number): void {
    if (!this.running || !this.awake) return;
    const key = `${scheduleId}|${occurrence}`;
    const ref = { scheduleId, occurrence };
    try {
      if (kind === 'reminder' ? roll < 0.2 : roll < 0.4) {
        if (this.locked) return;
        this.scheduler.started(ref);
        this.startedByPerson++;
      } else if (kind === 'reminder' ? roll < 0.35 : roll < 0.8) {
        this.scheduler.skip(ref);
        this.skippedByPerson.add(`${key}|${this.generations.get(key) ?? 0}`);
      } else if (kind === 'reminder' && roll < 0.55) {
        const minutes = ([10, 30, 60] as const)[Math.floor(this.random() * 3)]!;
        const { until } = this.scheduler.snooze({ ...ref, minutes });
        const generation = (this.generations.get(key) ?? 0) + 1;
        this.generations.set(key, generation);
        this.snoozeDue.set(`${key}|${generation}`, until);
      }
    } catch (error) {
      // Refused and fine: an answer that no longer applies (a newer reminder retired the
      // offer), or one to a previous run's reminder before this run has been unlocked.
      if (!(error instanceof AppError && (error.code === 'INVALID_INPUT' || error.code === 'LOCKED'))) throw error;
    }
  }

  /** Time passes with the computer awake (timers fire). */
  work(ms: number): void {
    this.event++;
    this.clock.advance(ms);
  }

  sleep(ms: number): void {
    this.event++;
    this.counts.sleeps++;
    this.locked = true; // the vault locks on suspend
    this.awake = false;
    this.updateAbility();
    this.clock.advance(ms);
    this.awake = true;
    this.updateAbility();
    // As on a real machine: overdue timers fire on waking, then the resume event arrives.
    for (const callback of this.late.splice(0)) callback();
    this.scheduler.recompute();
  }

  restart(closedFor: number): void {
    this.event++;
    this.counts.restarts++;
    this.scheduler.stop();
    this.running = false;
    this.locked = true;
    this.modelLoaded = false;
    this.updateAbility();
    this.clock.advance(closedFor);
    this.running = true;
    this.boot();
    this.updateAbility();
  }

  unlock(): void {
    if (!this.locked) return;
    this.event++;
    this.counts.unlocks++;
    this.locked = false;
    this.modelLoaded = true;
    this.scheduler.recompute();
    this.updateAbility();
  }

  lock(): void {
    this.locked = true;
  }

  session(ms: number): void {
    if (this.locked) return;
    this.event++;
    this.counts.sessions++;
    this.inSession = true;
    this.updateAbility();
    this.clock.advance(ms);
    this.inSession = false;
    this.updateAbility();
    this.scheduler.recompute();
  }

  changeZone(to: string): void {
    this.event++;
    this.zoneChanges.push({ at: this.clock.now(), from: this.zone, to });
    this.zone = to;
    this.scheduler.recompute();
  }

  isAble(at: number): boolean {
    return this.able.some(([a, b]) => at >= a && at <= b) || (this.ableSince !== null && at >= this.ableSince);
  }

  /** The zone in force at an instant. */
  zoneAt(at: number): string {
    let zone = this.zoneChanges[0]?.from ?? this.zone;
    for (const change of this.zoneChanges) if (at >= change.at) zone = change.to;
    return zone;
  }
}

export async function simulate(options: SimulationOptions): Promise<SimulationCounts> {
  const dir = mkdtempSync(join(tmpdir(), 'saltwater-scheduler-sim-'));
  const world = new SimulatedWorld(dir, options);
  try {
    const weekly = world.scheduler.create(WEEKLY);
    const daily = world.scheduler.create(DAILY);
    const end = START + options.days * DAY;
    const changes = [
      { at: START + Math.floor(options.days * 0.4) * DAY + 5 * HOUR, to: 'America/New_York' },
      { at: START + Math.floor(options.days * 0.75) * DAY + 13 * HOUR, to: 'Australia/Sydney' },
    ];
    const r = world.random;
    const between = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo));

    while (world.clock.now() < end) {
      const next = changes[0];
      if (next && world.clock.now() >= next.at) {
        world.changeZone(next.to);
        changes.shift();
      }
      const roll = r();
      if (roll < 0.45) world.work(between(10 * MIN, 8 * HOUR));
      else if (roll < 0.63) {
        const kind = r();
        world.sleep(kind < 0.7 ? between(HOUR, 10 * HOUR) : kind < 0.95 ? between(10 * HOUR, 3 * DAY) : between(3 * DAY, 10 * DAY));
      } else if (roll < 0.85) world.unlock();
      else if (roll < 0.9) world.lock();
      else if (roll < 0.96) world.session(between(15 * MIN, 70 * MIN));
      else if (roll < 0.985) world.restart(r() < 0.3 ? 0 : between(MIN, 2 * DAY));
      else world.work(between(MIN, 15 * MIN));
    }
    // The person comes back and unlocks once more, so every catch-up has happened.
    world.work(HOUR);
    world.unlock();
    world.scheduler.recompute();
    world.closeAbility();
    return account(world, [weekly.id, daily.id], { [weekly.id]: WEEKLY, [daily.id]: DAILY }, end);
  } finally {
    world.scheduler.stop();
    world.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function account(
  world: SimulatedWorld,
  ids: number[],
  inputs: Record<number, { tzid?: string; leadMinutes?: number }>,
  end: number,
): SimulationCounts {
  const delivered = new Map<string, Delivery[]>();
  for (const d of world.deliveries) {
    const key = `${d.scheduleId}|${d.occurrence}|${d.generation}`;
    delivered.set(key, [...(delivered.get(key) ?? []), d]);
  }
  let duplicated = 0;
  for (const list of delivered.values()) duplicated += list.length - 1;

  const offers = world.deliveries.filter((d) => d.kind === 'offer');
  // A pile would be several prompts from one wake, launch or unlock. (A zone change is an
  // event of its own: it may reveal a newer missed time, which then replaces the prompt.)
  const offersAt = new Map<string, number>();
  for (const o of offers) offersAt.set(`${o.event}@${o.at}`, (offersAt.get(`${o.event}@${o.at}`) ?? 0) + 1);

  // What should have happened, worked out independently of the scheduler's tables.
  interface Expected {
    scheduleId: number;
    occurrence: string;
    generation: number;
    due: number | null;
    occurrenceAt: number;
  }
  const expected: Expected[] = [];
  const margin = end - 2 * DAY;
  for (const id of ids) {
    const input = inputs[id]!;
    const lead = (input.leadMinutes ?? 0) * MIN;
    const row = world.db.prepare('SELECT dtstart, rrule FROM schedules WHERE id = ?').get(id) as { dtstart: string; rrule: string | null };
    // Keys named by the rule from the start; an instant per key in the zone in force then.
    for (const o of nextOccurrences(row, 'UTC', START - 2 * DAY, 2000)) {
      const wall = wallFromMs(msFromKey(o.key));
      const dueIn = (zone: string) => instantOf(wall, input.tzid ?? zone) - lead;
      let due: number | null = dueIn(world.zoneAt(START));
      for (const change of world.zoneChanges) {
        if (due !== null && due < change.at) break;
        const after = dueIn(change.to);
        // Jumped over by flying east: no on-time expectation, it must be offered or overtaken.
        due = after >= change.at ? after : null;
      }
      const instant = due === null ? instantOf(wall, input.tzid ?? world.zone) : due + lead;
      if (instant - lead <= START) continue;
      if ((due ?? instant) > margin) break;
      expected.push({ scheduleId: id, occurrence: o.key, generation: 0, due, occurrenceAt: instant });
    }
  }
  for (const [key, until] of world.snoozeDue) {
    const [scheduleId, occurrence, generation] = key.split('|');
    if (until > margin) continue;
    expected.push({ scheduleId: Number(scheduleId), occurrence: occurrence!, generation: Number(generation), due: until, occurrenceAt: NaN });
  }

  let lost = 0;
  let shownOnTime = 0;
  let passedQuietly = 0;
  for (const e of expected) {
    const got = delivered.get(`${e.scheduleId}|${e.occurrence}|${e.generation}`);
    const reminder = got?.find((d) => d.kind === 'reminder');
    if (e.due !== null && world.isAble(e.due)) {
      // The app could remind at that moment: it must have, exactly then.
      if (reminder && reminder.at === e.due) shownOnTime++;
      else lost++;
      continue;
    }
    if (got && got.length > 0) continue;
    if (world.skippedByPerson.has(`${e.scheduleId}|${e.occurrence}|${e.generation}`)) continue;
    const due = e.due ?? e.occurrenceAt;
    const overtaken = world.deliveries.some(
      (d) =>
        d.at >= due &&
        ((d.scheduleId === e.scheduleId && d.occurrence > e.occurrence) ||
          (d.kind === 'offer' && (Number.isNaN(e.occurrenceAt) || d.occurrenceAt >= e.occurrenceAt))),
    );
    if (overtaken) passedQuietly++;
    else lost++;
  }

  return {
    occurrencesDue: expected.filter((e) => e.generation === 0).length,
    remindersShown: world.deliveries.filter((d) => d.kind === 'reminder').length,
    shownOnTime,
    missedOffered: offers.length,
    passedQuietly,
    skippedByPerson: world.skippedByPerson.size,
    startedByPerson: world.startedByPerson,
    snoozes: world.snoozeDue.size,
    sleeps: world.counts.sleeps,
    restarts: world.counts.restarts,
    unlocks: world.counts.unlocks,
    sessions: world.counts.sessions,
    zoneChanges: world.zoneChanges.length,
    mostOffersAtOnce: Math.max(0, ...offersAt.values()),
    duplicated,
    lost,
  };
}

export async function run(): Promise<BenchResult> {
  const started = performance.now();
  const counts = await simulate({ days: 730, seed: 20_251_124 });
  const seconds = (performance.now() - started) / 1000;
  const zero = 'must be 0';
  return {
    benchmark: 'scheduler-simulation',
    figures: [
      { name: 'occurrences due (weekly + daily, 2 years)', value: counts.occurrencesDue, unit: 'count' },
      { name: 'reminders shown', value: counts.remindersShown, unit: 'count' },
      { name: 'due while the app could remind: shown on time', value: counts.shownOnTime, unit: 'count' },
      { name: 'missed, offered once', value: counts.missedOffered, unit: 'count' },
      { name: 'missed, passed quietly (a later one was shown or offered)', value: counts.passedQuietly, unit: 'count' },
      { name: 'most missed prompts from one wake, launch or unlock', value: counts.mostOffersAtOnce, unit: 'count', target: '≤ 1' },
      { name: 'snoozes', value: counts.snoozes, unit: 'count' },
      { name: 'skipped by the person', value: counts.skippedByPerson, unit: 'count' },
      { name: 'started by the person', value: counts.startedByPerson, unit: 'count' },
      { name: 'sleeps (vault locked on each)', value: counts.sleeps, unit: 'count' },
      { name: 'restarts (quit or crash; start locked)', value: counts.restarts, unit: 'count' },
      { name: 'unlocks', value: counts.unlocks, unit: 'count' },
      { name: 'sessions', value: counts.sessions, unit: 'count' },
      { name: 'zone changes', value: counts.zoneChanges, unit: 'count' },
      { name: 'duplicated', value: counts.duplicated, unit: 'count', target: zero },
      { name: 'lost', value: counts.lost, unit: 'count', target: zero },
      { name: 'simulation time', value: seconds, unit: 's' },
    ],
    notes: [
      'Real encrypted vault, fake clock, seeded randomness (seed 20251124): the same run every time.',
      'Duplicated and lost are checked from notify/onMissed calls against an independent expectation, not from the scheduler’s tables.',
    ],
  };
}
