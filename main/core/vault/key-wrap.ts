import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { vaultErrors } from './vault-errors.ts';

/** The data key sealed with a key-encryption key; all parts are needed to open it. */
export interface WrappedKey {
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

export const DATA_KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

/** Binds the ciphertext to its purpose, so a wrapped blob cannot be replayed as something else. */
const ASSOCIATED_DATA = Buffer.from('saltwater/data-key/v1', 'utf8');

export function wrapDataKey(dataKey: Buffer, keyEncryptionKey: Buffer): WrappedKey {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('The data key must be 32 bytes');
  // A fresh IV on every wrap: GCM must never see the same (key, IV) pair twice.
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyEncryptionKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(ASSOCIATED_DATA);
  const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), data };
}

/**
 * Opens a wrapped data key. A key-encryption key from the wrong passphrase fails GCM's
 * authentication, which is the only way we learn the passphrase was wrong.
 */
export function unwrapDataKey(wrapped: WrappedKey, keyEncryptionKey: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', keyEncryptionKey, wrapped.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(ASSOCIATED_DATA);
  decipher.setAuthTag(wrapped.tag);
  let dataKey: Buffer;
  try {
    dataKey = Buffer.concat([decipher.update(wrapped.data), decipher.final()]);
  } catch {
    throw vaultErrors.wrongPassphrase(0);
  }
  if (dataKey.length !== DATA_KEY_BYTES) {
    dataKey.fill(0);
    throw vaultErrors.keyFileDamaged();
  }
  return dataKey;
}
