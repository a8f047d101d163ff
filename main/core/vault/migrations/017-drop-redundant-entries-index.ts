import type { Migration } from './types.ts';

/**
 * Drops entries_live (deleted_at, id): entries_live_written (deleted_at, id, created_at, from
 * 012) begins with the same columns, so every query that read the old index reads that one
 * instead, still as a covering index. Each new entry (and each move to or from the trash) then
 * writes one B-tree page fewer — about 17 → 16 pages a new entry, and in an encrypted vault every
 * page written is encrypted and authenticated, so this is the write cost that encryption adds
 * (issue #13). Nothing is lost: an index holds no data of its own.
 */
export const migration017: Migration = {
  version: 17,
  name: 'drop-redundant-entries-index',
  up(db) {
    db.exec(`DROP INDEX IF EXISTS entries_live;`);
  },
};
