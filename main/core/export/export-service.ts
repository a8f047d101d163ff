import { z } from 'zod';
import { AppError } from '../../../preload/contract/index.ts';
import { fileProblem } from '../file-problems.ts';
import { parse } from '../journal/validate.ts';
import type { MemoriesService } from '../memories/memories-service.ts';
import type { Clock } from '../ports.ts';
import type { Db } from '../vault/database.ts';
import { SaltwaterExport } from './export-schema.ts';
import { dateStem, entryFileNames, entryMarkdown } from './markdown.ts';
import { readEntries, readExport, readSessionLabels } from './json-export.ts';
import { readVoiceNotes, voiceFilesFor, type VoiceNoteRef } from './voice-files.ts';
import { exportWarnings } from './warnings.ts';
import { openFolderSink, openZipSink, type ExportDestination, type ExportSink } from './write-export.ts';

export type { ExportDestination };

/** Inside the folder or the .zip. */
export const JSON_FILE_NAME = 'saltwater-export.json';
export const MARKDOWN_FOLDER = 'Journal';

const Time = z.number().int();
export const ExportChoice = z
  .object({
    /** One Markdown file per journal entry. */
    markdown: z.boolean(),
    /** The JSON file: none, the journal only, or everything in the vault. */
    json: z.enum(['none', 'journal', 'everything']),
    /** Only entries written from `from` (inclusive) until `to` (exclusive), in ms; both optional. */
    entries: z.object({ from: Time.nullable().optional(), to: Time.nullable().optional() }).optional(),
    /** Passphrases for memories under an extra seal, by memory id, to write their words too. */
    memoryPassphrases: z.record(z.string().regex(/^\d+$/), z.string()).optional(),
  })
  .refine((c) => c.markdown || c.json !== 'none', { message: 'Please choose at least one thing to export.' })
  .refine((c) => c.entries?.from == null || c.entries.to == null || c.entries.from < c.entries.to, {
    message: 'The start of the date range must come before its end.',
    path: ['entries'],
  });
export type ExportChoice = z.input<typeof ExportChoice>;

export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportRequest extends ExportChoice {
  destination: ExportDestination;
  /** Called after each file with how many are written of how many. */
  onProgress?: (progress: ExportProgress) => void;
  /** Aborting stops the export between two files and removes everything written so far. */
  signal?: AbortSignal;
}

export interface ExportResult {
  /** The finished folder or .zip. */
  path: string;
  files: number;
  entries: number;
  /** Plain words about what the files hold and how to keep them (warnings.ts). */
  warnings: string[];
}

export interface ExportServiceOptions {
  db: () => Db;
  clock: Clock;
  /** Opens extra-sealed memories with the passphrases given, paced like everywhere else. */
  memories: MemoriesService;
}

/** How long to work before letting the event loop run (progress events, a cancel click). */
const SLICE_MS = 20;

/**
 * "Your words in plain files": Markdown per entry and/or one JSON file of everything, into a
 * new folder or a .zip, built beside the destination and renamed into place only when whole.
 */
export class ExportService {
  constructor(private readonly o: ExportServiceOptions) {}

  async export(request: ExportRequest): Promise<ExportResult> {
    const { destination, onProgress, signal } = request;
    const choice = parse(ExportChoice, {
      markdown: request.markdown,
      json: request.json,
      entries: request.entries,
      memoryPassphrases: request.memoryPassphrases,
    });
    signal?.throwIfAborted();
    const unsealed = choice.json === 'everything' ? await this.unsealMemories(choice.memoryPassphrases ?? {}) : new Map<number, string>();
    signal?.throwIfAborted();

    // One read transaction: the entries and the JSON are from the same moment.
    const db = this.o.db();
    const now = this.o.clock.now();
    const range = { from: choice.entries?.from ?? null, to: choice.entries?.to ?? null };
    const { doc, entries, labels, voice, voiceLeftOut } = db.transaction(() => {
      const doc =
        choice.json === 'none'
          ? null
          : readExport(db, { contents: choice.json, range, unsealed, exportedAt: new Date(now) });
      const entries = doc?.journal.entries ?? readEntries(db, range.from, range.to);
      // Voice notes go out as audio files beside the Markdown (not in the JSON).
      const voice = readVoiceNotes(db, range.from, range.to);
      return {
        doc,
        entries,
        labels: choice.markdown ? readSessionLabels(db) : new Map(),
        voice: choice.markdown ? voice : new Map<number, VoiceNoteRef[]>(),
        // Without Markdown they would be left out without a word: the warnings say so.
        voiceLeftOut: choice.markdown ? 0 : [...voice.values()].reduce((sum, notes) => sum + notes.length, 0),
      };
    })();
    // What we write must be what import accepts; a mismatch is our bug, never the person's.
    if (doc && !SaltwaterExport.safeParse(doc).success) throw new AppError('INTERNAL', 'The export did not match its own format.');

    const names = choice.markdown ? entryFileNames(entries) : [];
    const audioFiles = [...voice.values()].reduce((sum, notes) => sum + notes.length, 0);
    let total = names.length + audioFiles + (doc ? 1 : 0);
    let done = 0;
    let sink: ExportSink | null = null;
    try {
      sink = openSink(destination, now);
      onProgress?.({ done, total });
      let sliceStart = performance.now();
      for (const [i, entry] of (choice.markdown ? entries : []).entries()) {
        const label = entry.sessionId === null ? null : (labels.get(entry.sessionId) ?? null);
        // Read just before writing, with the Markdown that links to them (see voiceFilesFor).
        const notes = voice.get(entry.id) ?? [];
        const files = notes.length === 0 ? [] : voiceFilesFor(db, names[i]!, notes);
        total -= notes.length - files.length;
        sink.add(`${MARKDOWN_FOLDER}/${names[i]}`, entryMarkdown(entry, label, files), entry.updatedAt);
        done++;
        onProgress?.({ done, total });
        for (const file of files) {
          sink.add(`${MARKDOWN_FOLDER}/${file.path}`, file.audio, entry.updatedAt);
          done++;
          onProgress?.({ done, total });
        }
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToEventLoop();
          signal?.throwIfAborted();
          sliceStart = performance.now();
        }
      }
      if (doc) {
        await yieldToEventLoop();
        signal?.throwIfAborted();
        sink.add(JSON_FILE_NAME, `${JSON.stringify(doc, null, 2)}\n`, now);
        done++;
        onProgress?.({ done, total });
      }
      await yieldToEventLoop();
      signal?.throwIfAborted();
      const finalPath = sink.commit();
      const warnings = exportWarnings(doc);
      if (voiceLeftOut > 0) warnings.push(voiceLeftOutWarning(voiceLeftOut));
      return { path: finalPath, files: done, entries: entries.length, warnings };
    } catch (error) {
      let leftover: string | null = null;
      try {
        sink?.discard();
      } catch {
        // It holds the person's words in plain text: they must hear where it is.
        leftover = sink?.unfinished ?? null;
      }
      const problem = signal?.aborted || error instanceof AppError ? null : fileProblem(error, 'write the export');
      if (leftover !== null) {
        const first = problem?.message ?? (error instanceof AppError ? error.message : 'The export was cancelled.');
        throw new AppError('FILE_PROBLEM', `${first} ${leftBehind(leftover)}`);
      }
      if (problem) throw new AppError(problem.code, `${problem.message} No files were left behind.`);
      throw error;
    }
  }

  /** The words of each extra-sealed memory a passphrase was given for; a wrong one stops the export before any file exists. */
  private async unsealMemories(passphrases: Record<string, string>): Promise<Map<number, string>> {
    const words = new Map<number, string>();
    for (const [key, passphrase] of Object.entries(passphrases)) {
      const memoryId = Number(key);
      try {
        words.set(memoryId, (await this.o.memories.readForEditing({ memoryId, passphrase })).text);
      } catch (error) {
        if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
          throw new AppError(
            error.code,
            `Memory ${memoryId}: ${error.message} Nothing was exported.`,
            error.retryAfterMs,
          );
        }
        throw error;
      }
    }
    return words;
  }
}

/** Said when the JSON alone was chosen and there are voice notes: their audio only travels beside the Markdown. */
export function voiceLeftOutWarning(count: number): string {
  return count === 1
    ? 'One voice note isn’t in the JSON file: choose Markdown too to keep its audio.'
    : `${count} voice notes aren’t in the JSON file: choose Markdown too to keep their audio.`;
}

/** Said when the unfinished copy could not be removed. */
function leftBehind(unfinished: string): string {
  return (
    `Saltwater couldn't remove the unfinished copy it was writing, and it holds your words as plain text. ` +
    `It is safe to delete: ${unfinished}`
  );
}

function openSink(destination: ExportDestination, now: number): ExportSink {
  return destination.kind === 'zip' ? openZipSink(destination.file) : openFolderSink(destination.parent, `Saltwater export ${dateStem(now)}`);
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
