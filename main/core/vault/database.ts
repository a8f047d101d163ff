import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../preload/contract/index.ts';
import { migrate } from './migrate.ts';
import { migrations as allMigrations, type Migration } from './migrations/index.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron needs its own). */
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[];
}

/**
 * Opens (or creates) a SQLCipher 4 database with a raw 256-bit key, verifies the key,
 * applies the connection pragmas and brings the schema up to date.
 * A wrong key or a damaged file throws AppError('VAULT_DAMAGED' | 'WRONG_...') instead of crashing.
 */
export function openEncryptedDatabase(file: string, key: Buffer, options: OpenOptions = {}): Db {
  if (key.length !== 32) throw new Error('The data key must be 32 bytes');
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    applyCipher(db, key);
    // Reading the schema is the first real decrypt: a wrong key or a damaged header fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    applyConnectionPragmas(db);
    migrate(db, options.migrations ?? allMigrations);
    return db;
  } catch (error) {
    db.close();
    throw asVaultError(error);
  }
}

/** SQLCipher 4 settings; must run before anything touches the file. */
export function applyCipher(db: Db, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma(`legacy=4`);
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

export function applyConnectionPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
}

function asVaultError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_VTAB') {
    return new AppError(
      'VAULT_DAMAGED',
      'Your vault could not be read. It may be damaged, or the key does not match it.',
    );
  }
  return error;
}
