import crisisJson from '../../../resources/crisis-lines.json' with { type: 'json' };
import { AppError, CrisisLinesFile, type SafetyLinkRef, type SafetyEntry } from '../../../preload/contract/index.ts';

/** The offline crisis lines, checked at load so a bad edit fails fast (tests load it too). */
export const crisisLines = CrisisLinesFile.parse(crisisJson);

/**
 * The web address behind a "Open their website" button. The renderer names which line or
 * entry, never the address itself, so nothing but these known pages can reach the browser.
 */
export function safetyLinkFor(ref: SafetyLinkRef, ownEntries: () => SafetyEntry[]): string {
  const missing = () => new AppError('NOT_FOUND', 'That page is not in the list any more.');
  if (ref.source === 'elsewhere') return crisisLines.elsewhere.website;
  if (ref.source === 'crisis') {
    const url = crisisLines.countries.find((c) => c.code === ref.country)?.lines[ref.line]?.website;
    if (!url) throw missing();
    return url;
  }
  const url = ownEntries()[ref.entry]?.website;
  if (!url) throw missing();
  return url;
}
