import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, userVersion } from '../../helpers/migration-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(12));
});
afterEach(() => cleanup());

const addWord = (word: string, pleasantness?: unknown, energy?: unknown) =>
  pleasantness === undefined
    ? db.prepare("INSERT INTO custom_emotion_words (word, family, created_at) VALUES (?, 'sadness', 1)").run(word)
    : db
        .prepare("INSERT INTO custom_emotion_words (word, family, created_at, pleasantness, energy) VALUES (?, 'sadness', 1, ?, ?)")
        .run(word, pleasantness, energy);
/** Granularity's query as it was from this migration until 018 gave feelings their own time. */
const granularitySql = `
  SELECT ee.word AS word, min(e.created_at) AS firstUsed, max(e.created_at) AS lastUsed
  FROM entry_emotions ee JOIN entries e ON e.id = ee.entry_id
  WHERE e.deleted_at IS NULL
  GROUP BY ee.word`;
const rows = () => db.prepare('SELECT word, family, pleasantness, energy FROM custom_emotion_words ORDER BY rowid').all();

describe('migration 012: feelings', () => {
  it("keeps the person's own words, which start unplaced", () => {
    expect(userVersion(db)).toBe(11);
    addWord('saudade');
    applyIt();
    expect(userVersion(db)).toBe(12);
    expect(rows()).toEqual([{ word: 'saudade', family: 'sadness', pleasantness: null, energy: null }]);
  });

  it('places a word with whole numbers from -5 to 5, never 0, both or neither', () => {
    applyIt();
    addWord('unplaced');
    addWord('corner low', -5, -5);
    addWord('corner high', 5, 5);
    addWord('slight', 1, -1);
    expect(() => addWord('zero pleasantness', 0, 3)).toThrow(/CHECK/);
    expect(() => addWord('zero energy', 3, 0)).toThrow(/CHECK/);
    expect(() => addWord('too pleasant', 6, 3)).toThrow(/CHECK/);
    expect(() => addWord('too low', 3, -6)).toThrow(/CHECK/);
    expect(() => addWord('half', 2.5, 3)).toThrow(/CHECK/);
    expect(() => addWord('text', 'high', 3)).toThrow(/CHECK/);
    expect(() => addWord('only pleasantness', 2, null)).toThrow(/CHECK/);
    expect(() => addWord('only energy', null, 2)).toThrow(/CHECK/);
    expect(rows().map((r) => (r as { word: string }).word)).toEqual(['unplaced', 'corner low', 'corner high', 'slight']);
  });

  it('adds an index that lets granularity read entry dates without reading entries', () => {
    applyIt();
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${granularitySql}`).all() as { detail: string }[]).map((r) => r.detail);
    expect(plan).toContainEqual(expect.stringMatching(/USING COVERING INDEX entries_live_written/));
  });

  it('moving a word keeps the same rules, and words stay unique whatever their case', () => {
    applyIt();
    addWord('Saudade', 2, -2);
    const move = db.prepare('UPDATE custom_emotion_words SET pleasantness = ?, energy = ? WHERE word = ?');
    move.run(-3, 4, 'saudade');
    expect(() => move.run(0, 4, 'saudade')).toThrow(/CHECK/);
    expect(() => move.run(null, 4, 'saudade')).toThrow(/CHECK/);
    move.run(null, null, 'saudade');
    expect(rows()).toEqual([{ word: 'Saudade', family: 'sadness', pleasantness: null, energy: null }]);
    expect(() => addWord('SAUDADE')).toThrow(/UNIQUE/);
  });
});
