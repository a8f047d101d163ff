import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../preload/contract/index.ts';
import { fileProblem } from '../file-problems.ts';
import type { ImportSource } from './imported-entry.ts';
import { textFilePattern } from './markdown-folder.ts';

/**
 * Reads what the person chose (a file, or a folder of text files) into memory, with limits,
 * so an importer never touches the disk and a huge or endless source is refused up front
 * with a plain reason instead of filling memory.
 */

export interface SourceLimits {
  /** One file: an export .zip (Day One's may hold photos) or .json/.csv. */
  fileBytes: number;
  /** A folder: how many text files, how many bytes in all, how deep. */
  folderFiles: number;
  folderBytes: number;
  folderDepth: number;
}

export const defaultSourceLimits: SourceLimits = {
  fileBytes: 1024 * 1024 * 1024,
  folderFiles: 50_000,
  folderBytes: 512 * 1024 * 1024,
  folderDepth: 8,
};

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export function readImportSource(chosen: string, limits: SourceLimits = defaultSourceLimits): ImportSource {
  const name = path.basename(chosen);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(chosen);
  } catch (error) {
    throw cannotRead(error);
  }
  if (stat.isDirectory()) return { kind: 'folder', name, files: readFolder(chosen, limits) };
  if (!stat.isFile()) throw new AppError('INVALID_INPUT', "That isn't a file or a folder Saltwater can read.");
  if (stat.size > limits.fileBytes) {
    throw new AppError('INVALID_INPUT', `That file is larger than Saltwater can import at once (${megabytes(limits.fileBytes)}).`);
  }
  try {
    return { kind: 'file', name, bytes: fs.readFileSync(chosen) };
  } catch (error) {
    throw cannotRead(error);
  }
}

/**
 * The folder's Markdown and text files, in subfolders too (Obsidian keeps daily notes in
 * one), sorted by path. Hidden folders (.obsidian, .git, .trash) are passed over, and
 * links are not followed, so a link to a parent folder cannot make the walk endless.
 */
function readFolder(root: string, limits: SourceLimits): { path: string; bytes: Uint8Array }[] {
  const found: { path: string; full: string }[] = [];
  let totalBytes = 0;
  const walk = (dir: string, relative: string, depth: number) => {
    let items: fs.Dirent[];
    try {
      items = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw cannotRead(error);
    }
    for (const item of items) {
      if (item.name.startsWith('.')) continue;
      const rel = relative ? `${relative}/${item.name}` : item.name;
      const full = path.join(dir, item.name);
      if (item.isDirectory() && depth < limits.folderDepth) walk(full, rel, depth + 1);
      if (!item.isFile() || !textFilePattern.test(item.name)) continue;
      if (found.length >= limits.folderFiles) {
        throw new AppError('INVALID_INPUT', `That folder holds more than ${limits.folderFiles.toLocaleString('en')} text files. Please choose a smaller folder.`);
      }
      try {
        totalBytes += fs.statSync(full).size;
      } catch (error) {
        throw cannotRead(error);
      }
      if (totalBytes > limits.folderBytes) {
        throw new AppError('INVALID_INPUT', `The text files in that folder add up to more than Saltwater can import at once (${megabytes(limits.folderBytes)}).`);
      }
      found.push({ path: rel, full });
    }
  };
  walk(root, '', 0);
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return found.map((f) => {
    try {
      return { path: f.path, bytes: fs.readFileSync(f.full) };
    } catch (error) {
      throw cannotRead(error);
    }
  });
}

function cannotRead(error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new AppError('FILE_PROBLEM', "We couldn't find that file or folder. It may have been moved or renamed.");
  if (code === 'EACCES' || code === 'EPERM') return new AppError('FILE_PROBLEM', "We couldn't read that. This computer doesn't let Saltwater open it; check its permissions.");
  return fileProblem(error, 'read that file');
}
