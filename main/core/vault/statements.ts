import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database.ts';

// Keyed by the Database object, not held on the service: the vault opens a new
// connection on every unlock, and a WeakMap lets the old one's statements go with it.
const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement for this connection, compiled once per connection and SQL text. */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
