import fs from 'node:fs';
import path from 'node:path';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { syncDirectory } from '../vault/atomic-write.ts';

/**
 * Where an export's files go: a new folder, or one .zip file. Either way everything is
 * first written into an unfinished copy beside the destination (the same file system, so
 * the final rename is atomic), synced to disk, and only then renamed into place. Until that
 * rename nothing appears under the destination's name; discard() removes the unfinished
 * copy after a cancel or an error.
 *
 * The unfinished copy holds the person's words as plain text, so it is not hidden: if it
 * outlives a crash, or discard() fails, its name says what it is and that it can go
 * ("Saltwater export 2026-12-03 2014 (unfinished, safe to delete)").
 */
export interface ExportSink {
  /** The unfinished copy's path, to name for the person if it could not be removed. */
  readonly unfinished: string;
  /** Adds one file (text, or bytes such as a voice note's audio); `name` may contain "/" for a subfolder. `mtime` in ms, when known. */
  add(name: string, content: string | Uint8Array, mtime?: number): void;
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

const UNFINISHED_MARK = '(unfinished, safe to delete)';

/**
 * Creates the unfinished copy beside `finalPath` with `create` (which must fail with EEXIST
 * when the name is taken), and returns its path: "name (unfinished, safe to delete).zip",
 * or "… 2", "… 3" when an earlier one is still there.
 */
function createUnfinished<T>(finalPath: string, create: (file: string) => T): { file: string; made: T } {
  const ext = path.extname(finalPath).toLowerCase() === '.zip' ? path.extname(finalPath) : '';
  const stem = path.basename(finalPath, ext);
  for (let n = 1; ; n++) {
    const file = path.join(path.dirname(finalPath), `${stem} ${UNFINISHED_MARK}${n === 1 ? '' : ` ${n}`}${ext}`);
    try {
      return { file, made: create(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1000) throw error;
    }
  }
}

/**
 * After the rename: makes it durable where the file system allows. Best effort, because the
 * export is whole and in place by now; some network and FUSE file systems refuse to sync a
 * folder, and that must not turn a finished export into an error.
 */
function syncAfterRename(dir: string): void {
  try {
    syncDirectory(dir);
  } catch {
    // The files themselves were synced before the rename; only the rename's durability is left to the system.
  }
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
  const { file: temp } = createUnfinished(path.join(parent, folderName), (dir) => fs.mkdirSync(dir, { mode: 0o700 }));
  const made = new Set<string>([temp]);
  let done = false;
  return {
    unfinished: temp,
    add(name, content, mtime) {
      const file = path.join(temp, ...safeRelative(name).split('/'));
      const dir = path.dirname(file);
      if (!made.has(dir)) {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        made.add(dir);
      }
      writeSynced(file, typeof content === 'string' ? strToU8(content) : content);
      if (mtime !== undefined) fs.utimesSync(file, new Date(mtime), new Date(mtime));
    },
    commit() {
      // The folders' own entries must be durable before the rename makes them visible.
      for (const dir of [...made].sort((a, b) => b.length - a.length)) syncDirectory(dir);
      // Chosen now, not at the start: a folder with that name may have appeared meanwhile.
      const final = freeName(parent, folderName);
      fs.renameSync(temp, final);
      done = true;
      syncAfterRename(parent);
      return final;
    },
    discard() {
      if (!done) fs.rmSync(temp, { recursive: true, force: true });
    },
  };
}

export function openZipSink(file: string): ExportSink {
  const { file: temp, made: opened } = createUnfinished(file, (name) => fs.openSync(name, 'wx', 0o600));
  let fd: number | null = opened;
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
    unfinished: temp,
    add(name, content, mtime) {
      check();
      const options = mtime !== undefined ? { mtime } : {};
      // Text is compressed; audio already is (Opus), so it is stored as it is.
      const entry = typeof content === 'string' ? new ZipDeflate(safeRelative(name), { level: 6, ...options }) : new ZipPassThrough(safeRelative(name));
      if (entry instanceof ZipPassThrough && mtime !== undefined) entry.mtime = mtime;
      zip.add(entry);
      entry.push(typeof content === 'string' ? strToU8(content) : content, true);
      check();
    },
    commit() {
      zip.end();
      check();
      if (fd === null) throw new Error('The export file was already closed');
      fs.fsyncSync(fd);
      close();
      fs.renameSync(temp, file);
      done = true;
      syncAfterRename(path.dirname(file));
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
