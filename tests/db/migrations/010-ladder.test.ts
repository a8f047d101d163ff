import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(10));
});
afterEach(() => cleanup());

const insert = (table: string, row: Record<string, unknown>) => {
  const names = Object.keys(row);
  return Number(db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(row)).lastInsertRowid);
};
let nextPosition = 0;
const step = (fields: Record<string, unknown> = {}) =>
  insert('ladder_steps', { track: 'letting-come', position: nextPosition++, text: 'Imagine crying', expected_distress: 20, created_at: 1, updated_at: 1, ...fields });
const attempt = (stepId: number, fields: Record<string, unknown> = {}) =>
  insert('ladder_attempts', {
    step_id: stepId,
    started_at: 10,
    ended_at: 20,
    distress_before: 30,
    distress_peak: 40,
    distress_after: 10,
    tears: 1,
    breathed_before: 1,
    breathed_after: 0,
    ...fields,
  });
const session = () => insert('sessions', { practice_id: 'ladder-step', practice_title: 'Ladder step', step_count: 5, started_at: 1 });
const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('migration 010: ladder', () => {
  it('adds the ladder tables with a threshold of 50; older data survives', () => {
    expect(userVersion(db)).toBe(9);
    insertEntry(db, 'written before the ladder existed');
    applyIt();
    expect(userVersion(db)).toBe(10);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['ladder_settings', 'ladder_steps', 'ladder_attempts']));
    expect(db.prepare('SELECT id, threshold FROM ladder_settings').all()).toEqual([{ id: 1, threshold: 50 }]);
    expect(db.prepare('SELECT body FROM entries').all()).toEqual([{ body: 'written before the ladder existed' }]);
  });

  it('keeps one threshold, a whole number from 1 to 100', () => {
    applyIt();
    const set = (value: unknown) => db.prepare('UPDATE ladder_settings SET threshold = ? WHERE id = 1').run(value);
    expect(() => insert('ladder_settings', { id: 2, threshold: 50 })).toThrow(/CHECK/);
    expect(() => set(0)).toThrow(/CHECK/);
    expect(() => set(101)).toThrow(/CHECK/);
    expect(() => set(40.5)).toThrow(/CHECK/);
    set(1);
    set(100);
    expect(db.prepare('SELECT threshold FROM ladder_settings').get()).toEqual({ threshold: 100 });
  });

  it('a step has a known track, short text, a 0–100 expected distress and a place of its own', () => {
    applyIt();
    step();
    step({ text: '💧'.repeat(200), expected_distress: 0 });
    step({ track: 'staying-with', position: 0, expected_distress: 100 });
    expect(() => step({ track: 'both' })).toThrow(/CHECK/);
    expect(() => step({ text: '' })).toThrow(/CHECK/);
    expect(() => step({ text: '💧'.repeat(201) })).toThrow(/CHECK/);
    expect(() => step({ expected_distress: -1 })).toThrow(/CHECK/);
    expect(() => step({ expected_distress: 101 })).toThrow(/CHECK/);
    expect(() => step({ expected_distress: 12.5 })).toThrow(/CHECK/);
    expect(() => step({ position: -1 })).toThrow(/CHECK/);
    expect(() => step({ position: 0 })).toThrow(/UNIQUE/);
  });

  it('a suggestion is on a track at most once', () => {
    applyIt();
    step({ suggestion_key: 'lc-imagine' });
    step({ track: 'staying-with', position: 0, suggestion_key: 'lc-imagine' });
    step({ suggestion_key: null });
    step({ suggestion_key: null });
    expect(() => step({ suggestion_key: 'lc-imagine' })).toThrow(/UNIQUE/);
    expect(() => step({ suggestion_key: '' })).toThrow(/CHECK/);
  });

  it('an attempt holds 0–100 distress, tears 0–3, breathing yes or no, and ends after it starts', () => {
    applyIt();
    const s = step();
    attempt(s);
    attempt(s, { distress_before: 0, distress_peak: 100, distress_after: 0, tears: 3, breathed_before: 0, breathed_after: 1 });
    // A peak below "before" is allowed: the waiting is often harder than the step.
    attempt(s, { distress_before: 80, distress_peak: 30 });
    for (const column of ['distress_before', 'distress_peak', 'distress_after']) {
      expect(() => attempt(s, { [column]: -1 }), column).toThrow(/CHECK/);
      expect(() => attempt(s, { [column]: 101 }), column).toThrow(/CHECK/);
      expect(() => attempt(s, { [column]: 50.5 }), column).toThrow(/CHECK/);
      expect(() => attempt(s, { [column]: null }), column).toThrow(/NOT NULL/);
    }
    expect(() => attempt(s, { tears: 4 })).toThrow(/CHECK/);
    expect(() => attempt(s, { tears: -1 })).toThrow(/CHECK/);
    expect(() => attempt(s, { breathed_before: 2 })).toThrow(/CHECK/);
    expect(() => attempt(s, { breathed_after: null })).toThrow(/NOT NULL/);
    expect(() => attempt(s, { ended_at: 9 })).toThrow(/CHECK/);
    expect(() => attempt(999)).toThrow(/FOREIGN KEY/);
    expect(count('ladder_attempts')).toBe(3);
  });

  it('removing a step removes its attempts; removing a session only unlinks them', () => {
    applyIt();
    const kept = step();
    const removed = step();
    const sessionId = session();
    attempt(kept, { session_id: sessionId });
    attempt(removed);
    attempt(removed);
    expect(() => attempt(kept, { session_id: 999 })).toThrow(/FOREIGN KEY/);

    db.prepare('DELETE FROM ladder_steps WHERE id = ?').run(removed);
    expect(db.prepare('SELECT step_id AS stepId FROM ladder_attempts').all()).toEqual([{ stepId: kept }]);

    db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
    expect(db.prepare('SELECT step_id AS stepId, session_id AS sessionId FROM ladder_attempts').all()).toEqual([{ stepId: kept, sessionId: null }]);
  });
});
