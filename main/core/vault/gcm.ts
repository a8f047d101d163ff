import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM as every sealed thing in Saltwater uses it (the wrapped data key, a memory's
 * extra seal, the locked-time logs): a fresh 12-byte IV, a 16-byte tag, and associated data
 * naming the purpose, so one kind of sealed blob cannot be passed off as another.
 */
export interface GcmSealed {
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export function gcmSeal(key: Buffer, associatedData: Buffer, plaintext: Buffer): GcmSealed {
  // A fresh IV on every seal: GCM must never see the same (key, IV) pair twice.
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), data };
}

/**
 * The plaintext, or null when authentication fails: a wrong key (the only way a wrong
 * passphrase shows), other associated data, or altered bytes. Parts of impossible sizes throw.
 */
export function gcmOpen(key: Buffer, associatedData: Buffer, sealed: GcmSealed): Buffer | null {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData);
  decipher.setAuthTag(sealed.tag);
  try {
    return Buffer.concat([decipher.update(sealed.data), decipher.final()]);
  } catch {
    return null;
  }
}
