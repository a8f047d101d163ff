import type { Migration } from './types.ts';

/** Named emotions (with intensity and body location) and tags per entry, plus the user's own words. */
export const migration002: Migration = {
  version: 2,
  name: 'emotions and tags',
  up(db) {
    db.exec(`
      CREATE TABLE entry_emotions (
        entry_id      INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        word          TEXT    NOT NULL,
        intensity     INTEGER NOT NULL CHECK (intensity BETWEEN 1 AND 10),
        body_location TEXT    NOT NULL DEFAULT '',
        PRIMARY KEY (entry_id, word)
      );
      CREATE INDEX entry_emotions_word ON entry_emotions (word);

      CREATE TABLE entry_tags (
        entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        tag      TEXT    NOT NULL,
        PRIMARY KEY (entry_id, tag)
      );
      CREATE INDEX entry_tags_tag ON entry_tags (tag);

      CREATE TABLE custom_emotion_words (
        word       TEXT PRIMARY KEY COLLATE NOCASE,
        family     TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `);
  },
};
