import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(1));
});
afterEach(() => cleanup());

function search(query: string): number[] {
  return (db.prepare('SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid').all(query) as Array<{ rowid: number }>).map(
    (row) => row.rowid,
  );
}

describe('migration 001: journal entries', () => {
  it('starts from an empty database and creates entries with their full-text index', () => {
    expect(userVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);

    applyIt();

    expect(userVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['entries', 'entries_fts']));
  });

  it('keeps the index in step with inserts, edits and deletes', () => {
    applyIt();
    const heavy = insertEntry(db, 'A heavy chest after the phone call');
    const light = insertEntry(db, 'Lighter today, the walk by the sea helped');
    expect(search('chest')).toEqual([heavy]);
    expect(search('sea')).toEqual([light]);

    db.prepare('UPDATE entries SET body = ? WHERE id = ?').run('Calmer now, the chest eased', light);
    expect(search('sea')).toEqual([]);
    expect(search('chest')).toEqual([heavy, light]);

    db.prepare('DELETE FROM entries WHERE id = ?').run(heavy);
    expect(search('chest')).toEqual([light]);
    expect(search('phone')).toEqual([]);
  });

  it('matches words without their accents and in any case', () => {
    applyIt();
    const id = insertEntry(db, 'Un café avec Zoë, NAÏVE et heureuse');
    expect(search('cafe')).toEqual([id]);
    expect(search('naive')).toEqual([id]);
    expect(search('ZOE')).toEqual([id]);
  });

  it('gives new entries increasing ids and an empty body by default', () => {
    applyIt();
    const first = insertEntry(db, 'one');
    const second = insertEntry(db, 'two');
    expect(second).toBeGreaterThan(first);
    const row = db.prepare('INSERT INTO entries (created_at, updated_at) VALUES (1, 1) RETURNING body, deleted_at').get();
    expect(row).toEqual({ body: '', deleted_at: null });
  });
});
