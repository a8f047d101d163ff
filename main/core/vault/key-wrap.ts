import { gcmOpen, gcmSeal, type GcmSealed } from './gcm.ts';
import { vaultErrors } from './vault-errors.ts';

/** The data key sealed with a key-encryption key; all parts are needed to open it. */
export type WrappedKey = GcmSealed;

export const DATA_KEY_BYTES = 32;

/** Binds the ciphertext to its purpose, so a wrapped blob cannot be replayed as something else. */
const ASSOCIATED_DATA = Buffer.from('saltwater/data-key/v1', 'utf8');

export function wrapDataKey(dataKey: Buffer, keyEncryptionKey: Buffer): WrappedKey {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('The data key must be 32 bytes');
  return gcmSeal(keyEncryptionKey, ASSOCIATED_DATA, dataKey);
}

/**
 * Opens a wrapped data key. A key-encryption key from the wrong passphrase fails GCM's
 * authentication, which is the only way we learn the passphrase was wrong.
 */
export function unwrapDataKey(wrapped: WrappedKey, keyEncryptionKey: Buffer): Buffer {
  const dataKey = gcmOpen(keyEncryptionKey, ASSOCIATED_DATA, wrapped);
  if (!dataKey) throw vaultErrors.wrongPassphrase(0);
  if (dataKey.length !== DATA_KEY_BYTES) {
    dataKey.fill(0);
    throw vaultErrors.keyFileDamaged();
  }
  return dataKey;
}
