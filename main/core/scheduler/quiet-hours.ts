import type { QuietHours } from '../../../preload/contract/schedule/schemas.ts';
import { minutesOfDay, wallFromMs, wallMs, wallOf, type Wall } from '../../../preload/contract/schedule/wall-time.ts';
import { instantOf, wallAt } from '../../../preload/contract/schedule/zone-time.ts';

/*
 * Quiet hours are one global window, read in the computer's current zone (it is about
 * where the person is sleeping), in which no reminder fires.
 */

const DAY = 86_400_000;

/** When the quiet window holding this instant ends; null when the instant is not inside one. */
export function quietEndAfter(instant: number, zone: string, quiet: QuietHours): number | null {
  if (!quiet.enabled) return null;
  const local = wallAt(instant, zone);
  const minute = local.hour * 60 + local.minute;
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return null;
  // A window that wraps midnight and was entered this evening ends tomorrow.
  const endsTomorrow = start > end && minute >= start;
  const day: Wall = wallFromMs(wallMs({ ...local, hour: 0, minute: 0 }) + (endsTomorrow ? DAY : 0));
  const date = `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
  // Never earlier than the instant itself (a window ending inside a repeated DST hour).
  return Math.max(instant, instantOf(wallOf(date, quiet.end), zone));
}

export type Adjusted = { dueAt: number } | { skip: true };

/**
 * When the reminder for an occurrence should fire.
 * - The occurrence itself in quiet hours: the person's policy (move to the window's end, or skip).
 * - Only the early reminder (lead time) in quiet hours: moved to the window's end, never
 *   skipped, since the session itself falls outside the window.
 */
export function reminderTime(occurrenceAt: number, leadMs: number, zone: string, quiet: QuietHours): Adjusted {
  const occurrenceEnd = quietEndAfter(occurrenceAt, zone, quiet);
  if (occurrenceEnd !== null) return quiet.policy === 'skip' ? { skip: true } : { dueAt: occurrenceEnd };
  const due = occurrenceAt - leadMs;
  const dueEnd = leadMs > 0 ? quietEndAfter(due, zone, quiet) : null;
  return { dueAt: dueEnd === null ? due : Math.min(dueEnd, occurrenceAt) };
}

/** A snooze asked for by the person always happens; quiet hours only delay it. */
export function snoozeTime(until: number, zone: string, quiet: QuietHours): number {
  return quietEndAfter(until, zone, quiet) ?? until;
}
