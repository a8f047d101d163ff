import path from 'node:path';

/** The only place that names the vault's files; backup, export and docs read them from here. */
export const DATABASE_FILE_NAME = 'saltwater.db';
export const KEY_FILE_NAME = 'keys.json';

export interface VaultPaths {
  dir: string;
  database: string;
  /** SQLite's write-ahead log and shared-memory index; they hold recent writes until a checkpoint. */
  wal: string;
  shm: string;
  keyFile: string;
}

export function vaultPaths(dir: string): VaultPaths {
  const database = path.join(dir, DATABASE_FILE_NAME);
  return {
    dir,
    database,
    wal: `${database}-wal`,
    shm: `${database}-shm`,
    keyFile: path.join(dir, KEY_FILE_NAME),
  };
}
