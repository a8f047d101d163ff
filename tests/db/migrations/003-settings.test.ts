import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(3));
});
afterEach(() => cleanup());

describe('migration 003: settings', () => {
  it('adds a settings table while entries, emotions and tags survive', () => {
    expect(userVersion(db)).toBe(2);
    const id = insertEntry(db, 'an entry from before settings');
    db.prepare("INSERT INTO entry_emotions (entry_id, position, word, intensity) VALUES (?, 0, 'hope', 6)").run(id);
    db.prepare("INSERT INTO entry_tags (entry_id, tag) VALUES (?, 'morning')").run(id);

    applyIt();

    expect(userVersion(db)).toBe(3);
    expect(tableNames(db)).toContain('settings');
    expect(db.prepare('SELECT body FROM entries').all()).toEqual([{ body: 'an entry from before settings' }]);
    expect(db.prepare('SELECT word, intensity FROM entry_emotions').all()).toEqual([{ word: 'hope', intensity: 6 }]);
    expect(db.prepare('SELECT tag FROM entry_tags').all()).toEqual([{ tag: 'morning' }]);
  });

  it('stores one JSON value per key and can replace it', () => {
    applyIt();
    const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    put.run('idleLockMinutes', JSON.stringify(10));
    put.run('idleLockMinutes', JSON.stringify(5));
    expect(db.prepare('SELECT key, value FROM settings').all()).toEqual([{ key: 'idleLockMinutes', value: '5' }]);
    expect(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('idleLockMinutes', '1')).toThrow(/UNIQUE/);
    expect(() => db.prepare('INSERT INTO settings (key) VALUES (?)').run('empty')).toThrow(/NOT NULL/);
  });
});
