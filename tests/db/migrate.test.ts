import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyCipher, applyConnectionPragmas, openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { migrate } from '../../main/core/vault/migrate.ts';
import { migrations, type Migration } from '../../main/core/vault/migrations/index.ts';
import { tableNames, userVersion } from '../helpers/migration-fixtures.ts';
import { expectAppError, insertEntry, makeTempDir } from '../helpers/vault-fixtures.ts';

let dir: string;
let cleanup: () => void;
let file: string;
let key: Buffer;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'saltwater.db');
  key = randomBytes(32);
});
afterEach(() => cleanup());

/** A vault file as an older Saltwater left it: schema version `version`, with one entry. */
function olderVault(version: number, body: string): number {
  const db = openEncryptedDatabase(file, key, { migrations: migrations.slice(0, version) });
  const id = insertEntry(db, body);
  expect(userVersion(db)).toBe(version);
  db.close();
  return id;
}

/** The same encrypted file, opened without running any migration, to look at what is there. */
function openAsIs(): Db {
  const db = new Database(file);
  applyCipher(db, key);
  applyConnectionPragmas(db);
  return db;
}

const failingMigration = (version: number): Migration => ({
  version,
  name: 'fails halfway',
  up(db) {
    db.exec('CREATE TABLE half_done (x INTEGER); INSERT INTO half_done VALUES (1);');
    db.exec('ALTER TABLE entries ADD COLUMN half_column TEXT');
    throw new Error('disk said no');
  },
});

describe('migrate', () => {
  it('brings a vault from schema 1 up to the latest, with its data intact and searchable', () => {
    const id = olderVault(1, 'written by an older Saltwater');

    const db = openEncryptedDatabase(file, key);
    try {
      expect(userVersion(db)).toBe(migrations.length);
      expect(db.prepare('SELECT body FROM entries WHERE id = ?').get(id)).toEqual({ body: 'written by an older Saltwater' });
      expect(db.prepare("SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'older'").all()).toEqual([{ rowid: id }]);
      expect(tableNames(db)).toEqual(expect.arrayContaining(['entry_emotions', 'entry_tags', 'settings']));
      // The new tables work with the old row.
      db.prepare("INSERT INTO entry_tags (entry_id, tag) VALUES (?, 'kept')").run(id);
    } finally {
      db.close();
    }
  });

  it('rolls a failing migration back completely, keeping the ones before it', () => {
    olderVault(1, 'must survive a failed upgrade');

    expect(() => openEncryptedDatabase(file, key, { migrations: [...migrations, failingMigration(migrations.length + 1)] })).toThrow(
      'disk said no',
    );

    const db = openAsIs();
    try {
      // Each migration is its own transaction: 2 and 3 are in, the failing one left no trace.
      expect(userVersion(db)).toBe(migrations.length);
      expect(tableNames(db)).not.toContain('half_done');
      const columns = (db.pragma('table_info(entries)') as Array<{ name: string }>).map((c) => c.name);
      expect(columns).not.toContain('half_column');
      expect(db.prepare('SELECT body FROM entries').all()).toEqual([{ body: 'must survive a failed upgrade' }]);
    } finally {
      db.close();
    }
  });

  it('refuses migrations that are out of order or have gaps, before touching the database', () => {
    olderVault(1, 'untouched');
    const [first, second, third] = migrations;
    const db = openAsIs();
    try {
      expect(() => migrate(db, [first!, third!])).toThrow(/expected 2/);
      expect(() => migrate(db, [second!, first!])).toThrow(/expected 1/);
      expect(userVersion(db)).toBe(1);
      expect(tableNames(db)).not.toContain('entry_emotions');
      expect(migrate(db, migrations)).toBe(migrations.length);
    } finally {
      db.close();
    }
  });

  it('refuses a database from a newer schema', async () => {
    olderVault(migrations.length, 'from the future');
    const db = openEncryptedDatabase(file, key);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();

    const error = await expectAppError(() => openEncryptedDatabase(file, key), 'VAULT_DAMAGED');
    expect(error.message).toMatch(/newer version of Saltwater/);
  });

  it('does nothing on a database that is already current', () => {
    olderVault(migrations.length, 'current');
    const db = openAsIs();
    try {
      const ran: number[] = [];
      const watched = migrations.map((m) => ({ ...m, up: (d: typeof db) => (ran.push(m.version), m.up(d)) }));
      expect(migrate(db, watched)).toBe(migrations.length);
      expect(ran).toEqual([]);
    } finally {
      db.close();
    }
  });
});
