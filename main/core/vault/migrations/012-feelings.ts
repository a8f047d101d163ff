import type { Migration } from './types.ts';

/**
 * Naming feelings.
 *
 * A person's own feeling words can have a place on the mood-meter grid, like the built-in
 * ones: pleasantness and energy, whole numbers from -5 to 5 without 0, both or neither
 * (a word may stay unplaced). Added as columns, so existing words simply start unplaced.
 *
 * Granularity asks when each live entry was written for every feeling word. Read from the
 * entry rows, that touches one page per entry (the body makes each row large): over a
 * second at 100k entries. This index covers it (a fifth of that), and autosave, which
 * changes only body and updated_at, never has to update it.
 *
 * "I can't name it yet" needs nothing here: it is stored as an ordinary entry emotion
 * word, and granularity leaves it out when counting.
 */
export const migration012: Migration = {
  version: 12,
  name: 'feelings',
  up(db) {
    db.exec(`
      ALTER TABLE custom_emotion_words ADD COLUMN pleasantness INTEGER
        CHECK (pleasantness IS NULL
               OR (typeof(pleasantness) = 'integer' AND pleasantness BETWEEN -5 AND 5 AND pleasantness <> 0));
      ALTER TABLE custom_emotion_words ADD COLUMN energy INTEGER
        CHECK (energy IS NULL
               OR (typeof(energy) = 'integer' AND energy BETWEEN -5 AND 5 AND energy <> 0))
        CHECK ((energy IS NULL) = (pleasantness IS NULL));

      CREATE INDEX entries_live_written ON entries (deleted_at, id, created_at);
    `);
  },
};
