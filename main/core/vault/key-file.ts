import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write.ts';
import { kdfParamsProblem, SALT_BYTES, type KdfParams } from './kdf.ts';
import { DATA_KEY_BYTES, type WrappedKey } from './key-wrap.ts';
import { IV_BYTES, TAG_BYTES } from './gcm.ts';
import type { AttemptRecord } from './throttle.ts';
import { vaultErrors } from './vault-errors.ts';

/**
 * keys.json: everything needed to turn a passphrase back into the data key, plus the
 * unlock-attempt record. It never holds the data key in the clear.
 */
export interface KeyFile extends AttemptRecord {
  format: typeof KEY_FILE_FORMAT;
  kdf: KdfParams & { salt: Buffer };
  wrapped: WrappedKey;
  keyCheck: Buffer;
}

export const KEY_FILE_FORMAT = 1;

const bytes = (length: number) =>
  z
    .base64()
    .transform((text) => Buffer.from(text, 'base64'))
    .refine((buffer) => buffer.length === length, `must be ${length} bytes`);

const KeyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  kdf: z
    .object({
      N: z.number().int(),
      r: z.number().int(),
      p: z.number().int(),
      salt: bytes(SALT_BYTES),
    })
    .refine((kdf) => kdfParamsProblem(kdf) === null, 'unusable KDF params'),
  wrapped: z.object({
    iv: bytes(IV_BYTES),
    tag: bytes(TAG_BYTES),
    data: bytes(DATA_KEY_BYTES),
  }),
  keyCheck: bytes(32),
  failedAttempts: z.number().int().nonnegative(),
  lastFailedAt: z.number().int().nullable(),
});

/** Reads and validates the key file; null when there is none. Anything unreadable is VAULT_DAMAGED. */
export function readKeyFile(file: string): KeyFile | null {
  const found = inspectKeyFile(file);
  if (found === 'damaged') throw vaultErrors.keyFileDamaged();
  return found === 'missing' ? null : found;
}

/**
 * Like readKeyFile, but says "damaged" instead of throwing, for the recovery path that can
 * replace a damaged file. A file from a newer Saltwater still throws: it is not ours to replace.
 */
export function inspectKeyFile(file: string): KeyFile | 'missing' | 'damaged' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'damaged';
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > KEY_FILE_FORMAT) throw vaultErrors.madeByNewerVersion();
  const parsed = KeyFileSchema.safeParse(json);
  return parsed.success ? parsed.data : 'damaged';
}

export function writeKeyFile(file: string, keyFile: KeyFile): void {
  const b64 = (buffer: Buffer) => buffer.toString('base64');
  const json = {
    format: keyFile.format,
    kdf: { N: keyFile.kdf.N, r: keyFile.kdf.r, p: keyFile.kdf.p, salt: b64(keyFile.kdf.salt) },
    wrapped: { iv: b64(keyFile.wrapped.iv), tag: b64(keyFile.wrapped.tag), data: b64(keyFile.wrapped.data) },
    keyCheck: b64(keyFile.keyCheck),
    failedAttempts: keyFile.failedAttempts,
    lastFailedAt: keyFile.lastFailedAt,
  };
  writeFileAtomic(file, `${JSON.stringify(json, null, 2)}\n`);
}
