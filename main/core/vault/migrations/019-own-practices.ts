import type { Migration } from './types.ts';

/**
 * The person's own practices (issue 15): built in the app, copied from a built-in one, or
 * imported from a file. Each row holds the practice as JSON that passed the same schema as the
 * built-ins (preload/contract/practice.ts); the id is the practice's own ("own-…", never a
 * built-in's). A removed practice waits with removed_at set, so Undo can bring it back, and goes
 * for good when the vault locks (as deleted journal entries do). Sessions and schedules keep the
 * practice's id as text, as they do for built-ins: removing one never touches them.
 */
export const migration019: Migration = {
  version: 19,
  name: 'own-practices',
  up(db) {
    db.exec(`
      CREATE TABLE own_practices (
        id         TEXT    PRIMARY KEY CHECK (id GLOB 'own-?*' AND length(id) <= 64),
        practice   TEXT    NOT NULL CHECK (typeof(practice) = 'text' AND json_valid(practice) AND length(practice) <= 1000000),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        removed_at INTEGER
      );
      CREATE INDEX own_practices_removed ON own_practices (removed_at) WHERE removed_at IS NOT NULL;
    `);
  },
};
