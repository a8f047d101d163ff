import { longDate, number } from '../../lib/format.svelte.ts';

/** Small pieces the export and import forms share: days to instants, and counts in words. */

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** The start of a calendar day ("2026-12-03") on this computer's clock. */
export function dayStart(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(y, m - 1, d).getTime();
}

/** The start of the next day: an export "until" a day includes all of that day. */
export function dayAfter(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(y, m - 1, d + 1).getTime();
}

/** Today as "YYYY-MM-DD" on this computer's clock. */
export function today(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** "1 entry", "1,204 entries". */
export function entries(n: number): string {
  return `${number(n)} ${n === 1 ? 'entry' : 'entries'}`;
}

/** "on 3 December 2026", or "from 3 March 2019 to 2 December 2026". */
export function writtenWhen(first: number, last: number): string {
  const a = longDate(first);
  const b = longDate(last);
  return a === b ? `on ${a}` : `from ${a} to ${b}`;
}

/** A refusal, with the reassurance that nothing changed (said once, whoever wrote the reason). */
export function nothingChanged(message: string): string {
  return /nothing was changed/i.test(message) ? message : `${message} Nothing in your journal was changed.`;
}
