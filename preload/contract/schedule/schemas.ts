import { z } from 'zod';
import { isLocalDate, timePattern } from './wall-time.ts';
import { isTimeZone } from './zone-time.ts';

/**
 * The scheduler's inputs and outputs as zod schemas. Pure (zod and Intl only, no Node), so
 * they can move into preload/contract unchanged when the service is wired to the renderer.
 */

export const DEFAULT_REMINDER_TEXT = 'Time for your reflection';

export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const Weekday = z.enum(weekdays);
export type Weekday = z.infer<typeof Weekday>;

export const LocalDate = z.string().refine(isLocalDate, 'A date looks like 2025-11-24 and must exist.');
export const LocalTime = z.string().regex(timePattern, 'A time looks like 20:00.');
/** An IANA zone name; null on a schedule means "wherever this computer is". */
export const TimeZoneId = z.string().refine(isTimeZone, 'That time zone is not known.');

export const RecurrenceEnd = z.discriminatedUnion('type', [
  z.object({ type: z.literal('never') }),
  z.object({ type: z.literal('until'), date: LocalDate }),
  z.object({ type: z.literal('count'), count: z.number().int().min(1, 'At least one time.').max(1000, 'At most 1000 times.') }),
]);
export type RecurrenceEnd = z.infer<typeof RecurrenceEnd>;

const repeating = {
  start: LocalDate,
  time: LocalTime,
  end: RecurrenceEnd.default({ type: 'never' }),
};

/**
 * What a person can choose in the editor. "Weekdays" is weekly on MO–FR; "every other day"
 * is daily with interval 2. Stored as an RFC 5545 DTSTART + RRULE.
 */
export const Recurrence = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('once'), date: LocalDate, time: LocalTime }),
    z.object({ kind: z.literal('daily'), ...repeating, interval: z.number().int().min(1).max(366).default(1) }),
    z.object({
      kind: z.literal('weekly'),
      ...repeating,
      interval: z.number().int().min(1).max(52).default(1),
      days: z
        .array(Weekday)
        .min(1, 'Choose at least one day.')
        .refine((days) => new Set(days).size === days.length, 'Choose each day once.'),
    }),
    z.object({
      kind: z.literal('monthly'),
      ...repeating,
      interval: z.number().int().min(1).max(12).default(1),
      /** Day of the month; -1 is the last day. Days 29–31 skip shorter months, as in RFC 5545. */
      day: z
        .number()
        .int()
        .min(-1)
        .max(31)
        .refine((d) => d !== 0, 'A day of the month is 1–31, or -1 for the last day.'),
    }),
  ])
  .superRefine((r, ctx) => {
    if (r.kind !== 'once' && r.end.type === 'until' && r.end.date < r.start) {
      ctx.addIssue({ code: 'custom', message: 'The end date is before the start.', path: ['end', 'date'] });
    }
  });
export type Recurrence = z.output<typeof Recurrence>;
export type RecurrenceInput = z.input<typeof Recurrence>;

export const QuietHours = z
  .object({
    enabled: z.boolean(),
    start: LocalTime,
    end: LocalTime,
    policy: z.enum(['move', 'skip']),
  })
  .refine((q) => q.start !== q.end, { message: 'Quiet hours need a different start and end.', path: ['end'] });
export type QuietHours = z.infer<typeof QuietHours>;

export const defaultQuietHours: QuietHours = { enabled: false, start: '22:00', end: '08:00', policy: 'move' };

export const ScheduleId = z.number().int().positive();
export const LeadMinutes = z.union([z.literal(0), z.literal(5), z.literal(15), z.literal(30)], {
  error: 'A reminder comes at the time, or 5, 15 or 30 minutes before.',
});
export const NotificationText = z
  .string()
  .trim()
  .min(1, 'The reminder needs a few words.')
  .max(120, 'Keep the reminder under 120 characters.')
  .refine((t) => !/[\u0000-\u001f\u007f]/.test(t), 'The reminder is one line of plain text.');
export const OccurrenceKey = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Not one of the schedule’s times.');

const fields = {
  practiceId: z.string().min(1).max(100),
  /** Private hides the practice's name from notifications and calendar exports. */
  private: z.boolean(),
  text: NotificationText,
  recurrence: Recurrence,
  tzid: TimeZoneId.nullable(),
  leadMinutes: LeadMinutes,
  paused: z.boolean(),
};

export const ScheduleInput = z.strictObject({
  ...fields,
  private: fields.private.default(true),
  text: fields.text.default(DEFAULT_REMINDER_TEXT),
  tzid: fields.tzid.default(null),
  leadMinutes: fields.leadMinutes.default(0),
  paused: fields.paused.default(false),
});
export type ScheduleInput = z.input<typeof ScheduleInput>;

export const SchedulePatch = z.strictObject(fields).partial();
export type SchedulePatch = z.input<typeof SchedulePatch>;

export const PreviewInput = z.strictObject({
  recurrence: Recurrence,
  tzid: TimeZoneId.nullable().default(null),
  count: z.number().int().min(1).max(20).default(5),
});
export type PreviewInput = z.input<typeof PreviewInput>;

export const OccurrenceRef = z.strictObject({ scheduleId: ScheduleId, occurrence: OccurrenceKey });
export type OccurrenceRef = z.infer<typeof OccurrenceRef>;

export const SnoozeInput = z.strictObject({
  scheduleId: ScheduleId,
  occurrence: OccurrenceKey,
  minutes: z.union([z.literal(10), z.literal(30), z.literal(60)], { error: 'Snooze for 10, 30 or 60 minutes.' }),
});
export type SnoozeInput = z.infer<typeof SnoozeInput>;

// ---- outputs -----------------------------------------------------------------
export const UpcomingOccurrence = z.object({
  /** The wall time the rule names: the occurrence's identity, stable across DST and zones. */
  occurrence: OccurrenceKey,
  /** When it happens (UTC ms). */
  at: z.number(),
  /** "Sunday 24 Nov, 20:00" in the schedule's zone, always en-GB: for logs and tests. People see `at` written by the renderer's lib/format. */
  label: z.string(),
  skipped: z.boolean(),
});
export type UpcomingOccurrence = z.infer<typeof UpcomingOccurrence>;

export const Schedule = z.object({
  id: ScheduleId,
  practiceId: z.string(),
  private: z.boolean(),
  text: z.string(),
  recurrence: Recurrence,
  tzid: z.string().nullable(),
  leadMinutes: LeadMinutes,
  paused: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The next time it happens (skipped ones included, flagged), or null when it is over. */
  next: UpcomingOccurrence.nullable(),
});
export type Schedule = z.infer<typeof Schedule>;

/** The one missed occurrence on offer ("start now / skip"). */
export const MissedOffer = z.object({
  scheduleId: ScheduleId,
  practiceId: z.string(),
  occurrence: OccurrenceKey,
  at: z.number(),
  label: z.string(),
});
export type MissedOffer = z.infer<typeof MissedOffer>;
