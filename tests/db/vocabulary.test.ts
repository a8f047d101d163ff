import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Vocabulary } from '../../preload/contract/index.ts';
import {
  BuiltInVocabulary,
  VocabularyService,
  builtInVocabulary,
  maxCustomWords,
} from '../../main/core/journal/vocabulary.ts';
import { openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { expectAppError } from '../helpers/vault-fixtures.ts';

const jsonFile = path.join(import.meta.dirname, '../../resources/emotions.json');

let dir: string;
let db: Db;
let clock: FakeClock;
let vocabulary: VocabularyService;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saltwater-vocab-'));
  db = openEncryptedDatabase(path.join(dir, 'v.db'), randomBytes(32));
  clock = new FakeClock(1_700_000_000_000);
  vocabulary = new VocabularyService(() => db, clock);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const allWords = (v: Vocabulary) => v.families.flatMap((f) => f.words);
const family = (v: Vocabulary, id: string) => v.families.find((f) => f.id === id);
const customRows = () => db.prepare('SELECT word, family FROM custom_emotion_words ORDER BY rowid').all();

describe('built-in vocabulary file', () => {
  it('is valid: unique lowercase words in named families, at least 60 words', () => {
    // Read from disk, independent of the module's own import, so a broken file fails here.
    const parsed = BuiltInVocabulary.parse(JSON.parse(fs.readFileSync(jsonFile, 'utf8')));
    const words = parsed.families.flatMap((f) => f.words);
    expect(words.length).toBeGreaterThanOrEqual(60);
    expect(new Set(words).size).toBe(words.length);
    expect(parsed.families.length).toBeGreaterThanOrEqual(8);
    for (const f of parsed.families) {
      expect(f.words.length, f.id).toBeGreaterThanOrEqual(5);
      expect(f.name.trim(), f.id).not.toBe('');
    }
    for (const word of words) expect(word).toBe(word.toLowerCase().trim());
  });

  it('covers the families people need to name what is under the tears', () => {
    const ids = builtInVocabulary.families.map((f) => f.id);
    for (const id of ['sadness', 'fear', 'anger', 'joy', 'tenderness', 'shame', 'surprise', 'calm', 'numb', 'overwhelmed']) {
      expect(ids).toContain(id);
    }
  });

  it('refuses a malformed vocabulary (the check that runs at load)', () => {
    const good = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { families: { id: string; words: string[] }[] };
    const duplicate = structuredClone(good);
    duplicate.families[1]!.words.push(duplicate.families[0]!.words[0]!);
    expect(BuiltInVocabulary.safeParse(duplicate).success).toBe(false);
    const upper = structuredClone(good);
    upper.families[0]!.words[0] = 'Sad';
    expect(BuiltInVocabulary.safeParse(upper).success).toBe(false);
    const sameId = structuredClone(good);
    sameId.families[1]!.id = sameId.families[0]!.id;
    expect(BuiltInVocabulary.safeParse(sameId).success).toBe(false);
  });
});

describe('VocabularyService', () => {
  it('gives the built-in families and no custom words on a new vault, in the contract shape', () => {
    const v = vocabulary.get();
    expect(Vocabulary.parse(v)).toEqual(v);
    expect(v.custom).toEqual([]);
    expect(v.families.map((f) => f.id)).toEqual(builtInVocabulary.families.map((f) => f.id));
    expect(allWords(v)).toEqual(builtInVocabulary.families.flatMap((f) => f.words));
  });

  it('adds a word to its family, trimmed and lowercase, and keeps it in the vault', () => {
    clock.advance(1);
    const v = vocabulary.addWord('  Wistful-ish  ', 'sadness');
    expect(family(v, 'sadness')?.words.at(-1)).toBe('wistful-ish');
    expect(v.custom).toEqual([{ word: 'wistful-ish', family: 'sadness' }]);
    expect(Vocabulary.parse(v)).toEqual(v);

    const again = new VocabularyService(() => db, clock).get();
    expect(family(again, 'sadness')?.words).toContain('wistful-ish');
    expect(customRows()).toEqual([{ word: 'wistful-ish', family: 'sadness' }]);
  });

  it('keeps custom words in the order they were added', () => {
    vocabulary.addWord('unmoored', 'numb');
    clock.advance(1_000);
    vocabulary.addWord('fizzy', 'joy');
    clock.advance(1_000);
    vocabulary.addWord('underwater', 'numb');
    const v = vocabulary.get();
    expect(v.custom.map((c) => c.word)).toEqual(['unmoored', 'fizzy', 'underwater']);
    expect(family(v, 'numb')?.words.slice(-2)).toEqual(['unmoored', 'underwater']);
  });

  it('returns a known word unchanged, built-in or custom, whatever its case or family', () => {
    const before = vocabulary.get();
    const builtIn = builtInVocabulary.families[0]!.words[0]!;
    expect(vocabulary.addWord(builtIn.toUpperCase(), builtInVocabulary.families[1]!.id)).toEqual(before);

    vocabulary.addWord('adrift', 'numb');
    const withOne = vocabulary.get();
    expect(vocabulary.addWord('ADRIFT', 'numb')).toEqual(withOne);
    expect(vocabulary.addWord('adrift', 'calm')).toEqual(withOne);
    expect(customRows()).toEqual([{ word: 'adrift', family: 'numb' }]);
  });

  it('refuses an unknown family and bad words with INVALID_INPUT, storing nothing', async () => {
    await expectAppError(() => vocabulary.addWord('adrift', 'no-such-family'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('adrift', ''), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('adrift', 'Sadness'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('', 'sadness'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('   ', 'sadness'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('!!!', 'sadness'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('123', 'sadness'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('bad\u0007word', 'sadness'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('x'.repeat(41), 'sadness'), 'INVALID_INPUT');
    expect(customRows()).toEqual([]);
  });

  it('accepts words in any script', () => {
    const v = vocabulary.addWord('געגועים', 'sadness');
    vocabulary.addWord('Sehnsucht', 'sadness');
    expect(family(vocabulary.get(), 'sadness')?.words.slice(-2)).toEqual(['געגועים', 'sehnsucht']);
    expect(v.custom[0]).toEqual({ word: 'געגועים', family: 'sadness' });
  });

  it('caps the number of custom words', async () => {
    const insert = db.prepare('INSERT INTO custom_emotion_words (word, family, created_at) VALUES (?, ?, 0)');
    db.transaction(() => {
      for (let i = 0; i < maxCustomWords; i++) insert.run(`word${i}x`, 'joy');
    })();
    await expectAppError(() => vocabulary.addWord('onemore', 'joy'), 'INVALID_INPUT');
    // Words already known are still fine at the cap.
    expect(vocabulary.addWord('word0x', 'joy').custom).toHaveLength(maxCustomWords);
  });

  it('hides words whose family no longer exists instead of guessing a new home', () => {
    db.prepare(`INSERT INTO custom_emotion_words (word, family, created_at) VALUES ('orphaned', 'gone-family', 0)`).run();
    const v = vocabulary.get();
    expect(allWords(v)).not.toContain('orphaned');
    expect(v.custom).toEqual([]);
  });

  it('never changes the built-in list it merges into', () => {
    const snapshot = structuredClone(builtInVocabulary);
    vocabulary.addWord('shaky', 'fear');
    vocabulary.get();
    expect(builtInVocabulary).toEqual(snapshot);
  });
});
