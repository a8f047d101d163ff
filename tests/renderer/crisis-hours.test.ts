import { beforeAll, describe, expect, it } from 'vitest';
import type { CrisisCountry, LineHours } from '../../preload/contract/index.ts';
import { wallTime } from '../../renderer/lib/dates.ts';
import { setFormats, upcomingWords } from '../../renderer/lib/format.svelte.ts';
import { ANOTHER_COUNTRY, countryFor, howWords, linesInOrder } from '../../renderer/features/safety/crisis-lines.ts';
import { hoursWords, openNow } from '../../renderer/features/safety/line-hours.ts';

// Written as a computer set to the United Kingdom would (a 24-hour clock).
beforeAll(() => setFormats({ system: { locale: 'en-GB', hourCycle: null } }));

const at = (iso: string) => Date.parse(iso);
const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Like Telefono Amico: every day from 10:00 to midnight, on Rome's clock. */
const tenToMidnight: LineHours = { zone: 'Europe/Rome', open: [{ days: [...everyDay], from: '10:00', to: '24:00' }] };

describe('is a line open now (on its own clock)', () => {
  it('a line open any time is always open', () => {
    expect(openNow('any time', at('2026-12-03T02:00:00Z'))).toEqual({ open: true });
  });

  it('at 2 a.m. in Rome a 10:00–midnight line is closed and opens at 10:00 Rome time', () => {
    // 2026-12-03 is a Thursday; Rome is UTC+1 in winter.
    expect(openNow(tenToMidnight, at('2026-12-03T01:00:00Z'))).toEqual({ open: false, opensAt: at('2026-12-03T09:00:00Z') });
    expect(openNow(tenToMidnight, at('2026-12-03T09:00:00Z'))).toEqual({ open: true });
    expect(openNow(tenToMidnight, at('2026-12-03T22:59:00Z'))).toEqual({ open: true });
    // Midnight in Rome: closed until 10:00 that day.
    expect(openNow(tenToMidnight, at('2026-12-03T23:00:00Z'))).toEqual({ open: false, opensAt: at('2026-12-04T09:00:00Z') });
  });

  it('reads the hours in the line’s zone, wherever this computer is', () => {
    // 11:00 in Tokyo is 02:00 in London: a Tokyo 10:00–22:00 line is open.
    const tokyo: LineHours = { zone: 'Asia/Tokyo', open: [{ days: [...everyDay], from: '10:00', to: '22:00' }] };
    expect(openNow(tokyo, at('2026-12-03T02:00:00Z'))).toEqual({ open: true });
    expect(openNow(tokyo, at('2026-12-03T13:30:00Z'))).toEqual({ open: false, opensAt: at('2026-12-04T01:00:00Z') });
  });

  it('a window past midnight stays open into the next day, also from Sunday into Monday', () => {
    const nights: LineHours = { zone: 'UTC', open: [{ days: ['mon', 'sun'], from: '22:00', to: '02:00' }] };
    // 2026-12-08 is a Tuesday: 01:00 is still Monday night's window.
    expect(openNow(nights, at('2026-12-08T01:00:00Z'))).toEqual({ open: true });
    expect(openNow(nights, at('2026-12-08T02:00:00Z'))).toEqual({ open: false, opensAt: at('2026-12-13T22:00:00Z') });
    // Monday 01:00 is Sunday night's window, across the end of the week.
    expect(openNow(nights, at('2026-12-07T01:00:00Z'))).toEqual({ open: true });
    expect(openNow(nights, at('2026-12-07T12:00:00Z'))).toEqual({ open: false, opensAt: at('2026-12-07T22:00:00Z') });
  });

  it('weekday hours skip the weekend', () => {
    const office: LineHours = { zone: 'Europe/London', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }] };
    // Friday 2026-12-04 at 18:00 → Monday 09:00.
    expect(openNow(office, at('2026-12-04T18:00:00Z'))).toEqual({ open: false, opensAt: at('2026-12-07T09:00:00Z') });
  });

  it('lands on the opening time across a clock change', () => {
    // Rome moves to summer time at 02:00 on Sunday 2027-03-28; at 01:30 (winter) the line opens at 10:00 summer time.
    expect(openNow(tenToMidnight, at('2027-03-28T00:30:00Z'))).toEqual({ open: false, opensAt: at('2027-03-28T08:00:00Z') });
    // And back to winter time on 2027-10-31: 10:00 is then 09:00 UTC.
    expect(openNow(tenToMidnight, at('2027-10-31T00:30:00Z'))).toEqual({ open: false, opensAt: at('2027-10-31T09:00:00Z') });
  });

  it('knows the weekday and minute in a zone', () => {
    // Thursday 2026-12-03 23:30 UTC is Friday 08:30 in Tokyo.
    expect(wallTime(at('2026-12-03T23:30:00Z'), 'Asia/Tokyo')).toMatchObject({ day: 4, weekMinute: 4 * 1440 + 8 * 60 + 30 });
  });
});

describe('hours and opening times in words', () => {
  it('says the weekly hours plainly', () => {
    expect(hoursWords('any time')).toBe('Open any time, day and night');
    expect(hoursWords(tenToMidnight)).toBe('Every day, 10:00 to midnight');
    expect(hoursWords({ zone: 'UTC', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }, { days: ['sat', 'sun'], from: '10:00', to: '14:00' }] })).toBe(
      'Mon–Fri, 09:00 to 17:00; Sat, Sun, 10:00 to 14:00',
    );
    expect(hoursWords({ zone: 'UTC', open: [{ days: ['mon', 'wed', 'thu', 'fri'], from: '16:00', to: '24:00' }] })).toBe('Mon, Wed–Fri, 16:00 to midnight');
    expect(hoursWords({ zone: 'UTC', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '00:00', to: '24:00' }] })).toBe('Mon–Fri, all day');
    expect(hoursWords({ zone: 'UTC', open: [{ days: [...everyDay], from: '15:30', to: '00:30' }] })).toBe('Every day, 15:30 to 00:30');
  });

  it('says when a closed line opens on this computer’s clock', () => {
    const now = at('2026-12-03T01:00:00Z');
    expect(upcomingWords(at('2026-12-03T09:00:00Z'), now, 'Europe/Rome')).toBe('today at 10:00');
    expect(upcomingWords(at('2026-12-04T09:00:00Z'), now, 'Europe/Rome')).toBe('tomorrow at 10:00');
    expect(upcomingWords(at('2026-12-07T09:00:00Z'), now, 'Europe/Rome')).toBe('on Monday at 10:00');
    // Read in New York, that instant is the evening before, and the opening is tomorrow morning.
    expect(upcomingWords(at('2026-12-03T09:00:00Z'), now, 'America/New_York')).toBe('tomorrow at 04:00');
  });
});

describe('the order lines are shown in', () => {
  const evidence = [{ url: 'https://example.org', date: '2026-01-01', says: 'x' }];
  const confirmed = (name: string, hours: LineHours) => ({ status: 'confirmed' as const, name, phone: '123', hours, evidence, lastChecked: '2026-12-03' });
  const country: CrisisCountry = {
    code: 'IT',
    name: 'Italy',
    emergency: { phone: '112', words: '112', evidence },
    lines: [
      { status: 'unconfirmed', name: 'Unsure', website: 'https://example.org', why: 'no page shows it', lastChecked: '2026-12-03' },
      confirmed('Evenings', tenToMidnight),
      confirmed('Always', 'any time'),
    ],
  };

  it('puts open lines first, closed ones next, and unconfirmed ones last, keeping their index', () => {
    const night = linesInOrder(country, at('2026-12-03T01:00:00Z'));
    expect(night.map((l) => [l.line.name, l.index])).toEqual([['Always', 2], ['Evenings', 1], ['Unsure', 0]]);
    expect(night[1]!.now).toEqual({ open: false, opensAt: at('2026-12-03T09:00:00Z') });
    expect(night[2]!.now).toBeNull();
    const day = linesInOrder(country, at('2026-12-03T12:00:00Z'));
    expect(day.map((l) => l.line.name)).toEqual(['Evenings', 'Always', 'Unsure']);
  });

  it('says how to reach a line from its call and text routes', () => {
    const base = confirmed('x', 'any time');
    expect(howWords({ ...base, phone: '116 123' })).toBe('Call 116 123');
    expect(howWords({ ...base, phone: '988', text: { to: '988' } })).toBe('Call or text 988');
    expect(howWords({ ...base, phone: '1800 247 247', text: { to: '51444', message: 'HELP' } })).toBe('Call 1800 247 247, or text HELP to 51444');
    expect(howWords({ ...base, phone: undefined, text: { to: '85258', message: 'SHOUT' } })).toBe('Text SHOUT to 85258');
  });
});

describe('which country’s lines to show', () => {
  it('a chosen country first, then the region the OS reports, then the computer’s language', () => {
    expect(countryFor('GB', 'NO', 'en-US')?.code).toBe('GB');
    expect(countryFor(null, 'NO', 'en-US')?.code).toBe('NO');
    expect(countryFor(null, null, 'en-US')?.code).toBe('US');
    // "Another country" and regions the list does not have fall back to the world-wide list.
    expect(countryFor(ANOTHER_COUNTRY, 'NO', 'en-US')).toBeNull();
    expect(countryFor(null, 'AQ', 'en-US')).toBeNull();
  });
});
