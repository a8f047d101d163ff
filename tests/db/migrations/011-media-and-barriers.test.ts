import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(11));
});
afterEach(() => cleanup());

const insert = (table: string, row: Record<string, unknown>) => {
  const names = Object.keys(row);
  return Number(db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(row)).lastInsertRowid);
};
const item = (fields: Record<string, unknown> = {}) => insert('media_items', { title: 'Big Fish', kind: 'film', created_at: 1, updated_at: 1, ...fields });
const use = (mediaId: number, fields: Record<string, unknown> = {}) => insert('media_uses', { media_id: mediaId, used_at: 1, ...fields });
const session = () => insert('sessions', { practice_id: 'permission', practice_title: 'Permission', step_count: 3, started_at: 1 });
const reflection = (fields: Record<string, unknown> = {}) => insert('self_reflections', { answered_at: 1, ...fields });
const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('migration 011: media and barriers', () => {
  it('adds the media and self-reflection tables; older data survives', () => {
    expect(userVersion(db)).toBe(10);
    expect(tableNames(db)).not.toContain('media_items');
    insertEntry(db, 'written before media existed');
    applyIt();
    expect(userVersion(db)).toBe(11);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['media_items', 'media_uses', 'self_reflections', 'self_reflection_barriers']));
    expect(db.prepare('SELECT body FROM entries').all()).toEqual([{ body: 'written before media existed' }]);
  });

  it('an item has a title, a known kind, a short note and at most a web link', () => {
    applyIt();
    item();
    item({ kind: 'song', note: 'n'.repeat(280), link: 'https://example.org/song' });
    item({ kind: 'other', link: 'http://example.org/' });
    item({ title: '💙'.repeat(120) });
    expect(() => item({ title: '' })).toThrow(/CHECK/);
    expect(() => item({ title: '💙'.repeat(121) })).toThrow(/CHECK/);
    expect(() => item({ title: null })).toThrow(/NOT NULL/);
    expect(() => item({ kind: 'podcast' })).toThrow(/CHECK/);
    expect(() => item({ note: 'n'.repeat(281) })).toThrow(/CHECK/);
    for (const link of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'HTTPS://example.org', 'https://', 'ftp://example.org', '']) {
      expect(() => item({ link }), link).toThrow(/CHECK/);
    }
    expect(() => item({ link: `https://example.org/${'a'.repeat(2048)}` })).toThrow(/CHECK/);
  });

  it('at most one item is marked as the one offered last', () => {
    applyIt();
    const first = item({ last_offered: 1 });
    item();
    expect(() => item({ last_offered: 1 })).toThrow(/UNIQUE/);
    expect(() => item({ last_offered: 2 })).toThrow(/CHECK/);
    expect(db.prepare('SELECT id FROM media_items WHERE last_offered = 1').all()).toEqual([{ id: first }]);
  });

  it('uses check their answers; one per item and session; an item takes its uses along, a session only unlinks', () => {
    applyIt();
    const film = item();
    const song = item({ kind: 'song' });
    const s = session();
    use(film, { session_id: s, mood_before: 1, mood_after: 5, tears: 'deep' });
    use(song, { session_id: s });
    use(film);
    use(film);
    expect(() => use(film, { session_id: s })).toThrow(/UNIQUE/);
    expect(() => use(film, { mood_before: 0 })).toThrow(/CHECK/);
    expect(() => use(film, { mood_after: 6 })).toThrow(/CHECK/);
    expect(() => use(film, { tears: 'sobbed' })).toThrow(/CHECK/);
    expect(() => use(999)).toThrow(/FOREIGN KEY/);
    expect(() => use(film, { session_id: 999 })).toThrow(/FOREIGN KEY/);

    db.prepare('DELETE FROM sessions WHERE id = ?').run(s);
    expect(db.prepare('SELECT media_id AS m, session_id AS s FROM media_uses ORDER BY id').all()).toEqual([
      { m: film, s: null },
      { m: song, s: null },
      { m: film, s: null },
      { m: film, s: null },
    ]);
    db.prepare('DELETE FROM media_items WHERE id = ?').run(film);
    expect(db.prepare('SELECT media_id AS m FROM media_uses').all()).toEqual([{ m: song }]);
  });

  it('a reflection holds a whole-number style from 0 to 100 and barriers from the fixed list, each once', () => {
    applyIt();
    const r = reflection({ style: 0 });
    reflection({ style: 100, note: 'n'.repeat(280) });
    reflection();
    expect(() => reflection({ style: -1 })).toThrow(/CHECK/);
    expect(() => reflection({ style: 101 })).toThrow(/CHECK/);
    expect(() => reflection({ style: 50.5 })).toThrow(/CHECK/);
    expect(() => reflection({ style: 'lots' })).toThrow(/CHECK/);
    expect(() => reflection({ note: 'n'.repeat(281) })).toThrow(/CHECK/);

    for (const barrier of ['taught-not-to', 'others-think', 'wont-stop', 'numb', 'past-hurt', 'medical', 'no-private-space', 'tears-too-soon']) {
      insert('self_reflection_barriers', { reflection_id: r, barrier });
    }
    expect(() => insert('self_reflection_barriers', { reflection_id: r, barrier: 'numb' })).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert('self_reflection_barriers', { reflection_id: r, barrier: 'shy' })).toThrow(/CHECK/);
    expect(() => insert('self_reflection_barriers', { reflection_id: 999, barrier: 'numb' })).toThrow(/FOREIGN KEY/);

    db.prepare('DELETE FROM self_reflections').run();
    expect(count('self_reflection_barriers')).toBe(0);
  });
});
