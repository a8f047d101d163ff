import { lineDays, type LineDay } from '../../preload/contract/constants.ts';

/** Calendar arithmetic on the wall clock. Writing dates and times for people is lib/format.svelte.ts. */

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
