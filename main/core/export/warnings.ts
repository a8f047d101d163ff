import { PLAIN_FILES_WARNING, WEBHOOK_SECRETS_WARNING } from '../../../preload/contract/index.ts';
import type { SaltwaterExport } from './export-schema.ts';

/**
 * What a person should know about the files an export made, shown with the result. Plain
 * words, no alarm, no blame. The texts the page also shows before exporting live in the
 * contract (preload/contract/transfer.ts), so the two never drift apart.
 */

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
