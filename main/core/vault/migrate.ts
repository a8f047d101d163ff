import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migrations/types.ts';
import { vaultErrors } from './vault-errors.ts';

/**
 * Brings the schema to the newest version, one migration per transaction, tracked by
 * PRAGMA user_version. A vault from a newer Saltwater is refused rather than touched.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw vaultErrors.madeByNewerVersion();
  }
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return migrations.length;
}
