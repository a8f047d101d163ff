import { z } from 'zod';
import { method, none, ok } from './common.ts';
import { WebLink } from './links.ts';

/**
 * Safety resources: the offline crisis lines in resources/crisis-lines.json and the
 * person's own entries (a therapist, a friend, a local line), which are shown first.
 * Saltwater only shows them; it never calls or contacts anyone.
 */

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'A country is a two-letter code like GB.');

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
    website: z.string().trim().pipe(WebLink).optional(),
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

/**
 * Which number to call or copy: a country's emergency number, a crisis line's number to call
 * or to text, or one of the person's own entries. Main looks the number up, so the renderer
 * can only ever hand the OS a number that is in the list.
 */
export const NumberRef = z.discriminatedUnion('source', [
  z.object({ source: z.literal('emergency'), country: CountryCode }),
  z.object({ source: z.literal('crisis'), country: CountryCode, line: z.number().int().min(0).max(5), route: z.enum(['call', 'text']) }),
  z.object({ source: z.literal('own'), entry: z.number().int().min(0).max(maxSafetyEntries - 1) }),
]);
export type NumberRef = z.output<typeof NumberRef>;

/**
 * The digits a tel: link dials ("+44 20 7946-0000" → "+442079460000"); null when the text
 * holds words too ("ask for Jo"), so it can be copied but not called.
 */
export function dialDigits(written: string): string | null {
  const compact = written.replace(/[\s().-]/g, '');
  return /^\+?[*#0-9]{2,20}$/.test(compact) ? compact : null;
}

export const safetyMethods = {
  /** Opens a crisis line's or the person's own entry's web page in the OS browser (looked up in main). */
  'safety.openWebsite': method(SafetyLinkRef, ok),
  /** Hands a tel: link for that number to the OS, which decides how to call (a softphone, a paired phone). */
  'safety.call': method(NumberRef, ok),
  /** Puts that number on the clipboard, for a computer that cannot call. */
  'safety.copyNumber': method(NumberRef, ok),
  /** The computer's own region (the OS setting, not the language), for choosing crisis lines. */
  'safety.region': method(none, CountryCode.nullable()),
} as const;
