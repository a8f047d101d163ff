import type { InsightsPeriod, InsightsSpan } from '../../../preload/contract/insights.ts';
import { instantOf, wallAt } from '../../../preload/contract/schedule/zone-time.ts';

/**
 * The person's own weeks (or months), as instants. Computed here from local calendar dates in
 * the computer's zone, so a week with a clock change is still "Monday to Monday" (167 or 169
 * hours), never a fixed 7 × 24 hours; SQL then groups rows by these boundaries.
 */

const DAY_MS = 86_400_000;

/** Weeks each fixed period shows, the last one holding today. */
const WEEKS: Record<Exclude<InsightsPeriod, 'all'>, number> = { '4w': 4, '3m': 13, '12m': 52 };
/** 'all' is shown in weeks while it fits in a year's worth of them, else in calendar months. */
const MOST_WEEKS_FOR_ALL = 53;

/** [start, end) of each bucket, oldest first. */
export type Buckets = Array<[start: number, end: number]>;

/** Days since 1970-01-01 of a calendar date (no zone: plain date arithmetic). */
const dayNumber = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;

/** The first instant of that calendar day in the zone (midnight, or the moment after a gap at midnight). */
function dayStart(day: number, zone: string): number {
  const d = new Date(day * DAY_MS);
  return instantOf({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0 }, zone);
}

function monthStart(monthIndex: number, zone: string): number {
  const year = Math.floor(monthIndex / 12);
  return instantOf({ year, month: monthIndex - year * 12 + 1, day: 1, hour: 0, minute: 0 }, zone);
}

/** The calendar day (as a day number) on which the week holding `instant` starts. */
export function weekStartDay(instant: number, zone: string, weekStartsOn: number): number {
  const { year, month, day } = wallAt(instant, zone);
  const today = dayNumber(year, month, day);
  // 1970-01-01 was a Thursday (getDay() 4).
  const weekday = (((today + 4) % 7) + 7) % 7;
  return today - ((weekday - weekStartsOn + 7) % 7);
}

/**
 * The buckets of a period, ending with the week (or month) that holds `now`. `earliest` is the
 * first thing the vault holds (for 'all'); null when it holds nothing, which shows this week alone.
 */
export function periodBuckets(
  period: InsightsPeriod,
  weekStartsOn: number,
  now: number,
  zone: string,
  earliest: number | null,
): { span: InsightsSpan; buckets: Buckets } {
  const thisWeek = weekStartDay(now, zone, weekStartsOn);
  let weeks: number;
  if (period !== 'all') {
    weeks = WEEKS[period];
  } else {
    // A time after now (the clock was wrong when it was written) starts nothing in the future.
    const first = earliest === null ? now : Math.min(earliest, now);
    weeks = (thisWeek - weekStartDay(first, zone, weekStartsOn)) / 7 + 1;
    if (weeks > MOST_WEEKS_FOR_ALL) return monthly(period, first, now, zone);
  }
  const firstDay = thisWeek - (weeks - 1) * 7;
  const buckets: Buckets = [];
  for (let w = 0; w < weeks; w++) buckets.push([dayStart(firstDay + w * 7, zone), dayStart(firstDay + (w + 1) * 7, zone)]);
  return { span: spanOf(period, 'week', buckets), buckets };
}

function monthly(period: InsightsPeriod, first: number, now: number, zone: string): { span: InsightsSpan; buckets: Buckets } {
  const index = (instant: number) => {
    const { year, month } = wallAt(instant, zone);
    return year * 12 + month - 1;
  };
  const buckets: Buckets = [];
  for (let m = index(first); m <= index(now); m++) buckets.push([monthStart(m, zone), monthStart(m + 1, zone)]);
  return { span: spanOf(period, 'month', buckets), buckets };
}

function spanOf(period: InsightsPeriod, unit: InsightsSpan['unit'], buckets: Buckets): InsightsSpan {
  return { period, unit, from: buckets[0]![0], to: buckets.at(-1)![1] };
}
