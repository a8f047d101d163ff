import type { Migration } from './types.ts';

/**
 * Entries brought in from other apps, so the same export imported twice adds nothing.
 *
 * source_key names an entry in its source: the format and the source's own id (a Day One
 * uuid), or a hash of its date and text where the source has none (see
 * main/core/import/import-service.ts). The row goes with its entry (ON DELETE CASCADE): an
 * imported entry deleted for good comes back if the person imports that file again, which is
 * what importing means; while it waits in the trash it still counts as imported.
 */
export const migration013: Migration = {
  version: 13,
  name: 'imported-entries',
  up(db) {
    db.exec(`
      CREATE TABLE imported_entries (
        source_key  TEXT    PRIMARY KEY CHECK (length(source_key) BETWEEN 1 AND 200),
        entry_id    INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        imported_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX imported_entries_entry ON imported_entries (entry_id);
    `);
  },
};
