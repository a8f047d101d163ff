import type { InsightsSpan, ReliefInsights } from '../../../preload/contract/insights.ts';
import { HIGH_DISTRESS } from '../../../preload/contract/sessions.ts';
import type { Db } from '../vault/database.ts';
import { statement } from '../vault/statements.ts';
import type { Buckets } from './periods.ts';
import { average, bucketTable, bucketsParam } from './sql-buckets.ts';

const reliefPerBucket = `
  WITH ${bucketTable}
  SELECT b.lo AS start, b.hi AS "end", count(s.relief) AS reliefAnswers, avg(s.relief) AS relief,
    count(CASE WHEN s.relief > 0 THEN 1 END) AS someRelief, total(s.relief) AS sum, count(s.too_much) AS saidTooMuch
  FROM b LEFT JOIN sessions s ON s.started_at >= b.lo AND s.started_at < b.hi
  GROUP BY b.i ORDER BY b.i`;

// Check-ins count in the week their session started, like everything else about a session.
const distressPerBucket = `
  WITH ${bucketTable}
  SELECT count(c.value) AS checkIns, avg(c.value) AS distress, max(c.value) AS highest,
    count(CASE WHEN c.value >= ${HIGH_DISTRESS} THEN 1 END) AS high,
    count(DISTINCT CASE WHEN c.value >= ${HIGH_DISTRESS} THEN s.id END) AS sessionsWithHigh,
    total(c.value) AS sum
  FROM b LEFT JOIN sessions s ON s.started_at >= b.lo AND s.started_at < b.hi
    LEFT JOIN session_check_ins c ON c.session_id = s.id AND c.question = 'distress'
  GROUP BY b.i ORDER BY b.i`;

interface ReliefRow {
  start: number;
  end: number;
  reliefAnswers: number;
  relief: number | null;
  someRelief: number;
  sum: number;
  saidTooMuch: number;
}
interface DistressRow {
  checkIns: number;
  distress: number | null;
  highest: number | null;
  high: number;
  sessionsWithHigh: number;
  sum: number;
}

/** Relief after sessions (0–10) and distress in their check-ins (0–10), week by week. */
export function reliefInsights(db: Db, span: InsightsSpan, buckets: Buckets): ReliefInsights {
  const param = bucketsParam(buckets);
  const relief = statement(db, reliefPerBucket).all(param) as ReliefRow[];
  const distress = statement(db, distressPerBucket).all(param) as DistressRow[];
  let reliefSum = 0;
  let distressSum = 0;
  const totals = { reliefAnswers: 0, relief: null as number | null, someRelief: 0, checkIns: 0, distress: null as number | null, high: 0, sessionsWithHigh: 0, saidTooMuch: 0 };
  const rows = relief.map((r, i) => {
    const d = distress[i]!;
    totals.reliefAnswers += r.reliefAnswers;
    totals.someRelief += r.someRelief;
    totals.saidTooMuch += r.saidTooMuch;
    reliefSum += r.sum;
    totals.checkIns += d.checkIns;
    totals.high += d.high;
    totals.sessionsWithHigh += d.sessionsWithHigh;
    distressSum += d.sum;
    return {
      start: r.start,
      end: r.end,
      reliefAnswers: r.reliefAnswers,
      relief: average(r.relief),
      checkIns: d.checkIns,
      distress: average(d.distress),
      highest: d.highest,
      high: d.high,
    };
  });
  if (totals.reliefAnswers > 0) totals.relief = average(reliefSum / totals.reliefAnswers);
  if (totals.checkIns > 0) totals.distress = average(distressSum / totals.checkIns);
  return { span, buckets: rows, totals };
}
