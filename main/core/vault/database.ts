import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../preload/contract/index.ts';
import { migrate } from './migrate.ts';
import { migrations as allMigrations, type Migration } from './migrations/index.ts';
import { vaultErrors } from './vault-errors.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron needs its own). */
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[];
}

/**
 * Opens (or creates) a SQLCipher 4 database with a raw 256-bit key, verifies the key,
 * applies the connection pragmas and brings the schema up to date.
 * A wrong key or a damaged file throws AppError('VAULT_DAMAGED') instead of crashing; the
 * caller knows which it is (the Vault checks the key against keys.json before opening).
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

/**
 * True when this key decrypts the file's first pages. Reads only, so trying a wrong key
 * changes nothing on disk; no migration runs.
 */
export function keyOpensDatabase(file: string, key: Buffer, options: Pick<OpenOptions, 'nativeBinding'> = {}): boolean {
  if (key.length !== 32) throw new Error('The data key must be 32 bytes');
  const db = new Database(file, {
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    applyCipher(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch (error) {
    if (isDamageCode(error)) return false;
    throw error;
  } finally {
    db.close();
  }
}

export function applyConnectionPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
}

/**
 * Turns SQLite's "not a database" / "malformed" into VAULT_DAMAGED. Exported so code that
 * queries an open vault (the router) can report damage found later, in pages that unlock
 * did not read, the same way.
 */
export function asVaultError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  return isDamageCode(error) ? vaultErrors.databaseDamaged() : error;
}

function isDamageCode(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // Extended codes too (SQLITE_CORRUPT_VTAB, SQLITE_CORRUPT_INDEX ...).
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}
