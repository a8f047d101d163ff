import type { Db } from './database.ts';

/**
 * Runs a write with SQLite's secure_delete on, so what it replaces or removes is overwritten with
 * zeros instead of lingering in the page's free space (or in pages put on the free list, such as a
 * voice note's audio), then moves the WAL into the main file and empties it, so no older copy of
 * the page waits there either. Without this, removed words or audio stay readable to anyone with
 * the vault key.
 */
export function erasing<T>(db: Db, write: () => T): T {
  const before = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return db.transaction(write).immediate();
  } finally {
    db.pragma(`secure_delete = ${before === 2 ? 'FAST' : before === 1 ? 'ON' : 'OFF'}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
