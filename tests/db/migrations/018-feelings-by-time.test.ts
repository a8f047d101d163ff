import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(18));
});
afterEach(() => cleanup());

const plan = (sql: string, ...args: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((p) => p.detail).join(' | ');
const feel = (entryId: number, word: string, position = 0) =>
  db.prepare('INSERT INTO entry_emotions (entry_id, position, word, intensity) VALUES (?, ?, ?, 5)').run(entryId, position, word);
const writtenAt = () => db.prepare('SELECT entry_id AS entry, word, written_at AS at FROM entry_emotions ORDER BY entry_id, position').all();

describe('migration 018: feelings carry their entry’s time', () => {
  it('gives existing feelings their live entry’s time, and none to an entry in the trash', () => {
    const live = insertEntry(db, 'kept', 1_000);
    const trashed = insertEntry(db, 'in the trash', 2_000);
    feel(live, 'calm');
    feel(live, 'tender', 1);
    feel(trashed, 'sad');
    db.prepare('UPDATE entries SET deleted_at = 3000 WHERE id = ?').run(trashed);
    applyIt();
    expect(userVersion(db)).toBe(18);
    expect(writtenAt()).toEqual([
      { entry: live, word: 'calm', at: 1_000 },
      { entry: live, word: 'tender', at: 1_000 },
      { entry: trashed, word: 'sad', at: null },
    ]);
  });

  it('fills the time in for any writer that leaves it out, and follows an entry into the trash and back', () => {
    applyIt();
    const id = insertEntry(db, 'x', 5_000);
    feel(id, 'hopeful');
    expect(writtenAt()).toEqual([{ entry: id, word: 'hopeful', at: 5_000 }]);
    db.prepare('UPDATE entries SET deleted_at = 6000 WHERE id = ?').run(id);
    expect(writtenAt()).toEqual([{ entry: id, word: 'hopeful', at: null }]);
    db.prepare('UPDATE entries SET deleted_at = NULL WHERE id = ?').run(id);
    expect(writtenAt()).toEqual([{ entry: id, word: 'hopeful', at: 5_000 }]);
    // Autosave changes the body, not the time: the feelings are left alone.
    db.prepare('UPDATE entries SET body = ?, updated_at = 7000 WHERE id = ?').run('y', id);
    expect(writtenAt()).toEqual([{ entry: id, word: 'hopeful', at: 5_000 }]);
    // Deleted for good: the feelings go with the entry, as before.
    db.prepare('DELETE FROM entries WHERE id = ?').run(id);
    expect(writtenAt()).toEqual([]);
  });

  it('answers a week’s feelings, a word’s first use and the emotion filter from covering indexes', () => {
    applyIt();
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entry_emotions'`).pluck().all();
    expect(indexes).not.toContain('entry_emotions_word');
    expect(indexes).toEqual(expect.arrayContaining(['entry_emotions_word_written', 'entry_emotions_written']));
    expect(plan('SELECT count(*) FROM entry_emotions WHERE written_at >= ? AND written_at < ?', 1, 2)).toMatch(/COVERING INDEX entry_emotions_written/);
    expect(plan('SELECT min(written_at) FROM entry_emotions WHERE word = ? AND written_at IS NOT NULL', 'x')).toMatch(/COVERING INDEX entry_emotions_word_written/);
    expect(plan('SELECT entry_id FROM entry_emotions WHERE word = ?', 'x')).toMatch(/INDEX entry_emotions_word_written/);
  });
});
