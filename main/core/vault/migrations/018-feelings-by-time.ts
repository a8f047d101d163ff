import type { Migration } from './types.ts';

/**
 * Feelings by when they were named (issue 14, "Over time").
 *
 * Counting feelings week by week, and each word's first and last use (granularity), joined every
 * feeling to its entry for the entry's time: one B-tree search per feeling, about 300 ms for
 * granularity at 100k entries and over half a second for the feelings chart. So each feeling now
 * carries that time itself: written_at is its entry's created_at while the entry is live, and NULL
 * while it waits in the trash (deleted words do not count, as before). The journal writes it with
 * the feeling; a trigger fills it in for any other writer (imports), and another follows an entry
 * into the trash and back. Granularity becomes ~1 ms, the feelings chart about 20 ms for ten years
 * (npm run bench insights / feelings-granularity).
 *
 * - entry_emotions_word_written (word, written_at) replaces entry_emotions_word (word), which it
 *   extends: the emotion filter still uses it, and a word's first and last use are one search each.
 * - entry_emotions_written (written_at), live feelings only, is new: a week's feelings are one range.
 *   A new entry's feelings sit side by side in it: pages written per new entry with three feelings
 *   went from 19.7 to 21.4; sending an entry to the trash or back writes ~8 pages more (measured
 *   at 10k entries); autosave, which never touches feelings, is unchanged. Building it at 100k
 *   entries takes about 2 s, once.
 */
export const migration018: Migration = {
  version: 18,
  name: 'feelings-by-time',
  up(db) {
    db.exec(`
      ALTER TABLE entry_emotions ADD COLUMN written_at INTEGER;
      UPDATE entry_emotions SET written_at =
        (SELECT CASE WHEN e.deleted_at IS NULL THEN e.created_at END FROM entries e WHERE e.id = entry_emotions.entry_id);

      DROP INDEX entry_emotions_word;
      CREATE INDEX entry_emotions_word_written ON entry_emotions (word, written_at);
      CREATE INDEX entry_emotions_written ON entry_emotions (written_at) WHERE written_at IS NOT NULL;

      CREATE TRIGGER entry_emotions_written_ai AFTER INSERT ON entry_emotions WHEN NEW.written_at IS NULL BEGIN
        UPDATE entry_emotions SET written_at =
          (SELECT CASE WHEN e.deleted_at IS NULL THEN e.created_at END FROM entries e WHERE e.id = NEW.entry_id)
        WHERE rowid = NEW.rowid;
      END;
      CREATE TRIGGER entries_feelings_written_au AFTER UPDATE OF created_at, deleted_at ON entries BEGIN
        UPDATE entry_emotions SET written_at = CASE WHEN NEW.deleted_at IS NULL THEN NEW.created_at END
        WHERE entry_id = NEW.id;
      END;
    `);
  },
};
