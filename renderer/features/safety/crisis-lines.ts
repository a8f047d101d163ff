import raw from '../../../resources/crisis-lines.json';
import { countryFromLocale, CrisisLinesFile, type ConfirmedLine, type CrisisCountry, type CrisisLine } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import { openNow, type OpenNow } from './line-hours.ts';

/**
 * The offline crisis lines (resources/crisis-lines.json), built into the app so they show
 * even when the journal is locked. Saltwater only shows them and, when asked, hands a number
 * to the computer: it never calls anyone itself, and no one at Saltwater sees the list opened.
 */
let parsed: CrisisLinesFile | null = null;

/** Checked on first use (opening Help), not while the first screen loads: about 35 ms the first time. */
export function crisisLines(): CrisisLinesFile {
  parsed ??= CrisisLinesFile.parse(raw);
  return parsed;
}

/** "Another country" in the pickers: CLDR's code for an unknown region, which the list never has. */
export const ANOTHER_COUNTRY = 'ZZ';

/** The chosen country, else the computer's region (the OS setting, then its language); null when the list has nothing for it. */
export function countryFor(chosen: string | null, region: string | null = null, locale: string | undefined = globalThis.navigator?.language): CrisisCountry | null {
  const code = chosen ?? region ?? countryFromLocale(locale);
  return crisisLines().countries.find((c) => c.code === code) ?? null;
}

const regionAsked = new WeakMap<Api, Promise<string | null>>();

/** The computer's region as the OS has it, asked once per run (it does not change under us). */
export function computerRegion(api: Api): Promise<string | null> {
  let asked = regionAsked.get(api);
  if (!asked) {
    asked = api.safety.region().then((r) => (r.ok ? r.value : null), () => null);
    regionAsked.set(api, asked);
  }
  return asked;
}

/** "Call 116 123", "Text SHOUT to 85258", "Call or text 988". */
export function howWords(line: ConfirmedLine): string {
  const { phone, text } = line;
  const textWords = text ? `text ${text.message ? `${text.message} to ` : ''}${text.to}` : '';
  if (phone && text && !text.message && text.to === phone) return `Call or text ${phone}`;
  if (phone && text) return `Call ${phone}, or ${textWords}`;
  if (phone) return `Call ${phone}`;
  return textWords.charAt(0).toUpperCase() + textWords.slice(1);
}

export interface ShownLine {
  line: CrisisLine;
  /** Its place in the country's list: the reference main looks numbers and pages up by. */
  index: number;
  /** Open now, or when it opens; null for a line shown only as "check their website". */
  now: OpenNow | null;
}

/** Lines open now first, then closed ones (each in the list's order), then unconfirmed ones. */
export function linesInOrder(country: CrisisCountry, now: number): ShownLine[] {
  const shown = country.lines.map((line, index) => ({ line, index, now: line.status === 'confirmed' ? openNow(line.hours, now) : null }));
  const rank = (s: ShownLine) => (s.now === null ? 2 : s.now.open ? 0 : 1);
  return shown.sort((a, b) => rank(a) - rank(b) || a.index - b.index);
}

/** "samaritans.org" from "https://www.samaritans.org/ireland/": what a website button says. */
export const siteName = (url: string): string => new URL(url).hostname.replace(/^www\./, '');

/** The most recent day any line of this country was compared with its evidence. */
export function lastChecked(country: CrisisCountry): string {
  return country.lines.map((l) => l.lastChecked).sort().at(-1)!;
}

export const emergencyWords = (country: CrisisCountry | null): string =>
  country
    ? `If you are in danger right now, call ${country.emergency.words} for emergency services.`
    : 'If you are in danger right now, call your local emergency number.';
