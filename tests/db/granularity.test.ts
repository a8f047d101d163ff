import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmotionGranularity } from '../../preload/contract/index.ts';
import { Journal } from '../../main/core/journal/journal.ts';
import { VocabularyService, notYetWord } from '../../main/core/journal/vocabulary.ts';
import type { Db } from '../../main/core/vault/database.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import { openTestDatabase } from '../helpers/vault-fixtures.ts';

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);

let db: Db;
let cleanup: () => void;
let clock: FakeClock;
let zone: string;
let journal: Journal;
let vocabulary: VocabularyService;

beforeEach(() => {
  ({ db, clock, cleanup } = openTestDatabase(at('2024-01-10T09:00:00Z')));
  zone = 'UTC';
  journal = new Journal(() => db, clock);
  vocabulary = new VocabularyService(() => db, clock, () => zone);
});
afterEach(() => cleanup());

/** Writes an entry at that moment with these feeling words, the way the editor does. */
function writeAt(iso: string, ...words: string[]): number {
  clock.advance(at(iso) - clock.now());
  return journal.create({ body: 'x', emotions: words.map((word) => ({ word, intensity: 5, bodyLocation: '' })) }).id;
}
const month = (m: string) => vocabulary.granularity().months.find((x) => x.month === m);

describe('VocabularyService.granularity', () => {
  it('starts at nothing, with a gentle sentence, in the contract shape', () => {
    const g = vocabulary.granularity();
    expect(EmotionGranularity.parse(g)).toEqual(g);
    expect(g.distinctWords).toBe(0);
    expect(g.months).toHaveLength(12);
    expect(g.months.at(-1)!.month).toBe('2024-01');
    expect(g.sentence).not.toMatch(/\b0\b/);
  });

  it('counts different words across entries, once each, whatever their case', () => {
    writeAt('2024-01-11T10:00:00Z', 'Sad', 'lonely');
    writeAt('2024-01-12T10:00:00Z', 'sad', 'Heavy-Hearted');
    // Rows written before the journal lowercased, or by hand: still the same word.
    const old = journal.create({ body: 'y' }).id;
    db.prepare("INSERT INTO entry_emotions (entry_id, position, word, intensity) VALUES (?, 0, 'LONELY', 3)").run(old);
    const g = vocabulary.granularity();
    expect(g.distinctWords).toBe(3);
    expect(g.sentence).toBe('You have put 3 different words to your feelings so far, all of them in the last month.');
  });

  it('leaves out "can\'t name it yet", in any spelling, while the journal keeps it', () => {
    writeAt('2024-01-11T10:00:00Z', notYetWord);
    const typed = writeAt('2024-01-12T10:00:00Z', 'numb');
    db.prepare("INSERT INTO entry_emotions (entry_id, position, word, intensity) VALUES (?, 1, 'can\u2019t name it yet', 3)").run(typed);
    expect(vocabulary.granularity().distinctWords).toBe(1);
    expect(journal.search({ text: '', emotion: notYetWord }).hits).toHaveLength(1);
  });

  it('does not count words of deleted entries, and counts them again when restored', () => {
    writeAt('2024-01-11T10:00:00Z', 'calm');
    const gone = writeAt('2024-01-12T10:00:00Z', 'furious');
    journal.delete(gone);
    expect(vocabulary.granularity().distinctWords).toBe(1);
    journal.restore(gone);
    expect(vocabulary.granularity().distinctWords).toBe(2);
    journal.delete(gone);
    journal.purgeDeleted();
    expect(vocabulary.granularity().distinctWords).toBe(1);
  });

  it('grows month by month from the first use of each word, and tells the last 30 days apart', () => {
    writeAt('2024-01-20T10:00:00Z', 'sad', 'tired');
    writeAt('2024-02-03T10:00:00Z', 'sad', 'hopeful');
    writeAt('2024-04-15T10:00:00Z', 'tired', 'tender', 'proud');
    clock.advance(at('2024-05-01T10:00:00Z') - clock.now());
    const g = vocabulary.granularity();
    expect(g.distinctWords).toBe(5);
    expect(g.months.slice(-5).map((m) => [m.month, m.newWords, m.distinctSoFar])).toEqual([
      ['2024-01', 2, 2],
      ['2024-02', 1, 3],
      ['2024-03', 0, 3],
      ['2024-04', 2, 5],
      ['2024-05', 0, 5],
    ]);
    expect(g.wordsLast30Days).toBe(3); // tired, tender, proud
    expect(g.newLast30Days).toBe(2); // tender, proud
    expect(g.sentence).toBe('You have put 5 different words to your feelings so far, 2 of them new this past month.');

    clock.advance(60 * DAY);
    const later = vocabulary.granularity();
    expect(later.wordsLast30Days).toBe(0);
    expect(later.sentence).toBe('You have put 5 different words to your feelings so far.');
  });

  it('takes month boundaries from the injected zone', () => {
    writeAt('2024-01-31T20:00:00Z', 'restless');
    clock.advance(at('2024-02-10T00:00:00Z') - clock.now());
    expect([month('2024-01')?.newWords, month('2024-02')?.newWords]).toEqual([1, 0]);
    zone = 'Asia/Tokyo';
    expect([month('2024-01')?.newWords, month('2024-02')?.newWords]).toEqual([0, 1]);
    zone = 'Not/AZone';
    expect([month('2024-01')?.newWords, month('2024-02')?.newWords]).toEqual([1, 0]);
  });
});
