import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyConnectionPragmas } from '../../main/core/vault/database.ts';
import { migrate } from '../../main/core/vault/migrate.ts';
import { migrations } from '../../main/core/vault/migrations/index.ts';
import { parseRecoveryKey } from '../../main/core/vault/recovery-key.ts';
import { vaultPaths } from '../../main/core/vault/vault-files.ts';
import { insertEntry, makeTempDir, makeVault, PASSPHRASE } from '../helpers/vault-fixtures.ts';

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
});
afterEach(() => cleanup());

/** A word that cannot appear by chance, written the way SQLite stores TEXT (UTF-8). */
function uniqueWord(): string {
  return `saltwaterprobe${randomBytes(8).toString('hex')}`;
}

function fileContains(file: string, needle: string | Buffer): boolean {
  if (!fs.existsSync(file)) return false;
  return fs.readFileSync(file).includes(typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle);
}

/** Every file in the folder (database, WAL, shared memory, keys, any stray temp file). */
function anyFileContains(folder: string, needle: string | Buffer): string[] {
  return fs.readdirSync(folder).filter((name) => fileContains(path.join(folder, name), needle));
}

describe('no plaintext on disk', () => {
  it('control: the same writes to an unencrypted database are found by the same search', () => {
    const word = uniqueWord();
    const file = path.join(dir, 'plain.db');
    const db = new Database(file);
    applyConnectionPragmas(db);
    migrate(db, migrations);
    insertEntry(db, `today I wrote ${word} and meant it`);

    // Before a checkpoint the row lives in the WAL, afterwards in the main file.
    expect(fileContains(`${file}-wal`, word)).toBe(true);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileContains(file, word)).toBe(true);
    db.close();
  });

  it('never writes a journal word, the data key or the passphrase to any vault file', async () => {
    const word = uniqueWord();
    const vault = makeVault(dir);
    const { recoveryKey } = await vault.create(PASSPHRASE);
    const dataKey = parseRecoveryKey(recoveryKey);
    const secrets: Array<[string, string | Buffer]> = [
      ['word', word],
      ['data key (raw)', dataKey],
      ['data key (hex)', dataKey.toString('hex')],
      ['data key (HEX)', dataKey.toString('hex').toUpperCase()],
      ['passphrase', PASSPHRASE],
    ];
    const paths = vaultPaths(dir);
    const expectNoSecrets = (moment: string) => {
      for (const [name, secret] of secrets) {
        expect(anyFileContains(dir, secret), `${name} found ${moment}`).toEqual([]);
      }
    };

    const db = vault.db();
    const id = insertEntry(db, `today I wrote ${word} and meant it`);
    db.prepare('INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)').run(id, word);
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(word, JSON.stringify(word));

    // The row really reached the disk: the WAL grew and holds it, just not readably.
    expect(fs.statSync(paths.wal).size).toBeGreaterThan(0);
    expectNoSecrets('before a checkpoint');

    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.statSync(paths.wal).size).toBe(0);
    expectNoSecrets('after a checkpoint');

    vault.lock();
    expectNoSecrets('after lock');

    // And the word is really in there: the vault reads it back after unlocking.
    await vault.unlock(PASSPHRASE);
    const found = vault.db().prepare('SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?').all(word);
    expect(found).toEqual([{ rowid: id }]);
    vault.lock();
  });
});
