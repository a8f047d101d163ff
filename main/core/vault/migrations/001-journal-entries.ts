import type { Migration } from './types.ts';

/** Journal entries and their full-text index (FTS5, kept in step by triggers). */
export const migration001: Migration = {
  version: 1,
  name: 'journal entries',
  up(db) {
    db.exec(`
      CREATE TABLE entries (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        body        TEXT    NOT NULL DEFAULT '',
        deleted_at  INTEGER
      );
      CREATE INDEX entries_live ON entries (deleted_at, id);

      CREATE VIRTUAL TABLE entries_fts USING fts5(
        body,
        content = 'entries',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts (rowid, body) VALUES (new.id, new.body);
      END;
      CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
      END;
      CREATE TRIGGER entries_au AFTER UPDATE OF body ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO entries_fts (rowid, body) VALUES (new.id, new.body);
      END;
    `);
  },
};
