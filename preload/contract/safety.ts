import { z } from 'zod';
import { webLinkProblem } from './links.ts';
import { checked } from './text.ts';

/**
 * Safety resources: the offline crisis lines in resources/crisis-lines.json and the
 * person's own entries (a therapist, a friend, a local line), which are shown first.
 * Saltwater only shows them; it never calls or contacts anyone.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'A country is a two-letter code like GB.');

export const WebLink = checked(webLinkProblem);
const webLink = WebLink;

export const CrisisLine = z.object({
  name: z.string().min(1).max(100),
  /** How to reach it, in words ("Call or text 988"). */
  how: z.string().min(1).max(120),
  phone: z.string().regex(/^[+0-9 ()-]{3,20}$/).optional(),
  website: webLink.optional(),
  hours: z.string().max(60).optional(),
  /** Where the details were taken from, and when they were last compared with it. */
  source: webLink,
  lastChecked: z.string().regex(ISO_DATE),
});
export type CrisisLine = z.output<typeof CrisisLine>;

export const CrisisCountry = z.object({
  code: CountryCode,
  name: z.string().min(1).max(60),
  /** The local emergency number(s), in words ("999 or 112"). */
  emergency: z.string().min(2).max(60),
  lines: z.array(CrisisLine).min(1).max(6),
});
export type CrisisCountry = z.output<typeof CrisisCountry>;

export const CrisisLinesFile = z
  .object({
    version: z.literal(1),
    verification: z.string().min(1),
    /** For anyone whose country is not in the list. */
    elsewhere: z.object({ name: z.string().min(1), website: webLink, source: webLink, lastChecked: z.string().regex(ISO_DATE) }),
    countries: z.array(CrisisCountry).min(15),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const c of file.countries) {
      if (seen.has(c.code)) ctx.addIssue({ code: 'custom', message: `Country ${c.code} appears twice` });
      seen.add(c.code);
    }
  });
export type CrisisLinesFile = z.output<typeof CrisisLinesFile>;

const trimmedUpTo = (max: number, what: string) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(max, `${what} has at most ${max} characters.`));

/** One of the person's own entries: at least a name, and a number or a website to reach them. */
export const SafetyEntry = z
  .object({
    name: trimmedUpTo(60, 'A name').pipe(z.string().min(1, 'Please give this entry a name.')),
    phone: trimmedUpTo(32, 'A phone number').optional(),
    website: z.string().trim().pipe(webLink).optional(),
    note: trimmedUpTo(200, 'A note').optional(),
  })
  .refine((e) => Boolean(e.phone) || Boolean(e.website), { message: 'Add a phone number or a website, so you can reach them.' });
export type SafetyEntry = z.output<typeof SafetyEntry>;

export const maxSafetyEntries = 8;

/** Which known page to open: a crisis line's, one of the person's own entries', or the world-wide list. */
export const SafetyLinkRef = z.discriminatedUnion('source', [
  z.object({ source: z.literal('crisis'), country: CountryCode, line: z.number().int().min(0).max(5) }),
  z.object({ source: z.literal('own'), entry: z.number().int().min(0).max(maxSafetyEntries - 1) }),
  z.object({ source: z.literal('elsewhere') }),
]);
export type SafetyLinkRef = z.output<typeof SafetyLinkRef>;

/** The region part of a locale ("en-GB" → "GB"); null when it has none. */
export function countryFromLocale(locale: string | undefined): string | null {
  if (!locale) return null;
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && /^[A-Z]{2}$/.test(region) ? region : null;
  } catch {
    return null;
  }
}
