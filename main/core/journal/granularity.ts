import { wallAt } from '../../../preload/contract/schedule/zone-time.ts';
import type { EmotionGranularity } from '../../../preload/contract/index.ts';

/**
 * Emotional granularity, counted gently: how many different words a person has put to
 * their feelings, and how that grew. Pure functions; the service reads the uses from the
 * vault and passes the clock and zone in.
 */

/** One feeling word as used in the journal: when it was first and last used. */
export interface WordUse {
  word: string;
  firstUsed: number;
  lastUsed: number;
}

export type GranularityCounts = Omit<EmotionGranularity, 'sentence'>;

export const recentDays = 30;
export const monthsShown = 12;
const DAY = 86_400_000;

/**
 * The form in which two spellings count as one word: Unicode lowercase (the journal stores
 * words this way, but older or hand-made rows may not be), one space between words, and
 * typographic apostrophes as plain ones, so "Can’t name it yet" is the reserved answer too.
 */
export function foldWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/[\u2018\u2019\u02bc]/gu, "'").replace(/\s+/gu, ' ').trim();
}

/** "YYYY-MM" of the calendar month the instant falls in, in that zone. */
export function monthKey(instant: number, zone: string): string {
  const { year, month } = wallAt(instant, zone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The `count` months ending with the one `instant` falls in, oldest first. */
export function monthsEndingAt(instant: number, zone: string, count: number): string[] {
  const { year, month } = wallAt(instant, zone);
  const keys: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    keys.push(`${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return keys;
}

/**
 * Each different word (in its folded form, see foldWord) with its first and last use, leaving
 * out the `notCounted` answers. What every count of "different words" is made from, here and
 * in "Over time" (main/core/insights/feelings.ts).
 */
export function distinctWords(uses: readonly WordUse[], notCounted: readonly string[]): Map<string, { first: number; last: number }> {
  const skip = new Set(notCounted.map(foldWord));
  const byWord = new Map<string, { first: number; last: number }>();
  for (const use of uses) {
    const word = foldWord(use.word);
    if (word === '' || skip.has(word)) continue;
    const seen = byWord.get(word);
    if (seen) {
      seen.first = Math.min(seen.first, use.firstUsed);
      seen.last = Math.max(seen.last, use.lastUsed);
    } else {
      byWord.set(word, { first: use.firstUsed, last: use.lastUsed });
    }
  }
  return byWord;
}

/**
 * Counts distinct words, folding case and spelling (see foldWord) and leaving out the
 * `notCounted` answers ("can't name it yet": an honest answer, but not a word for the
 * feeling). Months are calendar months in `zone`, so a word written late on the 31st
 * counts in the month the person lived it. A first use later than `now` (the clock was
 * wrong when it was written) counts as this month, so the last month always equals the total.
 */
export function countGranularity(
  uses: readonly WordUse[],
  options: { now: number; zone: string; notCounted: readonly string[] },
): GranularityCounts {
  const { now, zone } = options;
  const byWord = distinctWords(uses, options.notCounted);

  const since = now - recentDays * DAY;
  const keys = monthsEndingAt(now, zone, monthsShown);
  const newPerMonth = new Map(keys.map((k) => [k, 0]));
  let beforeWindow = 0;
  let wordsLast30Days = 0;
  let newLast30Days = 0;
  for (const { first, last } of byWord.values()) {
    if (last >= since) wordsLast30Days++;
    if (first >= since) newLast30Days++;
    const key = monthKey(Math.min(first, now), zone);
    if (key < keys[0]!) beforeWindow++;
    else newPerMonth.set(key, (newPerMonth.get(key) ?? 0) + 1);
  }

  let soFar = beforeWindow;
  const months = keys.map((month) => {
    const newWords = newPerMonth.get(month) ?? 0;
    soFar += newWords;
    return { month, newWords, distinctSoFar: soFar };
  });
  return { distinctWords: byWord.size, wordsLast30Days, newLast30Days, months };
}

/**
 * One short, warm line about the count. It notices without grading: no "only", no goals,
 * nothing that reads as falling behind when the number is small or did not grow.
 */
export function granularitySentence(counts: Pick<GranularityCounts, 'distinctWords' | 'newLast30Days'>): string {
  const { distinctWords: n, newLast30Days: fresh } = counts;
  if (n === 0) return 'Whenever you like, any word for a feeling is a good start, even a rough one.';
  if (n === 1) return 'You have put a word to a feeling. That is a real start.';
  const base = `You have put ${n} different words to your feelings so far`;
  if (fresh === 0) return `${base}.`;
  if (fresh === n) return `${base}, all of them in the last month.`;
  return `${base}, ${fresh === 1 ? 'one' : fresh} of them new this past month.`;
}
