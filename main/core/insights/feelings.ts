import type { FeelingsInsights, InsightsSpan } from '../../../preload/contract/insights.ts';
import type { Vocabulary } from '../../../preload/contract/index.ts';
import { distinctWords, foldWord, type WordUse } from '../journal/granularity.ts';
import { granularitySql, notYetWord } from '../journal/vocabulary.ts';
import type { Db } from '../vault/database.ts';
import { statement } from '../vault/statements.ts';
import type { Buckets } from './periods.ts';

// Feelings carry their entry's time while it is live (migration 018), so none of these joins the entries.

/**
 * Times each word (as stored: the JSON list) was named in the period: a range of the (word,
 * written_at) index each, nothing sorted. This one index answers everything here (granularity's
 * first uses come from it too), so a first visit after unlock decrypts only its pages.
 */
const perWord = `
  SELECT w.value AS word, (SELECT count(*) FROM entry_emotions ee WHERE ee.word = w.value AND ee.written_at >= ? AND ee.written_at < ?) AS n
  FROM json_each(?) w`;

/**
 * Feelings named: how many different words so far week by week (counted exactly as
 * emotions.granularity counts them: granularity.ts), the families used most, how often in all, and
 * "I can't name it yet" on its own, as an answer like any other.
 */
export function feelingsInsights(db: Db, span: InsightsSpan, buckets: Buckets, vocabulary: Vocabulary): FeelingsInsights {
  const notYet = foldWord(vocabulary.notYetWord ?? notYetWord);
  const familyOf = new Map<string, { id: string; name: string }>();
  for (const family of vocabulary.families) {
    for (const word of family.words) if (foldWord(word) !== notYet) familyOf.set(foldWord(word), { id: family.id, name: family.name });
  }

  // Every live word with its first use: the "so far" line counts everything before the period too.
  const uses = statement(db, granularitySql).all() as WordUse[];
  const firstUses = [...distinctWords(uses, [notYet]).values()].map((w) => w.first);
  const rows = buckets.map(([start, end]) => ({
    start,
    end,
    newWords: firstUses.filter((first) => first >= start && first < end).length,
    distinctSoFar: firstUses.filter((first) => first < end).length,
  }));

  // Families and different words in the period, after folding spellings together as granularity does.
  const inPeriod = new Set<string>();
  const families = new Map<string, { id: string; name: string; named: number }>();
  let named = 0;
  let notYetNamed = 0;
  let withoutFamily = 0;
  const perWordCounts = statement(db, perWord).all(span.from, span.to, JSON.stringify(uses.map((u) => u.word))) as Array<{ word: string; n: number }>;
  for (const { word, n } of perWordCounts) {
    const folded = foldWord(word);
    if (folded === notYet) notYetNamed += n;
    if (n === 0 || folded === notYet || folded === '') continue;
    named += n;
    inPeriod.add(folded);
    const family = familyOf.get(folded);
    if (!family) {
      withoutFamily += n;
      continue;
    }
    const tally = families.get(family.id) ?? { ...family, named: 0 };
    tally.named += n;
    families.set(family.id, tally);
  }

  return {
    span,
    buckets: rows,
    families: [...families.values()].sort((a, b) => b.named - a.named || a.name.localeCompare(b.name)),
    totals: {
      named,
      notYet: notYetNamed,
      withoutFamily,
      distinctWords: inPeriod.size,
      newWords: rows.reduce((sum, r) => sum + r.newWords, 0),
      distinctEver: firstUses.length,
    },
  };
}
