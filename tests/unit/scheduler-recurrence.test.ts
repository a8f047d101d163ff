import { describe, expect, it } from 'vitest';
import { quietEndAfter, reminderTime, snoozeTime } from '../../main/core/scheduler/quiet-hours.ts';
import { formatOccurrence, fromStored, nextOccurrences, toStored, type StoredRule } from '../../main/core/scheduler/recurrence.ts';
import { PreviewInput, QuietHours, Recurrence, ScheduleInput, type RecurrenceInput } from '../../preload/contract/schedule/schemas.ts';
import { instantOf, isTimeZone, offsetAt, wallAt } from '../../preload/contract/schedule/zone-time.ts';

const stored = (r: RecurrenceInput): StoredRule => {
  const s = toStored(Recurrence.parse(r));
  if (!s) throw new Error('never happens');
  return s;
};
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const MIN = 60_000;

describe('every recurrence kind: stored as RFC 5545, read back, expanded', () => {
  const kinds: Array<[string, RecurrenceInput, string | null, string, string[]]> = [
    ['one-off', { kind: 'once', date: '2025-11-24', time: '20:00' }, null, '2025-11-24T20:00', ['2025-11-24T20:00']],
    ['daily', { kind: 'daily', start: '2025-11-24', time: '07:30' }, 'FREQ=DAILY', '2025-11-24T07:30', ['2025-11-24T07:30', '2025-11-25T07:30', '2025-11-26T07:30']],
    [
      'every other day',
      { kind: 'daily', start: '2025-11-24', time: '07:30', interval: 2 },
      'FREQ=DAILY;INTERVAL=2',
      '2025-11-24T07:30',
      ['2025-11-24T07:30', '2025-11-26T07:30', '2025-11-28T07:30'],
    ],
    [
      'weekdays',
      { kind: 'weekly', start: '2025-11-21', time: '08:00', days: ['MO', 'TU', 'WE', 'TH', 'FR'] },
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      '2025-11-21T08:00',
      ['2025-11-21T08:00', '2025-11-24T08:00', '2025-11-25T08:00', '2025-11-26T08:00'],
    ],
    [
      'weekly on chosen days (started mid-week: DTSTART moves to the first real one)',
      { kind: 'weekly', start: '2025-11-19', time: '20:00', days: ['SU', 'TH'] },
      'FREQ=WEEKLY;BYDAY=TH,SU',
      '2025-11-20T20:00',
      ['2025-11-20T20:00', '2025-11-23T20:00', '2025-11-27T20:00'],
    ],
    [
      'every 2 weeks',
      { kind: 'weekly', start: '2025-11-23', time: '20:00', days: ['SU'], interval: 2 },
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=SU',
      '2025-11-23T20:00',
      ['2025-11-23T20:00', '2025-12-07T20:00', '2025-12-21T20:00'],
    ],
    [
      'monthly on a day',
      { kind: 'monthly', start: '2025-11-01', time: '19:00', day: 15 },
      'FREQ=MONTHLY;BYMONTHDAY=15',
      '2025-11-15T19:00',
      ['2025-11-15T19:00', '2025-12-15T19:00', '2026-01-15T19:00'],
    ],
    [
      'monthly on the last day',
      { kind: 'monthly', start: '2026-01-01', time: '19:00', day: -1 },
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      '2026-01-31T19:00',
      ['2026-01-31T19:00', '2026-02-28T19:00', '2026-03-31T19:00'],
    ],
    [
      'monthly on the 31st skips short months',
      { kind: 'monthly', start: '2026-01-01', time: '19:00', day: 31 },
      'FREQ=MONTHLY;BYMONTHDAY=31',
      '2026-01-31T19:00',
      ['2026-01-31T19:00', '2026-03-31T19:00', '2026-05-31T19:00'],
    ],
    [
      'ends after a count',
      { kind: 'daily', start: '2025-11-24', time: '07:30', end: { type: 'count', count: 2 } },
      'FREQ=DAILY;COUNT=2',
      '2025-11-24T07:30',
      ['2025-11-24T07:30', '2025-11-25T07:30'],
    ],
    [
      'ends on a date (that day included)',
      { kind: 'weekly', start: '2025-11-23', time: '20:00', days: ['SU'], end: { type: 'until', date: '2025-11-30' } },
      'FREQ=WEEKLY;BYDAY=SU;UNTIL=20251130T235959',
      '2025-11-23T20:00',
      ['2025-11-23T20:00', '2025-11-30T20:00'],
    ],
  ];
  for (const [name, input, rrule, dtstart, expected] of kinds) {
    it(name, () => {
      const s = stored(input);
      expect(s).toEqual({ dtstart, rrule });
      expect(fromStored(s)).toEqual(toStoredRoundTrip(input, dtstart));
      expect(nextOccurrences(s, 'Europe/London', 0, 10).map((o) => o.key).slice(0, expected.length)).toEqual(expected);
      if (input.kind !== 'once' && input.end?.type !== undefined && input.end.type !== 'never') {
        expect(nextOccurrences(s, 'Europe/London', 0, 10)).toHaveLength(expected.length);
      }
    });
  }

  it('a rule that never happens before it ends is refused (null), not stored', () => {
    expect(toStored(Recurrence.parse({ kind: 'monthly', start: '2026-02-01', time: '09:00', day: 30, end: { type: 'until', date: '2026-02-28' } }))).toBeNull();
  });

  it('only what we write is read back', () => {
    expect(() => fromStored({ dtstart: '2025-11-24T20:00', rrule: 'FREQ=YEARLY' })).toThrow(/Unsupported/);
    expect(() => fromStored({ dtstart: '2025-11-24T20:00', rrule: 'FREQ=WEEKLY;BYDAY=XX' })).toThrow(/Unsupported/);
  });
});

function toStoredRoundTrip(input: RecurrenceInput, dtstart: string) {
  const parsed = Recurrence.parse(input);
  const [date, time] = dtstart.split('T');
  if (parsed.kind === 'once') return parsed;
  const normalised = { ...parsed, start: date, time };
  return parsed.kind === 'weekly' ? { ...normalised, days: [...parsed.days].sort((a, b) => order(a) - order(b)) } : normalised;
}
const order = (d: string) => ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].indexOf(d);

describe('DST: wall-clock times stay wall-clock', () => {
  const zones: Array<[string, string, string]> = [
    // zone, a day before spring-forward, a day before fall-back
    ['Europe/London', '2025-03-28', '2025-10-24'],
    ['America/New_York', '2025-03-07', '2025-10-31'],
    ['Australia/Sydney', '2025-10-03', '2025-04-04'],
  ];
  for (const [zone, spring, fall] of zones) {
    it(`${zone}: 20:00 stays 20:00 on both sides of both changes`, () => {
      for (const start of [spring, fall]) {
        const occurrences = nextOccurrences(stored({ kind: 'daily', start, time: '20:00' }), zone, 0, 4);
        expect(occurrences.map((o) => o.local.slice(11))).toEqual(['20:00', '20:00', '20:00', '20:00']);
        expect(new Set(occurrences.map((o) => offsetAt(o.at, zone))).size).toBe(2);
      }
    });
  }

  const gaps: Array<[string, string, string, string]> = [
    // zone, skipped wall time, when it happens instead (UTC), local wall time then
    ['Europe/London', '2025-03-30T01:30', '2025-03-30T01:30:00Z', '2025-03-30T02:30'],
    ['America/New_York', '2025-03-09T02:30', '2025-03-09T07:30:00Z', '2025-03-09T03:30'],
    ['Australia/Sydney', '2025-10-05T02:30', '2025-10-04T16:30:00Z', '2025-10-05T03:30'],
  ];
  for (const [zone, key, at, local] of gaps) {
    it(`${zone}: a time in the skipped hour happens once, moved forward by the gap`, () => {
      const [date, time] = key.split('T') as [string, string];
      const dayBefore = new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const occurrences = nextOccurrences(stored({ kind: 'daily', start: dayBefore, time }), zone, 0, 3);
      expect(occurrences.map((o) => o.key)).toEqual([`${dayBefore}T${time}`, key, expect.stringMatching(/T/)]);
      expect(iso(occurrences[1]!.at)).toBe(at.replace(':00Z', ':00Z'));
      expect(occurrences[1]!.local).toBe(local);
      // Strictly between its neighbours: once, in order.
      expect(occurrences[0]!.at).toBeLessThan(occurrences[1]!.at);
      expect(occurrences[1]!.at).toBeLessThan(occurrences[2]!.at);
    });
  }

  const folds: Array<[string, string, string, number]> = [
    // zone, repeated wall time, its first instant (UTC), length of the repeat (ms)
    ['Europe/London', '2025-10-26T01:30', '2025-10-26T00:30:00Z', 60 * MIN],
    ['America/New_York', '2025-11-02T01:30', '2025-11-02T05:30:00Z', 60 * MIN],
    ['Australia/Sydney', '2025-04-06T02:30', '2025-04-05T15:30:00Z', 60 * MIN],
  ];
  for (const [zone, key, first, repeat] of folds) {
    it(`${zone}: a time in the repeated hour happens once, the first time`, () => {
      const [date, time] = key.split('T') as [string, string];
      const dayBefore = new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const s = stored({ kind: 'daily', start: dayBefore, time });
      const occurrences = nextOccurrences(s, zone, 0, 3);
      expect(occurrences[1]).toMatchObject({ key, local: key });
      expect(iso(occurrences[1]!.at)).toBe(first);
      // The same wall time an hour later (the second pass) is not another occurrence.
      const afterFirst = nextOccurrences(s, zone, occurrences[1]!.at, 1)[0]!;
      expect(afterFirst.at - occurrences[1]!.at).toBeGreaterThan(repeat + 23 * 60 * MIN);
      expect(wallAt(occurrences[1]!.at + repeat, zone)).toMatchObject({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3)) });
    });
  }
});

describe('zone arithmetic', () => {
  it('knows real zones and refuses made-up ones', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('wall time → instant → wall time round-trips outside gaps', () => {
    for (const zone of ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu']) {
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 7 * 3_600_000 + 13 * MIN) {
        const wall = wallAt(t, zone);
        const back = instantOf(wall, zone);
        // Equal, or the first pass of a repeated hour.
        expect(back === Math.floor(t / MIN) * MIN || back === Math.floor(t / MIN) * MIN - 60 * MIN).toBe(true);
      }
    }
  });
});

describe('previews read in plain words', () => {
  it('"Sunday 24 Nov, 20:00", in the schedule’s zone, with the year only when it is not this one', () => {
    const at = Date.parse('2024-11-24T20:00:00Z');
    expect(formatOccurrence(at, 'Europe/London', 2024)).toBe('Sunday 24 Nov, 20:00');
    expect(formatOccurrence(at, 'Europe/London', 2025)).toBe('Sunday 24 Nov 2024, 20:00');
    expect(formatOccurrence(at, 'America/New_York', 2024)).toBe('Sunday 24 Nov, 15:00');
    expect(formatOccurrence(Date.parse('2025-03-30T01:30:00Z'), 'Europe/London', 2025)).toBe('Sunday 30 Mar, 02:30');
  });
});

describe('quiet hours', () => {
  const london = 'Europe/London';
  const q = (over: Partial<QuietHours> = {}): QuietHours => ({ enabled: true, start: '22:00', end: '08:00', policy: 'move', ...over });
  const at = (text: string) => Date.parse(text);

  it('a window across midnight ends the next morning, or this morning', () => {
    expect(iso(quietEndAfter(at('2025-11-24T23:00:00Z'), london, q())!)).toBe('2025-11-25T08:00:00Z');
    expect(iso(quietEndAfter(at('2025-11-25T03:00:00Z'), london, q())!)).toBe('2025-11-25T08:00:00Z');
    expect(quietEndAfter(at('2025-11-25T08:00:00Z'), london, q())).toBeNull();
    expect(quietEndAfter(at('2025-11-25T21:59:00Z'), london, q())).toBeNull();
    expect(quietEndAfter(at('2025-11-24T23:00:00Z'), london, q({ enabled: false }))).toBeNull();
  });

  it('a window inside one day', () => {
    const lunch = q({ start: '12:00', end: '14:00' });
    expect(iso(quietEndAfter(at('2025-11-24T13:00:00Z'), london, lunch)!)).toBe('2025-11-24T14:00:00Z');
    expect(quietEndAfter(at('2025-11-24T23:00:00Z'), london, lunch)).toBeNull();
  });

  it('ends at 08:00 local even on the morning the clocks change', () => {
    expect(iso(quietEndAfter(at('2025-03-30T00:30:00Z'), london, q())!)).toBe('2025-03-30T07:00:00Z');
    expect(iso(quietEndAfter(at('2025-10-26T01:30:00Z'), london, q())!)).toBe('2025-10-26T08:00:00Z');
  });

  it('an occurrence inside is moved to the end, or skipped; a reminder alone inside is moved', () => {
    const lateNight = at('2025-11-24T23:00:00Z');
    expect(reminderTime(lateNight, 0, london, q())).toEqual({ dueAt: at('2025-11-25T08:00:00Z') });
    expect(reminderTime(lateNight, 15 * MIN, london, q({ policy: 'skip' }))).toEqual({ skip: true });
    // A session at 08:10 with a 15-minute reminder: the session is outside, so never skipped.
    expect(reminderTime(at('2025-11-25T08:10:00Z'), 15 * MIN, london, q({ policy: 'skip' }))).toEqual({ dueAt: at('2025-11-25T08:00:00Z') });
    expect(reminderTime(at('2025-11-25T20:00:00Z'), 15 * MIN, london, q())).toEqual({ dueAt: at('2025-11-25T19:45:00Z') });
    expect(snoozeTime(at('2025-11-24T22:05:00Z'), london, q({ policy: 'skip' }))).toBe(at('2025-11-25T08:00:00Z'));
  });
});

describe('input is checked with plain messages', () => {
  const bad: Array<[string, unknown, RegExp]> = [
    ['a time that does not exist', { kind: 'once', date: '2025-11-24', time: '24:00' }, /20:00/],
    ['a date that does not exist', { kind: 'once', date: '2025-02-30', time: '20:00' }, /date/],
    ['no days', { kind: 'weekly', start: '2025-11-24', time: '20:00', days: [] }, /at least one day/],
    ['a day twice', { kind: 'weekly', start: '2025-11-24', time: '20:00', days: ['SU', 'SU'] }, /each day once/],
    ['day 0 of the month', { kind: 'monthly', start: '2025-11-24', time: '20:00', day: 0 }, /1–31/],
    ['an end before the start', { kind: 'daily', start: '2025-11-24', time: '20:00', end: { type: 'until', date: '2025-11-01' } }, /before the start/],
    ['a count of none', { kind: 'daily', start: '2025-11-24', time: '20:00', end: { type: 'count', count: 0 } }, /At least one/],
    ['an unknown kind', { kind: 'yearly', start: '2025-11-24', time: '20:00' }, /./],
  ];
  for (const [name, value, message] of bad) {
    it(`refuses ${name}`, () => {
      const result = Recurrence.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(message);
    });
  }

  it('schedule fields: lead time, zone, reminder text, unknown fields', () => {
    const base = { practiceId: 'permission', recurrence: { kind: 'once', date: '2030-01-01', time: '20:00' } };
    expect(ScheduleInput.parse(base)).toMatchObject({ private: true, text: 'Time for your reflection', tzid: null, leadMinutes: 0, paused: false });
    expect(ScheduleInput.safeParse({ ...base, leadMinutes: 10 }).success).toBe(false);
    expect(ScheduleInput.safeParse({ ...base, tzid: 'Mars/Base' }).success).toBe(false);
    expect(ScheduleInput.safeParse({ ...base, text: 'two\nlines' }).success).toBe(false);
    expect(ScheduleInput.safeParse({ ...base, text: '   ' }).success).toBe(false);
    expect(ScheduleInput.safeParse({ ...base, title: 'Open one box' }).success).toBe(false);
    expect(PreviewInput.safeParse({ recurrence: base.recurrence, count: 21 }).success).toBe(false);
    expect(QuietHours.safeParse({ enabled: true, start: '22:00', end: '22:00', policy: 'move' }).success).toBe(false);
  });
});
