/**
 * The one formatting module, under computers set to the United States, the United Kingdom,
 * Germany and Japan: Saltwater's words stay English; the order, the clock, number marks and the
 * first day of the week follow the region; a 12/24-hour choice in Settings wins over the region.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  clockTime,
  duration,
  formatPrefs,
  fullDate,
  monthLabel,
  number,
  occurrenceWords,
  percent,
  plainDate,
  plainDateTime,
  setFormats,
  shortDate,
  timeOfDay,
  upcomingWords,
  weekInOrder,
} from '../../renderer/lib/format.svelte.ts';

const computer = (locale: string, hourCycle: 'h12' | 'h23' | null = null) => setFormats({ system: { locale, hourCycle }, clock: 'system' });
afterEach(() => setFormats({ system: { locale: 'en-GB', hourCycle: null }, clock: 'system' }));

const evening = Date.UTC(2026, 11, 3, 20, 5); // Thursday 3 December 2026, 20:05 UTC
const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

describe.each([
  {
    locale: 'en-US',
    uses: 'en-US',
    time: '8:05 PM',
    clock: '7:30 AM',
    short: 'Dec 3, 2026',
    occurrence: 'Thursday, Dec 3, 8:05 PM',
    occurrenceOtherYear: 'Thursday, Dec 3, 2026, 8:05 PM',
    full: 'Thursday, December 3, 2026 at 8:05 PM',
    month: 'December 2026',
    number: '12,345.5',
    firstDay: 'SU',
  },
  {
    locale: 'en-GB',
    uses: 'en-GB',
    time: '20:05',
    clock: '07:30',
    short: '3 Dec 2026',
    occurrence: 'Thursday 3 Dec, 20:05',
    occurrenceOtherYear: 'Thursday, 3 Dec 2026, 20:05',
    full: 'Thursday, 3 December 2026 at 20:05',
    month: 'December 2026',
    number: '12,345.5',
    firstDay: 'MO',
  },
  {
    locale: 'de-DE',
    uses: 'en-DE',
    time: '20:05',
    clock: '07:30',
    short: '3 Dec 2026',
    occurrence: 'Thursday, 3 Dec, 20:05',
    occurrenceOtherYear: 'Thursday, 3 Dec 2026, 20:05',
    full: 'Thursday, 3 December 2026 at 20:05',
    month: 'December 2026',
    number: '12.345,5',
    firstDay: 'MO',
  },
  {
    locale: 'ja-JP',
    uses: 'en-JP',
    time: '20:05',
    clock: '07:30',
    short: 'Dec 3, 2026',
    occurrence: 'Thursday, Dec 3, 20:05',
    occurrenceOtherYear: 'Thursday, Dec 3, 2026, 20:05',
    full: 'Thursday, December 3, 2026 at 20:05',
    month: 'December 2026',
    number: '12,345.5',
    firstDay: 'SU',
  },
])('a computer set to $locale', (c) => {
  it('writes English words in the region’s order, clock and number marks', () => {
    computer(c.locale);
    expect(formatPrefs().locale).toBe(c.uses);
    expect(timeOfDay(evening, 'UTC')).toBe(c.time);
    expect(clockTime('07:30')).toBe(c.clock);
    expect(shortDate('2026-12-03')).toBe(c.short);
    expect(occurrenceWords(evening, 'UTC', 2026)).toBe(c.occurrence);
    expect(occurrenceWords(evening, 'UTC', 2027)).toBe(c.occurrenceOtherYear);
    expect(monthLabel('2026-12')).toBe(c.month);
    expect(number(12345.5)).toBe(c.number);
    expect(weekInOrder(days)[0]).toBe(c.firstDay);
  });

  it('writes a full date with the weekday and the time', () => {
    computer(c.locale);
    // The whole date, in the computer's own zone: compare the shape, with the zone pinned.
    const local = new Date(2026, 11, 3, 20, 5).getTime();
    expect(fullDate(local).replace(/\u202f/g, ' ')).toBe(c.full);
  });
});

describe('the clock', () => {
  it('the computer’s own 12/24-hour setting wins over its region, and the Settings choice over both', () => {
    setFormats({ system: { locale: 'en-GB', hourCycle: 'h12' }, clock: 'system' });
    expect(timeOfDay(evening, 'UTC')).toBe('8:05 pm');
    setFormats({ clock: 'h23' });
    expect(timeOfDay(evening, 'UTC')).toBe('20:05');
    setFormats({ system: { locale: 'en-US', hourCycle: null }, clock: 'h23' });
    expect(timeOfDay(evening, 'UTC')).toBe('20:05');
    expect(occurrenceWords(evening, 'UTC', 2026)).toBe('Thursday, Dec 3, 20:05');
    setFormats({ clock: 'system' });
    expect(timeOfDay(evening, 'UTC')).toBe('8:05 PM');
  });

  it('falls back to the browser’s language when the computer says nothing, and ignores a locale it cannot use', () => {
    setFormats({ system: { locale: 'not a locale!', hourCycle: null }, clock: 'system' });
    expect(formatPrefs().locale).toMatch(/^en/);
    expect(timeOfDay(evening, 'UTC')).toMatch(/^(8:05\s?[AP]M|20:05)$/i);
  });
});

describe('days in plain words (en-GB)', () => {
  const now = new Date(2026, 11, 2, 10, 0);
  const at = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).getTime();

  it('says today, yesterday and the weekday with the time; further back, the day alone', () => {
    computer('en-GB');
    expect(plainDate(at(2026, 12, 2, 9, 41), now)).toBe('Today at 09:41');
    expect(plainDate(at(2026, 12, 1, 22, 10), now)).toBe('Yesterday at 22:10');
    expect(plainDate(at(2026, 11, 30, 8, 5), now)).toBe('Monday at 08:05');
    expect(plainDate(at(2026, 3, 3, 9, 41), now)).toBe('3 March');
    expect(plainDate(at(2024, 3, 3, 9, 41), now)).toBe('3 March 2024');
  });

  it('keeps the time further back too where the time matters (the signals sent)', () => {
    computer('en-US');
    expect(plainDateTime(at(2026, 12, 2, 9, 41), now)).toBe('Today at 9:41 AM');
    expect(plainDateTime(at(2026, 3, 3, 21, 5), now)).toBe('March 3 at 9:05 PM');
    expect(plainDateTime(at(2024, 3, 3, 21, 5), now)).toBe('March 3, 2024 at 9:05 PM');
  });

  it('says when something opens, on this computer’s clock', () => {
    computer('en-GB');
    const now = Date.UTC(2026, 11, 3, 6);
    expect(upcomingWords(Date.UTC(2026, 11, 3, 9), now, 'Europe/Rome')).toBe('today at 10:00');
    expect(upcomingWords(Date.UTC(2026, 11, 7, 9), now, 'Europe/Rome')).toBe('on Monday at 10:00');
    computer('en-US');
    expect(upcomingWords(Date.UTC(2026, 11, 4, 9), now, 'Europe/Rome')).toBe('tomorrow at 10:00 AM');
  });
});

describe('numbers and durations', () => {
  it('keeps the unit in English words and the number in the region’s marks', () => {
    computer('de-DE');
    expect(duration(1, 'minute')).toBe('1 minute');
    expect(duration(2.5, 'second')).toBe('2,5 seconds');
    expect(percent(0.45).replace(/\u00a0/g, ' ')).toBe('45 %');
    computer('en-US');
    expect(duration(13, 'minute')).toBe('13 minutes');
    expect(percent(0.45)).toBe('45%');
  });
});
