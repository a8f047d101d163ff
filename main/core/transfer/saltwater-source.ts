import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { AppError, type ImportPreview } from '../../../preload/contract/index.ts';
import { JSON_FILE_NAME } from '../export/export-service.ts';
import { fileProblem } from '../file-problems.ts';
import { isSaltwaterExport } from '../import/detect.ts';
import type { ImportKind, ImportSummary } from '../import/saltwater-json.ts';
import { defaultSourceLimits } from '../import/source.ts';

/**
 * Saltwater's own export, wherever the person points: the JSON file itself, the folder an
 * export made, or its .zip. The folder and the .zip also hold Markdown files; the JSON is
 * the whole record, so it is what comes in. Null when the place holds no Saltwater export
 * (then the other importers look at it, and say clearly when none of them can read it).
 */
export function saltwaterExportIn(chosen: string): Uint8Array | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(chosen);
  } catch {
    // Not there, or not ours to read: the general import reads it again and names the problem.
    return null;
  }
  if (stat.isDirectory()) {
    const inside = path.join(chosen, JSON_FILE_NAME);
    return fs.existsSync(inside) ? readLimited(inside) : null;
  }
  const lower = path.basename(chosen).toLowerCase();
  if (!stat.isFile() || !(lower.endsWith('.zip') || lower.endsWith('.json'))) return null;
  const bytes = readLimited(chosen);
  if (lower.endsWith('.json')) return isSaltwaterExport({ kind: 'file', name: path.basename(chosen), bytes }) ? bytes : null;
  try {
    // Only that one file is decompressed; a Day One .zip (photos and all) is left as it is.
    return unzipSync(bytes, { filter: (file) => file.name === JSON_FILE_NAME })[JSON_FILE_NAME] ?? null;
  } catch {
    // Not a zip we can read: the general import says so in its own words.
    return null;
  }
}

function readLimited(file: string): Uint8Array {
  try {
    if (fs.statSync(file).size > defaultSourceLimits.fileBytes) {
      throw new AppError('INVALID_INPUT', 'That file is larger than Saltwater can import at once.');
    }
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileProblem(error, 'read that file');
  }
}

/** Besides entries, what a Saltwater export brings, named for a person. */
const kindWords: Record<Exclude<ImportKind, 'entries'>, [one: string, many: string]> = {
  customEmotionWords: ['feeling word of your own', 'feeling words of your own'],
  sessions: ['practice session', 'practice sessions'],
  schedules: ['planned session', 'planned sessions'],
  trustedPeople: ['trusted person', 'trusted people'],
  signals: ['signal in the history', 'signals in the history'],
  memories: ['memory', 'memories'],
  ladderSteps: ['ladder step', 'ladder steps'],
  media: ['song, film or other media', 'songs, films and other media'],
  reflections: ['self-reflection', 'self-reflections'],
  ownPractices: ['practice of your own', 'practices of your own'],
  settings: ['setting (where yours is still the default)', 'settings (where yours are still the defaults)'],
};

/** The same preview every other import shows, from what saltwater-json.ts counted. */
export function saltwaterPreview(source: string, summary: ImportSummary): ImportPreview {
  const { added, skipped } = summary.counts.entries;
  const alsoAdds = (Object.keys(kindWords) as (keyof typeof kindWords)[])
    .filter((kind) => summary.counts[kind].added > 0)
    .map((kind) => {
      const n = summary.counts[kind].added;
      return `${n} ${kindWords[kind][n === 1 ? 0 : 1]}`;
    });
  return {
    source,
    formatName: 'Saltwater',
    found: added + skipped,
    toAdd: added,
    skipped:
      skipped > 0
        ? [{ count: skipped, message: skipped === 1 ? 'One entry is already in your journal.' : `${skipped} entries are already in your journal.`, examples: [] }]
        : [],
    leftOut: [],
    alsoAdds,
    notes: summary.notes,
    // The entries to add only: those already in the journal are skipped, so their dates say nothing here.
    firstAt: summary.addedEntries.firstAt,
    lastAt: summary.addedEntries.lastAt,
  };
}
