import type { Db } from '../vault/database.ts';
import { statement } from '../vault/statements.ts';
import type { Buckets } from './periods.ts';

/**
 * The buckets as a table b(i, lo, hi), from one JSON parameter ([[start, end], …]): the local
 * boundaries come from periods.ts, the grouping is SQL's. Each view puts `b` first in its FROM,
 * so SQLite walks the buckets and reads each one's rows as a range of a time index.
 */
export const bucketTable = `b (i, lo, hi) AS (SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`;

export const bucketsParam = (buckets: Buckets): string => JSON.stringify(buckets);

/** An average as shown: two decimals, or null when there was nothing to average. */
export function average(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/**
 * When the first thing the vault holds happened (a session, an entry, a ladder try, a media
 * use), for 'all'; null when it holds none. Each is one step down an index, or a small table.
 */
export function earliestRecord(db: Db): number | null {
  const row = statement(
    db,
    `SELECT min(t) AS first FROM (
       SELECT min(started_at) AS t FROM sessions
       UNION ALL SELECT min(created_at) FROM entries WHERE deleted_at IS NULL
       UNION ALL SELECT min(started_at) FROM ladder_attempts
       UNION ALL SELECT min(used_at) FROM media_uses)`,
  ).get() as { first: number | null };
  return row.first;
}
