import fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootApp, PASSPHRASE, type Booted } from './boot.ts';

/**
 * "Unlock with this computer's keychain" through main/app/bootstrap.ts and the safeStorage adapter,
 * against the fake safeStorage (tests/electron/fake-electron.ts), as our own page calls it.
 */
let app: Booted;
afterEach(() => app?.dispose());

const onLinux = process.platform === 'linux';
const itemFile = () => join(app.fake.app.getPath('userData'), 'vault', 'keychain.json');

async function newLockedVaultWithKeychain(): Promise<void> {
  expect(await app.call('vault.create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  expect(await app.call('keychain.enable')).toEqual({ ok: true, value: { support: 'available', enabled: true } });
  expect(await app.call('vault.lock')).toMatchObject({ ok: true });
}

describe('keychain unlock in Electron (safeStorage)', () => {
  it('seals the key with safeStorage and opens the vault with it after a lock', async () => {
    app = await bootApp();
    expect(await app.call('keychain.status')).toEqual({ ok: true, value: { support: 'available', enabled: false } });
    await newLockedVaultWithKeychain();
    // What is on disk is what safeStorage handed out, and only that.
    const file = JSON.parse(fs.readFileSync(itemFile(), 'utf8')) as { format: number; sealed: string };
    expect(app.fake.safeStorage.sealed.map((b) => b.toString('base64'))).toContain(file.sealed);

    expect(await app.call('vault.unlockWithKeychain')).toEqual({ ok: true, value: null });
    expect(await app.call('vault.status')).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });

  it.runIf(onLinux)('refuses where Linux has no keyring (basic_text), and says why', async () => {
    app = await bootApp();
    app.fake.safeStorage.backend = 'basic_text';
    expect(await app.call('vault.create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await app.call('keychain.status')).toEqual({ ok: true, value: { support: 'plain-text', enabled: false } });
    const refused = await app.call('keychain.enable');
    expect(refused).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/no keyring service .* anyone .* could read/) } });
    expect(fs.existsSync(itemFile())).toBe(false);
    expect(app.fake.safeStorage.sealed).toEqual([]);
  });

  it('asks about the Linux backend on Linux only (macOS and Windows have no basic_text)', async () => {
    app = await bootApp();
    const { createKeyProtector } = await import('../../main/app/adapters/keychain.ts');
    app.fake.safeStorage.backend = 'basic_text';
    expect(await createKeyProtector('linux').support()).toBe('plain-text');
    expect(await createKeyProtector('darwin').support()).toBe('available');
    expect(await createKeyProtector('win32').support()).toBe('available');
    app.fake.safeStorage.backend = 'kwallet6';
    expect(await createKeyProtector('linux').support()).toBe('available');
  });

  it('says unavailable where the OS offers no keychain', async () => {
    app = await bootApp();
    app.fake.safeStorage.available = false;
    expect(await app.call('keychain.status')).toEqual({ ok: true, value: { support: 'unavailable', enabled: false } });
  });

  it('falls back to the passphrase when safeStorage can no longer decrypt (a new machine)', async () => {
    app = await bootApp();
    await newLockedVaultWithKeychain();
    app.fake.safeStorage.moveToNewMachine();

    const failed = await app.call('vault.unlockWithKeychain');
    expect(failed).toEqual({
      ok: false,
      error: {
        code: 'KEYCHAIN_FAILED',
        message: "This computer's keychain couldn't open Saltwater this time, so unlocking with it is off now. Your passphrase still works — you can turn it back on in Settings.",
      },
    });
    expect(fs.existsSync(itemFile())).toBe(false);
    expect(await app.call('keychain.status')).toEqual({ ok: true, value: { support: 'available', enabled: false } });
    expect(await app.call('vault.status')).toMatchObject({ ok: true, value: { state: 'locked', retryAfterMs: 0 } });
    expect(await app.call('vault.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: null });
  });

  it.runIf(onLinux)('a backend that changed to basic_text after it was turned on is not trusted: off, passphrase works', async () => {
    app = await bootApp();
    await newLockedVaultWithKeychain();
    app.fake.safeStorage.backend = 'basic_text';
    const failed = await app.call('vault.unlockWithKeychain');
    expect(failed).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_FAILED' } });
    expect(fs.existsSync(itemFile())).toBe(false);
    expect(await app.call('vault.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: null });
  });
});
