import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creatingFolderFor } from '../../main/core/vault/first-run.ts';
import { DATABASE_FILE_NAME, KEY_FILE_NAME, KEY_TO_CONFIRM_FILE_NAME } from '../../main/core/vault/vault-files.ts';
import { runChild } from '../helpers/kill-child.ts';
import { expectAppError, makeTempDir, makeVault, PASSPHRASE } from '../helpers/vault-fixtures.ts';

let root: string;
let cleanup: () => void;
beforeEach(() => ({ dir: root, cleanup } = makeTempDir()));
afterEach(() => cleanup());

const NEW_PASSPHRASE = 'a new passphrase after recovery';

/** A vault folder as the next start finds it must be one of two things: nothing, or a whole vault. */
async function expectNothingOrWholeVault(dir: string): Promise<'nothing' | 'vault'> {
  const vault = makeVault(dir);
  // The next start tidies what an interrupted creation left beside the vault.
  expect(fs.existsSync(creatingFolderFor(dir))).toBe(false);
  const status = vault.status();
  if (status.state === 'new') {
    const left = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    expect(left.filter((name) => name === DATABASE_FILE_NAME || name === KEY_FILE_NAME)).toEqual([]);
    // Setup can start again.
    const { recoveryKey } = await vault.create(PASSPHRASE);
    expect(recoveryKey).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4})+$/);
    vault.lock();
    return 'nothing';
  }
  expect(status).toEqual({ state: 'locked', retryAfterMs: 0, keyToConfirm: true });
  await vault.unlock(PASSPHRASE);
  expect(vault.db().pragma('integrity_check', { simple: true })).toBe('ok');
  // Never confirmed: the key is there to show again, and it is the vault's own key.
  const shown = vault.recoveryKeyToConfirm();
  expect(shown).not.toBeNull();
  vault.lock();
  const again = makeVault(dir);
  await again.unlockWithRecoveryKey(shown!.recoveryKey, NEW_PASSPHRASE);
  again.lock();
  return 'vault';
}

describe('making a new vault', () => {
  it('builds it beside the vault folder and leaves nothing there but the vault', async () => {
    const dir = path.join(root, 'vault');
    const vault = makeVault(dir);
    await vault.create(PASSPHRASE);
    expect(fs.existsSync(creatingFolderFor(dir))).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(expect.arrayContaining([DATABASE_FILE_NAME, KEY_FILE_NAME, KEY_TO_CONFIRM_FILE_NAME]));
    vault.lock();
  });

  it('shows the recovery key once after each unlock until the person confirms it, then never unasked', async () => {
    const dir = path.join(root, 'vault');
    const first = makeVault(dir);
    const { recoveryKey } = await first.create(PASSPHRASE);
    expect(first.status()).toEqual({ state: 'unlocked', retryAfterMs: 0, keyToConfirm: true });
    expect(first.recoveryKeyToConfirm()).toEqual({ recoveryKey });
    first.lock();
    expect(() => first.recoveryKeyToConfirm()).toThrow(/locked/);

    // The app closed before the confirmation: the next start still has the key to show.
    const second = makeVault(dir);
    expect(second.status()).toEqual({ state: 'locked', retryAfterMs: 0, keyToConfirm: true });
    await second.unlock(PASSPHRASE);
    expect(second.recoveryKeyToConfirm()).toEqual({ recoveryKey });
    // Once per unlock: later in the session it takes the passphrase ("Show my recovery key again").
    expect(second.recoveryKeyToConfirm()).toBeNull();
    second.lock();
    await second.unlock(PASSPHRASE);
    expect(second.recoveryKeyToConfirm()).toEqual({ recoveryKey });
    second.confirmRecoveryKey();
    expect(second.recoveryKeyToConfirm()).toBeNull();
    expect(second.status()).toEqual({ state: 'unlocked', retryAfterMs: 0 });
    second.lock();
    expect(() => second.confirmRecoveryKey()).toThrow(/locked/);

    const third = makeVault(dir);
    expect(third.status()).toEqual({ state: 'locked', retryAfterMs: 0 });
    await third.unlock(PASSPHRASE);
    expect(third.recoveryKeyToConfirm()).toBeNull();
    third.lock();
  });

  it('counts the recovery key as confirmed once it has been used to unlock', async () => {
    const dir = path.join(root, 'vault');
    const first = makeVault(dir);
    const { recoveryKey } = await first.create(PASSPHRASE);
    first.lock();
    const vault = makeVault(dir);
    expect(vault.status()).toMatchObject({ keyToConfirm: true });
    await vault.unlockWithRecoveryKey(recoveryKey, NEW_PASSPHRASE);
    expect(vault.recoveryKeyToConfirm()).toBeNull();
    vault.lock();
  });

  it('throws away a staging folder left by a creation cut off before its last step', async () => {
    const dir = path.join(root, 'vault');
    const staging = creatingFolderFor(dir);
    fs.mkdirSync(staging);
    fs.writeFileSync(path.join(staging, DATABASE_FILE_NAME), 'half a database');
    expect(await expectNothingOrWholeVault(dir)).toBe('nothing');
  });

  it('refuses to make a vault over one that appeared while the passphrase was being strengthened, leaving it alone', async () => {
    const dir = path.join(root, 'vault');
    const prepared = path.join(root, 'prepared');
    const other = makeVault(prepared);
    await other.create(PASSPHRASE);
    other.lock();
    const pending = makeVault(dir).create('another passphrase here');
    // Synchronously, before the pending creation's key derivation can finish: the other vault arrives.
    fs.cpSync(prepared, dir, { recursive: true });
    await expectAppError(pending, 'VAULT_EXISTS');
    expect(fs.existsSync(creatingFolderFor(dir))).toBe(false);
    const again = makeVault(dir);
    await again.unlock(PASSPHRASE);
    again.lock();
  });
});

describe('a first run cut off at any moment (kill -9)', () => {
  it('leaves nothing, or a whole vault that opens with the passphrase and shows its recovery key again', { timeout: 240_000 }, async () => {
    const child = path.join(import.meta.dirname, '../helpers/create-child.ts');
    // One whole run first, to learn how long a creation takes on this machine.
    const full = await runChild(child, [path.join(root, 'measure'), PASSPHRASE], { onLine: 'done' });
    expect(full.out).toContain('done');
    const typicalMs = Math.max(2, Number(/took (\d+)/.exec(full.out)?.[1]));
    const outcomes = { nothing: 0, vault: 0 };
    for (let run = 0; run < 24; run++) {
      const dir = path.join(root, `run-${run}`);
      await runChild(child, [dir, PASSPHRASE], { afterStartedMs: Math.floor(Math.random() * typicalMs * 1.5) });
      outcomes[await expectNothingOrWholeVault(dir)]++;
    }
    // The random moments landed on both sides of the rename that makes the vault exist.
    expect(outcomes.nothing).toBeGreaterThan(0);
    expect(outcomes.vault).toBeGreaterThan(0);
  });
});
