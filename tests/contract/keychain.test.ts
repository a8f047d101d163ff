import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeychainStatus, VaultStatus } from '../../preload/contract/index.ts';
import { createCore, type Core } from '../../main/core/services.ts';
import { keyOpensDatabase } from '../../main/core/vault/database.ts';
import { keychainMessages, type KeychainSupport, type KeyProtector } from '../../main/core/vault/keychain.ts';
import { readKeyFile } from '../../main/core/vault/key-file.ts';
import { matchesKeyCheck } from '../../main/core/vault/key-check.ts';
import { parseRecoveryKey } from '../../main/core/vault/recovery-key.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { callOrThrow } from '../helpers/router-call.ts';
import { cheapKdf, makeTempDir, PASSPHRASE } from '../helpers/vault-fixtures.ts';

/**
 * "Unlock with this computer's keychain", through the router as the page calls it, on real
 * encrypted vault files. The keychain is a fake: AES-GCM under a key that stands for this
 * computer's keychain (a "new machine" is a new key), with the backend's support switchable.
 */
class FakeKeychain implements KeyProtector {
  supports: KeychainSupport = 'available';
  private machineKey = randomBytes(32);
  /** Every secret it was asked to seal (to prove none of it lands in a file as it was). */
  readonly sealedSecrets: Buffer[] = [];

  support(): KeychainSupport {
    return this.supports;
  }
  async protect(secret: Buffer): Promise<Buffer> {
    this.sealedSecrets.push(Buffer.from(secret));
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.machineKey, iv);
    const data = Buffer.concat([cipher.update(secret), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), data]);
  }
  async unprotect(sealed: Buffer): Promise<Buffer> {
    const decipher = createDecipheriv('aes-256-gcm', this.machineKey, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  }
  /** The same OS account on another computer, or a keychain that was reset: old seals no longer open. */
  becomeNewMachine(): void {
    this.machineKey = randomBytes(32);
  }
}

let root: string;
let vaultDir: string;
let cleanup: () => void;
let clock: FakeClock;
let keychain: FakeKeychain;
let core: Core;
let recoveryKey: string;
const cores: Core[] = [];

/** A core on `dataDir`; `protector` null for a computer with no keychain (the browser preview). */
function start(dataDir = vaultDir, protector: KeyProtector | null = keychain): Core {
  const made = createCore({
    dataDir,
    resourcesDir: path.join(import.meta.dirname, '../../resources'),
    clock,
    timers: clock,
    kdf: cheapKdf,
    ...(protector ? { keyProtector: protector } : {}),
  });
  cores.push(made);
  return made;
}

const call = <T = unknown>(method: string, input?: unknown, on: Core = core) => callOrThrow<T>(on, method, input);
/** The refusal a method answers with, exactly as the page gets it. */
async function refusal(method: string, on: Core = core): Promise<{ code: string; message: string }> {
  const result = await on.router.call(method, undefined);
  if (result.ok) throw new Error(`${method} was expected to be refused`);
  return result.error;
}
const status = () => call<KeychainStatus>('keychain.status');
const vaultState = async () => (await call<VaultStatus>('vault.status')).state;
const itemFile = () => path.join(vaultDir, 'keychain.json');

beforeEach(async () => {
  ({ dir: root, cleanup } = makeTempDir());
  vaultDir = path.join(root, 'vault');
  clock = new FakeClock(new Date(2026, 11, 4, 9, 0).getTime());
  keychain = new FakeKeychain();
  core = start();
  ({ recoveryKey } = await call<{ recoveryKey: string }>('vault.create', { passphrase: PASSPHRASE }));
  await call('journal.create', { body: 'Only for me.' });
});
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  vi.restoreAllMocks();
  cleanup();
});

describe('unlock with this computer’s keychain', () => {
  it('is off by default; turned on, it opens the locked vault without the passphrase', async () => {
    expect(await status()).toEqual({ support: 'available', enabled: false });
    await expect(call('vault.unlockWithKeychain')).rejects.toMatchObject({ code: 'KEYCHAIN_FAILED' });

    expect(await call('keychain.enable')).toEqual({ support: 'available', enabled: true });
    await call('vault.lock');
    expect(await vaultState()).toBe('locked');
    expect(await status()).toEqual({ support: 'available', enabled: true });

    await call('vault.unlockWithKeychain');
    expect(await vaultState()).toBe('unlocked');
    const entries = await call<{ preview: string }[]>('journal.list', {});
    expect(entries.map((e) => e.preview)).toEqual(['Only for me.']);
    // Still on for next time, and the passphrase works as ever.
    expect(await status()).toEqual({ support: 'available', enabled: true });
    await call('vault.lock');
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await vaultState()).toBe('unlocked');
  });

  it('takes the same way in as the passphrase (the idle lock runs, the desktop hears the settings)', async () => {
    await call('keychain.enable');
    await call('vault.lock');
    const second = start(vaultDir);
    core.close();
    core = second;
    await call('vault.unlockWithKeychain');
    // What unlocked('unlocked') sets up: a journal that answers, and a lock that works.
    await call('journal.create', { body: 'Opened by the keychain.' });
    await call('vault.lock');
    expect(await vaultState()).toBe('locked');
  });

  it('can only be turned on while unlocked', async () => {
    await call('vault.lock');
    await expect(call('keychain.enable')).rejects.toMatchObject({ code: 'LOCKED' });
    expect(fs.existsSync(itemFile())).toBe(false);
  });

  it('keychain.json holds only the keychain’s seal: not the data key, nothing that opens the vault alone', async () => {
    await call('keychain.enable');
    const dataKey = parseRecoveryKey(recoveryKey);
    const text = fs.readFileSync(itemFile(), 'utf8');
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['format', 'sealed']);
    expect(json.format).toBe(1);
    if (process.platform !== 'win32') expect(fs.statSync(itemFile()).mode & 0o777).toBe(0o600);

    // The key in none of its spellings, neither in the text nor in the decoded seal.
    for (const spelling of [dataKey.toString('hex'), dataKey.toString('hex').toUpperCase(), dataKey.toString('base64'), dataKey.toString('base64url'), recoveryKey]) {
      expect(text.includes(spelling)).toBe(false);
    }
    const sealed = Buffer.from(json.sealed as string, 'base64');
    expect(sealed.includes(dataKey)).toBe(false);
    expect(keychain.sealedSecrets.some((s) => s.equals(dataKey))).toBe(true);
    // No 32 bytes of the file, raw or decoded, are this vault's key or open its database.
    const keyFile = readKeyFile(path.join(vaultDir, 'keys.json'))!;
    for (const bytes of [sealed, Buffer.from(text, 'utf8')]) {
      for (let i = 0; i + 32 <= bytes.length; i++) expect(matchesKeyCheck(bytes.subarray(i, i + 32), keyFile.keyCheck)).toBe(false);
    }
    await call('vault.lock');
    expect(keyOpensDatabase(path.join(vaultDir, 'saltwater.db'), sealed.subarray(0, 32))).toBe(false);
    expect(keyOpensDatabase(path.join(vaultDir, 'saltwater.db'), sealed.subarray(sealed.length - 32))).toBe(false);
    expect(keyOpensDatabase(path.join(vaultDir, 'saltwater.db'), dataKey)).toBe(true);

    // Without this computer's keychain the file opens nothing.
    keychain.becomeNewMachine();
    await expect(call('vault.unlockWithKeychain')).rejects.toMatchObject({ code: 'KEYCHAIN_FAILED' });
    expect(await vaultState()).toBe('locked');
  });

  it('is refused where the keychain would be plain text (Linux basic_text), saying why, and writes nothing', async () => {
    keychain.supports = 'plain-text';
    expect(await status()).toEqual({ support: 'plain-text', enabled: false });
    const result = await core.router.call('keychain.enable', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: keychainMessages.plainText } });
    expect(keychainMessages.plainText).toMatch(/no keyring service/);
    expect(keychainMessages.plainText).toMatch(/anyone .* could read/);
    expect(keychainMessages.plainText).toMatch(/passphrase is the safe way/);
    expect(fs.existsSync(itemFile())).toBe(false);
    expect(keychain.sealedSecrets).toEqual([]);
    expect(fs.readdirSync(vaultDir).filter((name) => name.includes('keychain'))).toEqual([]);
  });

  it('is refused where there is no keychain at all (the browser preview), and says so', async () => {
    core.close();
    core = start(vaultDir, null);
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await status()).toEqual({ support: 'unavailable', enabled: false });
    expect(await refusal('keychain.enable')).toEqual({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/isn't available/) });
    expect(fs.existsSync(itemFile())).toBe(false);
  });

  it('a keychain that can no longer open its seal (a new computer) falls back to the passphrase, once, with a clear message', async () => {
    await call('keychain.enable');
    await call('vault.lock');
    keychain.becomeNewMachine();

    const result = await core.router.call('vault.unlockWithKeychain', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'KEYCHAIN_FAILED', message: keychainMessages.failed } });
    expect(keychainMessages.failed).toBe(
      "This computer's keychain couldn't open Saltwater this time, so unlocking with it is off now. Your passphrase still works — you can turn it back on in Settings.",
    );
    expect(fs.existsSync(itemFile())).toBe(false);
    expect(await status()).toEqual({ support: 'available', enabled: false });
    expect(await vaultState()).toBe('locked');

    // Not a passphrase try: no wait, nothing counted, and the passphrase opens at once.
    expect((await call<VaultStatus>('vault.status')).retryAfterMs).toBe(0);
    expect(readKeyFile(path.join(vaultDir, 'keys.json'))!.failedAttempts).toBe(0);
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await vaultState()).toBe('unlocked');
    // And it can be turned on again on this computer.
    expect(await call('keychain.enable')).toEqual({ support: 'available', enabled: true });
  });

  it('an unprotect that throws, or a damaged keychain.json, turns it off the same way', async () => {
    await call('keychain.enable');
    await call('vault.lock');
    vi.spyOn(keychain, 'unprotect').mockRejectedValueOnce(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    expect(await refusal('vault.unlockWithKeychain')).toEqual({ code: 'KEYCHAIN_FAILED', message: keychainMessages.failed });
    expect(fs.existsSync(itemFile())).toBe(false);

    await call('vault.unlock', { passphrase: PASSPHRASE });
    await call('keychain.enable');
    await call('vault.lock');
    fs.writeFileSync(itemFile(), '{"format": 1, "sealed": "not base64 at all!"}');
    expect(await refusal('vault.unlockWithKeychain')).toEqual({ code: 'KEYCHAIN_FAILED', message: keychainMessages.failed });
    expect(fs.existsSync(itemFile())).toBe(false);
    await call('vault.unlock', { passphrase: PASSPHRASE });
  });

  it('a backend that became plain text or went away is not trusted any more: turned off, passphrase still works', async () => {
    await call('keychain.enable');
    await call('vault.lock');
    keychain.supports = 'plain-text';
    expect(await status()).toEqual({ support: 'plain-text', enabled: true });
    expect(await refusal('vault.unlockWithKeychain')).toEqual({ code: 'KEYCHAIN_FAILED', message: keychainMessages.noLongerSafe });
    expect(fs.existsSync(itemFile())).toBe(false);
    expect(await vaultState()).toBe('locked');

    keychain.supports = 'available';
    await call('vault.unlock', { passphrase: PASSPHRASE });
    await call('keychain.enable');
    await call('vault.lock');
    keychain.supports = 'unavailable';
    expect(await refusal('vault.unlockWithKeychain')).toEqual({ code: 'KEYCHAIN_FAILED', message: keychainMessages.noLongerAvailable });
    expect(fs.existsSync(itemFile())).toBe(false);
    await call('vault.unlock', { passphrase: PASSPHRASE });
  });

  it('a keychain.json holding another vault’s key is refused safely: this vault stays locked and unchanged', async () => {
    // Another vault on the same computer (same keychain), with keychain unlock on.
    const otherDir = path.join(root, 'other vault');
    const other = start(otherDir);
    await call('vault.create', { passphrase: 'another passphrase entirely' }, other);
    await call('keychain.enable', undefined, other);
    other.close();

    await call('vault.lock');
    const keysBefore = fs.readFileSync(path.join(vaultDir, 'keys.json'));
    fs.copyFileSync(path.join(otherDir, 'keychain.json'), itemFile());
    expect(await status()).toEqual({ support: 'available', enabled: true });
    expect(await refusal('vault.unlockWithKeychain')).toEqual({ code: 'KEYCHAIN_FAILED', message: keychainMessages.failed });
    expect(await vaultState()).toBe('locked');
    expect(fs.existsSync(itemFile())).toBe(false);
    expect(fs.readFileSync(path.join(vaultDir, 'keys.json'))).toEqual(keysBefore);
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await call<{ preview: string }[]>('journal.list', {})).map((e) => e.preview)).toEqual(['Only for me.']);
  });

  it('is not a passphrase try: it works during a wait after wrong passphrases, and counts nothing', async () => {
    await call('keychain.enable');
    await call('vault.lock');
    for (let i = 0; i < 6; i++) {
      const result = await core.router.call('vault.unlock', { passphrase: `wrong guess number ${i}` });
      expect(result.ok).toBe(false);
    }
    const waiting = await call<VaultStatus>('vault.status');
    expect(waiting.retryAfterMs).toBeGreaterThan(0);
    const attempts = readKeyFile(path.join(vaultDir, 'keys.json'))!.failedAttempts;

    await call('vault.unlockWithKeychain');
    expect(await vaultState()).toBe('unlocked');
    expect(readKeyFile(path.join(vaultDir, 'keys.json'))!.failedAttempts).toBe(attempts);
  });

  it('turning it off removes keychain.json, locked or unlocked', async () => {
    await call('keychain.enable');
    expect(await call('keychain.disable')).toEqual({ support: 'available', enabled: false });
    expect(fs.existsSync(itemFile())).toBe(false);

    await call('keychain.enable');
    await call('vault.lock');
    expect(await call('keychain.disable')).toEqual({ support: 'available', enabled: false });
    expect(fs.existsSync(itemFile())).toBe(false);
    expect(await refusal('vault.unlockWithKeychain')).toEqual({ code: 'KEYCHAIN_FAILED', message: keychainMessages.notOn });
    // Turning off what is off is fine.
    expect(await call('keychain.disable')).toEqual({ support: 'available', enabled: false });
  });

  it('keeps working after the passphrase changes (the data key stays the same)', async () => {
    await call('keychain.enable');
    await call('vault.changePassphrase', { current: PASSPHRASE, next: 'a brand new passphrase' });
    await call('vault.lock');
    await call('vault.unlockWithKeychain');
    expect(await vaultState()).toBe('unlocked');
  });

  it('a restore removes the keychain item, from the vault and from the copy set aside', async () => {
    const made = await call<{ name: string }>('backup.now');
    await call('keychain.enable');
    await call('backup.open', { source: { kind: 'listed', name: made.name }, unlock: { passphrase: PASSPHRASE } });
    const { safetyCopy } = await call<{ safetyCopy: string | null }>('backup.restore', { newPassphrase: null });
    expect(safetyCopy).not.toBeNull();
    expect(fs.existsSync(itemFile())).toBe(false);
    expect(fs.existsSync(path.join(safetyCopy!, 'keychain.json'))).toBe(false);
    expect(fs.existsSync(path.join(safetyCopy!, 'saltwater.db'))).toBe(true);
    expect(await status()).toEqual({ support: 'available', enabled: false });
    await call('vault.lock');
    await expect(call('vault.unlockWithKeychain')).rejects.toMatchObject({ code: 'KEYCHAIN_FAILED' });
    await call('vault.unlock', { passphrase: PASSPHRASE });
  });

  it('the vault’s own trouble (a damaged database) is said as the vault says it, and the keychain item stays', async () => {
    await call('keychain.enable');
    await call('vault.lock');
    const db = path.join(vaultDir, 'saltwater.db');
    // Scribble over the middle of the first page: the key is right, the file is not.
    const fd = fs.openSync(db, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, 2_000);
    fs.closeSync(fd);
    const answer = await refusal('vault.unlockWithKeychain');
    expect(answer.code).toBe('VAULT_DAMAGED');
    expect(fs.existsSync(itemFile())).toBe(true);
  });

  it('a new vault never inherits a keychain item left in its folder', async () => {
    await call('keychain.enable');
    const stale = fs.readFileSync(itemFile());
    core.close();
    // The vault's own files gone (moved away by hand); keychain.json left behind.
    const freshDir = path.join(root, 'fresh');
    fs.mkdirSync(freshDir);
    fs.writeFileSync(path.join(freshDir, 'keychain.json'), stale);
    core = start(freshDir);
    expect(await call<VaultStatus>('vault.status')).toMatchObject({ state: 'new' });
    await call('vault.create', { passphrase: 'a new vault for a new start' });
    expect(fs.existsSync(path.join(freshDir, 'keychain.json'))).toBe(false);
    expect(await status()).toEqual({ support: 'available', enabled: false });
  });

  it('never writes the key or the seal to the log', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    await call('keychain.enable');
    const sealed = (JSON.parse(fs.readFileSync(itemFile(), 'utf8')) as { sealed: string }).sealed;
    await call('vault.lock');
    keychain.becomeNewMachine();
    await expect(call('vault.unlockWithKeychain')).rejects.toMatchObject({ code: 'KEYCHAIN_FAILED' });
    expect(logged.some((line) => line.includes('keychain'))).toBe(true);
    const dataKey = parseRecoveryKey(recoveryKey);
    for (const line of logged) {
      expect(line.includes(sealed.slice(0, 16))).toBe(false);
      expect(line.includes(dataKey.toString('hex').slice(0, 16))).toBe(false);
      expect(line.includes(dataKey.toString('base64').slice(0, 16))).toBe(false);
    }
  });
});
