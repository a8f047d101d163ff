import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(19));
});
afterEach(() => cleanup());

const insert = (id: string, practice: unknown) =>
  db.prepare('INSERT INTO own_practices (id, practice, created_at, updated_at) VALUES (?, ?, 1, 1)').run(id, practice);

describe('migration 019: own practices', () => {
  it('adds the own_practices table and leaves sessions and schedules as they were', () => {
    const before = tableNames(db);
    db.prepare("INSERT INTO sessions (practice_id, practice_title, step_count, started_at) VALUES ('permission', 'Permission', 5, 1)").run();
    applyIt();
    expect(userVersion(db)).toBe(19);
    expect(tableNames(db)).toEqual([...before, 'own_practices'].sort());
    expect(db.prepare('SELECT practice_id FROM sessions').pluck().all()).toEqual(['permission']);
  });

  it('holds only own ids and JSON text', () => {
    applyIt();
    insert('own-1', '{"title":"x"}');
    expect(() => insert('permission', '{}')).toThrow(/CHECK/);
    expect(() => insert('own-', '{}')).toThrow(/CHECK/);
    expect(() => insert('own-2', 'not json')).toThrow(/CHECK/);
    expect(() => insert('own-3', Buffer.from('{}'))).toThrow(/CHECK/);
    expect(() => insert('own-1', '{}')).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT id FROM own_practices').pluck().all()).toEqual(['own-1']);
  });
});
