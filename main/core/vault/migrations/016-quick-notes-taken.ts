import type { Migration } from './types.ts';

/**
 * Quick notes already taken into the journal, by the id sealed with each note. Kept apart from
 * the entries (no foreign key): a note's entry deleted for good must not make the note count as
 * new again if its sealed log is ever read a second time (a log that could not be removed).
 */
export const migration016: Migration = {
  version: 16,
  name: 'quick-notes-taken',
  up(db) {
    db.exec(`
      CREATE TABLE quick_notes_taken (
        note_id  TEXT    PRIMARY KEY CHECK (length(note_id) = 36),
        taken_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
