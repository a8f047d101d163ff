import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, userVersion } from '../../helpers/migration-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(22));
});
afterEach(() => cleanup());

const insertSession = () =>
  Number(
    db
      .prepare(
        "INSERT INTO sessions (practice_id, practice_title, step_count, started_at, outcome, mood_after, notes) VALUES ('permission', 'Permission', 5, 1, 'stopped', 2, 'heavy')",
      )
      .run().lastInsertRowid,
  );
const tooMuch = (id: number) => db.prepare('SELECT too_much FROM sessions WHERE id = ?').pluck().get(id);

describe('migration 022: a session can hold "some of this felt like too much"', () => {
  it('adds too_much, NULL for every session already there, which keeps all it held', () => {
    const id = insertSession();
    applyIt();
    expect(userVersion(db)).toBe(22);
    expect(db.prepare('SELECT outcome, mood_after AS moodAfter, notes, too_much AS tooMuch FROM sessions WHERE id = ?').get(id)).toEqual({
      outcome: 'stopped',
      moodAfter: 2,
      notes: 'heavy',
      tooMuch: null,
    });
  });

  it('holds 1 (they said so) or NULL (nothing said), never a "no"', () => {
    applyIt();
    const id = insertSession();
    db.prepare('UPDATE sessions SET too_much = 1 WHERE id = ?').run(id);
    expect(tooMuch(id)).toBe(1);
    db.prepare('UPDATE sessions SET too_much = NULL WHERE id = ?').run(id);
    expect(tooMuch(id)).toBeNull();
    for (const bad of [0, 2, 'yes']) {
      expect(() => db.prepare('UPDATE sessions SET too_much = ? WHERE id = ?').run(bad, id)).toThrow(/CHECK/);
    }
  });
});
