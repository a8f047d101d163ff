import type { Migration } from './types.ts';

/**
 * A count of every row the app has changed, kept in the same transactions as the changes
 * (see main/core/vault/write-counter.ts). It is bookkeeping, not the person's data: exports
 * leave it out. Compared at unlock with the count recorded beside the vault, it shows whether
 * changes were lost with a missing or damaged write-ahead log after an unclean exit.
 */
export const migration014: Migration = {
  version: 14,
  name: 'write-counter',
  up(db) {
    db.exec(`
      CREATE TABLE vault_writes (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        n  INTEGER NOT NULL CHECK (n >= 0)
      );
      INSERT INTO vault_writes (id, n) VALUES (1, 0);
    `);
  },
};
