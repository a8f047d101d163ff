import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(5));
});
afterEach(() => cleanup());

const match = (q: string) =>
  (db.prepare('SELECT rowid AS id FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid').all(q) as { id: number }[]).map((r) => r.id);

describe('migration 005: search prefix index', () => {
  it('rebuilds the index over existing entries, with prefix indexes', () => {
    const a = insertEntry(db, 'the coffee was cold');
    const b = insertEntry(db, 'a quiet café afterwards');
    expect(userVersion(db)).toBe(4);

    applyIt();

    expect(userVersion(db)).toBe(5);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'entries_fts'").get() as { sql: string }).sql;
    expect(sql).toMatch(/prefix\s*=\s*'2 3'/);
    expect(match('co*')).toEqual([a]);
    expect(match('caf*')).toEqual([b]); // diacritics still folded
    expect(match('cold')).toEqual([a]);
  });

  it('the triggers from 001 still keep it in step on insert, update and delete', () => {
    applyIt();
    const id = insertEntry(db, 'pelicans over the harbour');
    expect(match('pe*')).toEqual([id]);
    db.prepare('UPDATE entries SET body = ? WHERE id = ?').run('gulls over the harbour', id);
    expect(match('pe*')).toEqual([]);
    expect(match('gu*')).toEqual([id]);
    db.prepare('DELETE FROM entries WHERE id = ?').run(id);
    expect(match('harbour')).toEqual([]);
    expect(db.prepare("INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')").run().changes).toBeGreaterThanOrEqual(0);
  });
});
