import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Vocabulary } from '../../preload/contract/index.ts';
import { Journal } from '../../main/core/journal/journal.ts';
import {
  BuiltInVocabulary,
  VocabularyService,
  builtInVocabulary,
  maxCustomWords,
  notYetWord,
} from '../../main/core/journal/vocabulary.ts';
import type { Db } from '../../main/core/vault/database.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import { expectAppError, openTestDatabase } from '../helpers/vault-fixtures.ts';

const jsonFile = path.join(import.meta.dirname, '../../resources/emotions.json');

let cleanup: () => void;
let db: Db;
let clock: FakeClock;
let vocabulary: VocabularyService;

beforeEach(() => {
  ({ db, clock, cleanup } = openTestDatabase());
  vocabulary = new VocabularyService(() => db, clock);
});

afterEach(() => cleanup());

const builtInWords = () => builtInVocabulary.families.flatMap((f) => f.words.map((w) => w.word));
const allWords = (v: Vocabulary) => v.families.flatMap((f) => f.words);
const family = (v: Vocabulary, id: string) => v.families.find((f) => f.id === id);
const customRows = () => db.prepare('SELECT word, family, pleasantness, energy FROM custom_emotion_words ORDER BY rowid').all();
const unplacedRow = (word: string, fam: string) => ({ word, family: fam, pleasantness: null, energy: null });

describe('built-in vocabulary file', () => {
  it('is valid: unique lowercase words in named families, at least 120 words', () => {
    // Read from disk, independent of the module's own import, so a broken file fails here.
    const parsed = BuiltInVocabulary.parse(JSON.parse(fs.readFileSync(jsonFile, 'utf8')));
    const words = parsed.families.flatMap((f) => f.words.map((w) => w.word));
    expect(words.length).toBeGreaterThanOrEqual(120);
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
    type Raw = { families: { id: string; words: { word: string }[] }[] };
    const good = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as Raw;
    expect(BuiltInVocabulary.safeParse(good).success).toBe(true);
    const duplicate = structuredClone(good);
    duplicate.families[1]!.words.push(structuredClone(duplicate.families[0]!.words[0]!));
    expect(BuiltInVocabulary.safeParse(duplicate).success).toBe(false);
    const upper = structuredClone(good);
    upper.families[0]!.words[0]!.word = 'Sad';
    expect(BuiltInVocabulary.safeParse(upper).success).toBe(false);
    const sameId = structuredClone(good);
    sameId.families[1]!.id = sameId.families[0]!.id;
    expect(BuiltInVocabulary.safeParse(sameId).success).toBe(false);
    const oldShape = structuredClone(good) as unknown as { families: { words: unknown[] }[] };
    oldShape.families[0]!.words = ['sad', 'low'];
    expect(BuiltInVocabulary.safeParse(oldShape).success).toBe(false);
  });
});

describe('VocabularyService.get', () => {
  it('gives the built-in families, then "not yet", and no custom words on a new vault, in the contract shape', () => {
    const v = vocabulary.get();
    expect(Vocabulary.parse(v)).toEqual(v);
    expect(v.custom).toEqual([]);
    expect(v.families.map((f) => f.id)).toEqual([...builtInVocabulary.families.map((f) => f.id), builtInVocabulary.notYet.id]);
    expect(allWords(v)).toEqual([...builtInWords(), notYetWord]);
    expect(v.families.at(-1)).toEqual({
      id: 'not-yet',
      name: builtInVocabulary.notYet.name,
      description: builtInVocabulary.notYet.description,
      words: ["can't name it yet"],
    });
    expect(v.notYetWord).toBe("can't name it yet");
    for (const f of v.families) expect(f.description, f.id).toBeTruthy();
  });

  it('places every built-in word and leaves "not yet" off the grid', () => {
    const v = vocabulary.get();
    expect(Object.keys(v.placements ?? {}).sort()).toEqual(builtInWords().sort());
    expect(v.placements?.[notYetWord]).toBeUndefined();
    const furious = builtInVocabulary.families.flatMap((f) => f.words).find((w) => w.word === 'furious')!;
    expect(v.placements?.furious).toEqual({ pleasantness: furious.pleasantness, energy: furious.energy });
  });

  it('never changes the built-in list it merges into', () => {
    const snapshot = structuredClone(builtInVocabulary);
    vocabulary.addWord('shaky', 'fear', { pleasantness: -2, energy: 3 });
    const v = vocabulary.get();
    v.families[0]!.words.push('changed by a caller');
    v.placements!.sad = { pleasantness: 5, energy: 5 };
    expect(builtInVocabulary).toEqual(snapshot);
    expect(vocabulary.get().placements?.sad).not.toEqual({ pleasantness: 5, energy: 5 });
  });

  it('hides words whose family no longer exists instead of guessing a new home', () => {
    db.prepare(`INSERT INTO custom_emotion_words (word, family, created_at) VALUES ('orphaned', 'gone-family', 0)`).run();
    const v = vocabulary.get();
    expect(allWords(v)).not.toContain('orphaned');
    expect(v.custom).toEqual([]);
  });

  it('shows a word once, in its built-in place, when it became built-in after the person added it', () => {
    // "drained" is built in under "Too much at once"; someone may have added it to "numb" earlier.
    expect(builtInVocabulary.families.find((f) => f.id === 'overwhelmed')!.words.map((w) => w.word)).toContain('drained');
    db.prepare(`INSERT INTO custom_emotion_words (word, family, created_at, pleasantness, energy) VALUES ('drained', 'numb', 0, 2, 2)`).run();
    const v = vocabulary.get();
    expect(allWords(v).filter((w) => w === 'drained')).toHaveLength(1);
    expect(family(v, 'numb')?.words).not.toContain('drained');
    expect(v.custom).toEqual([]);
    expect(v.placements?.drained).not.toEqual({ pleasantness: 2, energy: 2 });
  });
});

describe('VocabularyService.addWord', () => {
  it('adds a word to its family, trimmed and lowercase, unplaced, and keeps it in the vault', () => {
    clock.advance(1);
    const v = vocabulary.addWord('  Wistful-ish  ', 'sadness');
    expect(family(v, 'sadness')?.words.at(-1)).toBe('wistful-ish');
    expect(v.custom).toEqual([{ word: 'wistful-ish', family: 'sadness', placement: null }]);
    expect(v.placements?.['wistful-ish']).toBeUndefined();
    expect(Vocabulary.parse(v)).toEqual(v);

    const again = new VocabularyService(() => db, clock).get();
    expect(family(again, 'sadness')?.words).toContain('wistful-ish');
    expect(customRows()).toEqual([unplacedRow('wistful-ish', 'sadness')]);
  });

  it('places a new word on the grid when asked', () => {
    const v = vocabulary.addWord('fizzy', 'joy', { pleasantness: 3, energy: 4 });
    expect(v.custom).toEqual([{ word: 'fizzy', family: 'joy', placement: { pleasantness: 3, energy: 4 } }]);
    expect(v.placements?.fizzy).toEqual({ pleasantness: 3, energy: 4 });
    expect(customRows()).toEqual([{ word: 'fizzy', family: 'joy', pleasantness: 3, energy: 4 }]);
    expect(Vocabulary.parse(v)).toEqual(v);
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

  it('returns a known word unchanged, built-in, reserved or custom, whatever its case, family or placement', () => {
    const before = vocabulary.get();
    const builtIn = builtInVocabulary.families[0]!.words[0]!.word;
    expect(vocabulary.addWord(builtIn.toUpperCase(), builtInVocabulary.families[1]!.id)).toEqual(before);
    expect(vocabulary.addWord("Can't name it yet", 'calm', { pleasantness: 1, energy: 1 })).toEqual(before);
    expect(vocabulary.addWord('Can\u2019t name it yet', 'calm')).toEqual(before);

    vocabulary.addWord('adrift', 'numb');
    const withOne = vocabulary.get();
    expect(vocabulary.addWord('ADRIFT', 'numb')).toEqual(withOne);
    expect(vocabulary.addWord('adrift', 'calm', { pleasantness: 2, energy: -2 })).toEqual(withOne);
    expect(customRows()).toEqual([unplacedRow('adrift', 'numb')]);
  });

  it('refuses an unknown family, the "not yet" family, bad words and bad placements with INVALID_INPUT, storing nothing', async () => {
    await expectAppError(() => vocabulary.addWord('adrift', 'no-such-family'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('adrift', ''), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('adrift', 'Sadness'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('adrift', 'not-yet'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('', 'sadness'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('   ', 'sadness'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('!!!', 'sadness'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('123', 'sadness'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('bad\u0007word', 'sadness'), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.addWord('x'.repeat(41), 'sadness'), 'INVALID_INPUT');
    for (const placement of [
      { pleasantness: 0, energy: 2 },
      { pleasantness: 2, energy: 6 },
      { pleasantness: 1.5, energy: 2 },
      { pleasantness: 2 },
    ]) {
      await expectAppError(() => vocabulary.addWord('adrift', 'numb', placement as never), 'INVALID_INPUT');
    }
    expect(customRows()).toEqual([]);
  });

  it('explains a placement problem in plain words, without echoing the word', async () => {
    const error = await expectAppError(() => vocabulary.addWord('secretword', 'numb', { pleasantness: 0, energy: 2 }), 'INVALID_INPUT');
    expect(error.message).toMatch(/whole number from -5 to 5/);
    expect(error.message).not.toContain('secretword');
  });

  it('accepts words in any script', () => {
    const v = vocabulary.addWord('געגועים', 'sadness');
    vocabulary.addWord('Sehnsucht', 'sadness');
    expect(family(vocabulary.get(), 'sadness')?.words.slice(-2)).toEqual(['געגועים', 'sehnsucht']);
    expect(v.custom[0]).toEqual({ word: 'געגועים', family: 'sadness', placement: null });
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
});

describe('VocabularyService.placeWord', () => {
  it("moves one of the person's own words on the grid and takes it off again", () => {
    vocabulary.addWord('adrift', 'numb');
    let v = vocabulary.placeWord('Adrift', { pleasantness: -2, energy: -3 });
    expect(v.placements?.adrift).toEqual({ pleasantness: -2, energy: -3 });
    expect(v.custom).toEqual([{ word: 'adrift', family: 'numb', placement: { pleasantness: -2, energy: -3 } }]);
    v = vocabulary.placeWord('adrift', null);
    expect(v.placements?.adrift).toBeUndefined();
    expect(customRows()).toEqual([unplacedRow('adrift', 'numb')]);
  });

  it('leaves built-in words and the reserved answer where they are', async () => {
    const before = vocabulary.get();
    await expectAppError(() => vocabulary.placeWord('calm', { pleasantness: -5, energy: 5 }), 'INVALID_INPUT');
    await expectAppError(() => vocabulary.placeWord(notYetWord, { pleasantness: 1, energy: 1 }), 'INVALID_INPUT');
    expect(vocabulary.get()).toEqual(before);
  });

  it('says NOT_FOUND for a word the person never added, and refuses a bad placement', async () => {
    await expectAppError(() => vocabulary.placeWord('adrift', { pleasantness: 1, energy: 1 }), 'NOT_FOUND');
    vocabulary.addWord('adrift', 'numb', { pleasantness: -1, energy: -1 });
    await expectAppError(() => vocabulary.placeWord('adrift', { pleasantness: -1, energy: 0 }), 'INVALID_INPUT');
    expect(customRows()).toEqual([{ word: 'adrift', family: 'numb', pleasantness: -1, energy: -1 }]);
  });
});

describe('"I can\'t name it yet" in the journal', () => {
  it('is accepted wherever a feeling word is, stored and searchable like any other', () => {
    const journal = new Journal(() => db, clock);
    const entry = journal.create({ body: 'something heavy', emotions: [{ word: notYetWord, intensity: 6, bodyLocation: 'chest' }] });
    expect(journal.get(entry.id).emotions).toEqual([{ word: "can't name it yet", intensity: 6, bodyLocation: 'chest' }]);
    expect(journal.search({ text: '', emotion: notYetWord }).hits.map((h) => h.id)).toEqual([entry.id]);
    expect(journal.list()[0]?.emotions).toEqual([notYetWord]);
  });
});
