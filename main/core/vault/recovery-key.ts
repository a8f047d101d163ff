import { createHash } from 'node:crypto';
import { DATA_KEY_BYTES } from './key-wrap.ts';
import { vaultErrors } from './vault-errors.ts';

/**
 * The recovery key is the vault's data key itself, written out by hand-friendly rules:
 * 64 hex digits in groups of four, then a four-digit checksum group. Because it IS the key,
 * it opens the database in any SQLCipher 4 tool with PRAGMA key = "x'<the 64 digits>'",
 * so nobody is ever locked into Saltwater.
 */

const GROUP = 4;
const KEY_DIGITS = DATA_KEY_BYTES * 2;
const CHECKSUM_DIGITS = 4;

function checksumOf(dataKey: Buffer): string {
  return createHash('sha256').update(dataKey).digest().subarray(0, CHECKSUM_DIGITS / 2).toString('hex').toUpperCase();
}

export function formatRecoveryKey(dataKey: Buffer): string {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('The data key must be 32 bytes');
  const digits = dataKey.toString('hex').toUpperCase() + checksumOf(dataKey);
  const groups: string[] = [];
  for (let i = 0; i < digits.length; i += GROUP) groups.push(digits.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * Reads a recovery key the way a person may have kept it: any case, with or without dashes,
 * spaces or line breaks, dashes turned into typographic ones by a word processor, and the
 * letters O, I and L misread for the digits 0 and 1 in a handwritten copy (hex has no such
 * letters, so this never changes a correct key). The checksum then catches a mistyped digit.
 */
export function parseRecoveryKey(text: string): Buffer {
  const digits = text
    .replace(/[\s\-‐‑‒–—―_.]/g, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (/[^0-9A-F]/.test(digits)) throw vaultErrors.recoveryKeyCharacter();
  if (digits.length !== KEY_DIGITS + CHECKSUM_DIGITS) throw vaultErrors.recoveryKeyLength();
  const dataKey = Buffer.from(digits.slice(0, KEY_DIGITS), 'hex');
  if (checksumOf(dataKey) !== digits.slice(KEY_DIGITS)) {
    dataKey.fill(0);
    throw vaultErrors.recoveryKeyChecksum();
  }
  return dataKey;
}

/** The 64 hex digits for `PRAGMA key = "x'…'"` in the sqlcipher shell or DB Browser for SQLite. */
export function sqlcipherKeyFromRecoveryKey(text: string): string {
  const dataKey = parseRecoveryKey(text);
  const hex = dataKey.toString('hex').toUpperCase();
  dataKey.fill(0);
  return hex;
}
