import { lineDays, type LineDay, type LineHours, type OpenWindow } from '../../../preload/contract/index.ts';
import { DAY_MINUTES, wallTime } from '../../lib/dates.ts';
import { clockTime } from '../../lib/format.svelte.ts';

/**
 * Whether a crisis line is open now, on the line's own clock, and when it opens next. The
 * weekly hours are read as minutes of the week (Monday 00:00 = 0) in the line's time zone;
 * a window that ends at or before it starts runs past midnight.
 */

const WEEK_MINUTES = 7 * DAY_MINUTES;

export type OpenNow = { open: true } | { open: false; opensAt: number };

const minutesOf = (clock: string) => {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Each window as [start, end) minutes of the week; an end past Sunday midnight wraps. */
function intervals(open: OpenWindow[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const window of open) {
    const from = minutesOf(window.from);
    let to = minutesOf(window.to);
    if (to <= from) to += DAY_MINUTES;
    for (const day of window.days) {
      const start = lineDays.indexOf(day) * DAY_MINUTES + from;
      out.push([start, start + (to - from)]);
    }
  }
  return out;
}

export function openNow(hours: LineHours, now: number): OpenNow {
  if (hours === 'any time') return { open: true };
  const spans = intervals(hours.open);
  const minute = wallTime(now, hours.zone).weekMinute;
  const inside = (m: number) => spans.some(([start, end]) => m >= start && m < end);
  if (inside(minute) || inside(minute + WEEK_MINUTES)) return { open: true };
  // Minutes until the nearest start, going round the week.
  const wait = Math.min(...spans.map(([start]) => (((start - minute) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES));
  const startOfMinute = now - (now % 60_000);
  let opensAt = startOfMinute + wait * 60_000;
  // A clock change on the way moves the wall clock by its size: land on the wall time asked for.
  const target = (minute + wait) % WEEK_MINUTES;
  const landed = wallTime(opensAt, hours.zone).weekMinute;
  const drift = ((((target - landed) % WEEK_MINUTES) + WEEK_MINUTES + WEEK_MINUTES / 2) % WEEK_MINUTES) - WEEK_MINUTES / 2;
  opensAt += drift * 60_000;
  return { open: false, opensAt };
}

const dayNames: Record<LineDay, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** "Mon–Fri", "Sat, Sun", "Every day". */
function daysWords(days: LineDay[]): string {
  const on = lineDays.filter((d) => days.includes(d));
  if (on.length === 7) return 'Every day';
  const runs: LineDay[][] = [];
  for (const day of on) {
    const run = runs.at(-1);
    if (run && lineDays.indexOf(run.at(-1)!) === lineDays.indexOf(day) - 1) run.push(day);
    else runs.push([day]);
  }
  return runs.map((run) => (run.length > 2 ? `${dayNames[run[0]!]}–${dayNames[run.at(-1)!]}` : run.map((d) => dayNames[d]).join(', '))).join(', ');
}

const clockWords = (clock: string) => (clock === '24:00' || clock === '00:00' ? 'midnight' : clockTime(clock));

/** The weekly hours in words, on the line's own clock: "Every day, 10:00 to midnight". */
export function hoursWords(hours: LineHours): string {
  if (hours === 'any time') return 'Open any time, day and night';
  return hours.open.map((w) => `${daysWords(w.days)}, ${w.from === '00:00' && w.to === '24:00' ? 'all day' : `${clockWords(w.from)} to ${clockWords(w.to)}`}`).join('; ');
}

/** "Rome" from "Europe/Rome": said beside the hours when the line keeps another clock than this computer. */
export function zoneCity(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');
}
