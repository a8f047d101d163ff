import { randomBytes } from 'node:crypto';
import { deriveKeyEncryptionKey, kdfParamsProblem, SALT_BYTES, type KdfParams } from '../vault/kdf.ts';
import { gcmOpen, gcmSeal, type GcmSealed } from '../vault/gcm.ts';

/**
 * A memory's extra seal: its words encrypted with AES-256-GCM under a key derived from the
 * memory's own passphrase by the vault's scrypt, with the memory's own random salt. The
 * vault key opens the database but not these words; only the passphrase does.
 */
export interface SealedText extends GcmSealed {
  salt: Buffer;
  kdf: KdfParams;
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

/** Seals the words under a fresh salt with this passphrase. */
export async function sealText(text: string, passphrase: string, kdf: KdfParams): Promise<SealedText> {
  const salt = newSealSalt();
  const key = await deriveSealKey(passphrase, salt, kdf);
  try {
    return { salt, kdf: { ...kdf }, ...gcmSeal(key, ASSOCIATED_DATA, Buffer.from(text, 'utf8')) };
  } finally {
    key.fill(0);
  }
}

/** The words, or null when the passphrase does not open the seal. */
export async function openSealedText(sealed: SealedText, passphrase: string): Promise<string | null> {
  const key = await deriveSealKey(passphrase, sealed.salt, sealed.kdf);
  try {
    // A wrong passphrase fails GCM's authentication: that is the only way we learn it was wrong.
    return gcmOpen(key, ASSOCIATED_DATA, sealed)?.toString('utf8') ?? null;
  } finally {
    key.fill(0);
  }
}
