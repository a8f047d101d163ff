import type { Migration } from './types.ts';

/**
 * The journal lists entries by when they were written, not by when they were added: an import
 * of years from another app adds old entries with new ids, and they belong further down the list.
 */
export const migration015: Migration = {
  version: 15,
  name: 'journal-by-date',
  up(db) {
    db.exec(`CREATE INDEX entries_live_created ON entries (deleted_at, created_at, id);`);
  },
};
