import { wallFromMs, wallMs, type Wall } from './wall-time.ts';

/**
 * Time-zone arithmetic on top of Intl (the ICU time-zone data Node and Electron ship), so
 * no second copy of the tz database has to be kept up to date.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True for a zone name Intl knows (IANA names such as "Europe/London", or "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset at that instant, in ms (east positive). */
export function offsetAt(instant: number, zone: string): number {
  // Whole seconds: Intl drops milliseconds, and every offset in use is whole seconds.
  const at = Math.floor(instant / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(at)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
  return asUtc - at;
}

/** The wall clock in the zone at that instant (to the minute). */
export function wallAt(instant: number, zone: string): Wall {
  return wallFromMs(instant + offsetAt(instant, zone));
}

const DAY = 86_400_000;

/**
 * The instant a wall time names in a zone. Two cases need a rule, and RFC 5545 (§3.3.5)
 * gives it, as do Python's zoneinfo (fold=0) and Temporal's 'compatible':
 * - a time skipped when the clocks go forward is read with the offset from before the
 *   change, which moves it forward by the gap (01:30 on a London spring-forward morning
 *   happens at 02:30 BST): it still happens, once, at the first moment it can;
 * - a time that happens twice when the clocks go back means the first of the two.
 * Exported calendars (.ics) resolve the same way, so the app and a calendar agree.
 */
export function instantOf(wall: Wall, zone: string): number {
  const nominal = wallMs(wall);
  const before = offsetAt(nominal - DAY, zone);
  const after = offsetAt(nominal + DAY, zone);
  const candidates: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = nominal - offset;
    if (offsetAt(instant, zone) === offset) candidates.push(instant);
  }
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: neither offset maps back onto this wall time.
  return nominal - before;
}
