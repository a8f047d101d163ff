import type { ScheduleRow } from './schedules-store.ts';
import { wallFromMs, wallMs, type Wall } from '../../../preload/contract/schedule/wall-time.ts';
import { instantOf, offsetAt } from '../../../preload/contract/schedule/zone-time.ts';

/**
 * Schedules as an iCalendar (RFC 5545) file, for a person who wants them in their own
 * calendar (which may sync it to a cloud). Carries only timing and words: a private schedule
 * gets neutral words only (not even the person's own reminder text); another carries the
 * practice's name and its reminder text. No location or anything else from the vault.
 */

/** What a private schedule is called outside Saltwater. */
export const NEUTRAL_WORDS = 'Quiet time';

export interface IcsItem {
  row: ScheduleRow;
  /** Occurrences skipped in advance, exported as EXDATEs. */
  skipped: string[];
}

export interface IcsOptions {
  now: number;
  /** Used for floating schedules (no zone of their own): the zone they happen in today. */
  deviceZone: string;
  practiceTitle: (practiceId: string) => string | undefined;
}

export function schedulesToIcs(items: readonly IcsItem[], options: IcsOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Saltwater//Reflection schedules//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  const zones = new Map<string, number>();
  const events: string[] = [];
  for (const { row, skipped } of items) {
    const zone = row.tzid ?? options.deviceZone;
    const year = Number(row.dtstart.slice(0, 4));
    zones.set(zone, Math.min(zones.get(zone) ?? year, year));
    const summary = row.private ? NEUTRAL_WORDS : (options.practiceTitle(row.practiceId) ?? row.text);
    const alarm = row.private ? NEUTRAL_WORDS : row.text;
    events.push(
      'BEGIN:VEVENT',
      `UID:saltwater-schedule-${row.id}-${row.createdAt}`,
      `DTSTAMP:${utcStamp(options.now)}`,
      `DTSTART;TZID=${zone}:${icsLocal(row.dtstart)}`,
    );
    if (row.rrule) events.push(`RRULE:${rruleForExport(row.rrule, zone)}`);
    for (const key of skipped) events.push(`EXDATE;TZID=${zone}:${icsLocal(key)}`);
    events.push(
      `SUMMARY:${escapeText(summary)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(alarm)}`,
      `TRIGGER:-PT${row.leadMinutes}M`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  for (const [zone, year] of zones) lines.push(...vtimezone(zone, year - 1));
  lines.push(...events, 'END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** TEXT escaping (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets continue on the next line after a space (§3.1), never inside a character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

function icsWall(w: Wall): string {
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}00`;
}

/** "2025-11-24T20:00" → "20251124T200000" */
function icsLocal(key: string): string {
  return `${key.slice(0, 4)}${key.slice(5, 7)}${key.slice(8, 10)}T${key.slice(11, 13)}${key.slice(14, 16)}00`;
}

function utcStamp(instant: number): string {
  return `${new Date(Math.floor(instant / 1000) * 1000).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/** With a TZID on DTSTART, RFC 5545 wants UNTIL in UTC; we store it as the local end of that day. */
function rruleForExport(rrule: string, zone: string): string {
  return rrule.replace(/UNTIL=(\d{4})(\d{2})(\d{2})T235959(?!Z)/, (_, y: string, m: string, d: string) => {
    const endOfDay = instantOf({ year: +y, month: +m, day: +d, hour: 23, minute: 59 }, zone) + 59_000;
    return `UNTIL=${utcStamp(endOfDay)}`;
  });
}

function offsetText(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.abs(ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${pad(h)}${pad(m)}${s ? pad(s) : ''}`;
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

const DAY = 86_400_000;

/** The offset changes in a year, found from Intl: daily samples, then bisection to the second. */
function transitionsIn(zone: string, year: number): Transition[] {
  const found: Transition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  let t = Date.UTC(year, 0, 1);
  let offset = offsetAt(t, zone);
  for (; t < end; t += DAY) {
    const next = offsetAt(t + DAY, zone);
    if (next === offset) continue;
    let lo = t;
    let hi = t + DAY;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetAt(mid, zone) === offset) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: offset, to: next });
    offset = next;
  }
  return found;
}

const dayNames = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** "Nth weekday of the month" for a local date; -1 when it is the month's last such day. */
function weekdayRank(w: Wall): { nth: number; weekday: number } {
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  return { nth: w.day + 7 > daysInMonth ? -1 : Math.ceil(w.day / 7), weekday: new Date(wallMs(w)).getUTCDay() };
}

/**
 * "The last Sunday of March" style rule for a transition, checked against the following
 * year; null when the zone does not follow such a rule (then the observance stands alone).
 */
function yearlyRule(zone: string, t: Transition): string | null {
  const local = wallFromMs(t.at + t.from);
  const { nth, weekday } = weekdayRank(local);
  const following = transitionsIn(zone, local.year + 1).find((n) => n.from === t.from && n.to === t.to);
  if (!following) return null;
  const next = wallFromMs(following.at + following.from);
  const rank = weekdayRank(next);
  const same = next.month === local.month && rank.weekday === weekday && rank.nth === nth && next.hour === local.hour && next.minute === local.minute;
  return same ? `FREQ=YEARLY;BYMONTH=${local.month};BYDAY=${nth}${dayNames[weekday]}` : null;
}

/** A VTIMEZONE for the zone as it is from `year` on (RFC 5545 wants one per TZID used). */
export function vtimezone(zone: string, year: number): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const transitions = transitionsIn(zone, year);
  if (transitions.length === 0) {
    const offset = offsetText(offsetAt(Date.UTC(year, 0, 1), zone));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
  }
  for (const t of transitions) {
    const kind = t.to > t.from ? 'DAYLIGHT' : 'STANDARD';
    const rule = yearlyRule(zone, t);
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${icsWall(wallFromMs(t.at + t.from))}`,
      `TZOFFSETFROM:${offsetText(t.from)}`,
      `TZOFFSETTO:${offsetText(t.to)}`,
      ...(rule ? [`RRULE:${rule}`] : []),
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
