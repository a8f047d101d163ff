import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKeyEncryptionKey, kdfParamsProblem, SALT_BYTES, type KdfParams } from '../vault/kdf.ts';
import { IV_BYTES, TAG_BYTES } from '../vault/key-wrap.ts';

/**
 * A memory's extra seal: its words encrypted with AES-256-GCM under a key derived from the
 * memory's own passphrase by the vault's scrypt, with the memory's own random salt. The
 * vault key opens the database but not these words; only the passphrase does.
 */
export interface SealedText {
  salt: Buffer;
  kdf: KdfParams;
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

/** Binds the ciphertext to its purpose, so a sealed memory cannot be passed off as a wrapped key or the reverse. */
const ASSOCIATED_DATA = Buffer.from('saltwater/memory-text/v1', 'utf8');

function newSealSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}

/**
 * Passphrase → 32-byte seal key. The cost is checked first, so a damaged row cannot make
 * us allocate gigabytes. Runs on libuv's thread pool; the caller should zero the key after use.
 */
async function deriveSealKey(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  const problem = kdfParamsProblem(kdf);
  if (problem) throw new Error(`Invalid seal KDF params: ${problem}`);
  if (salt.length !== SALT_BYTES) throw new Error('A seal salt has 16 bytes');
  return deriveKeyEncryptionKey(passphrase, kdf, salt);
}

function sealWithKey(text: string, key: Buffer, salt: Buffer, kdf: KdfParams): SealedText {
  // A fresh IV on every seal: GCM must never see the same (key, IV) pair twice.
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(ASSOCIATED_DATA);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return { salt, kdf: { ...kdf }, iv, tag: cipher.getAuthTag(), data };
}

/**
 * The words, or null when this key does not open the seal (a wrong passphrase fails GCM's
 * authentication; that is the only way we learn it was wrong).
 */
function openWithKey(sealed: SealedText, key: Buffer): string | null {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(ASSOCIATED_DATA);
  decipher.setAuthTag(sealed.tag);
  try {
    return Buffer.concat([decipher.update(sealed.data), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Seals the words under a fresh salt with this passphrase. */
export async function sealText(text: string, passphrase: string, kdf: KdfParams): Promise<SealedText> {
  const salt = newSealSalt();
  const key = await deriveSealKey(passphrase, salt, kdf);
  try {
    return sealWithKey(text, key, salt, kdf);
  } finally {
    key.fill(0);
  }
}

/** The words, or null when the passphrase does not open the seal. */
export async function openSealedText(sealed: SealedText, passphrase: string): Promise<string | null> {
  const key = await deriveSealKey(passphrase, sealed.salt, sealed.kdf);
  try {
    return openWithKey(sealed, key);
  } finally {
    key.fill(0);
  }
}
