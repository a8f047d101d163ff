import { AppError } from '../../../preload/contract/index.ts';
import { dayOneImporter } from './day-one.ts';
import type { ImportFormat, ImportSource, Importer } from './imported-entry.ts';
import { daylioImporter } from './daylio.ts';
import { jrnlImporter } from './jrnl.ts';
import { markdownFolderImporter } from './markdown-folder.ts';
import { isRecord, jsonOf, lowerName } from './source-text.ts';

/**
 * Journals from other apps, in the order detection asks them: the most particular first,
 * the catch-all folder of text files last. Each turns its format into entries (Importer).
 */
export const importers: readonly Importer[] = [dayOneImporter, jrnlImporter, daylioImporter, markdownFolderImporter];

/**
 * Saltwater's own JSON export carries more than entries (sessions, memories, settings …), so
 * it is not an Importer: saltwater-json.ts reads it whole. Detection still knows it, first of
 * all, by the `format` its file names (EXPORT_FORMAT in export/export-schema.ts), so nothing
 * else claims it and the caller can hand it to previewSaltwaterJson / importSaltwaterJson.
 */
export function isSaltwaterExport(source: ImportSource): boolean {
  const value = jsonOf(source)?.value;
  return isRecord(value) && value.format === 'saltwater-export';
}

/** What can be imported, for the message when a source is none of them. */
const whatWeRead =
  'Saltwater can import a Day One export (.zip or its .json), a jrnl JSON export, a Daylio CSV export, a folder of Markdown or text files, and its own JSON export.';

/** Which format a source is; throws AppError('INVALID_INPUT') saying so when it is none Saltwater reads. */
export function detectFormat(source: ImportSource, registry: readonly Importer[] = importers): ImportFormat {
  if (isSaltwaterExport(source)) return 'saltwater';
  const found = registry.find((i) => i.recognises(source));
  if (found) return found.format;
  if (source.kind === 'file' && lowerName(source).endsWith('.json') && !jsonOf(source)) {
    throw new AppError('INVALID_INPUT', "This .json file can't be read as JSON. It may be damaged or cut short.");
  }
  throw new AppError('INVALID_INPUT', `We couldn't tell which app this came from. ${whatWeRead}`);
}

/**
 * The importer for a source: the one asked for, or the one detection finds. Naming the
 * format is for when the person said which app the file came from: that importer's own
 * checks then say what is wrong with the file ("it has no entries list").
 */
export function importerFor(source: ImportSource, format?: ImportFormat, registry: readonly Importer[] = importers): Importer {
  const wanted = format ?? detectFormat(source, registry);
  if (wanted === 'saltwater') {
    throw new AppError('INVALID_INPUT', 'This is a Saltwater export. It is imported whole, with its sessions and memories, not as journal entries from another app.');
  }
  const chosen = registry.find((i) => i.format === wanted);
  if (!chosen) throw new AppError('INVALID_INPUT', "Importing from that app isn't available in this version of Saltwater.");
  return chosen;
}
