import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(17));
});
afterEach(() => cleanup());

const plan = (sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');

describe('migration 017: the redundant entries index goes', () => {
  it('drops entries_live, keeps every entry, and its queries stay on a covering index', () => {
    const ids = [insertEntry(db, 'one', 1_000), insertEntry(db, 'two', 2_000)];
    db.prepare('UPDATE entries SET deleted_at = 3000 WHERE id = ?').run(ids[0]);
    applyIt();
    expect(userVersion(db)).toBe(17);
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entries'`).pluck().all();
    expect(indexes).not.toContain('entries_live');
    expect(indexes).toEqual(expect.arrayContaining(['entries_live_created', 'entries_live_written']));
    expect(db.prepare('SELECT id FROM entries ORDER BY id').pluck().all()).toEqual(ids);
    expect(db.prepare('SELECT count(*) FROM entries WHERE deleted_at IS NULL').pluck().get()).toBe(1);
    for (const sql of [
      'SELECT count(*) FROM entries WHERE deleted_at IS NULL',
      'SELECT id FROM entries WHERE deleted_at IS NOT NULL',
      'SELECT id FROM entries WHERE deleted_at IS NULL ORDER BY id',
    ]) {
      expect(plan(sql)).toMatch(/COVERING INDEX entries_live_(created|written)/);
      expect(plan(sql)).not.toContain('TEMP B-TREE');
    }
  });
});
