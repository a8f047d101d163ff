import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(13));
});
afterEach(() => cleanup());

const remember = (key: string, entryId: number) =>
  db.prepare('INSERT INTO imported_entries (source_key, entry_id, imported_at) VALUES (?, ?, 1)').run(key, entryId);
const keys = () => (db.prepare('SELECT source_key AS key FROM imported_entries ORDER BY source_key').all() as { key: string }[]).map((r) => r.key);

describe('migration 013: imported entries', () => {
  it('adds the table and keeps existing entries as they were', () => {
    const id = insertEntry(db, 'written before imports existed');
    expect(userVersion(db)).toBe(12);
    applyIt();
    expect(userVersion(db)).toBe(13);
    expect(tableNames(db)).toContain('imported_entries');
    expect(db.prepare('SELECT body FROM entries WHERE id = ?').get(id)).toEqual({ body: 'written before imports existed' });
  });

  it('remembers each source entry once, only for an entry that exists, and forgets it with the entry', () => {
    applyIt();
    const a = insertEntry(db, 'a');
    const b = insertEntry(db, 'b');
    remember('day-one:UUID-1', a);
    remember('jrnl:hash', b);
    expect(() => remember('day-one:UUID-1', b)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => remember('daylio:x', 999)).toThrow(/FOREIGN KEY/);
    expect(() => remember('', a)).toThrow(/CHECK/);
    expect(() => remember('x'.repeat(201), a)).toThrow(/CHECK/);

    db.prepare('DELETE FROM entries WHERE id = ?').run(a);
    expect(keys()).toEqual(['jrnl:hash']);
  });
});
