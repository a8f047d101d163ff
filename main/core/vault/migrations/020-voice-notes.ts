import type { Migration } from './types.ts';

/**
 * Voice notes (issue 15, "say it aloud"): audio kept in the vault with the entry it belongs to.
 *
 * A note is stored as the pieces the page sent while recording (a few seconds each), in order, so
 * adding one is one small insert rather than rewriting a growing BLOB (30 minutes in 2-second
 * pieces would rewrite the note ~900 times, several GB of writes in all); reading it back is one
 * range of the (note_id, seq) key. duration_ms and bytes are the note's length so far, kept with
 * each piece, so a note cut off by a lock or a crash is whole as far as it goes.
 *
 * Both tables follow their entry: deleting an entry for good (the purge of the trash) takes its
 * notes and their audio with it through the foreign keys; the journal purges with secure_delete
 * on, so the audio's pages are overwritten rather than left in the file's free space.
 */
export const migration020: Migration = {
  version: 20,
  name: 'voice-notes',
  up(db) {
    db.exec(`
      CREATE TABLE voice_notes (
        id          INTEGER PRIMARY KEY,
        entry_id    INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        created_at  INTEGER NOT NULL,
        mime_type   TEXT NOT NULL,
        duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
        bytes       INTEGER NOT NULL CHECK (bytes >= 0)
      );
      CREATE INDEX voice_notes_entry ON voice_notes (entry_id);

      CREATE TABLE voice_note_chunks (
        note_id INTEGER NOT NULL REFERENCES voice_notes (id) ON DELETE CASCADE,
        seq     INTEGER NOT NULL CHECK (seq >= 0),
        data    BLOB NOT NULL,
        PRIMARY KEY (note_id, seq)
      );
    `);
  },
};
