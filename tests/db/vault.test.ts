import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyOpensDatabase } from '../../main/core/vault/database.ts';
import { readKeyFile } from '../../main/core/vault/key-file.ts';
import { parseRecoveryKey } from '../../main/core/vault/recovery-key.ts';
import type { Vault } from '../../main/core/vault/vault.ts';
import { vaultPaths } from '../../main/core/vault/vault-files.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import {
  createTestVault,
  expectAppError,
  insertEntry,
  makeTempDir,
  makeVault,
  PASSPHRASE,
  sha256OfFile,
  snapshotDir,
} from '../helpers/vault-fixtures.ts';

const RECOVERY_KEY_SHAPE = /^(?:[0-9A-F]{4}-){16}[0-9A-F]{4}$/;

let dir: string;
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
  clock = new FakeClock(1_700_000_000_000);
});

afterEach(() => {
  for (const v of opened.splice(0)) v.lock();
  cleanup();
});

function readBody(v: Vault, id: number): string | undefined {
  return (v.db().prepare('SELECT body FROM entries WHERE id = ?').get(id) as { body: string } | undefined)?.body;
}

/** Makes the database file itself hold everything, so its bytes can be compared. */
function checkpoint(v: Vault): void {
  v.db().pragma('wal_checkpoint(TRUNCATE)');
}

describe('create', () => {
  it('reports a new vault until one is created, then leaves it unlocked with a recovery key', async () => {
    const v = vault();
    expect(v.status()).toEqual({ state: 'new', retryAfterMs: 0 });
    expect(v.isUnlocked()).toBe(false);

    const { recoveryKey } = await v.create(PASSPHRASE);

    expect(recoveryKey).toMatch(RECOVERY_KEY_SHAPE);
    expect(v.status()).toEqual({ state: 'unlocked', retryAfterMs: 0, keyToConfirm: true });
    expect(v.isUnlocked()).toBe(true);
    const paths = vaultPaths(dir);
    expect(fs.existsSync(paths.database)).toBe(true);
    expect(readKeyFile(paths.keyFile)).toMatchObject({ format: 1, failedAttempts: 0, lastFailedAt: null });
    // The schema is in place: the journal table accepts a row straight away.
    const id = insertEntry(v.db(), 'first words');
    expect(readBody(v, id)).toBe('first words');
  });

  it('creates a missing folder, with owner-only permissions on POSIX', async () => {
    const nested = `${dir}/deeper/vault`;
    const v = makeVault(nested, clock);
    opened.push(v);
    expect(v.status().state).toBe('new');
    await v.create(PASSPHRASE);
    expect(fs.existsSync(vaultPaths(nested).database)).toBe(true);
    if (process.platform !== 'win32') {
      expect(fs.statSync(vaultPaths(nested).database).mode & 0o077).toBe(0);
      expect(fs.statSync(vaultPaths(nested).keyFile).mode & 0o077).toBe(0);
    }
  });

  it('refuses a passphrase under 8 characters and writes nothing', async () => {
    const v = vault();
    const error = await expectAppError(v.create('short'), 'WEAK_PASSPHRASE');
    expect(error.message).toMatch(/at least 8 characters/);
    // Eight characters a person sees, even when they take more UTF-16 units.
    await expectAppError(v.create('🌊🌊🌊🌊🌊🌊🌊'), 'WEAK_PASSPHRASE');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(v.status().state).toBe('new');
  });

  it('refuses to create over an existing vault, from this or another instance', async () => {
    const v = vault();
    await v.create(PASSPHRASE);
    await expectAppError(v.create('another passphrase'), 'VAULT_EXISTS');
    v.lock();
    const before = snapshotDir(dir);
    await expectAppError(vault().create('another passphrase'), 'VAULT_EXISTS');
    expect(snapshotDir(dir)).toEqual(before);
  });
});

describe('lock and unlock', () => {
  it('locks, refuses database access while locked, and unlocks with the passphrase', async () => {
    const v = vault();
    await v.create(PASSPHRASE);
    const id = insertEntry(v.db(), 'kept across a lock');

    v.lock();
    expect(v.isUnlocked()).toBe(false);
    expect(v.status()).toEqual({ state: 'locked', retryAfterMs: 0, keyToConfirm: true });
    const locked = await expectAppError(() => v.db(), 'LOCKED');
    expect(locked.message).toMatch(/locked/i);

    await v.unlock(PASSPHRASE);
    expect(v.isUnlocked()).toBe(true);
    expect(readBody(v, id)).toBe('kept across a lock');
  });

  it('unlocks in a new instance, as after a restart', async () => {
    const first = vault();
    await first.create(PASSPHRASE);
    const id = insertEntry(first.db(), 'survives a restart');
    first.lock();

    const second = vault();
    expect(second.status().state).toBe('locked');
    await second.unlock(PASSPHRASE);
    expect(readBody(second, id)).toBe('survives a restart');
  });

  it('closes the database and zeroes the data key on lock', async () => {
    const v = vault();
    await v.create(PASSPHRASE);
    const db = v.db();
    const held = (v as unknown as { current: { key: Buffer } }).current.key;
    expect(held.some((byte) => byte !== 0)).toBe(true);

    v.lock();

    expect(db.open).toBe(false);
    expect(held.every((byte) => byte === 0)).toBe(true);
  });

  it('says there is no vault when unlocking an empty folder', async () => {
    await expectAppError(vault().unlock(PASSPHRASE), 'NO_VAULT');
    await expectAppError(vault().unlockWithRecoveryKey('0000', 'a new passphrase'), 'NO_VAULT');
  });

  it('rejects a wrong passphrase kindly and leaves every vault file untouched except the attempt count', async () => {
    const v = vault();
    await v.create(PASSPHRASE);
    insertEntry(v.db(), 'private');
    v.lock();
    const dbBefore = sha256OfFile(vaultPaths(dir).database);
    const filesBefore = Object.keys(snapshotDir(dir));

    const error = await expectAppError(v.unlock('salt and quiet waters'), 'WRONG_PASSPHRASE');

    expect(error.message).toBe("That passphrase doesn't match. Take your time and try again.");
    expect(error.retryAfterMs).toBeUndefined();
    expect(v.isUnlocked()).toBe(false);
    expect(sha256OfFile(vaultPaths(dir).database)).toBe(dbBefore);
    // No -wal or -shm appeared: the database was never opened.
    expect(Object.keys(snapshotDir(dir))).toEqual(filesBefore);
    expect(readKeyFile(vaultPaths(dir).keyFile)?.failedAttempts).toBe(1);
  });
});

describe('change passphrase', () => {
  it('needs an unlocked vault', async () => {
    const v = vault();
    await v.create(PASSPHRASE);
    v.lock();
    await expectAppError(v.changePassphrase(PASSPHRASE, 'a brand new passphrase'), 'LOCKED');
  });

  it('checks the current passphrase and the strength of the new one, changing nothing on failure', async () => {
    const v = vault();
    await v.create(PASSPHRASE);
    const keysBefore = readKeyFile(vaultPaths(dir).keyFile);

    await expectAppError(v.changePassphrase(PASSPHRASE, 'short'), 'WEAK_PASSPHRASE');
    await expectAppError(v.changePassphrase('not the passphrase', 'a brand new passphrase'), 'WRONG_PASSPHRASE');

    const keysAfter = readKeyFile(vaultPaths(dir).keyFile);
    expect(keysAfter?.wrapped).toEqual(keysBefore?.wrapped);
    expect(keysAfter?.kdf).toEqual(keysBefore?.kdf);
    expect(v.isUnlocked()).toBe(true);
    v.lock();
    await v.unlock(PASSPHRASE);
  });

  it('rewraps the key without re-encrypting the database: old passphrase fails, new one and the recovery key work', async () => {
    const v = vault();
    const { recoveryKey } = await v.create(PASSPHRASE);
    const id = insertEntry(v.db(), 'still here after the change');
    checkpoint(v);
    const paths = vaultPaths(dir);
    const dbBefore = sha256OfFile(paths.database);
    const sizeBefore = fs.statSync(paths.database).size;
    const keysBefore = readKeyFile(paths.keyFile);

    await v.changePassphrase(PASSPHRASE, 'the tide comes back in');

    expect(sha256OfFile(paths.database)).toBe(dbBefore);
    expect(fs.statSync(paths.database).size).toBe(sizeBefore);
    const keysAfter = readKeyFile(paths.keyFile);
    // Fresh salt and IV; the fingerprint of the data key is the same because the key is.
    expect(keysAfter?.kdf.salt.equals(keysBefore!.kdf.salt)).toBe(false);
    expect(keysAfter?.wrapped.iv.equals(keysBefore!.wrapped.iv)).toBe(false);
    expect(keysAfter?.keyCheck.equals(keysBefore!.keyCheck)).toBe(true);

    v.lock();
    // The database still opens with the original data key, so no rekey happened.
    expect(keyOpensDatabase(paths.database, parseRecoveryKey(recoveryKey))).toBe(true);
    await expectAppError(v.unlock(PASSPHRASE), 'WRONG_PASSPHRASE');
    await v.unlock('the tide comes back in');
    expect(readBody(v, id)).toBe('still here after the change');
    v.lock();
    await v.unlockWithRecoveryKey(recoveryKey, 'yet another passphrase');
    expect(readBody(v, id)).toBe('still here after the change');
  });
});

describe('recovery key', () => {
  it('opens the vault, as typed by hand, and sets a new passphrase', async () => {
    const v = vault();
    const { recoveryKey } = await v.create(PASSPHRASE);
    const id = insertEntry(v.db(), 'found again');
    v.lock();

    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    await v.unlockWithRecoveryKey(typed, 'a passphrase I will keep');

    expect(v.isUnlocked()).toBe(true);
    expect(readBody(v, id)).toBe('found again');
    v.lock();
    await expectAppError(v.unlock(PASSPHRASE), 'WRONG_PASSPHRASE');
    await v.unlock('a passphrase I will keep');
    expect(readKeyFile(vaultPaths(dir).keyFile)?.failedAttempts).toBe(0);
  });

  it('refuses a key for another vault and a mistyped key, with a weak new passphrase refused first', async () => {
    const v = vault();
    const { recoveryKey } = await v.create(PASSPHRASE);
    v.lock();
    const other = makeTempDir();
    try {
      const stranger = makeVault(other.dir, clock);
      const { recoveryKey: foreignKey } = await stranger.create(PASSPHRASE);
      stranger.lock();
      const dbBefore = sha256OfFile(vaultPaths(dir).database);

      await expectAppError(v.unlockWithRecoveryKey(recoveryKey, 'short'), 'WEAK_PASSPHRASE');
      const wrong = await expectAppError(v.unlockWithRecoveryKey(foreignKey, 'a new passphrase'), 'WRONG_RECOVERY_KEY');
      expect(wrong.message).toMatch(/doesn't open this vault/);
      const typo = `${recoveryKey.slice(0, 5)}${recoveryKey[5] === 'A' ? 'B' : 'A'}${recoveryKey.slice(6)}`;
      const mistyped = await expectAppError(v.unlockWithRecoveryKey(typo, 'a new passphrase'), 'WRONG_RECOVERY_KEY');
      expect(mistyped.message).toMatch(/mistyped/);

      expect(v.isUnlocked()).toBe(false);
      expect(sha256OfFile(vaultPaths(dir).database)).toBe(dbBefore);
      // The foreign key was a real guess and counts; the typo was caught by the checksum and does not.
      expect(readKeyFile(vaultPaths(dir).keyFile)?.failedAttempts).toBe(1);
      await v.unlock(PASSPHRASE);
    } finally {
      other.cleanup();
    }
  });
});

describe('throttle', () => {
  const WRONG = 'not my passphrase';

  it('after 5 wrong tries waits 1, 2, 4 ... 60 s, persists across restarts, and resets on success', async () => {
    let v = vault();
    await v.create(PASSPHRASE);
    insertEntry(v.db(), 'guarded');
    v.lock();

    for (let i = 1; i <= 4; i++) {
      const error = await expectAppError(v.unlock(WRONG), 'WRONG_PASSPHRASE');
      expect(error.retryAfterMs).toBeUndefined();
    }
    const fifth = await expectAppError(v.unlock(WRONG), 'WRONG_PASSPHRASE');
    expect(fifth.retryAfterMs).toBe(1_000);
    expect(fifth.message).toMatch(/try again in a second/);

    const expectedWaits = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000];
    for (const [i, wait] of expectedWaits.entries()) {
      expect(v.status()).toEqual({ state: 'locked', retryAfterMs: wait, keyToConfirm: true });
      // While throttled even the right passphrase is not looked at, and the count does not move.
      const keysBefore = sha256OfFile(vaultPaths(dir).keyFile);
      const throttled = await expectAppError(v.unlock(PASSPHRASE), 'THROTTLED');
      expect(throttled.retryAfterMs).toBe(wait);
      expect(sha256OfFile(vaultPaths(dir).keyFile)).toBe(keysBefore);

      clock.advance(wait - 1);
      expect((await expectAppError(v.unlock(WRONG), 'THROTTLED')).retryAfterMs).toBe(1);
      clock.advance(1);
      const next = expectedWaits[i + 1] ?? 60_000;
      expect((await expectAppError(v.unlock(WRONG), 'WRONG_PASSPHRASE')).retryAfterMs).toBe(next);
    }

    // A restart reads the same record from keys.json.
    v = vault();
    expect(v.status()).toEqual({ state: 'locked', retryAfterMs: 60_000, keyToConfirm: true });
    await expectAppError(v.unlock(PASSPHRASE), 'THROTTLED');

    clock.advance(60_000);
    await v.unlock(PASSPHRASE);
    expect(readKeyFile(vaultPaths(dir).keyFile)).toMatchObject({ failedAttempts: 0, lastFailedAt: null });
    expect((v.db().prepare('SELECT body FROM entries').get() as { body: string }).body).toBe('guarded');
    v.lock();
    // After a success the free tries are back.
    expect((await expectAppError(v.unlock(WRONG), 'WRONG_PASSPHRASE')).retryAfterMs).toBeUndefined();
  });

  it('leaves the database bytes identical through a long run of wrong tries', async () => {
    const v = vault();
    await v.create(PASSPHRASE);
    insertEntry(v.db(), 'untouched');
    v.lock();
    const before = sha256OfFile(vaultPaths(dir).database);
    for (let i = 0; i < 8; i++) {
      clock.advance(60_000);
      await expectAppError(v.unlock(`wrong ${i}`), 'WRONG_PASSPHRASE');
    }
    expect(sha256OfFile(vaultPaths(dir).database)).toBe(before);
    expect(fs.existsSync(vaultPaths(dir).wal)).toBe(false);
  });

  it('counts recovery-key attempts in the same record', async () => {
    const v = vault();
    await v.create(PASSPHRASE);
    v.lock();
    const other = makeTempDir();
    try {
      const stranger = makeVault(other.dir, clock);
      const { recoveryKey: foreignKey } = await stranger.create(PASSPHRASE);
      stranger.lock();
      for (let i = 0; i < 4; i++) await expectAppError(v.unlock(WRONG), 'WRONG_PASSPHRASE');
      const fifth = await expectAppError(v.unlockWithRecoveryKey(foreignKey, 'a new passphrase'), 'WRONG_RECOVERY_KEY');
      expect(fifth.retryAfterMs).toBe(1_000);
      await expectAppError(v.unlockWithRecoveryKey(foreignKey, 'a new passphrase'), 'THROTTLED');
      await expectAppError(v.unlock(PASSPHRASE), 'THROTTLED');
    } finally {
      other.cleanup();
    }
  });

  it('cannot be dodged by firing many attempts at once', async () => {
    const v = vault();
    await v.create(PASSPHRASE);
    v.lock();
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => v.unlock(`guess ${i}`)));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
    expect(codes).toEqual([
      ...Array<string>(5).fill('WRONG_PASSPHRASE'),
      ...Array<string>(3).fill('THROTTLED'),
    ]);
    expect(readKeyFile(vaultPaths(dir).keyFile)?.failedAttempts).toBe(5);
  });
});

describe('showing the recovery key again', () => {
  it('gives the same key as at creation for the right passphrase; a wrong one is refused and counts; locked, nothing', async () => {
    const { vault, recoveryKey, cleanup } = await createTestVault();
    try {
      expect(await vault.showRecoveryKey(PASSPHRASE)).toEqual({ recoveryKey });
      await expectAppError(vault.showRecoveryKey('not my passphrase at all'), 'WRONG_PASSPHRASE');
      expect(readKeyFile(vault.paths.keyFile)!.failedAttempts).toBe(1);
      // The right one again clears the wrong try, as unlocking does.
      await vault.showRecoveryKey(PASSPHRASE);
      expect(readKeyFile(vault.paths.keyFile)!.failedAttempts).toBe(0);
      vault.lock();
      await expectAppError(vault.showRecoveryKey(PASSPHRASE), 'LOCKED');
    } finally {
      cleanup();
    }
  });
});

describe('a locked vault is one complete file', () => {
  it('folds the write-ahead log into saltwater.db on lock, so a copy of that file alone holds everything', async () => {
    const { dir: home, vault, cleanup } = await createTestVault();
    try {
      for (let i = 0; i < 50; i++) insertEntry(vault.db(), `entry ${i}, written just before locking`);
      const paths = vaultPaths(home);
      expect(fs.statSync(paths.wal).size).toBeGreaterThan(0);
      vault.lock();
      expect(fs.existsSync(paths.wal)).toBe(false);

      // Only saltwater.db and keys.json copied elsewhere: every entry is there.
      const { dir: elsewhere, cleanup: done } = makeTempDir();
      try {
        fs.copyFileSync(paths.database, vaultPaths(elsewhere).database);
        fs.copyFileSync(paths.keyFile, vaultPaths(elsewhere).keyFile);
        const copy = makeVault(elsewhere);
        await copy.unlock(PASSPHRASE);
        expect(copy.db().prepare('SELECT count(*) FROM entries').pluck().get()).toBe(50);
        copy.lock();
      } finally {
        done();
      }
    } finally {
      cleanup();
    }
  });
});
