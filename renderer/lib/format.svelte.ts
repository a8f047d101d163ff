import type { HourCycle, Settings, SystemFormats } from '../../preload/contract/index.ts';
import { wallTime } from './dates.ts';

/**
 * The one place that writes dates, times, durations and numbers, on Intl. Saltwater speaks
 * English, so names of days and months are English; their order, the clock (12 or 24 hours),
 * number marks and the first day of the week follow the computer's region: "en-DE" writes
 * "Thursday, 3 Dec, 20:05" and "12.345,5". Main tells us the region (app.formats); a person can
 * choose 12 or 24 hours in Settings.
 */

interface Prefs {
  /** The locale Intl formats with ("en-DE"); undefined until told, then the browser's. */
  locale: string | undefined;
  hourCycle: HourCycle | undefined;
  /** 1 = Monday … 7 = Sunday. */
  firstDay: number;
}

const prefs = $state<Prefs>({ locale: undefined, hourCycle: undefined, firstDay: 1 });
let system: SystemFormats | null = null;
let clock: Settings['clock'] = 'system';

/** What the formatters use now (for tests and for the settings page). */
export function formatPrefs(): Readonly<Prefs> {
  return prefs;
}

/**
 * Takes what the computer says (null: the browser's own language) and the person's clock choice.
 * Either may be left out to keep what was set before.
 */
export function setFormats(next: { system?: SystemFormats | null; clock?: Settings['clock'] }): void {
  if (next.system !== undefined) system = next.system;
  if (next.clock !== undefined) clock = next.clock;
  const regional = usable(system?.locale) ?? usable(globalThis.navigator?.language) ?? 'en-US';
  const region = new Intl.Locale(regional).maximize().region;
  const english = new Intl.Locale(regional).language === 'en' ? regional : usable(region ? `en-${region}` : undefined);
  prefs.locale = english ?? 'en';
  prefs.hourCycle = clock !== 'system' ? clock : (system?.hourCycle ?? hourCycleOf(regional));
  prefs.firstDay = firstDayOf(regional);
  formatters.clear();
}

function usable(locale: string | null | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale])[0] === undefined ? undefined : new Intl.Locale(locale).toString();
  } catch {
    return undefined;
  }
}

function hourCycleOf(locale: string): HourCycle {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
}

/** Regions whose week starts on Sunday, for engines without Intl.Locale week data. */
const SUNDAY_FIRST = new Set(['US', 'CA', 'JP', 'KR', 'BR', 'MX', 'IL', 'PH', 'TW', 'HK', 'IN', 'ZA', 'AR', 'CO', 'PE', 'SA', 'TH', 'ID']);

function firstDayOf(locale: string): number {
  const info = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
  const day = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
  if (day) return day;
  return SUNDAY_FIRST.has(new Intl.Locale(locale).maximize().region ?? '') ? 7 : 1;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached Intl.DateTimeFormat in the person's locale, with their clock wherever an hour shows. */
function dates(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const { locale, hourCycle } = prefs;
  const withClock = hourCycle && (options.hour !== undefined || options.timeStyle !== undefined) ? { ...options, hourCycle } : options;
  const key = `${locale}|${JSON.stringify(withClock)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, withClock);
    formatters.set(key, format);
  }
  return format;
}

const zoned = (zone: string | undefined) => (zone ? { timeZone: zone } : {});

// ---- times -----------------------------------------------------------------

/** "08:05" on a 24-hour clock, "8:05 PM" on a 12-hour one. */
export function timeOfDay(ms: number, zone?: string): string {
  return dates({ hour: hourStyle(), minute: '2-digit', ...zoned(zone) }).format(ms);
}

const hourStyle = () => (prefs.hourCycle === 'h23' ? '2-digit' : 'numeric');

/** A rule's wall-clock time ("20:00") as the person reads times: "20:00" or "8:00 PM". */
export function clockTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return timeOfDay(Date.UTC(2000, 0, 1, h, m), 'UTC');
}

// ---- days ------------------------------------------------------------------

const DAY = 24 * 60 * 60 * 1000;

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Dates in plain words: "Today at 9:41", "Yesterday at 22:10", "Monday at 8:05", "3 March", "3 March 2024". */
export function plainDate(timestamp: number, now: Date = new Date()): string {
  return inWords(new Date(timestamp), now, false);
}

/** Like plainDate, but a day more than a week back keeps its time too: "3 March at 9:41". */
export function plainDateTime(timestamp: number, now: Date = new Date()): string {
  return inWords(new Date(timestamp), now, true);
}

function inWords(date: Date, now: Date, alwaysTime: boolean): string {
  const time = timeOfDay(date.getTime());
  const daysAgo = Math.round((startOfDay(now) - startOfDay(date)) / DAY);
  if (daysAgo === 0) return `Today at ${time}`;
  if (daysAgo === 1) return `Yesterday at ${time}`;
  if (daysAgo > 1 && daysAgo < 7) return `${dates({ weekday: 'long' }).format(date)} at ${time}`;
  const sameYear = date.getFullYear() === now.getFullYear();
  const day = dates({ day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) }).format(date);
  return alwaysTime ? `${day} at ${time}` : day;
}

/** A full date for a heading or a title attribute: "Thursday, 3 December 2026 at 20:05". */
export function fullDate(timestamp: number): string {
  return dates({ dateStyle: 'full', timeStyle: 'short' }).format(timestamp);
}

/** A day in words, without the time: "3 December 2026". */
export function longDate(timestamp: number): string {
  return dates({ dateStyle: 'long' }).format(timestamp);
}

/** A calendar date (YYYY-MM-DD), short: "3 Dec 2026" or "Dec 3, 2026"; no zone shifts the day. */
export function shortDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dates({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** "2025-03" (or a whole date) → "March 2025", or as `options` say ({ month: 'short' } → "Mar"). */
export function monthLabel(key: string, options: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' }): string {
  const [year, month] = key.split('-').map(Number) as [number, number];
  // The key is already a calendar month in the person's zone: format it as-is (UTC, no shifting).
  return dates({ ...options, timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}

/** The weekday weeks start on here, as Date.getDay() counts (0 Sunday … 6 Saturday): what "Over time" asks main for. */
export function weekStartsOn(): number {
  return prefs.firstDay % 7;
}

/**
 * A week or a month of "Over time", from its first moment (local midnight): in full for tables and
 * the keyboard ("Week of 3 March 2025", "March 2025"), or short under a chart's axis ("3 Mar", "Mar 2025").
 */
export function periodLabel(start: number, unit: 'week' | 'month', short = false): string {
  if (unit === 'month') return dates(short ? { month: 'short', year: '2-digit' } : { month: 'long', year: 'numeric' }).format(start);
  return short ? dates({ day: 'numeric', month: 'short' }).format(start) : `Week of ${dates({ day: 'numeric', month: 'long', year: 'numeric' }).format(start)}`;
}

/**
 * A planned time, in a schedule's own zone: "Thursday 3 Dec, 20:00" (the year added when it is
 * not `referenceYear`, so a date next January is not misread).
 */
export function occurrenceWords(at: number, zone: string | undefined, referenceYear: number): string {
  const inZone = zone ? wallTime(at, zone).year : new Date(at).getFullYear();
  return dates({ weekday: 'long', day: 'numeric', month: 'short', hour: hourStyle(), minute: '2-digit', ...(inZone !== referenceYear ? { year: 'numeric' } : {}), ...zoned(zone) }).format(at);
}

/**
 * A time coming up, in plain words on this computer's clock: "today at 16:00", "tomorrow at
 * 10:00", "on Monday at 10:00". `timeZone` is for tests; the app uses the computer's own.
 */
export function upcomingWords(timestamp: number, now: number, timeZone?: string): string {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const time = timeOfDay(timestamp, zone);
  const dayNumber = (ms: number) => {
    const { year, month, day } = wallTime(ms, zone);
    return Date.UTC(year, month - 1, day) / DAY;
  };
  const daysAhead = dayNumber(timestamp) - dayNumber(now);
  if (daysAhead <= 0) return `today at ${time}`;
  if (daysAhead === 1) return `tomorrow at ${time}`;
  if (daysAhead < 7) return `on ${dates({ weekday: 'long', timeZone: zone }).format(timestamp)} at ${time}`;
  return `on ${dates({ day: 'numeric', month: 'long', timeZone: zone }).format(timestamp)} at ${time}`;
}

/** The seven days, Monday first (0) to Sunday (6), turned to start where this region's week does. */
export function weekInOrder<T>(mondayFirst: readonly T[]): T[] {
  const start = prefs.firstDay - 1;
  return [...mondayFirst.slice(start), ...mondayFirst.slice(0, start)];
}

// ---- numbers and durations -------------------------------------------------

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number with the region's marks: "12,345.5" or "12.345,5". */
export function number(n: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `${prefs.locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(prefs.locale, options);
    numberFormats.set(key, format);
  }
  return format.format(n);
}

/** How often, in words: "once", "twice", "3 times". */
export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${number(n)} times`;
}

/** "50%" (from 0.5). */
export function percent(fraction: number): string {
  return number(fraction, { style: 'percent', maximumFractionDigits: 0 });
}

/** "840 KB", "1.2 MB": a file's size, in the region's number marks. */
export function fileSize(bytes: number): string {
  if (bytes < 1000 * 1000) return `${number(Math.max(1, Math.round(bytes / 1000)))} KB`;
  if (bytes < 1000 ** 3) return `${number(bytes / 1000 ** 2, { maximumFractionDigits: 1 })} MB`;
  return `${number(bytes / 1000 ** 3, { maximumFractionDigits: 1 })} GB`;
}

/** "1 minute", "13 minutes", "1.5 seconds" — the number in the region's marks, the unit in words. */
export function duration(amount: number, unit: 'second' | 'minute' | 'hour' | 'day'): string {
  return `${number(amount, { maximumFractionDigits: 1 })} ${amount === 1 ? unit : `${unit}s`}`;
}

/** "0:42", "12:05": a recording's length as a player shows it (whole seconds, rounded down). */
export function clockLength(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** "42 seconds", "1 minute 5 seconds": the same length, as a screen reader should say it. */
export function spokenLength(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return duration(seconds, 'second');
  return seconds === 0 ? duration(minutes, 'minute') : `${duration(minutes, 'minute')} ${duration(seconds, 'second')}`;
}

// Until main has said (or in tests), the browser's own language decides.
setFormats({});
