import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyCheckFor, matchesKeyCheck } from '../../main/core/vault/key-check.ts';
import { unwrapDataKey, wrapDataKey } from '../../main/core/vault/key-wrap.ts';
import { expectAppError } from '../helpers/vault-fixtures.ts';

describe('key wrap', () => {
  const dataKey = randomBytes(32);
  const kek = randomBytes(32);

  it('unwraps what it wrapped, with a fresh IV each time', () => {
    const a = wrapDataKey(dataKey, kek);
    const b = wrapDataKey(dataKey, kek);
    expect(a.iv).toHaveLength(12);
    expect(a.tag).toHaveLength(16);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.data.equals(dataKey)).toBe(false);
    expect(unwrapDataKey(a, kek).equals(dataKey)).toBe(true);
    expect(unwrapDataKey(b, kek).equals(dataKey)).toBe(true);
  });

  it('reports the wrong key-encryption key or any altered byte as a wrong passphrase', async () => {
    const wrapped = wrapDataKey(dataKey, kek);
    await expectAppError(() => unwrapDataKey(wrapped, randomBytes(32)), 'WRONG_PASSPHRASE');
    for (const part of ['iv', 'tag', 'data'] as const) {
      const altered = { ...wrapped, [part]: Buffer.from(wrapped[part]) };
      altered[part][0] = (altered[part][0] ?? 0) ^ 1;
      await expectAppError(() => unwrapDataKey(altered, kek), 'WRONG_PASSPHRASE');
    }
  });
});

describe('key check', () => {
  it('matches only the key it was made from', () => {
    const key = randomBytes(32);
    const check = keyCheckFor(key);
    expect(check).toHaveLength(32);
    expect(matchesKeyCheck(key, check)).toBe(true);
    expect(matchesKeyCheck(randomBytes(32), check)).toBe(false);
    expect(matchesKeyCheck(key, check.subarray(0, 16))).toBe(false);
    // It is not the key, nor trivially derived from it.
    expect(check.equals(key)).toBe(false);
  });
});
