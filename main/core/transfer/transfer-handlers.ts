import fs from 'node:fs';
import path from 'node:path';
import { AppError, type EventName, type EventPayload, type ImportPreview as ShownPreview } from '../../../preload/contract/index.ts';
import { ExportService, type ExportDestination } from '../export/export-service.ts';
import { dateStem } from '../export/markdown.ts';
import { ImportService, type ImportPreview } from '../import/import-service.ts';
import { importSaltwaterJson, previewSaltwaterJson } from '../import/saltwater-json.ts';
import type { MemoriesService } from '../memories/memories-service.ts';
import type { Clock } from '../ports.ts';
import type { Handlers } from '../router.ts';
import type { Dialogs } from '../services.ts';
import type { Db } from '../vault/database.ts';
import { saltwaterExportIn, saltwaterPreview } from './saltwater-source.ts';

export interface TransferPorts {
  /** The open vault's database; throws LOCKED while it is locked (so every method needs it open). */
  db: () => Db;
  clock: Clock;
  zone: () => string;
  memories: MemoriesService;
  dialogs: Pick<Dialogs, 'chooseExportFolder' | 'chooseExportZip' | 'chooseImportFile' | 'chooseImportFolder'>;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** Something was imported: every screen that shows the journal (and reminders) hears of it. */
  imported: () => void;
}

type TransferHandlers = Pick<
  Handlers,
  'export.chooseDestination' | 'export.run' | 'export.cancel' | 'import.chooseSource' | 'import.preview' | 'import.commit'
>;

export interface Transfer {
  handlers: TransferHandlers;
  /** The vault is locking or the app closing: stop an export (nothing is left) and forget the places chosen. */
  stop(): void;
}

/**
 * Export and import for the contract. Paths come only from the OS dialogs and stay here:
 * the page learns a name to show, never sends one back, so it cannot make Saltwater write
 * or read anywhere the person did not choose in the dialog.
 */
export function createTransfer(ports: TransferPorts): Transfer {
  const exporter = new ExportService({ db: ports.db, clock: ports.clock, memories: ports.memories });
  const importer = new ImportService({ db: ports.db, clock: ports.clock, zone: ports.zone });
  let destination: ExportDestination | null = null;
  let source: string | null = null;
  /** The export under way, to cancel; one at a time. */
  let running: AbortController | null = null;

  const chosenSource = (): string => {
    if (source === null) throw new AppError('NOT_FOUND', 'Please choose the file or folder to import again.');
    return source;
  };

  const handlers: TransferHandlers = {
    'export.chooseDestination': async ({ as }) => {
      ports.db();
      if (running) throw busy();
      const chosen =
        as === 'zip'
          ? await ports.dialogs.chooseExportZip(`Saltwater export ${dateStem(ports.clock.now())}.zip`)
          : await ports.dialogs.chooseExportFolder();
      if (chosen === null) return null;
      destination = as === 'zip' ? { kind: 'zip', file: zipName(chosen) } : { kind: 'folder', parent: chosen };
      return { name: nameOf(destination.kind === 'zip' ? destination.file : destination.parent) };
    },
    'export.run': async ({ markdown, json, from, to }) => {
      ports.db();
      if (running) throw busy();
      const target = destination;
      if (target === null) throw new AppError('NOT_FOUND', 'Please choose where to save the export first.');
      const controller = new AbortController();
      running = controller;
      // At most about a hundred progress events, however many files: the page needs no more.
      let shown = -1;
      try {
        const result = await exporter.export({
          markdown,
          json,
          entries: { from, to },
          destination: target,
          signal: controller.signal,
          onProgress: ({ done, total }) => {
            const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
            if (percent === shown) return;
            shown = percent;
            ports.emit('export.progress', { done, total });
          },
        });
        // The .zip is there now: writing over it again must go through the save dialog's question.
        if (target.kind === 'zip' && destination === target) destination = null;
        return { outcome: 'saved', where: result.path, files: result.files, entries: result.entries, warnings: result.warnings };
      } catch (error) {
        // The export removed what it had written before it stopped; when it could not, its
        // FILE_PROBLEM says where the unfinished copy is, and that is what the person must hear.
        if (controller.signal.aborted && !(error instanceof AppError && error.code === 'FILE_PROBLEM')) return { outcome: 'cancelled' };
        throw error;
      } finally {
        running = null;
      }
    },
    'export.cancel': () => {
      running?.abort();
    },
    'import.chooseSource': async ({ from }) => {
      ports.db();
      const chosen = from === 'file' ? await ports.dialogs.chooseImportFile() : await ports.dialogs.chooseImportFolder();
      if (chosen === null) return null;
      source = chosen;
      return { name: path.basename(chosen) || chosen };
    },
    'import.preview': () => {
      const db = ports.db();
      const from = chosenSource();
      const own = saltwaterExportIn(from);
      if (own) return saltwaterPreview(nameOf(from), previewSaltwaterJson(db, own));
      return shown(nameOf(from), importer.preview(from));
    },
    'import.commit': () => {
      const db = ports.db();
      const from = chosenSource();
      const own = saltwaterExportIn(from);
      // Both write in one transaction: a bad file throws before anything changed.
      const result = own ? saltwaterPreview(nameOf(from), importSaltwaterJson(db, own)) : shown(nameOf(from), importer.commit(from));
      if (result.toAdd > 0 || result.alsoAdds.length > 0) ports.imported();
      return { ...result, added: result.toAdd };
    },
  };

  return {
    handlers,
    stop() {
      running?.abort();
      destination = null;
      source = null;
    },
  };
}

function busy(): AppError {
  return new AppError('INVALID_INPUT', 'An export is already under way. Wait for it to finish, or cancel it.');
}

const nameOf = (chosen: string) => path.basename(chosen) || chosen;

/**
 * The save dialog's answer with ".zip" on the end (some systems leave the extension to
 * the app). A name we extended was never asked about, so it never replaces a file.
 */
function zipName(chosen: string): string {
  if (chosen.toLowerCase().endsWith('.zip')) return chosen;
  let candidate = `${chosen}.zip`;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${chosen} (${n}).zip`;
  return candidate;
}

/** The core's preview as the contract shows it (other apps bring entries only). */
function shown(source: string, preview: ImportPreview): ShownPreview {
  return {
    source,
    formatName: preview.formatName,
    found: preview.found,
    toAdd: preview.toAdd,
    skipped: preview.skipped.map(({ count, message, examples }) => ({ count, message, examples })),
    leftOut: preview.leftOut.map(({ count, message }) => ({ count, message })),
    alsoAdds: [],
    notes: [],
    firstAt: preview.firstAt,
    lastAt: preview.lastAt,
  };
}
