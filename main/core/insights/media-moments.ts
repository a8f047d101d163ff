import type { InsightsSpan, MediaInsights } from '../../../preload/contract/insights.ts';
import type { Db } from '../vault/database.ts';
import { statement } from '../vault/statements.ts';
import { average } from './sql-buckets.ts';

/**
 * Tears count as media/helped.ts's cameWithTears does (eyes welled or more), from the use's own
 * answer, else its session's (as media/store.ts reads them). Relief is only ever asked after a
 * session, so it comes from the use's session.
 */
const perItem = `
  SELECT m.id, m.title, m.kind, count(*) AS uses,
    count(CASE WHEN coalesce(u.tears, s.tears) <> 'none' THEN 1 END) AS withTears,
    count(CASE WHEN s.relief > 0 THEN 1 END) AS withRelief,
    count(s.relief) AS reliefAnswers, avg(s.relief) AS relief
  FROM media_uses u JOIN media_items m ON m.id = u.media_id
    LEFT JOIN sessions s ON s.id = u.session_id
  WHERE u.used_at >= ? AND u.used_at < ?
  GROUP BY m.id
  ORDER BY withTears + withRelief DESC, uses DESC, m.title`;

type Item = MediaInsights['items'][number];

/** Which moving media came with tears or relief in the period. */
export function mediaInsights(db: Db, span: InsightsSpan): MediaInsights {
  const items = (statement(db, perItem).all(span.from, span.to) as Item[]).map((item) => ({ ...item, relief: average(item.relief) }));
  const totals = { uses: 0, items: items.length, withTears: 0, withRelief: 0 };
  for (const item of items) {
    totals.uses += item.uses;
    totals.withTears += item.withTears;
    totals.withRelief += item.withRelief;
  }
  return { span, items, totals };
}
