import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(4));
});
afterEach(() => cleanup());

const insertSession = (db: Db) =>
  Number(
    db
      .prepare("INSERT INTO sessions (practice_id, practice_title, step_count, started_at) VALUES ('permission', 'Permission', 5, 1)")
      .run().lastInsertRowid,
  );

describe('migration 004: sessions', () => {
  it('adds sessions and check-ins; older entries survive and can link to a session', () => {
    expect(userVersion(db)).toBe(3);
    const entryId = insertEntry(db, 'written before sessions existed');

    applyIt();

    expect(userVersion(db)).toBe(4);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['sessions', 'session_check_ins']));
    expect(db.prepare('SELECT body, session_id AS sessionId FROM entries').all()).toEqual([
      { body: 'written before sessions existed', sessionId: null },
    ]);
    const sessionId = insertSession(db);
    db.prepare('UPDATE entries SET session_id = ? WHERE id = ?').run(sessionId, entryId);
    expect(db.prepare('SELECT session_id AS s FROM entries').get()).toEqual({ s: sessionId });
  });

  it('deleting a session removes its check-ins and unlinks entries, keeping the writing', () => {
    applyIt();
    const sessionId = insertSession(db);
    const entryId = insertEntry(db, 'about that session');
    db.prepare('UPDATE entries SET session_id = ? WHERE id = ?').run(sessionId, entryId);
    db.prepare("INSERT INTO session_check_ins (session_id, step_index, question, value, at) VALUES (?, 2, 'distress', 3, 5)").run(sessionId);

    db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);

    expect(db.prepare('SELECT count(*) AS n FROM session_check_ins').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT body, session_id AS s FROM entries').get()).toEqual({ body: 'about that session', s: null });
  });

  it('refuses out-of-range answers and unknown outcomes', () => {
    applyIt();
    const sessionId = insertSession(db);
    expect(() => db.prepare("UPDATE sessions SET outcome = 'abandoned' WHERE id = ?").run(sessionId)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE sessions SET relief = 11 WHERE id = ?').run(sessionId)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE sessions SET tears = 'sobbing' WHERE id = ?").run(sessionId)).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO session_check_ins (session_id, step_index, question, value, at) VALUES (?, 0, 'joy', 1, 1)").run(sessionId),
    ).toThrow(/CHECK/);
  });
});
