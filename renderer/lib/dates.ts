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

/**
 * A time coming up, in plain words on this computer's clock: "today at 16:00", "tomorrow at
 * 10:00", "on Monday at 10:00". `timeZone` is for tests; the app uses the computer's own.
 */
export function upcomingWords(timestamp: number, now: number, locale?: string, timeZone?: string): string {
  const zoned = { ...(timeZone ? { timeZone } : {}) };
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', ...zoned }).format(timestamp);
  const dayNumber = (ms: number) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'numeric', day: 'numeric', ...zoned }).formatToParts(ms).map((p) => [p.type, p.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / DAY;
  };
  const daysAhead = dayNumber(timestamp) - dayNumber(now);
  if (daysAhead <= 0) return `today at ${time}`;
  if (daysAhead === 1) return `tomorrow at ${time}`;
  if (daysAhead < 7) return `on ${new Intl.DateTimeFormat(locale, { weekday: 'long', ...zoned }).format(timestamp)} at ${time}`;
  return `on ${new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', ...zoned }).format(timestamp)} at ${time}`;
}
