import { FEWEST_TO_COMPARE, type InsightsSpan, type MoodInsights } from '../../../preload/contract/insights.ts';
import type { Db } from '../vault/database.ts';
import { statement } from '../vault/statements.ts';
import type { Buckets } from './periods.ts';
import { average, bucketTable, bucketsParam } from './sql-buckets.ts';

// Only sessions with both moods are compared, so "before" and "after" average the same sessions.
const both = 's.mood_before IS NOT NULL AND s.mood_after IS NOT NULL';

const perBucket = `
  WITH ${bucketTable}
  SELECT b.lo AS start, b.hi AS "end", count(s.id) AS sessions,
    count(CASE WHEN ${both} THEN 1 END) AS paired,
    avg(CASE WHEN ${both} THEN s.mood_before END) AS before,
    avg(CASE WHEN ${both} THEN s.mood_after END) AS after,
    total(CASE WHEN ${both} THEN s.mood_after - s.mood_before END) AS change,
    count(CASE WHEN ${both} AND s.mood_after > s.mood_before THEN 1 END) AS higher,
    count(CASE WHEN ${both} AND s.mood_after = s.mood_before THEN 1 END) AS same
  FROM b LEFT JOIN sessions s ON s.started_at >= b.lo AND s.started_at < b.hi
  GROUP BY b.i ORDER BY b.i`;

// Every practice used (a summary lists them all), with its compared sessions apart. The title the
// practice had when last used (max() makes SQLite take the other columns from that row).
const perPractice = `
  SELECT s.practice_id AS practiceId, s.practice_title AS title, max(s.started_at) AS lastUsed,
    count(*) AS sessions, count(CASE WHEN ${both} THEN 1 END) AS compared,
    avg(CASE WHEN ${both} THEN s.mood_after - s.mood_before END) AS change
  FROM sessions s
  WHERE s.started_at >= ? AND s.started_at < ?
  GROUP BY s.practice_id
  ORDER BY compared DESC, sessions DESC, lastUsed DESC`;

interface BucketRow {
  start: number;
  end: number;
  sessions: number;
  paired: number;
  before: number | null;
  after: number | null;
  change: number;
  higher: number;
  same: number;
}

/** Mood before and after sessions, week by week, and the average change with each practice. */
export function moodInsights(db: Db, span: InsightsSpan, buckets: Buckets): MoodInsights {
  const rows = statement(db, perBucket).all(bucketsParam(buckets)) as BucketRow[];
  const totals = { sessions: 0, paired: 0, higherAfter: 0, sameAfter: 0, lowerAfter: 0, averageChange: null as number | null };
  let change = 0;
  for (const r of rows) {
    totals.sessions += r.sessions;
    totals.paired += r.paired;
    totals.higherAfter += r.higher;
    totals.sameAfter += r.same;
    change += r.change;
  }
  totals.lowerAfter = totals.paired - totals.higherAfter - totals.sameAfter;
  if (totals.paired >= FEWEST_TO_COMPARE) totals.averageChange = average(change / totals.paired);

  const rowsPerPractice = statement(db, perPractice).all(span.from, span.to) as Array<{ practiceId: string; title: string; sessions: number; compared: number; change: number | null }>;
  const practices = rowsPerPractice.map((p) => ({
    practiceId: p.practiceId,
    title: p.title,
    sessions: p.sessions,
    compared: p.compared,
    // Too few to say what helps: the count is given, the average is not.
    averageChange: p.compared >= FEWEST_TO_COMPARE ? average(p.change) : null,
  }));
  return {
    span,
    buckets: rows.map((r) => ({ start: r.start, end: r.end, sessions: r.sessions, paired: r.paired, before: average(r.before), after: average(r.after) })),
    practices,
    totals,
  };
}
