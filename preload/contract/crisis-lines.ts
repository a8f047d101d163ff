import { z } from 'zod';
import { lineDays } from './constants.ts';
import { WebLink } from './links.ts';

/**
 * The shape of resources/crisis-lines.json: the offline crisis lines shown by Help right now.
 * A wrong or dead number is the worst defect Saltwater can have, so every line carries the
 * public pages that show its number and hours, and the day someone last compared them.
 * tests/unit/crisis-lines-data.test.ts holds the rules a release must meet on top of these.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const CheckedDate = z.string().regex(ISO_DATE, 'A checked date is YYYY-MM-DD.');

/** A number as written in its country: digits, spaces and the * some short codes start with. */
export const DialString = z.string().regex(/^\+?[*0-9][0-9 ]{1,18}[0-9]$/, 'A number has digits and spaces only (and maybe a leading + or *).');

/** A public page that shows the number (and the hours), with the date the page itself carries. */
export const Evidence = z.object({
  url: WebLink,
  /** Published or updated; a year alone when that is all the page shows; "undated" when it shows none. */
  date: z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?|undated)$/, 'An evidence date is YYYY, YYYY-MM, YYYY-MM-DD or "undated".'),
  /** What the page says, in our own short words. */
  says: z.string().min(1).max(300),
});
export type Evidence = z.output<typeof Evidence>;

export { lineDays };
export const LineDay = z.enum(lineDays);
export type LineDay = z.output<typeof LineDay>;

/** A time of day on the line's own clock, 00:00 to 24:00. */
export const ClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'A time is HH:MM, from 00:00 to 24:00.');

/** Open on these days from `from` to `to`; a `to` at or before `from` runs past midnight into the next day. */
export const OpenWindow = z.object({ days: z.array(LineDay).min(1).max(7), from: ClockTime, to: ClockTime });
export type OpenWindow = z.output<typeof OpenWindow>;

const TimeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Not a time zone this computer knows.' },
);

/** "any time", or the weekly hours on the line's own clock (its IANA zone). */
export const LineHours = z.union([z.literal('any time'), z.object({ zone: TimeZone, open: z.array(OpenWindow).min(1).max(14) })]);
export type LineHours = z.output<typeof LineHours>;

const ConfirmedLine = z.object({
  status: z.literal('confirmed'),
  name: z.string().min(1).max(100),
  /** A number to call. */
  phone: DialString.optional(),
  /** A number to text, and the word to send when the line asks for one ("text HELP to 51444"). */
  text: z.object({ to: DialString, message: z.string().min(1).max(20).optional() }).optional(),
  /** What to do after dialling ("then choose option 4"), or who it is for ("in Dutch"). */
  detail: z.string().min(1).max(80).optional(),
  website: WebLink.optional(),
  hours: LineHours,
  free: z.boolean().optional(),
  evidence: z.array(Evidence).min(1).max(6),
  lastChecked: CheckedDate,
});

/** A line we could not find published evidence for: shown only as "check their website". */
const UnconfirmedLine = z.object({
  status: z.literal('unconfirmed'),
  name: z.string().min(1).max(100),
  website: WebLink,
  /** Why it is not confirmed, for whoever checks next (never shown as a number to call). */
  why: z.string().min(1).max(300),
  lastChecked: CheckedDate,
});

export const CrisisLine = z.discriminatedUnion('status', [ConfirmedLine, UnconfirmedLine]);
export type CrisisLine = z.output<typeof CrisisLine>;
export type ConfirmedLine = z.output<typeof ConfirmedLine>;

export const CrisisCountry = z.object({
  code: z.string().regex(/^[A-Z]{2}$/),
  name: z.string().min(1).max(60),
  /** The emergency number: always shown, always first. `words` says it as people do ("999 or 112"). */
  emergency: z.object({ phone: DialString, words: z.string().min(2).max(60), evidence: z.array(Evidence).min(1).max(4) }),
  lines: z.array(CrisisLine).min(1).max(6),
});
export type CrisisCountry = z.output<typeof CrisisCountry>;

/** A line taken out of the list, kept with the reason so nobody puts it back by mistake. */
const RetiredLine = z.object({ country: z.string().regex(/^[A-Z]{2}$/), name: z.string().min(1), phone: DialString, why: z.string().min(1), evidence: z.array(Evidence).min(1) });

export const CrisisLinesFile = z
  .object({
    version: z.literal(2),
    /** How the list is kept current: who checks, how often, how a wrong number is reported. */
    upkeep: z.string().min(1),
    /** For anyone whose country is not in the list. */
    elsewhere: z.object({ name: z.string().min(1), website: WebLink, lastChecked: CheckedDate }),
    countries: z.array(CrisisCountry).min(15),
    retired: z.array(RetiredLine),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const c of file.countries) {
      if (seen.has(c.code)) ctx.addIssue({ code: 'custom', message: `Country ${c.code} appears twice` });
      seen.add(c.code);
    }
  });
export type CrisisLinesFile = z.output<typeof CrisisLinesFile>;
