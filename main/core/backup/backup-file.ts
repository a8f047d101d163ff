import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { DATABASE_FILE_NAME, KEY_FILE_NAME } from '../vault/vault-files.ts';

/**
 * A backup is one file: an uncompressed tar (which Windows, macOS and Linux open with their own
 * tools) holding the vault's two files as they were at one moment, `saltwater.db` (a standard
 * SQLCipher 4 database, encrypted with the vault's key) and `keys.json` (that key, wrapped by
 * the passphrase of that day), plus `backup.json`, which says only what format it is and when it
 * was made: nothing about what is inside.
 */
export const BACKUP_EXTENSION = '.swbackup';
export const MANIFEST_FILE_NAME = 'backup.json';
export const BACKUP_FORMAT = 1;

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  createdAt: number;
  /** The schema version (user_version) of the database inside. */
  schemaVersion: number;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "Saltwater 2026-12-03 2014.swbackup", on the computer's clock. */
export function backupName(at: number): string {
  const d = new Date(at);
  return `Saltwater ${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}${two(d.getMinutes())}${BACKUP_EXTENSION}`;
}

/** A name that is not taken in `folder` yet: "… 2014.swbackup", then "… 2014 (2).swbackup". */
export function freeBackupPath(folder: string, at: number): string {
  const base = backupName(at).slice(0, -BACKUP_EXTENSION.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, `${base}${n === 1 ? '' : ` (${n})`}${BACKUP_EXTENSION}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** When a backup named by backupName was made (local time), or null for any other name. */
export function timeFromName(name: string): number | null {
  const m = /^Saltwater (\d{4})-(\d{2})-(\d{2}) (\d{2})(\d{2})(?: \(\d+\))?\.swbackup$/.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi).getTime();
}

/** Packs a folder holding the three files into `file` (not atomically: the caller renames). */
export function packBackup(folder: string, file: string): void {
  tar.c({ file, cwd: folder, sync: true, portable: true, noMtime: false }, [MANIFEST_FILE_NAME, KEY_FILE_NAME, DATABASE_FILE_NAME]);
}

/**
 * Unpacks a backup into an empty folder and checks it holds exactly the three files, as plain
 * files (no links, no paths elsewhere). Returns false for anything else.
 */
export function unpackBackup(file: string, folder: string): boolean {
  const expected = new Set([MANIFEST_FILE_NAME, KEY_FILE_NAME, DATABASE_FILE_NAME]);
  let unexpected = false;
  tar.x({
    file,
    cwd: folder,
    sync: true,
    strict: true,
    filter: (entryPath, entry) => {
      const ok = expected.has(entryPath) && 'type' in entry && entry.type === 'File';
      if (!ok) unexpected = true;
      return ok;
    },
  });
  return !unexpected && [...expected].every((name) => fs.existsSync(path.join(folder, name)));
}
