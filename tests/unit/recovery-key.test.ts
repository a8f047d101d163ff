import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, parseRecoveryKey, sqlcipherKeyFromRecoveryKey } from '../../main/core/vault/recovery-key.ts';
import { expectAppError } from '../helpers/vault-fixtures.ts';

// Fixed so the typo sweep below is deterministic; has 0s and 1s for the O/I/L rule.
const KEY = Buffer.from('3f9a01c4d2e7b8650a1b2c3d4e5f60718293a4b5c6d7e8f9100f1e2d3c4b5a69', 'hex');
const HEX = '0123456789ABCDEF';

describe('formatRecoveryKey', () => {
  it('writes the key as 16 groups of 4 upper-case hex digits plus a checksum group', () => {
    const text = formatRecoveryKey(KEY);
    const groups = text.split('-');
    expect(groups).toHaveLength(17);
    for (const group of groups) expect(group).toMatch(/^[0-9A-F]{4}$/);
    expect(groups.slice(0, 16).join('')).toBe(KEY.toString('hex').toUpperCase());
  });

  it('is a different text for a different key, and refuses a key of the wrong size', () => {
    expect(formatRecoveryKey(randomBytes(32))).not.toBe(formatRecoveryKey(KEY));
    expect(() => formatRecoveryKey(randomBytes(16))).toThrow();
  });
});

describe('parseRecoveryKey', () => {
  it('round-trips random keys', () => {
    for (let i = 0; i < 50; i++) {
      const key = randomBytes(32);
      expect(parseRecoveryKey(formatRecoveryKey(key)).equals(key)).toBe(true);
    }
  });

  it('accepts the key however a person kept it', () => {
    const text = formatRecoveryKey(KEY);
    const variants = [
      text.toLowerCase(),
      text.replace(/-/g, ''),
      text.replace(/-/g, ' '),
      `  ${text.split('-').slice(0, 9).join('-')}\n${text.split('-').slice(9).join('-')}\r\n`,
      text.replace(/-/g, ' – '),
      // A handwritten copy read back with letters for digits.
      text.replace(/0/g, 'O').replace(/1/g, 'l'),
    ];
    for (const variant of variants) expect(parseRecoveryKey(variant).equals(KEY), variant).toBe(true);
  });

  it('catches every single mistyped digit with a kind message', async () => {
    const digits = formatRecoveryKey(KEY).replace(/-/g, '');
    let checked = 0;
    for (let i = 0; i < digits.length; i++) {
      for (const replacement of HEX) {
        if (replacement === digits[i]) continue;
        const typo = digits.slice(0, i) + replacement + digits.slice(i + 1);
        expect(() => parseRecoveryKey(typo), `position ${i} → ${replacement}`).toThrow();
        checked++;
      }
    }
    expect(checked).toBe(68 * 15);
    const one = `${digits.slice(0, 10)}${digits[10] === 'A' ? 'B' : 'A'}${digits.slice(11)}`;
    const error = await expectAppError(() => parseRecoveryKey(one), 'WRONG_RECOVERY_KEY');
    expect(error.message).toMatch(/A character may be mistyped/);
  });

  it('catches two neighbouring digits swapped', () => {
    const digits = formatRecoveryKey(KEY).replace(/-/g, '');
    for (let i = 0; i < digits.length - 1; i++) {
      if (digits[i] === digits[i + 1]) continue;
      const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
      expect(() => parseRecoveryKey(swapped), `swap at ${i}`).toThrow();
    }
  });

  it('says so when a group is missing, one is extra, or a character is not hex', async () => {
    const text = formatRecoveryKey(KEY);
    const short = await expectAppError(() => parseRecoveryKey(text.slice(5)), 'WRONG_RECOVERY_KEY');
    expect(short.message).toMatch(/too few or too many/);
    await expectAppError(() => parseRecoveryKey(`${text}-0000`), 'WRONG_RECOVERY_KEY');
    await expectAppError(() => parseRecoveryKey(`${text}7`), 'WRONG_RECOVERY_KEY');
    const foreign = await expectAppError(() => parseRecoveryKey(`G${text.slice(1)}`), 'WRONG_RECOVERY_KEY');
    expect(foreign.message).toMatch(/0–9 and A–F/);
    await expectAppError(() => parseRecoveryKey(''), 'WRONG_RECOVERY_KEY');
  });
});

describe('sqlcipherKeyFromRecoveryKey', () => {
  it('gives the 64 hex digits of the data key for PRAGMA key', () => {
    const hex = sqlcipherKeyFromRecoveryKey(formatRecoveryKey(KEY).toLowerCase());
    expect(hex).toMatch(/^[0-9A-F]{64}$/);
    expect(Buffer.from(hex, 'hex').equals(KEY)).toBe(true);
  });

  it('refuses a mistyped key rather than giving a wrong one', async () => {
    const text = formatRecoveryKey(KEY);
    await expectAppError(() => sqlcipherKeyFromRecoveryKey(text.replace(/^3/, '4')), 'WRONG_RECOVERY_KEY');
  });
});
