import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(2));
});
afterEach(() => cleanup());

function addEmotion(entryId: number, word: string, intensity: number, bodyLocation = ''): void {
  db.prepare('INSERT INTO entry_emotions (entry_id, position, word, intensity, body_location) VALUES (?, 0, ?, ?, ?)').run(
    entryId,
    word,
    intensity,
    bodyLocation,
  );
}

describe('migration 002: emotions and tags', () => {
  it('adds the tables while entries written before it survive and stay searchable', () => {
    expect(userVersion(db)).toBe(1);
    const old = insertEntry(db, 'Written before emotions had names here');

    applyIt();

    expect(userVersion(db)).toBe(2);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['entry_emotions', 'entry_tags', 'custom_emotion_words']));
    expect(db.prepare('SELECT body FROM entries WHERE id = ?').get(old)).toEqual({
      body: 'Written before emotions had names here',
    });
    expect(db.prepare("SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'emotions'").all()).toEqual([{ rowid: old }]);
  });

  it('attaches emotions and tags to old entries and removes them with their entry', () => {
    const old = insertEntry(db, 'before');
    applyIt();
    const kept = insertEntry(db, 'after');
    addEmotion(old, 'grief', 7, 'throat');
    addEmotion(old, 'relief', 3);
    addEmotion(kept, 'calm', 2);
    db.prepare('INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?), (?, ?)').run(old, 'family', kept, 'sea');

    db.prepare('DELETE FROM entries WHERE id = ?').run(old);

    expect(db.prepare('SELECT entry_id, word FROM entry_emotions').all()).toEqual([{ entry_id: kept, word: 'calm' }]);
    expect(db.prepare('SELECT entry_id, tag FROM entry_tags').all()).toEqual([{ entry_id: kept, tag: 'sea' }]);
  });

  it('keeps intensity between 1 and 10, one row per word per entry, and only for real entries', () => {
    applyIt();
    const id = insertEntry(db, 'x');
    expect(() => addEmotion(id, 'anger', 0)).toThrow(/CHECK/);
    expect(() => addEmotion(id, 'anger', 11)).toThrow(/CHECK/);
    addEmotion(id, 'anger', 10);
    expect(() => addEmotion(id, 'anger', 4)).toThrow(/UNIQUE/);
    expect(() => addEmotion(9_999, 'fear', 5)).toThrow(/FOREIGN KEY/);
  });

  it('treats custom emotion words case-insensitively', () => {
    applyIt();
    const add = db.prepare('INSERT INTO custom_emotion_words (word, family, created_at) VALUES (?, ?, 1)');
    add.run('Saudade', 'sadness');
    expect(() => add.run('saudade', 'sadness')).toThrow(/UNIQUE/);
  });
});
