import crisisJson from '../../../resources/crisis-lines.json' with { type: 'json' };
import { AppError, CrisisLinesFile, dialDigits, type NumberRef, type SafetyEntry, type SafetyLinkRef } from '../../../preload/contract/index.ts';

/** The offline crisis lines, checked at load so a bad edit fails fast (tests load it too). */
export const crisisLines = CrisisLinesFile.parse(crisisJson);

const missing = () => new AppError('NOT_FOUND', 'That is not in the list any more.');

/**
 * The web address behind a "Open their website" button. The renderer names which line or
 * entry, never the address itself, so nothing but these known pages can reach the browser.
 */
export function safetyLinkFor(ref: SafetyLinkRef, ownEntries: () => SafetyEntry[]): string {
  if (ref.source === 'elsewhere') return crisisLines.elsewhere.website;
  const url = ref.source === 'crisis' ? crisisLines.countries.find((c) => c.code === ref.country)?.lines[ref.line]?.website : ownEntries()[ref.entry]?.website;
  if (!url) throw missing();
  return url;
}

/**
 * The number behind a Call or Copy button, as written. Like links, the renderer names which
 * one and main looks it up; an unconfirmed line has no number to give.
 */
export function numberFor(ref: NumberRef, ownEntries: () => SafetyEntry[]): string {
  let number: string | undefined;
  if (ref.source === 'own') number = ownEntries()[ref.entry]?.phone;
  else {
    const country = crisisLines.countries.find((c) => c.code === ref.country);
    if (ref.source === 'emergency') number = country?.emergency.phone;
    else {
      const line = country?.lines[ref.line];
      if (line?.status === 'confirmed') number = ref.route === 'call' ? line.phone : line.text?.to;
    }
  }
  if (!number) throw missing();
  return number;
}

/** The tel: link for a number; refused when it holds words as well as digits. */
export function telLink(number: string): string {
  const digits = dialDigits(number);
  if (!digits) throw new AppError('INVALID_INPUT', 'That number has words in it, so it can only be copied.');
  // RFC 3966 keeps '#' for fragments: it is written %23 inside the number.
  return `tel:${digits.replace(/#/g, '%23')}`;
}
