import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asVaultError } from '../../main/core/vault/database.ts';
import { readKeyFile } from '../../main/core/vault/key-file.ts';
import type { Vault } from '../../main/core/vault/vault.ts';
import { vaultPaths, type VaultPaths } from '../../main/core/vault/vault-files.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import {
  expectAppError,
  insertEntry,
  makeTempDir,
  makeVault,
  PASSPHRASE,
  sha256OfFile,
} from '../helpers/vault-fixtures.ts';

const PAGE = 4096;

let dir: string;
let paths: VaultPaths;
let cleanup: () => void;
let clock: FakeClock;
const opened: Vault[] = [];

function vault(): Vault {
  const v = makeVault(dir, clock);
  opened.push(v);
  return v;
}

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  paths = vaultPaths(dir);
  clock = new FakeClock(1_700_000_000_000);
});

afterEach(() => {
  for (const v of opened.splice(0)) v.lock();
  cleanup();
});

/** A locked vault with enough entries to span many pages; returns its recovery key. */
async function lockedVaultWithEntries(count = 200): Promise<string> {
  const v = vault();
  const { recoveryKey } = await v.create(PASSPHRASE);
  const db = v.db();
  db.transaction(() => {
    for (let i = 0; i < count; i++) insertEntry(db, `entry ${i}: ${'a quiet evening by the water. '.repeat(30)}`);
  })();
  v.lock();
  expect(fs.existsSync(paths.wal)).toBe(false);
  return recoveryKey;
}

function flipBytes(file: string, offset: number, length = 8): void {
  const bytes = fs.readFileSync(file);
  for (let i = offset; i < offset + length; i++) bytes[i] = (bytes[i] ?? 0) ^ 0xa5;
  fs.writeFileSync(file, bytes);
}

/** Unlock reads the first pages only; the integrity check reads the rest. Either may find the damage. */
async function unlockAndVerify(v: Vault, passphrase = PASSPHRASE): Promise<void> {
  await v.unlock(passphrase);
  v.verifyIntegrity();
}

describe('a damaged database file', () => {
  it.each([
    ['the salt at the very start', 0],
    ['the middle of page 1', 2_000],
    ['the end of page 1 (its HMAC)', PAGE - 40],
  ])('is reported as damaged when %s is tampered with, and is not counted as a wrong passphrase', async (_, offset) => {
    await lockedVaultWithEntries();
    flipBytes(paths.database, offset);
    const before = sha256OfFile(paths.database);

    const v = vault();
    const error = await expectAppError(v.unlock(PASSPHRASE), 'VAULT_DAMAGED');

    expect(error.message).toMatch(/may be damaged/);
    expect(v.isUnlocked()).toBe(false);
    expect(readKeyFile(paths.keyFile)?.failedAttempts).toBe(0);
    expect(sha256OfFile(paths.database)).toBe(before);
  });

  it('finds damage in a page in the middle of the file', async () => {
    await lockedVaultWithEntries();
    const pages = fs.statSync(paths.database).size / PAGE;
    expect(pages).toBeGreaterThan(20);
    flipBytes(paths.database, Math.floor(pages / 2) * PAGE + 1_000);

    await expectAppError(unlockAndVerify(vault()), 'VAULT_DAMAGED');
  });

  it('reports damage met later by a query as VAULT_DAMAGED too', async () => {
    await lockedVaultWithEntries();
    const pages = fs.statSync(paths.database).size / PAGE;
    flipBytes(paths.database, Math.floor(pages / 2) * PAGE + 1_000);
    const v = vault();
    await v.unlock(PASSPHRASE);

    let raw: unknown;
    // Read every row of every table, so the damaged page is met wherever it landed.
    try {
      const db = v.db();
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      for (const { name } of tables) db.prepare(`SELECT * FROM "${name}"`).all();
    } catch (error) {
      raw = error;
    }
    expect(raw, 'reading every table should hit the damaged page').toBeDefined();
    await expectAppError(() => {
      throw asVaultError(raw);
    }, 'VAULT_DAMAGED');
  });

  it('reports a truncated file as damaged', async () => {
    await lockedVaultWithEntries();
    const size = fs.statSync(paths.database).size;
    fs.truncateSync(paths.database, Math.floor(size / 2 / PAGE) * PAGE + 100);
    await expectAppError(unlockAndVerify(vault()), 'VAULT_DAMAGED');
  });

  it('reports an emptied file as damaged instead of starting a new, empty vault', async () => {
    await lockedVaultWithEntries(1);
    fs.truncateSync(paths.database, 0);
    await expectAppError(vault().unlock(PASSPHRASE), 'VAULT_DAMAGED');
    expect(fs.statSync(paths.database).size).toBe(0);
  });

  it('reports a missing database file, keeping keys.json', async () => {
    await lockedVaultWithEntries(1);
    fs.rmSync(paths.database);
    const v = vault();
    expect(v.status().state).toBe('locked');
    const error = await expectAppError(v.unlock(PASSPHRASE), 'VAULT_DAMAGED');
    expect(error.message).toMatch(/missing/);
    expect(fs.existsSync(paths.database)).toBe(false);
    await expectAppError(v.create(PASSPHRASE), 'VAULT_EXISTS');
  });

  it('gives the recovery-key path the same answer when the key is right but the file is damaged', async () => {
    const recoveryKey = await lockedVaultWithEntries();
    flipBytes(paths.database, 2_000);
    await expectAppError(vault().unlockWithRecoveryKey(recoveryKey, 'a new passphrase'), 'VAULT_DAMAGED');
    // The passphrase was not replaced, since the vault could not be opened.
    await expectAppError(vault().unlock('a new passphrase'), 'WRONG_PASSPHRASE');
  });
});

describe('a damaged or missing keys.json', () => {
  const garbage: Array<[string, string | Buffer]> = [
    ['truncated JSON', '{"format":1,"kdf":{"N":1024,'],
    ['random bytes', Buffer.from([0xff, 0x00, 0x13, 0x37, 0xde, 0xad])],
    ['an empty file', ''],
    ['JSON of the wrong shape', '{"format":1,"hello":"world"}'],
    ['null', 'null'],
  ];

  it.each(garbage)('reports %s as VAULT_DAMAGED and still shows a locked vault', async (_, content) => {
    await lockedVaultWithEntries(1);
    fs.writeFileSync(paths.keyFile, content);
    const v = vault();
    expect(v.status()).toEqual({ state: 'locked', retryAfterMs: 0, keyToConfirm: true });
    const error = await expectAppError(v.unlock(PASSPHRASE), 'VAULT_DAMAGED');
    expect(error.message).toMatch(/recovery key can still open/);
    await expectAppError(v.create(PASSPHRASE), 'VAULT_EXISTS');
  });

  it('rejects a key file whose fields have the wrong sizes or impossible KDF settings', async () => {
    await lockedVaultWithEntries(1);
    const good = JSON.parse(fs.readFileSync(paths.keyFile, 'utf8')) as Record<string, unknown>;
    const variants = [
      { ...good, wrapped: { ...(good.wrapped as object), iv: Buffer.alloc(4).toString('base64') } },
      { ...good, keyCheck: 'not base64 at all!' },
      { ...good, kdf: { ...(good.kdf as object), N: 1000 } },
      { ...good, kdf: { ...(good.kdf as object), N: 2 ** 30 } },
      { ...good, failedAttempts: -1 },
    ];
    for (const variant of variants) {
      fs.writeFileSync(paths.keyFile, JSON.stringify(variant));
      await expectAppError(vault().unlock(PASSPHRASE), 'VAULT_DAMAGED');
    }
  });

  it('is repaired by the recovery key, which then sets a new passphrase', async () => {
    const recoveryKey = await lockedVaultWithEntries(3);
    fs.writeFileSync(paths.keyFile, '{"format":1,');
    const v = vault();
    await v.unlockWithRecoveryKey(recoveryKey, 'a fresh passphrase');
    expect((v.db().prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n).toBe(3);
    v.lock();
    await vault().unlock('a fresh passphrase');
  });

  it('when missing, explains that the recovery key still works, refuses a wrong one, and accepts the right one', async () => {
    const recoveryKey = await lockedVaultWithEntries(2);
    fs.rmSync(paths.keyFile);
    const before = sha256OfFile(paths.database);

    const missing = await expectAppError(vault().unlock(PASSPHRASE), 'VAULT_DAMAGED');
    expect(missing.message).toMatch(/missing.*recovery key/);

    const other = makeTempDir();
    try {
      const stranger = makeVault(other.dir, clock);
      const { recoveryKey: foreignKey } = await stranger.create(PASSPHRASE);
      stranger.lock();
      await expectAppError(vault().unlockWithRecoveryKey(foreignKey, 'a fresh passphrase'), 'WRONG_RECOVERY_KEY');
    } finally {
      other.cleanup();
    }
    expect(sha256OfFile(paths.database)).toBe(before);
    expect(fs.existsSync(paths.keyFile)).toBe(false);

    const v = vault();
    await v.unlockWithRecoveryKey(recoveryKey, 'a fresh passphrase');
    expect(fs.existsSync(paths.keyFile)).toBe(true);
    v.lock();
    await vault().unlock('a fresh passphrase');
  });

  it.each([
    ['another vault’s keys.json, put here by hand', 'foreign'],
    ['a well-formed keys.json whose key check was damaged', 'damaged'],
  ])('when it is %s, the right recovery key still opens the vault, without counting a failure, and keys.json is rewritten', async (_, kind) => {
    const recoveryKey = await lockedVaultWithEntries(2);
    const other = makeTempDir();
    try {
      if (kind === 'foreign') {
        const stranger = makeVault(other.dir, clock);
        await stranger.create('someone else entirely');
        stranger.lock();
        fs.copyFileSync(vaultPaths(other.dir).keyFile, paths.keyFile);
      } else {
        const good = JSON.parse(fs.readFileSync(paths.keyFile, 'utf8')) as Record<string, unknown>;
        fs.writeFileSync(paths.keyFile, JSON.stringify({ ...good, keyCheck: Buffer.alloc(32, 7).toString('base64') }));
      }
      // A wrong recovery key is still wrong, and counts.
      const strangerKey = await (async () => {
        const third = makeTempDir();
        try {
          const v = makeVault(third.dir, clock);
          const { recoveryKey: k } = await v.create(PASSPHRASE);
          v.lock();
          return k;
        } finally {
          third.cleanup();
        }
      })();
      await expectAppError(vault().unlockWithRecoveryKey(strangerKey, 'a fresh passphrase'), 'WRONG_RECOVERY_KEY');
      expect(readKeyFile(paths.keyFile)!.failedAttempts).toBe(1);

      if (kind === 'foreign') {
        // The other vault's passphrase fits its keys.json: never called plain damage to the database.
        const before = sha256OfFile(paths.database);
        const foreign = await expectAppError(vault().unlock('someone else entirely'), 'VAULT_DAMAGED');
        expect(foreign.message).toMatch(/passphrase is right.*keys\.json\) may be from another vault.*recovery key/);
        expect(sha256OfFile(paths.database)).toBe(before);
      }

      const v = vault();
      await v.unlockWithRecoveryKey(recoveryKey, 'a fresh passphrase');
      expect((v.db().prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n).toBe(2);
      v.lock();
      expect(readKeyFile(paths.keyFile)!.failedAttempts).toBe(0);
      await vault().unlock('a fresh passphrase');
    } finally {
      other.cleanup();
    }
  });

  it('from a newer Saltwater is reported clearly and never overwritten', async () => {
    const recoveryKey = await lockedVaultWithEntries(1);
    const newer = { ...JSON.parse(fs.readFileSync(paths.keyFile, 'utf8')), format: 2 };
    fs.writeFileSync(paths.keyFile, JSON.stringify(newer));
    const before = sha256OfFile(paths.keyFile);

    const error = await expectAppError(vault().unlock(PASSPHRASE), 'VAULT_DAMAGED');
    expect(error.message).toMatch(/newer version of Saltwater/);
    await expectAppError(vault().unlockWithRecoveryKey(recoveryKey, 'a fresh passphrase'), 'VAULT_DAMAGED');
    expect(sha256OfFile(paths.keyFile)).toBe(before);
  });
});

describe('a vault from a newer schema', () => {
  it('is refused with a clear message and left as it was', async () => {
    const v = vault();
    await v.create(PASSPHRASE);
    v.db().pragma('user_version = 99');
    v.lock();
    const before = sha256OfFile(paths.database);

    const error = await expectAppError(vault().unlock(PASSPHRASE), 'VAULT_DAMAGED');

    expect(error.message).toBe('This vault was made by a newer version of Saltwater. Please update the app to open it.');
    expect(sha256OfFile(paths.database)).toBe(before);
  });
});
