import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(9));
});
afterEach(() => cleanup());

const insert = (table: string, row: Record<string, unknown>) => {
  const names = Object.keys(row);
  return Number(db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(row)).lastInsertRowid);
};
const plain = (fields: Record<string, unknown> = {}) =>
  insert('memories', { title: 'The old kitchen', intensity: 3, text: 'a few words', created_at: 1, updated_at: 1, ...fields });
const seal = () => ({
  text: null,
  seal_salt: randomBytes(16),
  seal_n: 1024,
  seal_r: 8,
  seal_p: 1,
  seal_iv: randomBytes(12),
  seal_tag: randomBytes(16),
  seal_data: randomBytes(20),
});
const session = () =>
  insert('sessions', { practice_id: 'open-one-box', practice_title: 'Open one box', step_count: 5, started_at: 1 });
const opening = (memoryId: number, fields: Record<string, unknown> = {}) =>
  insert('memory_openings', { memory_id: memoryId, opened_at: 10, mood_before: 3, ...fields });
const ended = { outcome: 'resealed', ended_at: 20 };

describe('migration 009: memories', () => {
  it('adds the box and its openings; older data survives', () => {
    expect(userVersion(db)).toBe(8);
    insertEntry(db, 'written before the memory box existed');
    applyIt();
    expect(userVersion(db)).toBe(9);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['memories', 'memory_openings']));
    expect(db.prepare('SELECT body FROM entries').all()).toEqual([{ body: 'written before the memory box existed' }]);
  });

  it('a memory has a short title, an intensity 1–10 and a known status', () => {
    applyIt();
    const id = plain();
    expect(db.prepare('SELECT status FROM memories WHERE id = ?').get(id)).toEqual({ status: 'sealed' });
    plain({ title: '💙'.repeat(80), intensity: 10, text: '' });
    plain({ intensity: 1, text: 'w'.repeat(4000), status: 'at-peace' });
    expect(() => plain({ title: '' })).toThrow(/CHECK/);
    expect(() => plain({ title: '💙'.repeat(81) })).toThrow(/CHECK/);
    expect(() => plain({ intensity: 0 })).toThrow(/CHECK/);
    expect(() => plain({ intensity: 11 })).toThrow(/CHECK/);
    expect(() => plain({ status: 'lost' })).toThrow(/CHECK/);
    expect(() => plain({ text: 'w'.repeat(4001) })).toThrow(/CHECK/);
  });

  it('words are either plain or under a complete seal, never both and never half', () => {
    applyIt();
    plain(seal());
    expect(() => plain({ ...seal(), text: 'both' })).toThrow(/CHECK/);
    expect(() => plain({ text: null })).toThrow(/CHECK/);
    for (const part of ['seal_salt', 'seal_n', 'seal_r', 'seal_p', 'seal_iv', 'seal_tag']) {
      expect(() => plain({ ...seal(), [part]: null }), part).toThrow(/CHECK/);
    }
    expect(() => plain({ ...seal(), seal_salt: randomBytes(15) })).toThrow(/CHECK/);
    expect(() => plain({ ...seal(), seal_salt: 'x'.repeat(16) })).toThrow(/CHECK/);
    expect(() => plain({ ...seal(), seal_iv: randomBytes(16) })).toThrow(/CHECK/);
    expect(() => plain({ ...seal(), seal_n: 1000 })).toThrow(/CHECK/);
    expect(() => plain({ ...seal(), seal_n: 2 ** 23 })).toThrow(/CHECK/);
    expect(() => plain({ ...seal(), seal_r: 0 })).toThrow(/CHECK/);
    expect(() => plain({ ...seal(), seal_data: 'plain words' })).toThrow(/CHECK/);
    // Wrong-passphrase tries are counted only where there is a passphrase.
    plain({ ...seal(), failed_tries: 3, last_failed_at: 5 });
    expect(() => plain({ failed_tries: 1, last_failed_at: 5 })).toThrow(/CHECK/);
  });

  it('an opening is unfinished until it has both an outcome and an end time', () => {
    applyIt();
    const m = plain();
    const id = opening(m);
    expect(() => opening(plain(), { mood_before: 0 })).toThrow(/CHECK/);
    expect(() => opening(plain(), { mood_before: null })).toThrow(/NOT NULL/);
    expect(() => db.prepare("UPDATE memory_openings SET outcome = 'stopped' WHERE id = ?").run(id)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE memory_openings SET mood_after = 3 WHERE id = ?').run(id)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE memory_openings SET outcome = 'resealed', ended_at = 5 WHERE id = ?").run(id)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE memory_openings SET outcome = 'gone', ended_at = 20 WHERE id = ?").run(id)).toThrow(/CHECK/);
    expect(() =>
      db.prepare("UPDATE memory_openings SET outcome = 'at-peace', ended_at = 20, tears = 'sobbed' WHERE id = ?").run(id),
    ).toThrow(/CHECK/);
    db.prepare("UPDATE memory_openings SET outcome = 'at-peace', ended_at = 20, mood_after = 4, tears = 'welled' WHERE id = ?").run(id);
  });

  it('only one opening may be unfinished at a time', () => {
    applyIt();
    const a = plain();
    const b = plain();
    opening(a, ended);
    opening(a, { ...ended, outcome: 'stopped' });
    const first = opening(a);
    expect(() => opening(b)).toThrow(/UNIQUE/);
    db.prepare("UPDATE memory_openings SET outcome = 'kept-open', ended_at = 30 WHERE id = ?").run(first);
    opening(b);
  });

  it('deleting a memory deletes its openings; deleting a session keeps them', () => {
    applyIt();
    const s = session();
    const a = plain();
    const b = plain();
    opening(a, { ...ended, session_id: s });
    opening(b, { ...ended, session_id: s });
    db.prepare('DELETE FROM memories WHERE id = ?').run(a);
    expect(db.prepare('SELECT memory_id AS m FROM memory_openings').all()).toEqual([{ m: b }]);
    db.prepare('DELETE FROM sessions WHERE id = ?').run(s);
    expect(db.prepare('SELECT memory_id AS m, session_id AS s FROM memory_openings').all()).toEqual([{ m: b, s: null }]);
    expect(() => opening(b, { session_id: 9999 })).toThrow(/FOREIGN KEY/);
    expect(() => opening(9999)).toThrow(/FOREIGN KEY/);
  });
});
