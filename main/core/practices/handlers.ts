import fs from 'node:fs';
import path from 'node:path';
import { AppError, PRACTICE_FILE_MAX_BYTES } from '../../../preload/contract/index.ts';
import { fileProblem } from '../file-problems.ts';
import type { Handlers } from '../router.ts';
import type { Dialogs } from '../services.ts';
import { writeFileAtomic } from '../vault/atomic-write.ts';
import type { OwnPractices } from './own-practices.ts';
import { practiceFileText, practiceFromFile } from './share-file.ts';

export interface OwnPracticePorts {
  own: OwnPractices;
  dialogs: Pick<Dialogs, 'choosePracticeFile' | 'choosePracticeSaveAs'>;
  /** An own practice was made, changed, removed or brought back (reminders show its name). */
  changed: () => void;
}

type OwnPracticeHandlers = Pick<
  Handlers,
  'ownPractices.create' | 'ownPractices.update' | 'ownPractices.remove' | 'ownPractices.restore' | 'ownPractices.export' | 'ownPractices.chooseImport'
>;

/**
 * The person's own practices for the contract. Sharing goes through the OS dialogs only: the page
 * never sends a path, and hears only a name (as export and import of the journal do).
 */
export function ownPracticeHandlers(ports: OwnPracticePorts): OwnPracticeHandlers {
  const { own } = ports;
  const changed = <T>(value: T): T => {
    ports.changed();
    return value;
  };
  return {
    'ownPractices.create': ({ practice }) => changed(own.create(practice)),
    'ownPractices.update': ({ practice }) => changed(own.update(practice)),
    'ownPractices.remove': ({ id }) => changed(own.remove(id)),
    'ownPractices.restore': ({ id }) => changed(own.restore(id)),
    'ownPractices.export': async ({ id }) => {
      // Found first (LOCKED or removed says so before any dialog opens).
      const practice = own.get(id);
      const chosen = await ports.dialogs.choosePracticeSaveAs(`${fileStem(practice.title)}.json`);
      if (chosen === null) return { outcome: 'cancelled' };
      const file = jsonName(chosen);
      try {
        writeFileAtomic(file, practiceFileText(practice));
      } catch (error) {
        throw fileProblem(error, 'save the practice file');
      }
      return { outcome: 'saved', where: file };
    },
    'ownPractices.chooseImport': async () => {
      // Only behind the lock: what is imported goes into the vault.
      own.list();
      const chosen = await ports.dialogs.choosePracticeFile();
      if (chosen === null) return null;
      return { fileName: path.basename(chosen) || chosen, practice: practiceFromFile(readAtMost(chosen, PRACTICE_FILE_MAX_BYTES + 1)) };
    },
  };
}

/** At most `limit` bytes: a huge file is refused for its size without being read whole. */
function readAtMost(file: string, limit: number): Uint8Array {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw readProblem(error);
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new AppError('INVALID_INPUT', 'Please choose a practice file (.json). Nothing was imported.');
    const buffer = Buffer.alloc(limit);
    let length = 0;
    while (length < limit) {
      const read = fs.readSync(fd, buffer, length, limit - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof AppError ? error : readProblem(error);
  } finally {
    fs.closeSync(fd);
  }
}

function readProblem(error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new AppError('FILE_PROBLEM', 'That file isn’t there any more. Nothing was imported.');
  if (code === 'EACCES' || code === 'EPERM') return new AppError('FILE_PROBLEM', 'Saltwater isn’t allowed to read that file. Nothing was imported.');
  return new AppError('FILE_PROBLEM', 'That file couldn’t be read. Nothing was imported.');
}

/** The practice's name as a file name: letters, digits, spaces and dashes; "Saltwater practice" when none are left. */
export function fileStem(title: string): string {
  const stem = title.normalize('NFC').replace(/[^\p{L}\p{N} _-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 60).trim();
  return stem === '' ? 'Saltwater practice' : stem;
}

/** The dialog's answer with ".json" on the end; a name we extended was never asked about, so it never replaces a file. */
function jsonName(chosen: string): string {
  if (chosen.toLowerCase().endsWith('.json')) return chosen;
  let candidate = `${chosen}.json`;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${chosen} (${n}).json`;
  return candidate;
}
