import { lineDays, type LineDay } from '../../preload/contract/index.ts';

/** Dates in plain words: "Today at 09:41", "Yesterday at 22:10", "Monday at 08:05", "3 March", "3 March 2024". */

const DAY = 24 * 60 * 60 * 1000;

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

export function plainDate(timestamp: number, now: Date = new Date(), locale?: string): string {
  return inWords(new Date(timestamp), now, locale, false);
}

/** Like plainDate, but a day more than a week back keeps its time too: "3 March at 09:41". */
export function plainDateTime(timestamp: number, now: Date = new Date(), locale?: string): string {
  return inWords(new Date(timestamp), now, locale, true);
}

function inWords(date: Date, now: Date, locale: string | undefined, alwaysTime: boolean): string {
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date);
  const daysAgo = Math.round((startOfDay(now) - startOfDay(date)) / DAY);
  if (daysAgo === 0) return `Today at ${time}`;
  if (daysAgo === 1) return `Yesterday at ${time}`;
  if (daysAgo > 1 && daysAgo < 7) {
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(date);
    return `${weekday} at ${time}`;
  }
  const sameYear = date.getFullYear() === now.getFullYear();
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
  return alwaysTime ? `${day} at ${time}` : day;
}

/** A full date for a heading or a title attribute: "Monday 3 March 2025 at 09:41". */
export function fullDate(timestamp: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(timestamp));
}

/** "2025-03" (or a whole date, "2025-03-14") → "March 2025" (or as `options` say, e.g. { month: 'short' } → "Mar"), in the person's language. */
export function monthLabel(key: string, options: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' }, locale?: string): string {
  const [year, month] = key.split('-').map(Number) as [number, number];
  // The key is already a calendar month in the person's zone; format it as-is (UTC, no shifting).
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}

export const DAY_MINUTES = 24 * 60;

export interface WallTime {
  year: number;
  month: number;
  day: number;
  /** Minutes since Monday 00:00 of this week. */
  weekMinute: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in `zone` at instant `ms`. */
export function wallTime(ms: number, zone: string): WallTime {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    partsFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
  const weekday = lineDays.indexOf(String(parts.weekday).toLowerCase().slice(0, 3) as LineDay);
  const minute = Number(parts.hour) * 60 + Number(parts.minute);
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), weekMinute: weekday * DAY_MINUTES + minute };
}

/**
 * A time coming up, in plain words on this computer's clock: "today at 16:00", "tomorrow at
 * 10:00", "on Monday at 10:00". `timeZone` is for tests; the app uses the computer's own.
 */
export function upcomingWords(timestamp: number, now: number, locale?: string, timeZone?: string): string {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zoned = { timeZone: zone };
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', ...zoned }).format(timestamp);
  const dayNumber = (ms: number) => {
    const { year, month, day } = wallTime(ms, zone);
    return Date.UTC(year, month - 1, day) / DAY;
  };
  const daysAhead = dayNumber(timestamp) - dayNumber(now);
  if (daysAhead <= 0) return `today at ${time}`;
  if (daysAhead === 1) return `tomorrow at ${time}`;
  if (daysAhead < 7) return `on ${new Intl.DateTimeFormat(locale, { weekday: 'long', ...zoned }).format(timestamp)} at ${time}`;
  return `on ${new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', ...zoned }).format(timestamp)} at ${time}`;
}
