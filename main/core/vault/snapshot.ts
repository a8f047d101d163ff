import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { applyCipher, type Db } from './database.ts';
import { matchesKeyCheck } from './key-check.ts';
import { readKeyFile, writeKeyFile } from './key-file.ts';
import { noFailures } from './throttle.ts';
import { DATABASE_FILE_NAME, KEY_FILE_NAME } from './vault-files.ts';

/** Rows in every table (FTS shadow tables too): what a copy must hold to be the same vault. */
export type RowCounts = Record<string, number>;

export function rowCounts(db: Db): RowCounts {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`).pluck().get() as number]));
}

/**
 * Writes a consistent copy of the open vault into `folder`: the database through VACUUM INTO
 * (SQLite's own snapshot of a live database, WAL included, encrypted with the same key; never a
 * copy of files under a live WAL) and keys.json as it is now, its failed-attempt record cleared.
 * Returns the row counts at that same moment (nothing can write in between: one thread).
 */
export function snapshotVault(db: Db, keyFile: string, folder: string): RowCounts {
  db.prepare('VACUUM INTO ?').run(path.join(folder, DATABASE_FILE_NAME));
  const counts = rowCounts(db);
  const keys = readKeyFile(keyFile);
  if (!keys) throw new Error('The vault has no key file to back up');
  writeKeyFile(path.join(folder, KEY_FILE_NAME), { ...keys, ...noFailures });
  return counts;
}

/** Why a copy is not a faithful backup, or null when it is. */
export function checkSnapshot(folder: string, dataKey: Buffer, expected: RowCounts, nativeBinding?: string): string | null {
  const keys = readKeyFile(path.join(folder, KEY_FILE_NAME));
  if (!keys || !matchesKeyCheck(dataKey, keys.keyCheck)) return 'its key file does not belong to this vault';
  const db = new Database(path.join(folder, DATABASE_FILE_NAME), {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    applyCipher(db, dataKey);
    // integrity_check reads every page in use (VACUUM leaves none free), and SQLCipher checks
    // each page's HMAC as it reads it.
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') return 'its database did not pass the integrity check';
    const counts = rowCounts(db);
    const differs = Object.keys({ ...expected, ...counts }).find((t) => counts[t] !== expected[t]);
    return differs ? `it holds a different number of rows in ${differs}` : null;
  } catch {
    return 'its database could not be read with the vault key';
  } finally {
    db.close();
  }
}
