import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { migrate } from '../../main/core/vault/migrate.ts';
import { migrations } from '../../main/core/vault/migrations/index.ts';
import { makeTempDir } from './vault-fixtures.ts';

/**
 * A real encrypted database stopped just before migration `version`, plus a way to apply it.
 * Each migration test seeds rows at the old schema, applies one step and checks both.
 */
export function databaseBefore(version: number): { db: Db; applyIt: () => void; cleanup: () => void } {
  const { dir, cleanup } = makeTempDir();
  const db = openEncryptedDatabase(path.join(dir, 'migration.db'), randomBytes(32), {
    migrations: migrations.slice(0, version - 1),
  });
  return {
    db,
    applyIt: () => migrate(db, migrations.slice(0, version)),
    cleanup: () => {
      if (db.open) db.close();
      cleanup();
    },
  };
}

export function tableNames(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name").all() as Array<{ name: string }>).map(
    (row) => row.name,
  );
}

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
