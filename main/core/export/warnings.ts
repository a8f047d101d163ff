import type { SaltwaterExport } from './export-schema.ts';

/**
 * What a person should know about the files an export made. Shown with the result (and
 * PLAIN_FILES_WARNING before exporting). Plain words, no alarm, no blame.
 */
export const PLAIN_FILES_WARNING =
  'These files are not encrypted. Anyone who can open them can read every word in them. ' +
  'Keep them somewhere only you can reach, and delete them when you no longer need them.';

/**
 * Webhook addresses and header values are included so that an import brings trusted people
 * back ready to use. They often hold a secret token, so the file says so when it has any.
 */
export const WEBHOOK_SECRETS_WARNING =
  'The file also holds the web addresses and keys Saltwater uses to send signals to your trusted people. ' +
  'With them, someone could send a signal in your name, so keep the file as safe as a password.';

export function sealedLeftOutWarning(count: number): string {
  return count === 1
    ? 'One memory has an extra seal: it is in the file by its title only. Its words stayed sealed and were not written out.'
    : `${count} memories have an extra seal: they are in the file by their titles only. Their words stayed sealed and were not written out.`;
}

export function exportWarnings(doc: SaltwaterExport | null): string[] {
  const warnings = [PLAIN_FILES_WARNING];
  if (!doc) return warnings;
  if (doc.trustedPeople.some((p) => p.url !== null || p.headerValue !== null)) warnings.push(WEBHOOK_SECRETS_WARNING);
  const sealed = doc.memories.filter((m) => m.text === null).length;
  if (sealed > 0) warnings.push(sealedLeftOutWarning(sealed));
  return warnings;
}
