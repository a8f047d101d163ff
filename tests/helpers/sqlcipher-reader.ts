import { createRequire } from 'node:module';

/**
 * Zetetic's own SQLCipher 4 (bundled by @journeyapps/sqlcipher), not the library the app uses:
 * the independent reader that proves a person is never locked in.
 */
type SqlcipherModule = typeof import('@journeyapps/sqlcipher');
type SqlcipherDb = InstanceType<SqlcipherModule['Database']>;
const sqlcipher = createRequire(import.meta.url)('@journeyapps/sqlcipher') as SqlcipherModule;

export function open(file: string): Promise<SqlcipherDb> {
  return new Promise((resolve, reject) => {
    const db: SqlcipherDb = new sqlcipher.Database(file, sqlcipher.OPEN_READWRITE, (error) =>
      error ? reject(error) : resolve(db),
    );
  });
}
export function exec(db: SqlcipherDb, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
}
export function all<T>(db: SqlcipherDb, sql: string, ...params: unknown[]): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
}
export function close(db: SqlcipherDb): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}
