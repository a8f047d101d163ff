import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Timers } from '../../main/core/ports.ts';
import { MAX_TIMER_MS, Scheduler, type MissedNotice, type Reminder } from '../../main/core/scheduler/scheduler.ts';
import type { RecurrenceInput, ScheduleInput } from '../../preload/contract/schedule/schemas.ts';
import { NEUTRAL_WORDS } from '../../main/core/scheduler/ics.ts';
import { SealedLog } from '../../main/core/scheduler/sealed-log.ts';
import { openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { vaultErrors } from '../../main/core/vault/vault-errors.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { expectAppError, makeTempDir } from '../helpers/vault-fixtures.ts';

const titles: Record<string, string> = { permission: 'Permission', 'open-one-box': 'Open one box', 'quiet-body': 'Quiet body' };
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (text: string) => Date.parse(text);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

/**
 * A real encrypted vault, a fake clock, and a world around the scheduler that can lock
 * the vault, put the computer to sleep (timers hold their fire until it wakes, as on a
 * real machine), restart the app (a new Scheduler on the same file), run a session and
 * change the time zone.
 */
class World {
  readonly clock: FakeClock;
  readonly notified: Array<Reminder & { firedAt: number }> = [];
  readonly missed: Array<MissedNotice & { offeredAt: number }> = [];
  readonly problems: string[] = [];
  readonly delays: number[] = [];
  readonly log: SealedLog;
  db: Db;
  zone: string;
  locked = false;
  inSession = false;
  /** Off: the scheduler reports to the app's own log, as in production. */
  reportToTest = true;
  private asleep = false;
  private late: Array<() => void> = [];
  scheduler!: Scheduler;

  constructor(
    readonly dir: string,
    start: string,
    zone = 'Europe/London',
    private readonly withLog = true,
  ) {
    this.clock = new FakeClock(at(start));
    this.zone = zone;
    this.db = openEncryptedDatabase(join(dir, 'vault.db'), randomBytes(32));
    this.log = new SealedLog(join(dir, 'scheduler.sealed'));
    this.boot();
  }

  private timers: Timers = {
    setTimeout: (callback, ms) => {
      this.delays.push(ms);
      return this.clock.setTimeout(() => (this.asleep ? this.late.push(callback) : callback()), ms);
    },
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
      notify: (r) => this.notified.push({ ...r, firedAt: this.clock.now() }),
      onMissed: (m) => this.missed.push({ ...m, offeredAt: this.clock.now() }),
      inSession: () => this.inSession,
      practiceTitle: (id) => titles[id],
      ...(this.withLog ? { lockedLog: this.log } : {}),
      ...(this.reportToTest ? { report: (p: string, error?: unknown) => this.problems.push(error instanceof Error ? `${p}: ${error.message}` : p) } : {}),
    });
    this.scheduler.start();
  }

  /** The process ends (crash or quit: nothing is flushed) and starts again, vault locked or not. */
  restart({ locked = this.locked } = {}): void {
    this.scheduler.stop();
    this.locked = locked;
    this.boot();
  }

  advanceTo(text: string): void {
    this.clock.advance(at(text) - this.clock.now());
  }

  /** Asleep until then: no timer fires; on waking, late timers fire, then the resume event. */
  sleepUntil(text: string): void {
    this.asleep = true;
    this.advanceTo(text);
    this.asleep = false;
    for (const callback of this.late.splice(0)) callback();
    this.scheduler.recompute();
  }

  lock(): void {
    this.locked = true;
  }

  unlock(): void {
    this.locked = false;
    this.scheduler.recompute();
  }

  create(input: Partial<ScheduleInput> & Pick<ScheduleInput, 'recurrence'>) {
    return this.scheduler.create({ practiceId: 'permission', ...input });
  }

  firedTimes(): string[] {
    return this.notified.map((n) => iso(n.firedAt));
  }

  rowCount(table: string): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  states(): Array<{ occurrence: string; state: string }> {
    return this.db.prepare('SELECT occurrence, state FROM schedule_occurrences ORDER BY schedule_id, occurrence').all() as Array<{
      occurrence: string;
      state: string;
    }>;
  }
}

let tmp: { dir: string; cleanup: () => void };
let worlds: World[] = [];
const world = (start: string, zone?: string, withLog?: boolean) => {
  const w = new World(tmp.dir, start, zone, withLog);
  worlds.push(w);
  return w;
};

beforeEach(() => {
  tmp = makeTempDir();
  worlds = [];
});
afterEach(() => {
  for (const w of worlds) {
    w.scheduler.stop();
    if (w.db.open) w.db.close();
  }
  tmp.cleanup();
});

const weeklySunday = { kind: 'weekly', start: '2025-11-20', time: '20:00', days: ['SU'] } satisfies RecurrenceInput;

describe('schedules: create, read, edit, pause, delete', () => {
  it('creates a private schedule with the default reminder and shows its next time in plain words', () => {
    const w = world('2025-11-20T12:00:00Z');
    const s = w.create({ recurrence: weeklySunday, leadMinutes: 15 });
    expect(s).toMatchObject({
      practiceId: 'permission',
      private: true,
      text: 'Time for your reflection',
      tzid: null,
      leadMinutes: 15,
      paused: false,
      recurrence: { kind: 'weekly', start: '2025-11-23', time: '20:00', days: ['SU'], interval: 1, end: { type: 'never' } },
      next: { occurrence: '2025-11-23T20:00', label: 'Sunday 23 Nov, 20:00', skipped: false },
    });
    expect(w.scheduler.list()).toEqual([s]);
    expect(w.scheduler.upcoming(s.id, 3).map((o) => o.label)).toEqual(['Sunday 23 Nov, 20:00', 'Sunday 30 Nov, 20:00', 'Sunday 7 Dec, 20:00']);
    expect(w.db.prepare('SELECT dtstart, tzid, rrule FROM schedules').get()).toEqual({ dtstart: '2025-11-23T20:00', tzid: null, rrule: 'FREQ=WEEKLY;BYDAY=SU' });
  });

  it('previews an unsaved rule without the vault', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.lock();
    expect(w.scheduler.preview({ recurrence: { kind: 'daily', start: '2025-11-20', time: '07:30', interval: 2 }, count: 3 }).map((o) => o.label)).toEqual([
      'Saturday 22 Nov, 07:30',
      'Monday 24 Nov, 07:30',
      'Wednesday 26 Nov, 07:30',
    ]);
    expect(w.scheduler.preview({ recurrence: { kind: 'once', date: '2026-01-05', time: '20:00' }, tzid: 'Australia/Sydney' })).toEqual([
      { occurrence: '2026-01-05T20:00', at: at('2026-01-05T09:00:00Z'), label: 'Monday 5 Jan 2026, 20:00', skipped: false },
    ]);
  });

  it('bad input is refused with a plain message and changes nothing', async () => {
    const w = world('2025-11-20T12:00:00Z');
    const s = w.create({ recurrence: weeklySunday });
    const before = { schedules: w.scheduler.list(), rows: w.rowCount('schedules') };
    const bad: unknown[] = [
      { practiceId: 'permission', recurrence: { kind: 'once', date: '2025-11-20', time: '25:00' } },
      { practiceId: 'permission', recurrence: { kind: 'once', date: '2025-11-19', time: '20:00' } },
      { practiceId: 'no-such-practice', recurrence: weeklySunday },
      { practiceId: 'permission', recurrence: weeklySunday, leadMinutes: 10 },
      { practiceId: 'permission', recurrence: weeklySunday, tzid: 'Nowhere/Special' },
      { practiceId: 'permission', recurrence: weeklySunday, text: 'line one\nline two' },
      { practiceId: 'permission', recurrence: weeklySunday, title: 'a title' },
      { practiceId: 'permission', recurrence: { ...weeklySunday, days: [] } },
      { practiceId: 'permission', recurrence: { kind: 'monthly', start: '2026-02-01', time: '09:00', day: 30, end: { type: 'until', date: '2026-02-28' } } },
    ];
    for (const input of bad) {
      const error = await expectAppError(() => w.scheduler.create(input as ScheduleInput), 'INVALID_INPUT');
      expect(error.message.length).toBeGreaterThan(5);
    }
    await expectAppError(() => w.scheduler.update(s.id, { leadMinutes: 7 as 5 }), 'INVALID_INPUT');
    await expectAppError(() => w.scheduler.update(s.id, { recurrence: { kind: 'once', date: '2020-01-01', time: '20:00' } }), 'INVALID_INPUT');
    await expectAppError(() => w.scheduler.update(s.id, { practiceId: 'nope' }), 'INVALID_INPUT');
    await expectAppError(() => w.scheduler.setQuietHours({ enabled: true, start: '22:00', end: '22:00', policy: 'move' }), 'INVALID_INPUT');
    await expectAppError(() => w.scheduler.snooze({ scheduleId: s.id, occurrence: '2025-11-23T20:00', minutes: 15 as 10 }), 'INVALID_INPUT');
    await expectAppError(() => w.scheduler.update(999, { paused: true }), 'NOT_FOUND');
    await expectAppError(() => w.scheduler.get(-1), 'INVALID_INPUT');
    expect({ schedules: w.scheduler.list(), rows: w.rowCount('schedules') }).toEqual(before);
    expect(w.rowCount('schedule_occurrences')).toBe(0);
  });

  it('edits, pauses and deletes; a new time counts from now', () => {
    const w = world('2025-11-20T12:00:00Z');
    const s = w.create({ recurrence: weeklySunday });
    const edited = w.scheduler.update(s.id, { text: 'A quiet moment', private: false, recurrence: { ...weeklySunday, time: '19:30' } });
    expect(edited).toMatchObject({ text: 'A quiet moment', private: false, next: { label: 'Sunday 23 Nov, 19:30' } });
    expect(w.scheduler.setPaused(s.id, true)).toMatchObject({ paused: true, next: null });
    w.advanceTo('2025-11-24T12:00:00Z');
    expect(w.notified).toEqual([]);
    // Resuming does not turn what passed while paused into a missed reminder.
    w.scheduler.setPaused(s.id, false);
    w.scheduler.recompute();
    expect(w.missed).toEqual([]);
    w.advanceTo('2025-11-30T21:00:00Z');
    expect(w.firedTimes()).toEqual(['2025-11-30T19:30:00Z']);
    w.scheduler.delete(s.id);
    w.advanceTo('2025-12-14T21:00:00Z');
    expect(w.notified).toHaveLength(1);
    expect(w.scheduler.list()).toEqual([]);
    expect(w.rowCount('schedule_occurrences')).toBe(0);
  });

  it('needs the vault for schedules themselves', async () => {
    const w = world('2025-11-20T12:00:00Z');
    w.lock();
    await expectAppError(() => w.scheduler.list(), 'LOCKED');
    await expectAppError(() => w.create({ recurrence: weeklySunday }), 'LOCKED');
    await expectAppError(() => w.scheduler.pendingMissed(), 'LOCKED');
  });
});

describe('reminders fire at the right time, once', () => {
  it('a weekly reminder: at the time, generic words only, with a target for the click', () => {
    const w = world('2025-11-20T12:00:00Z');
    const s = w.create({ practiceId: 'open-one-box', recurrence: weeklySunday, text: 'A little time for you' });
    w.advanceTo('2025-11-23T19:59:59Z');
    expect(w.notified).toEqual([]);
    w.advanceTo('2025-12-01T00:00:00Z');
    expect(w.notified).toEqual([
      {
        title: 'Saltwater',
        body: 'A little time for you',
        target: { scheduleId: s.id, occurrence: '2025-11-23T20:00' },
        at: at('2025-11-23T20:00:00Z'),
        firedAt: at('2025-11-23T20:00:00Z'),
      },
      expect.objectContaining({ firedAt: at('2025-11-30T20:00:00Z'), target: { scheduleId: s.id, occurrence: '2025-11-30T20:00' } }),
    ]);
    expect(JSON.stringify(w.notified)).not.toContain('Open one box');
  });

  it('names the practice only when the schedule is not private', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.create({ practiceId: 'open-one-box', private: false, recurrence: weeklySunday });
    w.advanceTo('2025-11-24T00:00:00Z');
    expect(w.notified).toMatchObject([{ title: 'Open one box', body: 'Time for your reflection' }]);
  });

  it('a lead time brings the reminder forward', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.create({ recurrence: weeklySunday, leadMinutes: 30 });
    w.advanceTo('2025-11-24T00:00:00Z');
    expect(w.firedTimes()).toEqual(['2025-11-23T19:30:00Z']);
    expect(w.notified[0]!.at).toBe(at('2025-11-23T20:00:00Z'));
  });

  it('every kind of rule fires exactly on its times', () => {
    const w = world('2026-01-01T00:00:00Z', 'UTC');
    const make = (recurrence: ScheduleInput['recurrence']) => w.create({ recurrence }).id;
    const ids = {
      once: make({ kind: 'once', date: '2026-01-03', time: '10:00' }),
      everyOtherDay: make({ kind: 'daily', start: '2026-01-01', time: '07:00', interval: 2, end: { type: 'count', count: 3 } }),
      weekdays: make({ kind: 'weekly', start: '2026-01-01', time: '08:00', days: ['MO', 'TU', 'WE', 'TH', 'FR'], end: { type: 'until', date: '2026-01-06' } }),
      fortnightly: make({ kind: 'weekly', start: '2026-01-01', time: '20:00', days: ['SA'], interval: 2, end: { type: 'count', count: 2 } }),
      lastOfMonth: make({ kind: 'monthly', start: '2026-01-01', time: '18:00', day: -1, end: { type: 'count', count: 2 } }),
    };
    w.advanceTo('2026-03-15T00:00:00Z');
    const by = (id: number) => w.notified.filter((n) => n.target.scheduleId === id).map((n) => iso(n.firedAt));
    expect(by(ids.once)).toEqual(['2026-01-03T10:00:00Z']);
    expect(by(ids.everyOtherDay)).toEqual(['2026-01-01T07:00:00Z', '2026-01-03T07:00:00Z', '2026-01-05T07:00:00Z']);
    expect(by(ids.weekdays)).toEqual(['2026-01-01T08:00:00Z', '2026-01-02T08:00:00Z', '2026-01-05T08:00:00Z', '2026-01-06T08:00:00Z']);
    expect(by(ids.fortnightly)).toEqual(['2026-01-03T20:00:00Z', '2026-01-17T20:00:00Z']);
    expect(by(ids.lastOfMonth)).toEqual(['2026-01-31T18:00:00Z', '2026-02-28T18:00:00Z']);
    expect(w.scheduler.get(ids.once).next).toBeNull();
    // Nothing left to wait for: no timer stays armed.
    expect(w.scheduler.nextWakeAt()).toBeNull();
  });
});

describe('edge cases', () => {
  it('a schedule created after its reminder time but before the session: the reminder comes at once, once', () => {
    const w = world('2025-11-23T19:45:00Z');
    w.create({ recurrence: weeklySunday, leadMinutes: 30 });
    expect(w.firedTimes()).toEqual(['2025-11-23T19:45:00Z']);
    w.advanceTo('2025-11-24T00:00:00Z');
    expect(w.notified).toHaveLength(1);
  });

  it('answers naming a time the schedule does not have are refused, quickly', async () => {
    const w = world('2025-11-20T12:00:00Z');
    const s = w.create({ recurrence: { kind: 'daily', start: '2025-11-20', time: '20:00' } });
    for (const occurrence of ['2025-02-30T20:00', '9999-12-31T20:00', '2025-11-21T20:01']) {
      await expectAppError(() => w.scheduler.skip({ scheduleId: s.id, occurrence }), 'INVALID_INPUT');
    }
    await expectAppError(() => w.scheduler.skip({ scheduleId: s.id + 1, occurrence: '2025-11-21T20:00' }), 'NOT_FOUND');
    expect(w.rowCount('schedule_occurrences')).toBe(0);
  });

  it('after more than a year away: one prompt, for the most recent time, and the rest behind the watermark', () => {
    const w = world('2025-01-01T12:00:00Z');
    const s = w.create({ recurrence: { kind: 'daily', start: '2025-01-01', time: '20:00' } });
    w.scheduler.stop();
    w.advanceTo('2027-03-01T12:00:00Z');
    w.restart();
    expect(w.missed.map((m) => m.occurrence)).toEqual(['2027-02-28T20:00']);
    expect(w.notified).toEqual([]);
    expect(w.db.prepare('SELECT settled_through AS s FROM schedules WHERE id = ?').get(s.id)).toEqual({ s: '2027-02-28T20:00' });
  });

  it('a notifier that throws is reported; the reminder counts as shown and the scheduler carries on', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.create({ recurrence: { kind: 'daily', start: '2025-11-20', time: '20:00', end: { type: 'count', count: 2 } } });
    const original = w.notified.push.bind(w.notified);
    let first = true;
    w.notified.push = (...items) => {
      if (first) {
        first = false;
        throw new Error('no notification service');
      }
      return original(...items);
    };
    w.advanceTo('2025-11-22T00:00:00Z');
    expect(w.problems).toEqual(['notify failed: no notification service']);
    expect(w.firedTimes()).toEqual(['2025-11-21T20:00:00Z']);
    expect(w.states().map((r) => r.state)).toEqual(['fired', 'fired']);
  });

  it("in the app's own log, a problem says where and what kind, never the error's words", () => {
    const w = world('2025-11-20T12:00:00Z');
    w.reportToTest = false;
    w.restart();
    w.create({ recurrence: { kind: 'once', date: '2025-11-20', time: '20:00' } });
    w.notified.push = () => {
      throw new TypeError('reminder for "my private plan"');
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      w.advanceTo('2025-11-21T00:00:00Z');
      expect(logged.mock.calls).toEqual([['[saltwater] scheduler: notify failed: TypeError']]);
    } finally {
      logged.mockRestore();
    }
  });
});

describe('DST', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // zone, daily time, start day, expected instants around spring-forward (UTC)
    ['Europe/London', '01:30', '2025-03-29', '2025-03-29T01:30:00Z', '2025-03-30T01:30:00Z'],
    ['America/New_York', '02:30', '2025-03-08', '2025-03-08T07:30:00Z', '2025-03-09T07:30:00Z'],
    ['Australia/Sydney', '02:30', '2025-10-04', '2025-10-03T16:30:00Z', '2025-10-04T16:30:00Z'],
  ];
  for (const [zone, time, start, first, inGap] of cases) {
    it(`${zone}: the skipped hour fires once, at the next valid time; 20:00-style times keep their wall time`, () => {
      const w = world(new Date(at(first) - HOUR).toISOString(), zone);
      w.create({ recurrence: { kind: 'daily', start, time, end: { type: 'count', count: 3 } } });
      w.advanceTo(new Date(at(first) + 4 * DAY).toISOString());
      expect(w.firedTimes().slice(0, 2)).toEqual([iso(at(first)), iso(at(inGap))]);
      expect(w.notified).toHaveLength(3);
      // The day after: back at the named wall time, now with the new offset.
      const third = w.notified[2]!;
      expect(third.target.occurrence.slice(11)).toBe(time);
      expect(third.firedAt - at(inGap)).toBe(DAY - HOUR);
    });
  }

  const folds: Array<[string, string, string, string]> = [
    // zone, repeated wall time, day before, first pass (UTC)
    ['Europe/London', '01:30', '2025-10-25', '2025-10-26T00:30:00Z'],
    ['America/New_York', '01:30', '2025-11-01', '2025-11-02T05:30:00Z'],
    ['Australia/Sydney', '02:30', '2025-04-05', '2025-04-05T15:30:00Z'],
  ];
  for (const [zone, time, start, firstPass] of folds) {
    it(`${zone}: the repeated hour fires once (the first), even with a restart between the two passes`, () => {
      const w = world(`${start}T00:00:00Z`, zone);
      w.create({ recurrence: { kind: 'daily', start, time } });
      w.advanceTo(new Date(at(firstPass) + 30 * MIN).toISOString());
      expect(w.firedTimes().at(-1)).toBe(iso(at(firstPass)));
      const count = w.notified.length;
      w.restart();
      // Through the second pass of the same wall time, and a little beyond.
      w.advanceTo(new Date(at(firstPass) + 3 * HOUR).toISOString());
      expect(w.notified).toHaveLength(count);
      expect(w.missed).toEqual([]);
      w.advanceTo(new Date(at(firstPass) + DAY + 2 * HOUR).toISOString());
      expect(w.notified).toHaveLength(count + 1);
      expect(w.notified.at(-1)!.target.occurrence.slice(11)).toBe(time);
    });
  }
});

describe('quiet hours', () => {
  it('move: an occurrence inside fires at the end of quiet hours', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.scheduler.setQuietHours({ enabled: true, start: '22:00', end: '08:00', policy: 'move' });
    w.create({ recurrence: { kind: 'daily', start: '2025-11-20', time: '23:00', end: { type: 'count', count: 2 } } });
    w.advanceTo('2025-11-23T00:00:00Z');
    expect(w.firedTimes()).toEqual(['2025-11-21T08:00:00Z', '2025-11-22T08:00:00Z']);
    expect(w.notified.map((n) => n.target.occurrence)).toEqual(['2025-11-20T23:00', '2025-11-21T23:00']);
    expect(w.missed).toEqual([]);
  });

  it('skip: an occurrence inside never fires and is recorded as skipped; others still fire', () => {
    const w = world('2025-11-20T12:00:00Z');
    expect(w.scheduler.quietHours()).toEqual({ enabled: false, start: '22:00', end: '08:00', policy: 'move' });
    w.scheduler.setQuietHours({ enabled: true, start: '22:00', end: '08:00', policy: 'skip' });
    w.create({ recurrence: { kind: 'daily', start: '2025-11-20', time: '23:00', end: { type: 'count', count: 2 } } });
    w.create({ recurrence: { kind: 'daily', start: '2025-11-21', time: '08:10', end: { type: 'count', count: 2 } }, leadMinutes: 15 });
    w.advanceTo('2025-11-23T00:00:00Z');
    // The 08:10 session's 07:55 reminder falls inside: moved to 08:00, never skipped.
    expect(w.firedTimes()).toEqual(['2025-11-21T08:00:00Z', '2025-11-22T08:00:00Z']);
    expect(w.states().filter((s) => s.state === 'skipped').map((s) => s.occurrence)).toEqual(['2025-11-20T23:00', '2025-11-21T23:00']);
    expect(w.missed).toEqual([]);
  });
});

describe('snooze and skip', () => {
  it('snooze 10, 30 and 60 minutes brings the same reminder back; a reminder not yet shown cannot be snoozed', async () => {
    const w = world('2025-11-20T12:00:00Z');
    const s = w.create({ recurrence: weeklySunday });
    const ref = { scheduleId: s.id, occurrence: '2025-11-23T20:00' };
    await expectAppError(() => w.scheduler.snooze({ ...ref, minutes: 10 }), 'INVALID_INPUT');
    w.advanceTo('2025-11-23T20:00:00Z');
    expect(w.scheduler.snooze({ ...ref, minutes: 10 })).toEqual({ until: at('2025-11-23T20:10:00Z') });
    w.advanceTo('2025-11-23T20:10:00Z');
    w.scheduler.snooze({ ...ref, minutes: 30 });
    w.advanceTo('2025-11-23T20:40:00Z');
    w.scheduler.snooze({ ...ref, minutes: 60 });
    w.advanceTo('2025-11-24T00:00:00Z');
    expect(w.firedTimes()).toEqual(['2025-11-23T20:00:00Z', '2025-11-23T20:10:00Z', '2025-11-23T20:40:00Z', '2025-11-23T21:40:00Z']);
    expect(new Set(w.notified.map((n) => n.target.occurrence))).toEqual(new Set(['2025-11-23T20:00']));
  });

  it('a snooze survives a restart and still fires once', () => {
    const w = world('2025-11-20T12:00:00Z');
    const s = w.create({ recurrence: weeklySunday });
    w.advanceTo('2025-11-23T20:00:00Z');
    w.scheduler.snooze({ scheduleId: s.id, occurrence: '2025-11-23T20:00', minutes: 30 });
    w.restart();
    w.advanceTo('2025-11-24T00:00:00Z');
    expect(w.firedTimes()).toEqual(['2025-11-23T20:00:00Z', '2025-11-23T20:30:00Z']);
  });

  it('a snooze into quiet hours waits for their end', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.scheduler.setQuietHours({ enabled: true, start: '22:00', end: '08:00', policy: 'skip' });
    const s = w.create({ recurrence: { kind: 'once', date: '2025-11-20', time: '21:55' } });
    w.advanceTo('2025-11-20T21:55:00Z');
    expect(w.scheduler.snooze({ scheduleId: s.id, occurrence: '2025-11-20T21:55', minutes: 10 }).until).toBe(at('2025-11-21T08:00:00Z'));
    w.advanceTo('2025-11-22T00:00:00Z');
    expect(w.firedTimes()).toEqual(['2025-11-20T21:55:00Z', '2025-11-21T08:00:00Z']);
  });

  it('skip this one: ahead of time, or after it arrived; the next one still comes', async () => {
    const w = world('2025-11-20T12:00:00Z');
    const s = w.create({ recurrence: weeklySunday });
    w.scheduler.skip({ scheduleId: s.id, occurrence: '2025-11-23T20:00' });
    expect(w.scheduler.upcoming(s.id, 2).map((o) => o.skipped)).toEqual([true, false]);
    await expectAppError(() => w.scheduler.skip({ scheduleId: s.id, occurrence: '2025-11-24T20:00' }), 'INVALID_INPUT');
    w.advanceTo('2025-11-30T20:00:00Z');
    expect(w.firedTimes()).toEqual(['2025-11-30T20:00:00Z']);
    w.scheduler.skip({ scheduleId: s.id, occurrence: '2025-11-30T20:00' });
    w.scheduler.started({ scheduleId: s.id, occurrence: '2025-12-07T20:00' });
    await expectAppError(() => w.scheduler.skip({ scheduleId: s.id, occurrence: '2025-12-07T20:00' }), 'INVALID_INPUT');
    w.advanceTo('2025-12-15T00:00:00Z');
    expect(w.firedTimes()).toEqual(['2025-11-30T20:00:00Z', '2025-12-14T20:00:00Z']);
    expect(w.missed).toEqual([]);
  });
});

describe('missed occurrences', () => {
  it('asleep across several occurrences: exactly one prompt, for the most recent; the rest pass quietly', () => {
    const w = world('2025-11-20T12:00:00Z');
    const daily = w.create({ recurrence: { kind: 'daily', start: '2025-11-20', time: '20:00' } });
    w.create({ practiceId: 'quiet-body', recurrence: { kind: 'daily', start: '2025-11-20', time: '07:00' } });
    w.sleepUntil('2025-11-26T06:00:00Z');
    expect(w.notified).toEqual([]);
    expect(w.missed).toEqual([
      { scheduleId: daily.id, occurrence: '2025-11-25T20:00', at: at('2025-11-25T20:00:00Z'), label: 'Tuesday 25 Nov, 20:00', offeredAt: at('2025-11-26T06:00:00Z') },
    ]);
    expect(w.scheduler.pendingMissed()).toEqual({
      scheduleId: daily.id,
      practiceId: 'permission',
      occurrence: '2025-11-25T20:00',
      at: at('2025-11-25T20:00:00Z'),
      label: 'Tuesday 25 Nov, 20:00',
    });
    // Looking again (another resume, a restart) never offers it twice.
    w.scheduler.recompute();
    w.restart();
    w.sleepUntil('2025-11-26T06:30:00Z');
    expect(w.missed).toHaveLength(1);
    expect(w.states().filter((s) => s.state === 'offered')).toHaveLength(1);
    expect(w.states().filter((s) => s.state === 'missed')).toHaveLength(10);
    w.scheduler.skip({ scheduleId: daily.id, occurrence: '2025-11-25T20:00' });
    expect(w.scheduler.pendingMissed()).toBeNull();
    w.advanceTo('2025-11-26T20:00:00Z');
    expect(w.firedTimes()).toEqual(['2025-11-26T07:00:00Z', '2025-11-26T20:00:00Z']);
    expect(w.missed).toHaveLength(1);
  });

  it('woken shortly after: still shown as a reminder, not as missed', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.create({ recurrence: weeklySunday });
    w.sleepUntil('2025-11-23T20:10:00Z');
    expect(w.firedTimes()).toEqual(['2025-11-23T20:10:00Z']);
    expect(w.missed).toEqual([]);
  });

  it('a newer reminder retires a missed offer nobody answered', () => {
    const w = world('2025-11-20T12:00:00Z');
    const s = w.create({ recurrence: { kind: 'daily', start: '2025-11-20', time: '20:00' } });
    w.sleepUntil('2025-11-22T09:00:00Z');
    expect(w.scheduler.pendingMissed()).toMatchObject({ occurrence: '2025-11-21T20:00' });
    w.advanceTo('2025-11-22T20:00:00Z');
    expect(w.scheduler.pendingMissed()).toBeNull();
    expect(w.notified.map((n) => n.target)).toEqual([{ scheduleId: s.id, occurrence: '2025-11-22T20:00' }]);
  });

  it('app closed across occurrences: on the next launch, one prompt', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.create({ recurrence: weeklySunday });
    w.scheduler.stop();
    w.advanceTo('2025-12-10T12:00:00Z');
    w.restart();
    expect(w.missed.map((m) => m.occurrence)).toEqual(['2025-12-07T20:00']);
    expect(w.notified).toEqual([]);
  });
});

describe('restarts never duplicate and never lose', () => {
  it('a restart between arming and firing: the new process fires it, once', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.create({ recurrence: weeklySunday });
    expect(w.scheduler.nextWakeAt()).toBe(at('2025-11-23T20:00:00Z'));
    w.advanceTo('2025-11-23T19:59:00Z');
    w.restart();
    w.advanceTo('2025-11-23T20:00:00Z');
    w.restart();
    w.advanceTo('2025-11-24T12:00:00Z');
    w.restart();
    expect(w.firedTimes()).toEqual(['2025-11-23T20:00:00Z']);
    expect(w.missed).toEqual([]);
  });

  it('without a restart, a second scheduler on the same vault sees the reminder as already shown', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.create({ recurrence: weeklySunday });
    w.advanceTo('2025-11-23T20:00:00Z');
    w.scheduler.recompute();
    w.scheduler.recompute();
    expect(w.notified).toHaveLength(1);
  });
});

describe('long waits and clock changes', () => {
  it('a reminder 40 days away fires on time: each timer stays below 2^31−1 ms and re-arms', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.create({ recurrence: { kind: 'once', date: '2025-12-30', time: '20:00' } });
    expect(w.scheduler.nextWakeAt()).toBe(at('2025-12-30T20:00:00Z'));
    w.advanceTo('2025-12-30T19:59:59Z');
    expect(w.notified).toEqual([]);
    w.advanceTo('2025-12-31T00:00:00Z');
    expect(w.firedTimes()).toEqual(['2025-12-30T20:00:00Z']);
    expect(Math.max(...w.delays)).toBeLessThanOrEqual(MAX_TIMER_MS);
    expect(MAX_TIMER_MS).toBeLessThan(2 ** 31 - 1);
    // At least one clamped timer fired early and armed the rest.
    expect(w.delays.filter((d) => d === MAX_TIMER_MS).length).toBeGreaterThanOrEqual(1);
  });

  it('a zone change recomputes: a floating schedule follows the computer, an anchored one does not', () => {
    const w = world('2025-11-20T12:00:00Z');
    const floating = w.create({ recurrence: { kind: 'daily', start: '2025-11-20', time: '20:00' } });
    const anchored = w.create({ recurrence: { kind: 'daily', start: '2025-11-20', time: '21:00' }, tzid: 'Europe/London' });
    w.advanceTo('2025-11-21T21:30:00Z');
    expect(w.notified).toHaveLength(4);
    // Flew to New York: it is 16:30 there, and today's 20:00 has already happened (in London),
    // so 20:00 New York time today (01:00Z) must not bring it again.
    w.zone = 'America/New_York';
    w.scheduler.recompute();
    expect(w.scheduler.nextWakeAt()).toBe(at('2025-11-22T21:00:00Z'));
    w.advanceTo('2025-11-23T02:00:00Z');
    const after = w.notified.slice(4).map((n) => [n.target.scheduleId, n.target.occurrence, iso(n.firedAt)]);
    expect(after).toEqual([
      [floating.id, '2025-11-22T20:00', '2025-11-23T01:00:00Z'],
      [anchored.id, '2025-11-22T21:00', '2025-11-22T21:00:00Z'],
    ].sort((a, b) => String(a[2]).localeCompare(String(b[2]))));
    expect(w.missed).toEqual([]);
    expect(w.scheduler.get(floating.id).next).toMatchObject({ label: 'Sunday 23 Nov, 20:00' });
  });

  it('flying east past a time that has not come yet offers it as missed, once', () => {
    const w = world('2025-11-20T12:00:00Z', 'America/New_York');
    w.create({ recurrence: { kind: 'daily', start: '2025-11-20', time: '20:00' } });
    w.advanceTo('2025-11-21T23:00:00Z'); // 18:00 in New York; 20:00 there not yet
    const before = w.notified.length;
    w.zone = 'Europe/London';
    w.scheduler.recompute();
    w.scheduler.recompute();
    expect(w.notified).toHaveLength(before);
    expect(w.missed.map((m) => m.occurrence)).toEqual(['2025-11-21T20:00']);
  });
});

describe('sessions and the locked vault', () => {
  it('holds reminders back while a session runs and shows them after', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.create({ recurrence: weeklySunday });
    w.inSession = true;
    w.advanceTo('2025-11-23T20:05:00Z');
    expect(w.notified).toEqual([]);
    w.inSession = false;
    w.scheduler.recompute();
    expect(w.firedTimes()).toEqual(['2025-11-23T20:05:00Z']);
  });

  it('a long session: the reminder that passed during it is offered afterwards, once', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.create({ recurrence: weeklySunday });
    w.inSession = true;
    w.advanceTo('2025-11-23T21:00:00Z');
    w.inSession = false;
    w.advanceTo('2025-11-23T21:01:00Z');
    expect(w.notified).toEqual([]);
    expect(w.missed.map((m) => m.occurrence)).toEqual(['2025-11-23T20:00']);
  });

  it('keeps reminding while locked; what happened is sealed, then taken into the vault at unlock', () => {
    const w = world('2025-11-20T12:00:00Z');
    const s = w.create({ recurrence: { kind: 'daily', start: '2025-11-20', time: '20:00' }, text: 'Gentle hour' });
    w.lock();
    w.advanceTo('2025-11-20T20:00:00Z');
    w.scheduler.snooze({ scheduleId: s.id, occurrence: '2025-11-20T20:00', minutes: 10 });
    w.advanceTo('2025-11-21T20:00:00Z');
    expect(w.firedTimes()).toEqual(['2025-11-20T20:00:00Z', '2025-11-20T20:10:00Z', '2025-11-21T20:00:00Z']);
    const sealed = readFileSync(w.log.file, 'utf8');
    for (const plain of ['Gentle hour', '2025-11-2', 'fired', 'snoozed', 'scheduleId']) expect(sealed).not.toContain(plain);
    // Quit while locked, start again (still locked), unlock the next morning.
    w.restart({ locked: true });
    w.advanceTo('2025-11-22T08:00:00Z');
    expect(w.notified).toHaveLength(3);
    w.unlock();
    expect(existsSync(w.log.file)).toBe(false);
    expect(w.missed).toEqual([]);
    expect(w.states()).toEqual([
      { occurrence: '2025-11-20T20:00', state: 'fired' },
      { occurrence: '2025-11-21T20:00', state: 'fired' },
    ]);
  });

  it('after a restart the locked app knows nothing until unlocked; then the missed one is offered', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.create({ recurrence: { kind: 'daily', start: '2025-11-20', time: '20:00' } });
    w.restart({ locked: true });
    w.advanceTo('2025-11-21T08:00:00Z');
    expect(w.notified).toEqual([]);
    expect(w.clock.pendingTimers()).toBe(0);
    w.unlock();
    expect(w.missed.map((m) => m.occurrence)).toEqual(['2025-11-20T20:00']);
  });

  it('without the sealed log, a quit while locked loses the record: the fired reminder is offered again (why the log exists)', () => {
    const w = world('2025-11-20T12:00:00Z', 'Europe/London', false);
    w.create({ recurrence: { kind: 'daily', start: '2025-11-20', time: '20:00' } });
    w.lock();
    w.advanceTo('2025-11-20T21:00:00Z');
    w.restart({ locked: true });
    w.unlock();
    expect(w.firedTimes()).toEqual(['2025-11-20T20:00:00Z']);
    expect(w.missed.map((m) => m.occurrence)).toEqual(['2025-11-20T20:00']);
  });
});

describe('calendar export', () => {
  it('exports active schedules with their rules and zones, the generic words only when private', () => {
    const w = world('2025-11-20T12:00:00Z');
    w.create({ practiceId: 'open-one-box', recurrence: weeklySunday, leadMinutes: 15 });
    const open = w.create({ practiceId: 'quiet-body', private: false, recurrence: { kind: 'daily', start: '2025-11-21', time: '07:30', end: { type: 'until', date: '2025-12-31' } }, tzid: 'America/New_York' });
    const paused = w.create({ recurrence: { kind: 'once', date: '2025-12-01', time: '20:00' } });
    w.scheduler.setPaused(paused.id, true);
    w.scheduler.skip({ scheduleId: open.id, occurrence: '2025-11-22T07:30' });
    const ics = w.scheduler.exportIcs();
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('DTSTART;TZID=Europe/London:20251123T200000\r\nRRULE:FREQ=WEEKLY;BYDAY=SU\r\n');
    expect(ics).toContain('DTSTART;TZID=America/New_York:20251121T073000\r\nRRULE:FREQ=DAILY;UNTIL=20260101T045959Z\r\nEXDATE;TZID=America/New_York:20251122T073000\r\n');
    expect(ics).toContain(`SUMMARY:${NEUTRAL_WORDS}\r\n`);
    expect(ics).toContain('SUMMARY:Quiet body\r\n');
    expect(ics).toContain('TRIGGER:-PT15M');
    expect(ics).not.toContain('Open one box');
  });
});
