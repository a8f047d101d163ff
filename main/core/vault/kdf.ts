import { scrypt } from 'node:crypto';
import { normalizePassphrase } from './passphrase.ts';

/** scrypt cost parameters; stored next to the salt in the key file so they can change later. */
export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/**
 * Measured on the development machine at about 310–330 ms per derivation and 128 MiB of
 * memory: slow and memory-hungry enough to make guessing expensive, quick enough to unlock.
 * Stronger settings only apply to new wraps (create, passphrase change, recovery).
 */
export const defaultKdfParams: Readonly<KdfParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

export const SALT_BYTES = 16;
export const KEY_ENCRYPTION_KEY_BYTES = 32;

/** Upper bounds so a damaged or hostile key file cannot make us allocate gigabytes. */
export const kdfLimits = { maxLog2N: 22, maxR: 32, maxP: 16, maxMemoryBytes: 1024 * 1024 * 1024 } as const;

/** Memory scrypt needs for these params (OpenSSL's own accounting), plus a little headroom. */
function maxmemFor({ N, r, p }: KdfParams): number {
  return 128 * r * (N + p + 2) + 1024 * 1024;
}

export function kdfParamsProblem(params: KdfParams): string | null {
  const { N, r, p } = params;
  if (!Number.isInteger(N) || N < 2 || N > 2 ** kdfLimits.maxLog2N || (N & (N - 1)) !== 0) {
    return `N must be a power of two between 2 and 2^${kdfLimits.maxLog2N}`;
  }
  if (!Number.isInteger(r) || r < 1 || r > kdfLimits.maxR) return `r must be 1..${kdfLimits.maxR}`;
  if (!Number.isInteger(p) || p < 1 || p > kdfLimits.maxP) return `p must be 1..${kdfLimits.maxP}`;
  if (128 * r * N > kdfLimits.maxMemoryBytes) return 'these params need too much memory';
  return null;
}

export function resolveKdfParams(overrides: Partial<KdfParams> | undefined): KdfParams {
  const params = { ...defaultKdfParams, ...overrides };
  const problem = kdfParamsProblem(params);
  if (problem) throw new Error(`Invalid KDF params: ${problem}`);
  return params;
}

/**
 * Passphrase → 32-byte key-encryption key. Async scrypt runs on libuv's thread pool, so the
 * main process keeps answering the window while it works.
 */
export function deriveKeyEncryptionKey(passphrase: string, params: KdfParams, salt: Buffer): Promise<Buffer> {
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    scrypt(
      normalizePassphrase(passphrase),
      salt,
      KEY_ENCRYPTION_KEY_BYTES,
      { N, r, p, maxmem: maxmemFor(params) },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}
