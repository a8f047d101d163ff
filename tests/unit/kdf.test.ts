import { describe, expect, it } from 'vitest';
import { defaultKdfParams, deriveKeyEncryptionKey, resolveKdfParams } from '../../main/core/vault/kdf.ts';
import { cheapKdf } from '../helpers/vault-fixtures.ts';

const salt = Buffer.alloc(16, 7);

describe('kdf', () => {
  it('derives the same 32-byte key for the same input, and a different one for any change', async () => {
    const a = await deriveKeyEncryptionKey('correct horse', cheapKdf, salt);
    expect(a).toHaveLength(32);
    expect((await deriveKeyEncryptionKey('correct horse', cheapKdf, salt)).equals(a)).toBe(true);
    expect((await deriveKeyEncryptionKey('correct horsf', cheapKdf, salt)).equals(a)).toBe(false);
    expect((await deriveKeyEncryptionKey('correct horse', cheapKdf, Buffer.alloc(16, 8))).equals(a)).toBe(false);
    expect((await deriveKeyEncryptionKey('correct horse', { ...cheapKdf, N: 2 ** 11 }, salt)).equals(a)).toBe(false);
  });

  it('treats the same passphrase typed with composed or decomposed accents as one', async () => {
    const composed = 'crème brûlée'.normalize('NFC');
    const decomposed = 'crème brûlée'.normalize('NFD');
    expect(composed).not.toBe(decomposed);
    const a = await deriveKeyEncryptionKey(composed, cheapKdf, salt);
    expect((await deriveKeyEncryptionKey(decomposed, cheapKdf, salt)).equals(a)).toBe(true);
  });

  it('uses memory-hard defaults and refuses unusable params', () => {
    expect(resolveKdfParams(undefined)).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(resolveKdfParams({ N: 2 ** 10 })).toEqual({ N: 2 ** 10, r: 8, p: 1 });
    expect(() => resolveKdfParams({ N: 1000 })).toThrow(/power of two/);
    expect(() => resolveKdfParams({ N: 2 ** 22, r: 32 })).toThrow(/memory/);
    expect(() => resolveKdfParams({ p: 0 })).toThrow();
  });

  // A property of the default params, not a performance target: they must stay expensive.
  it('default params are slow enough to make guessing costly', async () => {
    const started = performance.now();
    await deriveKeyEncryptionKey('a passphrase', defaultKdfParams, salt);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });
});
