import type { InsightsSpan, TearsInsights } from '../../../preload/contract/insights.ts';
import type { Db } from '../vault/database.ts';
import { statement } from '../vault/statements.ts';
import type { Buckets } from './periods.ts';
import { bucketTable, bucketsParam } from './sql-buckets.ts';

const perBucket = `
  WITH ${bucketTable}
  SELECT b.lo AS start, b.hi AS "end", count(s.id) AS sessions,
    count(CASE s.tears WHEN 'none' THEN 1 END) AS none,
    count(CASE s.tears WHEN 'welled' THEN 1 END) AS welled,
    count(CASE s.tears WHEN 'tear' THEN 1 END) AS tear,
    count(CASE s.tears WHEN 'cried' THEN 1 END) AS cried,
    count(CASE s.tears WHEN 'deep' THEN 1 END) AS deep,
    count(CASE WHEN s.id IS NOT NULL AND s.tears IS NULL THEN 1 END) AS notAnswered
  FROM b LEFT JOIN sessions s ON s.started_at >= b.lo AND s.started_at < b.hi
  GROUP BY b.i ORDER BY b.i`;

type Row = TearsInsights['buckets'][number];

/** Sessions by the tears answered after them, week by week. A session not answered is counted apart, not as "none". */
export function tearsInsights(db: Db, span: InsightsSpan, buckets: Buckets): TearsInsights {
  const rows = statement(db, perBucket).all(bucketsParam(buckets)) as Row[];
  const totals = { sessions: 0, none: 0, welled: 0, tear: 0, cried: 0, deep: 0, notAnswered: 0 };
  for (const row of rows) {
    for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += row[key];
  }
  return { span, buckets: rows, totals };
}
