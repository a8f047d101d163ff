import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqlcipherKeyFromRecoveryKey } from '../../main/core/vault/recovery-key.ts';
import { vaultPaths } from '../../main/core/vault/vault-files.ts';
import { all, close, exec, open } from '../helpers/sqlcipher-reader.ts';
import { insertEntry, makeTempDir, makeVault, PASSPHRASE } from '../helpers/vault-fixtures.ts';

/**
 * The promise that users are never locked in, checked with a separate SQLCipher 4 build
 * (Zetetic's, bundled by @journeyapps/sqlcipher), not the library the app uses. It runs
 * exactly what the README tells a person to type: one PRAGMA key, no other settings.
 */
let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
});
afterEach(() => cleanup());

async function lockedVaultWith(body: string): Promise<{ recoveryKey: string; id: number }> {
  const vault = makeVault(dir);
  const { recoveryKey } = await vault.create(PASSPHRASE);
  const id = insertEntry(vault.db(), body);
  vault.lock();
  return { recoveryKey, id };
}

describe('an independent SQLCipher 4 opens the vault with the recovery key', () => {
  it('reads an entry and finds it with an FTS5 match, using the key as a person would type it', async () => {
    const word = `tidepool${randomBytes(4).toString('hex')}`;
    const { recoveryKey, id } = await lockedVaultWith(`After the call I sat with it. ${word}. Then tea.`);
    // Typed by hand: lower case, spaces instead of dashes, a line break in the middle.
    const groups = recoveryKey.toLowerCase().split('-');
    const typed = `${groups.slice(0, 8).join(' ')}\n${groups.slice(8).join(' ')}`;
    const hex = sqlcipherKeyFromRecoveryKey(typed);

    const db = await open(vaultPaths(dir).database);
    try {
      await exec(db, `PRAGMA key = "x'${hex}'";`);
      const [version] = await all<{ cipher_version: string }>(db, 'PRAGMA cipher_version');
      expect(version?.cipher_version).toMatch(/^4\./);

      const rows = await all<{ id: number; body: string }>(db, 'SELECT id, body FROM entries');
      expect(rows).toEqual([{ id, body: `After the call I sat with it. ${word}. Then tea.` }]);

      const hits = await all<{ rowid: number }>(db, 'SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?', word);
      expect(hits).toEqual([{ rowid: id }]);
    } finally {
      await close(db);
    }
  });

  it('refuses a wrong key', async () => {
    await lockedVaultWith('not for other keys');
    const db = await open(vaultPaths(dir).database);
    try {
      // Quiet: SQLCipher logs every failed HMAC check to stderr, which is expected here.
      await exec(db, `PRAGMA cipher_log_level = NONE; PRAGMA key = "x'${randomBytes(32).toString('hex')}'";`);
      await expect(all(db, 'SELECT count(*) FROM entries')).rejects.toThrow(/not a database/);
    } finally {
      await close(db);
    }
  });
});
