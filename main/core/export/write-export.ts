import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { syncDirectory } from '../vault/atomic-write.ts';

/**
 * Where an export's files go: a new folder, or one .zip file. Either way everything is
 * first written into a hidden temporary folder or file beside the destination (the same
 * file system, so the final rename is atomic), synced to disk, and only then renamed into
 * place. Until that rename nothing is visible under the destination's name; discard()
 * removes the temporary copy after a cancel or an error, so no half export is ever left.
 */
export interface ExportSink {
  /** Adds one file; `name` may contain "/" for a subfolder. `mtime` in ms, when known. */
  add(name: string, content: string, mtime?: number): void;
  /** Renames the finished export into place and returns where it is. */
  commit(): string;
  /** Removes the temporary copy; safe to call more than once, and after commit. */
  discard(): void;
}

export type ExportDestination =
  /** A new folder inside `parent`, named by the export's time ("Saltwater export 2026-12-03 2014"). */
  | { kind: 'folder'; parent: string }
  /** This .zip file, replaced whole if it exists (the save dialog asked about that). */
  | { kind: 'zip'; file: string };

/** A hidden name beside `finalPath` that no one else would choose. */
function tempBeside(finalPath: string): string {
  return path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.${randomBytes(6).toString('hex')}.partial`);
}

/** "name", or "name (2)", "name (3)" … for the first that is not taken in `parent`. */
export function freeName(parent: string, name: string): string {
  let candidate = path.join(parent, name);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(parent, `${name} (${n})`);
  return candidate;
}

function writeSynced(file: string, content: Uint8Array): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Checks a name from inside the export (never from a person) stays inside its folder. */
function safeRelative(name: string): string {
  const normal = path.posix.normalize(name);
  if (normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal)) throw new Error(`Unsafe export file name: ${name}`);
  return normal;
}

export function openFolderSink(parent: string, folderName: string): ExportSink {
  const temp = tempBeside(path.join(parent, folderName));
  fs.mkdirSync(temp, { mode: 0o700 });
  const made = new Set<string>([temp]);
  let done = false;
  return {
    add(name, content, mtime) {
      const file = path.join(temp, ...safeRelative(name).split('/'));
      const dir = path.dirname(file);
      if (!made.has(dir)) {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        made.add(dir);
      }
      writeSynced(file, strToU8(content));
      if (mtime !== undefined) fs.utimesSync(file, new Date(mtime), new Date(mtime));
    },
    commit() {
      // The folders' own entries must be durable before the rename makes them visible.
      for (const dir of [...made].sort((a, b) => b.length - a.length)) syncDirectory(dir);
      // Chosen now, not at the start: a folder with that name may have appeared meanwhile.
      const final = freeName(parent, folderName);
      fs.renameSync(temp, final);
      syncDirectory(parent);
      done = true;
      return final;
    },
    discard() {
      if (!done) fs.rmSync(temp, { recursive: true, force: true });
    },
  };
}

export function openZipSink(file: string): ExportSink {
  const temp = tempBeside(file);
  let fd: number | null = fs.openSync(temp, 'wx', 0o600);
  let failure: unknown = null;
  let done = false;
  // fflate's ZipDeflate compresses synchronously, so each chunk arrives during push() and
  // is written at once: memory stays flat however large the export.
  const zip = new Zip((error, chunk) => {
    if (failure) return;
    if (error) failure = error;
    else if (fd !== null) {
      try {
        fs.writeSync(fd, chunk);
      } catch (writeError) {
        failure = writeError;
      }
    }
  });
  const check = () => {
    if (failure) throw failure;
  };
  const close = () => {
    if (fd !== null) {
      const open = fd;
      fd = null;
      fs.closeSync(open);
    }
  };
  return {
    add(name, content, mtime) {
      check();
      const entry = new ZipDeflate(safeRelative(name), { level: 6, ...(mtime !== undefined ? { mtime } : {}) });
      zip.add(entry);
      entry.push(strToU8(content), true);
      check();
    },
    commit() {
      zip.end();
      check();
      if (fd === null) throw new Error('The export file was already closed');
      fs.fsyncSync(fd);
      close();
      fs.renameSync(temp, file);
      syncDirectory(path.dirname(file));
      done = true;
      return file;
    },
    discard() {
      try {
        close();
      } finally {
        if (!done) fs.rmSync(temp, { force: true });
      }
    },
  };
}
