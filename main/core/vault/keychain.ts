import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, type KeychainStatus } from '../../../preload/contract/index.ts';
import { fileProblem, storageTrouble } from '../file-problems.ts';
import { errorKind, logProblem } from '../log.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { DATA_KEY_BYTES } from './key-wrap.ts';
import type { Vault } from './vault.ts';
import { vaultErrors } from './vault-errors.ts';
import { KEYCHAIN_FILE_NAME } from './vault-files.ts';

/**
 * Unlocking with the computer's keychain (optional, off by default): the vault's data key is also
 * kept sealed by the OS (Electron's safeStorage: macOS Keychain, Windows DPAPI, a Linux keyring),
 * in keychain.json beside the vault. The passphrase keeps working as always; the keychain is only
 * a second way in, and whenever it fails the person is sent back to the passphrase, never locked out.
 *
 * keychain.json holds only the OS-sealed blob and a format number: never the key in the clear,
 * and nothing that opens the vault without this computer's keychain. None of it is ever logged.
 */

/** What the computer's keychain can do here: 'plain-text' is Linux without a keyring service. */
export type KeychainSupport = KeychainStatus['support'];

/** The port to the OS's secret store (Electron: main/app/adapters/keychain.ts; tests: a fake). */
export interface KeyProtector {
  support(): KeychainSupport | Promise<KeychainSupport>;
  /** Seals `secret` so only this computer's keychain, for this OS account, can open it. */
  protect(secret: Buffer): Buffer | Promise<Buffer>;
  /** Opens what `protect` sealed; throws when it can't (another computer, a changed keychain). */
  unprotect(sealed: Buffer): Buffer | Promise<Buffer>;
}

export const KEYCHAIN_FILE_FORMAT = 1;

const KeychainFileSchema = z.object({
  format: z.literal(KEYCHAIN_FILE_FORMAT),
  /** The data key as the keychain sealed it (base64). */
  sealed: z.base64().min(1),
});

export function keychainFile(vaultDir: string): string {
  return path.join(vaultDir, KEYCHAIN_FILE_NAME);
}

/** The sealed blob; 'missing' when keychain unlock is off; 'damaged' when the file can't be used. */
export function readKeychainFile(file: string): Buffer | 'missing' | 'damaged' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'damaged';
  }
  try {
    const parsed = KeychainFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? Buffer.from(parsed.data.sealed, 'base64') : 'damaged';
  } catch {
    return 'damaged';
  }
}

export function writeKeychainFile(file: string, sealed: Buffer): void {
  // Owner-only (writeFileAtomic's 0600), replaced whole.
  writeFileAtomic(file, `${JSON.stringify({ format: KEYCHAIN_FILE_FORMAT, sealed: sealed.toString('base64') }, null, 2)}\n`);
}

// ---- what the person hears ------------------------------------------------------------

export const keychainMessages = {
  plainText:
    "This computer has no keyring service running (Linux's “basic text” storage), so a keychain copy of your key would be a file anyone with access to this computer could read. Your passphrase is the safe way in here.",
  unavailable: "This computer's keychain isn't available to Saltwater, so your passphrase is the way in here.",
  notOn: "Unlocking with this computer's keychain isn't turned on. Please use your passphrase.",
  failed:
    "This computer's keychain couldn't open Saltwater this time, so unlocking with it is off now. Your passphrase still works — you can turn it back on in Settings.",
  noLongerSafe:
    "This computer's keychain can no longer keep Saltwater's key safely, so unlocking with it is off now. Your passphrase still works.",
  noLongerAvailable:
    "This computer's keychain isn't available right now, so unlocking with it is off now. Your passphrase still works — you can turn it back on in Settings.",
  notAccepted: "This computer's keychain didn't take Saltwater's key just now, so unlocking with it stays off. Your passphrase works as always; you can try again later.",
};

const refused = (support: Exclude<KeychainSupport, 'available'>) =>
  new AppError('KEYCHAIN_UNAVAILABLE', support === 'plain-text' ? keychainMessages.plainText : keychainMessages.unavailable);

/** Why a keychain unlock failed, said to the person; the file is removed before it is thrown. */
class KeychainItemFailed extends Error {
  constructor(
    message: string,
    /** For the log: what kind of failure, never any of the item's content. */
    readonly why: string,
  ) {
    super(message);
    this.name = 'KeychainItemFailed';
  }
}

// ---- the service ----------------------------------------------------------------------

export class Keychain {
  constructor(
    private readonly o: {
      vault: Vault;
      /** Absent (the browser preview, tests): no keychain here. */
      protector?: KeyProtector | undefined;
    },
  ) {}

  private get file(): string {
    return keychainFile(this.o.vault.paths.dir);
  }

  /** What the keychain can do; a protector that fails to say counts as none. */
  async support(): Promise<KeychainSupport> {
    const protector = this.o.protector;
    if (!protector) return 'unavailable';
    try {
      return await protector.support();
    } catch (error) {
      logProblem('keychain', `could not ask what the keychain supports (${errorKind(error)})`);
      return 'unavailable';
    }
  }

  async status(): Promise<KeychainStatus> {
    return { support: await this.support(), enabled: fs.existsSync(this.file) };
  }

  /**
   * Keeps the open vault's data key sealed by the keychain too. Refused (and nothing written)
   * where the keychain would be plain text or is not there. The seal is tried both ways before
   * it is kept, so "on" means it works.
   */
  async enable(): Promise<KeychainStatus> {
    if (!this.o.vault.isUnlocked()) throw vaultErrors.locked();
    const support = await this.support();
    const protector = this.o.protector;
    if (support !== 'available' || !protector) throw refused(support === 'available' ? 'unavailable' : support);
    const sealed = await this.o.vault.withDataKey(async (dataKey) => {
      let blob: Buffer;
      try {
        blob = Buffer.from(await protector.protect(dataKey));
        const back = Buffer.from(await protector.unprotect(blob));
        const same = back.equals(dataKey);
        back.fill(0);
        // A protector that hands the key back as it was (or holding it in the clear) is no seal at all.
        if (!same || blob.includes(dataKey)) throw new Error('the keychain did not seal the key');
      } catch (error) {
        logProblem('keychain', `could not seal the key (${errorKind(error)})`);
        throw new AppError('KEYCHAIN_FAILED', keychainMessages.notAccepted);
      }
      return blob;
    });
    try {
      writeKeychainFile(this.file, sealed);
    } catch (error) {
      throw fileProblem(error, 'turn on unlocking with the keychain');
    }
    return this.status();
  }

  /** The passphrase alone unlocks again. Works locked too: turning it off never needs the vault. */
  async disable(): Promise<KeychainStatus> {
    try {
      fs.rmSync(this.file, { force: true });
    } catch (error) {
      throw fileProblem(error, 'turn off unlocking with the keychain');
    }
    return this.status();
  }

  /**
   * Opens the vault with the keychain's copy of the key. When the keychain's side fails the item
   * is removed (so it fails once, not every time) and the person hears that the passphrase still
   * works: a damaged file, a keychain that can't open it (another computer, a changed backend),
   * a backend that is plain text or gone now, or a key that is not this vault's. The vault's own
   * trouble (damaged, missing, a full disk) is said as the vault says it, and the item stays.
   */
  async unlock(): Promise<void> {
    const found = readKeychainFile(this.file);
    if (found === 'missing') throw new AppError('KEYCHAIN_FAILED', keychainMessages.notOn);
    try {
      const support = await this.support();
      const protector = this.o.protector;
      if (support === 'plain-text') throw new KeychainItemFailed(keychainMessages.noLongerSafe, 'plain text now');
      if (support !== 'available' || !protector) throw new KeychainItemFailed(keychainMessages.noLongerAvailable, 'not available now');
      if (found === 'damaged') throw new KeychainItemFailed(keychainMessages.failed, 'file damaged');
      let dataKey: Buffer;
      try {
        dataKey = Buffer.from(await protector.unprotect(found));
      } catch (error) {
        throw new KeychainItemFailed(keychainMessages.failed, `could not unseal (${errorKind(error)})`);
      }
      if (dataKey.length !== DATA_KEY_BYTES) {
        dataKey.fill(0);
        throw new KeychainItemFailed(keychainMessages.failed, 'not a key');
      }
      if (!(await this.o.vault.unlockWithKeychainKey(dataKey))) throw new KeychainItemFailed(keychainMessages.failed, "another vault's key");
    } catch (error) {
      if (error instanceof KeychainItemFailed) {
        this.forget();
        logProblem('keychain', `unlock failed, keychain unlock turned off (${error.why})`);
        throw new AppError('KEYCHAIN_FAILED', error.message);
      }
      // The vault's own trouble (damaged, missing, a full disk) is not the keychain's: the item
      // stays, and the trouble is said as the vault says it.
      if (error instanceof AppError || storageTrouble(error) !== null) throw error;
      this.forget();
      logProblem('keychain', `unlock failed, keychain unlock turned off (${errorKind(error)})`);
      throw new AppError('KEYCHAIN_FAILED', keychainMessages.failed);
    }
  }

  /**
   * Removes the keychain item from the vault folder (or `folder`: a safety copy a restore set
   * aside), so it can never open a vault it was not made for. Best effort; reported when it fails.
   */
  forget(folder?: string): void {
    try {
      fs.rmSync(folder === undefined ? this.file : keychainFile(folder), { force: true });
    } catch (error) {
      logProblem('keychain', `could not remove the keychain item (${(error as NodeJS.ErrnoException).code ?? errorKind(error)})`);
    }
  }
}
