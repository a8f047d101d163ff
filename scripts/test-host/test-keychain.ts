import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeychainSupport, KeyProtector } from '../../main/core/vault/keychain.ts';

/**
 * TEST ONLY — never a real keychain. A stand-in for the computer's keychain so the end-to-end
 * tests can drive "Unlock with this computer's keychain" in a browser (`--test-keychain`). It
 * seals with AES-256-GCM under a random key that lives only in this process: a restarted host
 * is "a new computer", whose keychain.json no longer opens. 'plain-text' acts like Linux with
 * no keyring service (refused by the core).
 */
export function testOnlyKeyProtector(support: KeychainSupport): KeyProtector {
  const processKey = randomBytes(32);
  return {
    support: () => support,
    protect(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', processKey, iv);
      const data = Buffer.concat([cipher.update(secret), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]);
    },
    unprotect(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', processKey, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    },
  };
}

export function parseTestKeychain(value: string): KeychainSupport {
  if (value === 'available' || value === 'plain-text' || value === 'unavailable') return value;
  throw new Error(`--test-keychain must be available, plain-text or unavailable (not "${value}")`);
}
