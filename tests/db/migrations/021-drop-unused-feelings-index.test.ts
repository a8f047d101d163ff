import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { granularitySql } from '../../../main/core/journal/vocabulary.ts';
import { databaseBefore, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(21));
});
afterEach(() => cleanup());

const plan = (sql: string, ...args: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((p) => p.detail).join(' | ');

describe('migration 021: the feelings index nothing reads goes', () => {
  it('drops entry_emotions_written, keeps every feeling, and the feelings queries stay on the (word, written_at) index', () => {
    const id = insertEntry(db, 'one', 1_000);
    db.prepare(`INSERT INTO entry_emotions (entry_id, position, word, intensity) VALUES (?, 0, 'sad', 3)`).run(id);
    applyIt();
    expect(userVersion(db)).toBe(21);
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entry_emotions'`).pluck().all();
    expect(indexes).not.toContain('entry_emotions_written');
    expect(indexes).toContain('entry_emotions_word_written');
    expect(db.prepare('SELECT word, written_at FROM entry_emotions').all()).toEqual([{ word: 'sad', written_at: 1_000 }]);
    expect(plan('SELECT count(*) FROM entry_emotions ee WHERE ee.word = ? AND ee.written_at >= ? AND ee.written_at < ?', 'sad', 0, 2)).toMatch(
      /COVERING INDEX entry_emotions_word_written/,
    );
    expect(plan(granularitySql)).toMatch(/entry_emotions_word_written/);
  });
});
