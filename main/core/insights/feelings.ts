import type { FeelingsInsights, InsightsSpan } from '../../../preload/contract/insights.ts';
import type { Vocabulary } from '../../../preload/contract/index.ts';
import { distinctWords, foldWord, type WordUse } from '../journal/granularity.ts';
import { granularitySql, notYetWord } from '../journal/vocabulary.ts';
import type { Db } from '../vault/database.ts';
import { statement } from '../vault/statements.ts';
import type { Buckets } from './periods.ts';
import { bucketTable, bucketsParam } from './sql-buckets.ts';

// Feelings carry their entry's time while it is live (migration 018), so none of these joins the entries.

/** Feelings (any word, "not yet" too) per bucket, and how many of them were one of the "not yet" spellings. */
const perBucket = `
  WITH ${bucketTable}
  SELECT
    (SELECT count(*) FROM entry_emotions ee WHERE ee.written_at >= b.lo AND ee.written_at < b.hi) AS feelings,
    (SELECT count(*) FROM json_each(?) n, entry_emotions ee WHERE ee.word = n.value AND ee.written_at >= b.lo AND ee.written_at < b.hi) AS notYet
  FROM b ORDER BY b.i`;

/** Times each word (as stored: the JSON list) was named in the period; a range of (word, written_at) each, nothing sorted. */
const perWord = `
  SELECT w.value AS word, (SELECT count(*) FROM entry_emotions ee WHERE ee.word = w.value AND ee.written_at >= ? AND ee.written_at < ?) AS n
  FROM json_each(?) w`;

/**
 * Feelings named week by week: how often, how many different words so far (counted exactly as
 * emotions.granularity counts them: granularity.ts), the families used most, and "I can't name it
 * yet" on its own, as an answer like any other.
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
  const notYetSpellings = uses.filter((u) => foldWord(u.word) === notYet).map((u) => u.word);
  const counts = statement(db, perBucket).all(bucketsParam(buckets), JSON.stringify(notYetSpellings)) as Array<{ feelings: number; notYet: number }>;
  const rows = buckets.map(([start, end], i) => ({
    start,
    end,
    named: counts[i]!.feelings - counts[i]!.notYet,
    notYet: counts[i]!.notYet,
    newWords: firstUses.filter((first) => first >= start && first < end).length,
    distinctSoFar: firstUses.filter((first) => first < end).length,
  }));

  // Families and different words in the period, after folding spellings together as granularity does.
  const inPeriod = new Set<string>();
  const families = new Map<string, { id: string; name: string; named: number }>();
  let withoutFamily = 0;
  const named = statement(db, perWord).all(span.from, span.to, JSON.stringify(uses.map((u) => u.word))) as Array<{ word: string; n: number }>;
  for (const { word, n } of named) {
    const folded = foldWord(word);
    if (n === 0 || folded === notYet || folded === '') continue;
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
      named: rows.reduce((sum, r) => sum + r.named, 0),
      notYet: rows.reduce((sum, r) => sum + r.notYet, 0),
      withoutFamily,
      distinctWords: inPeriod.size,
      newWords: rows.reduce((sum, r) => sum + r.newWords, 0),
      distinctEver: firstUses.length,
    },
  };
}
