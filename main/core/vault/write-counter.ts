import type { Db } from './database.ts';
import { statement } from './statements.ts';

const COUNTER_TABLE = 'vault_writes';
const NOTIFY_FUNCTION = 'saltwater_wrote';

/**
 * Makes every row change on this connection add one to vault_writes.n in the same transaction,
 * and calls `onWrite` once the change's synchronous work is over (committed or rolled back).
 *
 * The triggers are TEMP: they live only on this connection and are never stored in the file, so
 * backups, exports and SQLCipher tools see a plain schema. Shadow tables of the search index are
 * left out (they change only together with `entries`), and so is the counter itself.
 */
export function countWrites(db: Db, onWrite: () => void): void {
  let scheduled = false;
  db.function(NOTIFY_FUNCTION, { deterministic: false }, () => {
    if (!scheduled) {
      scheduled = true;
      // better-sqlite3 runs a transaction synchronously, so by the time this microtask runs the
      // transaction that called us has finished and the counter holds its final value.
      queueMicrotask(() => {
        scheduled = false;
        onWrite();
      });
    }
    return null;
  });
  const tables = (db.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_') && t.name !== COUNTER_TABLE)
    .map((t) => t.name);
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  db.transaction(() => {
    for (const table of tables) {
      for (const op of ['INSERT', 'UPDATE', 'DELETE'] as const) {
        db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${quote(`count_${op.toLowerCase()}_${table}`)} AFTER ${op} ON main.${quote(table)}
          BEGIN UPDATE ${COUNTER_TABLE} SET n = n + 1 WHERE id = 1; SELECT ${NOTIFY_FUNCTION}(); END`);
      }
    }
  })();
}

/** The count of row changes committed to this database so far. */
export function writeCount(db: Db): number {
  const n = statement(db, `SELECT n FROM ${COUNTER_TABLE} WHERE id = 1`).pluck().get();
  return typeof n === 'number' ? n : 0;
}
