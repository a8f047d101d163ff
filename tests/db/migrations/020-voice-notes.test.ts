import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(20));
});
afterEach(() => cleanup());

const note = (entryId: number) =>
  Number(
    db
      .prepare(`INSERT INTO voice_notes (entry_id, created_at, mime_type, duration_ms, bytes) VALUES (?, 1, 'audio/webm;codecs=opus', 1000, 2)`)
      .run(entryId).lastInsertRowid,
  );
const piece = (noteId: number, seq: number) => db.prepare('INSERT INTO voice_note_chunks (note_id, seq, data) VALUES (?, ?, ?)').run(noteId, seq, Buffer.from([seq]));
const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('migration 020: voice notes', () => {
  it('adds the notes and their pieces of audio, leaving the entries as they were', () => {
    const id = insertEntry(db, 'before voice notes');
    applyIt();
    expect(userVersion(db)).toBe(20);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['voice_notes', 'voice_note_chunks']));
    expect(db.prepare('SELECT body FROM entries WHERE id = ?').pluck().get(id)).toBe('before voice notes');
    const n = note(id);
    piece(n, 0);
    piece(n, 1);
    expect(db.prepare('SELECT data FROM voice_note_chunks WHERE note_id = ? ORDER BY seq').pluck().all(n)).toEqual([Buffer.from([0]), Buffer.from([1])]);
  });

  it('holds each piece once, in its place, and only for a note on an entry that exists', () => {
    applyIt();
    const n = note(insertEntry(db, 'x'));
    piece(n, 0);
    expect(() => piece(n, 0)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => piece(n, -1)).toThrow(/CHECK/);
    expect(() => piece(n + 1, 0)).toThrow(/FOREIGN KEY/);
    expect(() => note(999)).toThrow(/FOREIGN KEY/);
  });

  it('goes with its entry: deleting the entry for good removes its notes and their audio', () => {
    applyIt();
    const kept = insertEntry(db, 'kept');
    const gone = insertEntry(db, 'gone');
    piece(note(kept), 0);
    const g = note(gone);
    piece(g, 0);
    piece(g, 1);
    db.prepare('DELETE FROM entries WHERE id = ?').run(gone);
    expect(count('voice_notes')).toBe(1);
    expect(count('voice_note_chunks')).toBe(1);
    // An entry in the trash (soft-deleted) keeps them, so undo brings them back.
    db.prepare('UPDATE entries SET deleted_at = 5 WHERE id = ?').run(kept);
    expect(count('voice_notes')).toBe(1);
  });
});
