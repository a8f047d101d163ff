import { describe, expect, it } from 'vitest';
import { nextOccurrences, toStored } from '../../main/core/scheduler/recurrence.ts';
import { Recurrence, type RecurrenceInput } from '../../preload/contract/schedule/schemas.ts';
import { offsetAt } from '../../preload/contract/schedule/zone-time.ts';
import { dateutilOccurrences, type DateutilCase } from '../helpers/dateutil.ts';

/**
 * Thirty rules, most of them straddling a DST change (a skipped or a repeated hour, or just
 * the offset changing under a fixed wall time), computed by our code (rrule.js on wall
 * times + Intl zones) and by python-dateutil with zoneinfo. Both must agree on every
 * occurrence's identity and instant.
 */
const d = (date: string, time: string) => ({ start: date, time });
const rules: Array<[string, RecurrenceInput, number, string?]> = [
  // Europe/London: gap 01:00–02:00 (last Sunday of March), repeat 01:00–02:00 (last Sunday of October)
  ['Europe/London', { kind: 'daily', ...d('2025-03-27', '01:30') }, 6],
  ['Europe/London', { kind: 'daily', ...d('2025-10-23', '01:30') }, 6],
  ['Europe/London', { kind: 'weekly', ...d('2025-03-02', '20:00'), days: ['SU'] }, 8],
  ['Europe/London', { kind: 'monthly', ...d('2025-01-31', '01:30'), day: -1 }, 14],
  ['Europe/London', { kind: 'daily', ...d('2026-03-25', '01:45'), interval: 2 }, 6],
  ['Europe/London', { kind: 'weekly', ...d('2025-10-11', '01:00'), interval: 2, days: ['SA', 'SU'], end: { type: 'count', count: 6 } }, 10],
  ['Europe/London', { kind: 'monthly', ...d('2025-01-30', '01:30'), day: 30, end: { type: 'until', date: '2025-12-31' } }, 20],
  // America/New_York: gap 02:00–03:00 (second Sunday of March), repeat 01:00–02:00 (first Sunday of November)
  ['America/New_York', { kind: 'daily', ...d('2025-03-06', '02:30') }, 6],
  ['America/New_York', { kind: 'daily', ...d('2025-10-30', '01:30') }, 6],
  ['America/New_York', { kind: 'weekly', ...d('2025-03-02', '02:00'), days: ['SU'], end: { type: 'count', count: 4 } }, 6],
  ['America/New_York', { kind: 'weekly', ...d('2025-03-03', '20:00'), days: ['MO', 'TU', 'WE', 'TH', 'FR'] }, 12],
  ['America/New_York', { kind: 'monthly', ...d('2025-01-09', '02:15'), day: 9 }, 6],
  ['America/New_York', { kind: 'daily', ...d('2025-10-27', '01:05'), interval: 3 }, 5],
  ['America/New_York', { kind: 'weekly', ...d('2026-11-01', '01:59'), interval: 2, days: ['SU'], end: { type: 'count', count: 3 } }, 5],
  // Australia/Sydney: gap 02:00–03:00 (first Sunday of October), repeat 02:00–03:00 (first Sunday of April)
  ['Australia/Sydney', { kind: 'daily', ...d('2025-10-02', '02:30') }, 6],
  ['Australia/Sydney', { kind: 'daily', ...d('2025-04-03', '02:30') }, 6],
  ['Australia/Sydney', { kind: 'weekly', ...d('2025-03-23', '20:00'), days: ['SU'] }, 6],
  ['Australia/Sydney', { kind: 'weekly', ...d('2025-09-28', '02:00'), days: ['SU', 'MO'] }, 5],
  ['Australia/Sydney', { kind: 'monthly', ...d('2025-09-30', '02:45'), day: -1 }, 4],
  ['Australia/Sydney', { kind: 'weekly', ...d('2026-03-22', '02:10'), interval: 2, days: ['SU'], end: { type: 'until', date: '2026-05-31' } }, 10],
  // Half-hour DST, transitions at midnight, odd offsets, "negative DST", no DST
  ['Australia/Lord_Howe', { kind: 'daily', ...d('2025-10-03', '02:15') }, 5],
  ['Australia/Lord_Howe', { kind: 'daily', ...d('2025-04-04', '01:45') }, 4],
  ['America/Santiago', { kind: 'daily', ...d('2025-09-04', '00:30') }, 5],
  ['America/Santiago', { kind: 'daily', ...d('2025-04-03', '23:30') }, 5],
  ['Europe/Berlin', { kind: 'weekly', ...d('2025-03-23', '02:30'), days: ['SU'], end: { type: 'count', count: 3 } }, 5],
  ['Pacific/Chatham', { kind: 'daily', ...d('2025-09-25', '02:50') }, 5],
  ['America/St_Johns', { kind: 'daily', ...d('2025-03-07', '02:00') }, 4],
  ['Asia/Kolkata', { kind: 'weekly', ...d('2025-01-01', '09:00'), days: ['MO', 'TH'] }, 8],
  // A one-off in a skipped hour, and a start in the middle of a long series.
  ['Europe/Dublin', { kind: 'once', date: '2025-03-30', time: '01:30' }, 1],
  ['Europe/London', { kind: 'daily', ...d('2024-01-01', '01:30') }, 5, '2025-03-28T12:00:00Z'],
];

const cases = rules.map(([tzid, recurrence, count, after]) => {
  const stored = toStored(Recurrence.parse(recurrence));
  if (!stored) throw new Error(`rule never happens: ${JSON.stringify(recurrence)}`);
  return { tzid, ...stored, count, after: after ? Date.parse(after) : 0 } satisfies DateutilCase;
});

describe('recurrence cross-check against python-dateutil + zoneinfo', () => {
  it('runs thirty rules, most across a DST change', () => {
    expect(cases).toHaveLength(30);
    const crossing = cases.filter((c) => {
      const offsets = new Set(nextOccurrences(c, c.tzid, c.after, c.count).map((o) => offsetAt(o.at, c.tzid)));
      return offsets.size > 1;
    });
    // Not vacuous: the offset really changes inside most of these series.
    expect(crossing.length).toBeGreaterThanOrEqual(20);
  });

  it('every occurrence matches: the wall time named and the instant it happens', () => {
    const expected = dateutilOccurrences(cases);
    cases.forEach((c, i) => {
      const ours = nextOccurrences(c, c.tzid, c.after, c.count).map((o) => ({ key: o.key, at: o.at }));
      expect({ rule: `${c.tzid} ${c.dtstart} ${c.rrule}`, occurrences: ours }).toEqual({
        rule: `${c.tzid} ${c.dtstart} ${c.rrule}`,
        occurrences: expected[i],
      });
    });
  });
});
