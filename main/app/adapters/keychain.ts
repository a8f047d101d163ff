import { safeStorage } from 'electron';
import type { KeychainSupport, KeyProtector } from '../../core/vault/keychain.ts';

/**
 * The computer's keychain for "Unlock with this computer's keychain" (main/core/vault/keychain.ts),
 * through Electron's safeStorage: the macOS Keychain, Windows DPAPI, or a Linux keyring (libsecret
 * or KWallet). On Linux without a keyring service safeStorage falls back to `basic_text`: a
 * password written into Chromium itself, so anything it "protects" can be read by anyone who
 * gets the file. That is refused as 'plain-text'. So is 'unknown' (asked before the app is ready).
 *
 * The async API is used: electron.d.ts marks the synchronous one deprecated. What is sealed is
 * the data key as base64 text (safeStorage takes strings); nothing here is ever logged.
 */
export function createKeyProtector(platform: NodeJS.Platform = process.platform): KeyProtector {
  return {
    async support(): Promise<KeychainSupport> {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'unavailable';
      if (platform === 'linux') {
        const backend = safeStorage.getSelectedStorageBackend();
        if (backend === 'basic_text' || backend === 'unknown') return 'plain-text';
      }
      return 'available';
    },
    async protect(secret: Buffer): Promise<Buffer> {
      return await safeStorage.encryptStringAsync(secret.toString('base64'));
    },
    async unprotect(sealed: Buffer): Promise<Buffer> {
      // shouldReEncrypt (a rotated OS key) is not acted on: the seal still opened, and a failure
      // later falls back to the passphrase like any other.
      const { result } = await safeStorage.decryptStringAsync(sealed);
      return Buffer.from(result, 'base64');
    },
  };
}
