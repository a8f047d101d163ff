import type { Migration } from './types.ts';

/** Key/value settings stored inside the vault (values are JSON). */
export const migration003: Migration = {
  version: 3,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
