import { describe, expect, it } from 'vitest';
import { EmotionGranularity } from '../../preload/contract/index.ts';
import {
  countGranularity,
  foldWord,
  granularitySentence,
  monthKey,
  monthsEndingAt,
  type WordUse,
} from '../../main/core/journal/granularity.ts';

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);
const use = (word: string, first: string, last = first): WordUse => ({ word, firstUsed: at(first), lastUsed: at(last) });
const NOT_YET = "can't name it yet";
const count = (uses: WordUse[], now: string, zone = 'UTC') =>
  countGranularity(uses, { now: at(now), zone, notCounted: [NOT_YET] });

describe('foldWord', () => {
  it('treats case, spacing and typographic apostrophes as the same word', () => {
    expect(foldWord('  Heavy   Hearted ')).toBe('heavy hearted');
    expect(foldWord('CAN\u2019T NAME IT YET')).toBe(NOT_YET);
    expect(foldWord('SEHNSUCHT')).toBe('sehnsucht');
    // Composed and decomposed accents are one word.
    expect(foldWord('de\u0301c\u0327u')).toBe(foldWord('DÉÇU'));
  });
});

describe('months', () => {
  it('names the calendar month in the given zone', () => {
    const lateOnJan31 = at('2024-01-31T23:30:00Z');
    expect(monthKey(lateOnJan31, 'UTC')).toBe('2024-01');
    expect(monthKey(lateOnJan31, 'Asia/Tokyo')).toBe('2024-02');
    expect(monthKey(at('2024-03-01T03:00:00Z'), 'America/New_York')).toBe('2024-02');
  });

  it('lists the last months oldest first, across a year boundary', () => {
    expect(monthsEndingAt(at('2024-02-10T12:00:00Z'), 'UTC', 4)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthsEndingAt(at('2024-12-31T23:59:00Z'), 'UTC', 12)).toEqual([
      '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06',
      '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12',
    ]);
    expect(monthsEndingAt(at('2024-12-31T23:59:00Z'), 'Pacific/Auckland', 2)).toEqual(['2024-12', '2025-01']);
  });
});

describe('countGranularity', () => {
  it('is all zeros for no words, still with twelve months to draw', () => {
    const g = count([], '2024-06-15T12:00:00Z');
    expect(g.distinctWords).toBe(0);
    expect(g.wordsLast30Days).toBe(0);
    expect(g.newLast30Days).toBe(0);
    expect(g.months).toHaveLength(12);
    expect(g.months[0]!.month).toBe('2023-07');
    expect(g.months.at(-1)!.month).toBe('2024-06');
    expect(g.months.every((m) => m.newWords === 0 && m.distinctSoFar === 0)).toBe(true);
  });

  it('counts each word once whatever its spelling, and never "can\'t name it yet"', () => {
    const g = count(
      [
        use('sad', '2024-05-01T10:00:00Z'),
        use('Sad', '2024-04-01T10:00:00Z', '2024-06-10T10:00:00Z'),
        use('SAD ', '2024-05-20T10:00:00Z'),
        use('calm', '2024-06-01T10:00:00Z'),
        use(NOT_YET, '2024-03-01T10:00:00Z', '2024-06-14T10:00:00Z'),
        use('Can\u2019t name it yet', '2024-02-01T10:00:00Z'),
      ],
      '2024-06-15T12:00:00Z',
    );
    expect(g.distinctWords).toBe(2);
    // "sad" counts from its earliest spelling (April) and as recent from its latest (June).
    const byMonth = Object.fromEntries(g.months.map((m) => [m.month, m]));
    expect(byMonth['2024-04']).toEqual({ month: '2024-04', newWords: 1, distinctSoFar: 1 });
    expect(byMonth['2024-05']).toEqual({ month: '2024-05', newWords: 0, distinctSoFar: 1 });
    expect(byMonth['2024-06']).toEqual({ month: '2024-06', newWords: 1, distinctSoFar: 2 });
    expect(byMonth['2024-02']!.distinctSoFar).toBe(0);
    expect(g.wordsLast30Days).toBe(2);
    expect(g.newLast30Days).toBe(1);
  });

  it('is cumulative, starting from the words first used before the twelve months shown', () => {
    const g = count(
      [
        use('old one', '2020-01-05T00:00:00Z', '2020-01-05T00:00:00Z'),
        use('old two', '2023-06-30T23:00:00Z', '2024-02-01T00:00:00Z'),
        use('july', '2023-07-01T00:00:00Z'),
        use('march', '2024-03-10T00:00:00Z'),
        use('march too', '2024-03-20T00:00:00Z'),
      ],
      '2024-06-15T12:00:00Z',
    );
    expect(g.distinctWords).toBe(5);
    expect(g.months.map((m) => m.distinctSoFar)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5]);
    expect(g.months.map((m) => m.newWords)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0]);
    expect(g.months.at(-1)!.distinctSoFar).toBe(g.distinctWords);
    expect(g.wordsLast30Days).toBe(0);
  });

  it('uses the zone for month boundaries', () => {
    const uses = [use('restless', '2024-05-31T22:00:00Z')];
    const now = '2024-06-15T12:00:00Z';
    const inUtc = Object.fromEntries(count(uses, now, 'UTC').months.map((m) => [m.month, m.newWords]));
    const inBerlin = Object.fromEntries(count(uses, now, 'Europe/Berlin').months.map((m) => [m.month, m.newWords]));
    expect([inUtc['2024-05'], inUtc['2024-06']]).toEqual([1, 0]);
    expect([inBerlin['2024-05'], inBerlin['2024-06']]).toEqual([0, 1]);
  });

  it('counts the last 30 days up to the moment, by last use and by first use', () => {
    const now = at('2024-06-15T12:00:00Z');
    const g = countGranularity(
      [
        { word: 'edge in', firstUsed: now - 30 * DAY, lastUsed: now - 30 * DAY },
        { word: 'edge out', firstUsed: now - 30 * DAY - 1, lastUsed: now - 30 * DAY - 1 },
        { word: 'old but recent', firstUsed: now - 90 * DAY, lastUsed: now - DAY },
      ],
      { now, zone: 'UTC', notCounted: [] },
    );
    expect(g.wordsLast30Days).toBe(2);
    expect(g.newLast30Days).toBe(1);
  });

  it('counts a word dated in the future (a wrong clock) as this month', () => {
    const g = count([use('hopeful', '2031-01-01T00:00:00Z')], '2024-06-15T12:00:00Z');
    expect(g.distinctWords).toBe(1);
    expect(g.months.at(-1)).toEqual({ month: '2024-06', newWords: 1, distinctSoFar: 1 });
  });

  it('fits the contract', () => {
    const counts = count([use('sad', '2024-06-01T00:00:00Z')], '2024-06-15T12:00:00Z');
    const full = { ...counts, sentence: granularitySentence(counts) };
    expect(EmotionGranularity.parse(full)).toEqual(full);
  });
});

describe('granularitySentence', () => {
  it('says the number warmly and mentions new words only when there are some', () => {
    expect(granularitySentence({ distinctWords: 23, newLast30Days: 0 })).toBe('You have put 23 different words to your feelings so far.');
    expect(granularitySentence({ distinctWords: 23, newLast30Days: 3 })).toBe(
      'You have put 23 different words to your feelings so far, 3 of them new this past month.',
    );
    expect(granularitySentence({ distinctWords: 23, newLast30Days: 1 })).toContain('one of them new');
    expect(granularitySentence({ distinctWords: 4, newLast30Days: 4 })).toContain('all of them in the last month');
    expect(granularitySentence({ distinctWords: 1, newLast30Days: 1 })).toMatch(/a word to a feeling/);
    expect(granularitySentence({ distinctWords: 0, newLast30Days: 0 })).toMatch(/good start/);
  });

  it('never judges, whatever the numbers', () => {
    for (let n = 0; n <= 60; n++) {
      for (const fresh of new Set([0, 1, Math.floor(n / 2), n])) {
        if (fresh > n) continue;
        const s = granularitySentence({ distinctWords: n, newLast30Days: fresh });
        expect(s).toMatch(/^[A-Z].*\.$/);
        expect(s.length).toBeLessThan(110);
        expect(s.toLowerCase()).not.toMatch(/\b(only|just|should|must|try harder|more|fewer|less|goal|score|streak|behind)\b|!/);
        if (n > 1) expect(s).toContain(`${n} different words`);
      }
    }
  });
});
