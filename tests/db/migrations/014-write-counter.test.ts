import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { countWrites, writeCount } from '../../../main/core/vault/write-counter.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(14));
});
afterEach(() => cleanup());

describe('migration 014: the write counter', () => {
  it('adds one row starting at 0 and keeps existing entries as they were', () => {
    const id = insertEntry(db, 'written before the counter existed');
    expect(userVersion(db)).toBe(13);
    applyIt();
    expect(userVersion(db)).toBe(14);
    expect(tableNames(db)).toContain('vault_writes');
    expect(writeCount(db)).toBe(0);
    expect(db.prepare('SELECT body FROM entries WHERE id = ?').pluck().get(id)).toBe('written before the counter existed');
    expect(() => db.prepare('INSERT INTO vault_writes (id, n) VALUES (2, 0)').run()).toThrow(/CHECK/);
  });

  it('counts committed row changes in their own transaction, and none rolled back', async () => {
    applyIt();
    let told = 0;
    countWrites(db, () => told++);
    const id = insertEntry(db, 'one');
    db.prepare('UPDATE entries SET body = ? WHERE id = ?').run('two', id);
    expect(writeCount(db)).toBe(2);
    expect(() =>
      db.transaction(() => {
        insertEntry(db, 'three');
        throw new Error('changed my mind');
      })(),
    ).toThrow('changed my mind');
    expect(writeCount(db)).toBe(2);
    db.prepare('DELETE FROM entries WHERE id = ?').run(id);
    expect(writeCount(db)).toBe(3);
    // Told after the synchronous work, once per burst of writes.
    expect(told).toBe(0);
    await Promise.resolve();
    expect(told).toBe(1);
    // The triggers live on this connection only: nothing of them is stored in the file.
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'count_%'`).pluck().get()).toBe(0);
  });
});
