import raw from '../../../resources/crisis-lines.json';
import { countryFromLocale, CrisisLinesFile, type CrisisCountry } from '../../../preload/contract/index.ts';

/**
 * The offline crisis lines (resources/crisis-lines.json), built into the app so they show
 * even when the journal is locked. Saltwater only shows them: it never calls, texts or
 * contacts anyone, and no one at Saltwater sees that the list was opened.
 */
export const crisisLines = CrisisLinesFile.parse(raw);

/** The chosen country, else the computer's region; null when the list has nothing for it. */
export function countryFor(chosen: string | null, locale: string | undefined = globalThis.navigator?.language): CrisisCountry | null {
  const code = chosen ?? countryFromLocale(locale);
  return crisisLines.countries.find((c) => c.code === code) ?? null;
}

export const emergencyWords = (country: CrisisCountry | null): string =>
  country
    ? `If you are in danger right now, call ${country.emergency} for emergency services.`
    : 'If you are in danger right now, call your local emergency number.';
