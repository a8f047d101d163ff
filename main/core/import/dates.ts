import { instantOf } from '../../../preload/contract/schedule/zone-time.ts';

/**
 * Dates as exports write them. Some carry an instant (Day One: UTC with "Z"); others write
 * the wall clock where the person was (jrnl, Daylio, a file named 2026-12-03.md), which is
 * read in a time zone: a clock time skipped or repeated by a clock change resolves as
 * instantOf does for reminders.
 */

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** A calendar date that exists (no 31 April), in years a journal can hold. */
export function validDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant a wall-clock time names in `zone`, or null when the date or time does not exist. */
export function localInstant(year: number, month: number, day: number, hour: number, minute: number, second = 0, zone: string): number | null {
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  return instantOf({ year, month, day, hour, minute }, zone) + second * 1000;
}

/**
 * "2026-12-03", "2026-12-03 09:15", "2026-12-03T09:15:07.123Z", "2026-12-03T09:15+01:00".
 * With an offset or Z it is that instant; without, the wall clock in `zone`; a date alone is
 * `dateOnlyHour` o'clock that day. Null for anything else.
 */
export function parseDateTime(text: string, zone: string, dateOnlyHour = 12): number | null {
  const m = isoPattern.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const [hour, minute, second] = hasTime ? [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)] : [dateOnlyHour, 0, 0];
  const millis = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const local = localInstant(year, month, day, hour, minute, second, zone);
  if (local === null) return null;
  const offset = m[8];
  if (offset === undefined || !hasTime) return local + millis;
  if (offset.toUpperCase() === 'Z') return Date.UTC(year, month - 1, day, hour, minute, second) + millis;
  const digits = offset.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const offsetMs = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
  return Date.UTC(year, month - 1, day, hour, minute, second) + millis - offsetMs;
}

/** "22:05", "8:30 pm", "8.30 AM" (Daylio writes the phone's own clock format) as hours and minutes. */
export function parseClock(text: string): { hour: number; minute: number } | null {
  const m = /^(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([ap])?\.?\s*m?\.?$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const half = m[3]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}
