import {
  DEFAULT_REMINDER_TEXT,
  weekdays,
  type RecurrenceEnd,
  type RecurrenceInput,
  type Schedule,
  type ScheduleInput,
  type Weekday,
} from '../../../preload/contract/index.ts';
import { clockTime, shortDate, weekInOrder } from '../../lib/format.svelte.ts';

/**
 * The editor's choices in plain terms, and how they become the contract's recurrence (and
 * back). Pure functions, so each choice can be checked without a screen.
 */

export type Repeat = 'once' | 'daily' | 'weekdays' | 'weekly' | 'every-n-days' | 'every-n-weeks' | 'monthly';
export type EndChoice = 'never' | 'until' | 'count';
export type Lead = 0 | 5 | 15 | 30;

export interface Draft {
  practiceId: string;
  repeat: Repeat;
  /** The one-off date, or the first day of a repeating schedule (YYYY-MM-DD). */
  date: string;
  time: string;
  days: Weekday[];
  /** "Every N days / weeks" as typed. */
  every: string;
  /** Day of the month: "1"–"31", or "-1" for the last day. */
  monthDay: string;
  /** Kept from an edited monthly schedule (the editor offers "monthly" only). */
  monthInterval: number;
  end: EndChoice;
  endDate: string;
  endCount: string;
  lead: Lead;
  text: string;
  private: boolean;
  tzid: string | null;
}

export const repeatChoices: { id: Repeat; label: string }[] = [
  { id: 'daily', label: 'Every day' },
  { id: 'weekdays', label: 'On weekdays (Monday to Friday)' },
  { id: 'weekly', label: 'Weekly, on the days you choose' },
  { id: 'every-n-days', label: 'Every few days' },
  { id: 'every-n-weeks', label: 'Every few weeks, on the days you choose' },
  { id: 'monthly', label: 'Monthly, on a day of the month' },
];

export const leadChoices: { value: Lead; label: string }[] = [
  { value: 0, label: 'At the time' },
  { value: 5, label: '5 minutes before' },
  { value: 15, label: '15 minutes before' },
  { value: 30, label: '30 minutes before' },
];

export const dayNames: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

const WORKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

const pad = (n: number) => String(n).padStart(2, '0');

/** Today on this computer, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The weekday of a YYYY-MM-DD date. */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const js = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return weekdays[(js + 6) % 7]!;
}

export function newDraft(practiceId: string, now: Date = new Date()): Draft {
  const today = localToday(now);
  return {
    practiceId,
    repeat: 'weekly',
    date: today,
    time: '20:00',
    days: [weekdayOf(today)],
    every: '2',
    monthDay: String(now.getDate()),
    monthInterval: 1,
    end: 'never',
    endDate: '',
    endCount: '10',
    lead: 0,
    text: DEFAULT_REMINDER_TEXT,
    private: true,
    tzid: null,
  };
}

/** An existing schedule as editor choices. */
export function draftFrom(schedule: Schedule): Draft {
  const r = schedule.recurrence;
  const draft = newDraft(schedule.practiceId);
  draft.text = schedule.text;
  draft.private = schedule.private;
  draft.lead = schedule.leadMinutes;
  draft.tzid = schedule.tzid;
  draft.time = r.time;
  if (r.kind === 'once') {
    draft.repeat = 'once';
    draft.date = r.date;
    return draft;
  }
  draft.date = r.start;
  if (r.end.type === 'until') {
    draft.end = 'until';
    draft.endDate = r.end.date;
  } else if (r.end.type === 'count') {
    draft.end = 'count';
    draft.endCount = String(r.end.count);
  }
  if (r.kind === 'daily') {
    draft.repeat = r.interval === 1 ? 'daily' : 'every-n-days';
    draft.every = String(r.interval === 1 ? 2 : r.interval);
  } else if (r.kind === 'weekly') {
    draft.days = sortDays(r.days);
    const workdays = r.interval === 1 && sameDays(r.days, WORKDAYS);
    draft.repeat = workdays ? 'weekdays' : r.interval === 1 ? 'weekly' : 'every-n-weeks';
    draft.every = String(r.interval === 1 ? 2 : r.interval);
  } else {
    draft.repeat = 'monthly';
    draft.monthDay = String(r.day);
    draft.monthInterval = r.interval;
  }
  return draft;
}

/** The days in the order this region's week runs (Sunday first in the US). */
function sortDays(days: readonly Weekday[]): Weekday[] {
  return weekInOrder(weekdays).filter((d) => days.includes(d));
}

function sameDays(a: readonly Weekday[], b: readonly Weekday[]): boolean {
  return a.length === b.length && a.every((d) => b.includes(d));
}

/** A whole number typed by a person, or NaN. */
function whole(text: string): number {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

/**
 * The recurrence the choices describe, or a plain message saying what to change. The
 * services check everything again; this only catches what a form can see at once.
 */
export function buildRecurrence(d: Draft): { recurrence: RecurrenceInput } | { problem: string } {
  if (!d.time) return { problem: 'Choose a time, like 20:00.' };
  if (!d.date) return { problem: d.repeat === 'once' ? 'Choose a date.' : 'Choose the first day.' };
  if (d.repeat === 'once') return { recurrence: { kind: 'once', date: d.date, time: d.time } };

  let end: RecurrenceEnd = { type: 'never' };
  if (d.end === 'until') {
    if (!d.endDate) return { problem: 'Choose the last day, or let it go on.' };
    end = { type: 'until', date: d.endDate };
  } else if (d.end === 'count') {
    const count = whole(d.endCount);
    if (!Number.isInteger(count) || count < 1) return { problem: 'Type how many times, like 10.' };
    end = { type: 'count', count };
  }
  const base = { start: d.date, time: d.time, end };

  switch (d.repeat) {
    case 'daily':
      return { recurrence: { kind: 'daily', ...base, interval: 1 } };
    case 'every-n-days': {
      const n = whole(d.every);
      if (!Number.isInteger(n) || n < 1) return { problem: 'Type every how many days, like 2.' };
      return { recurrence: { kind: 'daily', ...base, interval: n } };
    }
    case 'weekdays':
      return { recurrence: { kind: 'weekly', ...base, interval: 1, days: [...WORKDAYS] } };
    case 'weekly':
    case 'every-n-weeks': {
      if (d.days.length === 0) return { problem: 'Choose at least one day.' };
      const n = d.repeat === 'weekly' ? 1 : whole(d.every);
      if (!Number.isInteger(n) || n < 1) return { problem: 'Type every how many weeks, like 2.' };
      return { recurrence: { kind: 'weekly', ...base, interval: n, days: sortDays(d.days) } };
    }
    case 'monthly':
      return { recurrence: { kind: 'monthly', ...base, interval: d.monthInterval, day: Number(d.monthDay) } };
  }
}

/** Everything the services need to save the draft, or a message. */
export function buildInput(d: Draft): { input: ScheduleInput } | { problem: string } {
  if (!d.practiceId) return { problem: 'Choose a practice.' };
  const built = buildRecurrence(d);
  if ('problem' in built) return built;
  return {
    input: {
      practiceId: d.practiceId,
      private: d.private,
      text: d.text,
      recurrence: built.recurrence,
      tzid: d.tzid,
      leadMinutes: d.lead,
    },
  };
}

// ---- plain words --------------------------------------------------------------

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

export function monthDayWords(day: number): string {
  return day === -1 ? 'the last day' : `the ${ordinal(day)}`;
}

/** "Monday", "Monday and Thursday", "Monday, Wednesday and Friday". */
export function listDays(days: readonly Weekday[]): string {
  const names = sortDays(days).map((d) => dayNames[d]);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function endWords(end: RecurrenceEnd): string {
  if (end.type === 'until') return `, until ${shortDate(end.date)}`;
  if (end.type === 'count') return end.count === 1 ? ', once only' : `, ${end.count} times`;
  return '';
}

/** "Weekly on Sunday at 20:00", "Every 2 days at 7:30, 10 times", "Once, on 24 Nov 2026 at 20:00" (times as the person reads them). */
export function describeRecurrence(r: RecurrenceInput): string {
  const time = clockTime(r.time);
  if (r.kind === 'once') return `Once, on ${shortDate(r.date)} at ${time}`;
  const end = endWords(r.end ?? { type: 'never' });
  const interval = r.interval ?? 1;
  if (r.kind === 'daily') {
    return `${interval === 1 ? 'Every day' : `Every ${interval} days`} at ${time}${end}`;
  }
  if (r.kind === 'weekly') {
    if (interval === 1 && sameDays(r.days, WORKDAYS)) return `Weekdays at ${time}${end}`;
    if (interval === 1 && r.days.length === 7) return `Every day at ${time}${end}`;
    const lead = interval === 1 ? 'Weekly' : interval === 2 ? 'Every other week' : `Every ${interval} weeks`;
    return `${lead} on ${listDays(r.days)} at ${time}${end}`;
  }
  const lead = interval === 1 ? 'Monthly' : `Every ${interval} months`;
  return `${lead} on ${monthDayWords(r.day)} at ${time}${end}`;
}

export function leadWords(lead: number): string {
  return lead === 0 ? 'Reminder at the time' : `Reminder ${lead} minutes before`;
}
