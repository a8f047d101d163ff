import * as rruleModule from 'rrule';
import type { Options as RRuleOptions, RRule as RRuleType } from 'rrule';
import { Recurrence, weekdays, type RecurrenceEnd, type Weekday } from '../../../preload/contract/schedule/schemas.ts';
import { instantOf, wallAt } from '../../../preload/contract/schedule/zone-time.ts';
import { keyFromMs, msFromKey, wallFromMs, wallMs, wallOf, type WallKey } from '../../../preload/contract/schedule/wall-time.ts';

// rrule ships CommonJS for Node and ESM for bundlers; its named exports only exist in the
// ESM build, so take the class from whichever shape this runtime handed us.
const RRule: typeof RRuleType =
  (rruleModule as unknown as { RRule?: typeof RRuleType }).RRule ??
  (rruleModule as unknown as { default: { RRule: typeof RRuleType } }).default.RRule;

/** The stored form: DTSTART as a local wall time (its zone is kept beside it) and the RRULE value. */
export interface StoredRule {
  dtstart: WallKey;
  /** null for a one-off. */
  rrule: string | null;
}

const freqNames = { daily: 'DAILY', weekly: 'WEEKLY', monthly: 'MONTHLY' } as const;

/**
 * Builds DTSTART + RRULE. DTSTART is moved to the first time the rule really happens
 * (a weekly Sunday rule started on a Wednesday starts on the Sunday): RFC 5545 leaves an
 * out-of-step DTSTART undefined and calendars disagree about it, so we never store one.
 * Returns null when the rule never happens at all.
 */
export function toStored(recurrence: Recurrence): StoredRule | null {
  if (recurrence.kind === 'once') return { dtstart: keyFromMs(wallMs(wallOf(recurrence.date, recurrence.time))), rrule: null };
  const parts = [`FREQ=${freqNames[recurrence.kind]}`];
  if (recurrence.interval !== 1) parts.push(`INTERVAL=${recurrence.interval}`);
  if (recurrence.kind === 'weekly') parts.push(`BYDAY=${sortDays(recurrence.days).join(',')}`);
  if (recurrence.kind === 'monthly') parts.push(`BYMONTHDAY=${recurrence.day}`);
  if (recurrence.end.type === 'until') parts.push(`UNTIL=${recurrence.end.date.replaceAll('-', '')}T235959`);
  if (recurrence.end.type === 'count') parts.push(`COUNT=${recurrence.end.count}`);
  const rrule = parts.join(';');
  const chosen = keyFromMs(wallMs(wallOf(recurrence.start, recurrence.time)));
  const first = seriesOf({ dtstart: chosen, rrule }).first();
  return first === null ? null : { dtstart: keyFromMs(first), rrule };
}

/** Reads a stored rule back into the editor's terms; throws on anything we did not write. */
export function fromStored({ dtstart, rrule }: StoredRule): Recurrence {
  const [date, time] = dtstart.split('T') as [string, string];
  if (rrule === null) return { kind: 'once', date, time };
  const fields = new Map(rrule.split(';').map((p) => p.split('=') as [string, string]));
  const interval = Number(fields.get('INTERVAL') ?? 1);
  const until = fields.get('UNTIL');
  const count = fields.get('COUNT');
  const end: RecurrenceEnd = until
    ? { type: 'until', date: `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` }
    : count
      ? { type: 'count', count: Number(count) }
      : { type: 'never' };
  const base = { start: date, time, interval, end };
  const freq = fields.get('FREQ');
  const parsed =
    freq === 'DAILY'
      ? Recurrence.safeParse({ kind: 'daily', ...base })
      : freq === 'WEEKLY'
        ? Recurrence.safeParse({ kind: 'weekly', ...base, days: (fields.get('BYDAY') ?? '').split(',') })
        : freq === 'MONTHLY'
          ? Recurrence.safeParse({ kind: 'monthly', ...base, day: Number(fields.get('BYMONTHDAY')) })
          : undefined;
  if (!parsed?.success) throw new Error(`Unsupported stored rule: ${rrule}`);
  return parsed.data;
}

function sortDays(days: readonly Weekday[]): Weekday[] {
  return [...days].sort((a, b) => weekdays.indexOf(a) - weekdays.indexOf(b));
}

const DAY = 86_400_000;
// Far enough that an app running for years extends rarely; rrule re-walks from DTSTART each time.
const CHUNK = 800 * DAY;

/**
 * The occurrences of one rule as wall times ("nominal": the local times the rule names,
 * before any zone is applied). They depend only on the rule, not on the zone or DST, so
 * one expansion serves every zone and is cached.
 */
export class Series {
  private readonly known: number[] = [];
  private expandedTo: number;
  private finished = false;
  private readonly rule: RRuleType | null;

  constructor(readonly stored: StoredRule) {
    const start = msFromKey(stored.dtstart);
    if (stored.rrule === null) {
      this.rule = null;
      this.known.push(start);
      this.finished = true;
      this.expandedTo = start;
      return;
    }
    this.rule = new RRule(ruleOptions(start, stored.rrule));
    this.expandedTo = start - 1;
    if (/;(UNTIL|COUNT)=/.test(`;${stored.rrule}`)) {
      // Bounded rules (at most 1000 times, or up to a date) are expanded once, whole.
      this.known.push(...this.rule.all().map((d) => d.getTime()));
      this.finished = true;
    }
  }

  first(): number | null {
    this.extendPast(msFromKey(this.stored.dtstart));
    return this.known[0] ?? null;
  }

  /** True when the rule names exactly this wall time. */
  has(ms: number): boolean {
    this.extendPast(ms);
    const i = lowerBound(this.known, ms);
    return this.known[i] === ms;
  }

  /** Wall times strictly after `ms`, in order; endless for a rule without an end. */
  *after(ms: number): Generator<number> {
    this.extendPast(ms);
    let i = lowerBound(this.known, ms + 1);
    for (;;) {
      if (i >= this.known.length) {
        if (this.finished) return;
        this.extend();
        continue;
      }
      yield this.known[i++]!;
    }
  }

  private extendPast(ms: number): void {
    while (!this.finished && this.expandedTo <= ms) this.extend();
  }

  private extend(): void {
    if (!this.rule || this.finished) return;
    const from = this.expandedTo;
    const to = from + CHUNK;
    for (const d of this.rule.between(new Date(from), new Date(to), true)) {
      const t = d.getTime();
      if (t > from) this.known.push(t);
    }
    this.expandedTo = to;
  }
}

function ruleOptions(start: number, rrule: string): Partial<RRuleOptions> {
  const parsed = RRule.parseString(rrule);
  // Floating: rrule then works on UTC fields, which hold our wall times. Its own TZID
  // support converts through the host zone and loses the DST gap/fold rules we need.
  return { ...parsed, dtstart: new Date(start), tzid: null, wkst: RRule.MO };
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const seriesCache = new Map<string, Series>();

/** A shared, cached expansion of this rule. */
export function seriesOf(stored: StoredRule): Series {
  const key = `${stored.dtstart}|${stored.rrule ?? ''}`;
  let series = seriesCache.get(key);
  if (!series) {
    if (seriesCache.size > 500) seriesCache.clear();
    series = new Series(stored);
    seriesCache.set(key, series);
  }
  return series;
}

export interface Occurrence {
  /** The wall time the rule names: the occurrence's identity. */
  key: WallKey;
  /** When it really happens (UTC ms). */
  at: number;
  /** The wall clock at `at` in the zone; differs from `key` only in a DST gap. */
  local: WallKey;
}

/** Occurrences happening strictly after `after`, as instants in `zone`. Lazily endless. */
export function* occurrencesAfter(series: Series, zone: string, after: number): Generator<Occurrence> {
  // Start a little early: a wall time in a DST gap happens later than it reads.
  const from = wallMs(wallAt(after, zone)) - 2 * DAY;
  for (const ms of series.after(from)) {
    const at = instantOf(wallFromMs(ms), zone);
    if (at > after) yield { key: keyFromMs(ms), at, local: keyFromMs(wallMs(wallAt(at, zone))) };
  }
}

/** The next `n` occurrences of a rule after an instant, in a zone. */
export function nextOccurrences(stored: StoredRule, zone: string, after: number, n: number): Occurrence[] {
  const out: Occurrence[] = [];
  if (n <= 0) return out;
  for (const occurrence of occurrencesAfter(seriesOf(stored), zone, after)) {
    out.push(occurrence);
    if (out.length >= n) break;
  }
  return out;
}

const labelFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "Sunday 24 Nov, 20:00" in the zone's wall clock; the year is added when it is not
 * `referenceYear` (the current one), so a date next January is not misread.
 */
export function formatOccurrence(at: number, zone: string, referenceYear?: number): string {
  let f = labelFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'long',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    labelFormats.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(at)) if (part.type !== 'literal') p[part.type] = part.value;
  const year = referenceYear !== undefined && Number(p.year) !== referenceYear ? ` ${p.year}` : '';
  return `${p.weekday} ${p.day} ${p.month}${year}, ${p.hour}:${p.minute}`;
}
