import type { Migration } from './types.ts';

/**
 * Drops entry_emotions_written (written_at), made by 018 for counting a week's feelings in one
 * range. Over time's feelings view now takes everything from the (word, written_at) index
 * (main/core/insights/feelings.ts), so nothing reads this one any more, while every feeling named
 * still wrote to it: about 1,000 pages (4 MB) at 100k entries, and a page more to encrypt per new
 * entry (issue #13's write cost). Nothing is lost: an index holds no data of its own.
 */
export const migration021: Migration = {
  version: 21,
  name: 'drop-unused-feelings-index',
  up(db) {
    db.exec(`DROP INDEX IF EXISTS entry_emotions_written;`);
  },
};
