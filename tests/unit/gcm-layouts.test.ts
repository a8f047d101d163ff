import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSealedText, sealText, type SealedText } from '../../main/core/memories/seal.ts';
import { newSealKeys, seal, unseal } from '../../main/core/scheduler/sealed-log.ts';
import { deriveKeyEncryptionKey } from '../../main/core/vault/kdf.ts';
import { unwrapDataKey, wrapDataKey, type WrappedKey } from '../../main/core/vault/key-wrap.ts';
import { cheapKdf } from '../helpers/vault-fixtures.ts';

/**
 * The three AES-256-GCM layouts on disk (a wrapped data key, a memory's extra seal, a
 * sealed-log record), written out by hand the way they were first implemented: what was
 * sealed then must open now, and what is sealed now must open the old way.
 */

const KEY_AAD = Buffer.from('saltwater/data-key/v1', 'utf8');
const MEMORY_AAD = Buffer.from('saltwater/memory-text/v1', 'utf8');
const LOG_AAD = Buffer.from('saltwater scheduler log v1');

function oldGcmSeal(key: Buffer, aad: Buffer, plaintext: Buffer) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  cipher.setAAD(aad);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), data };
}

function oldGcmOpen(key: Buffer, aad: Buffer, sealed: { iv: Buffer; tag: Buffer; data: Buffer }): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: 16 });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.data), decipher.final()]);
}

function oldLogKey(shared: Buffer, ephemeral: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, ephemeral, LOG_AAD, 32));
}

function oldLogSeal(publicKeyDer: Buffer, plaintext: string): string {
  const recipient = createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' });
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralDer = ephemeral.publicKey.export({ format: 'der', type: 'spki' });
  const key = oldLogKey(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient }), ephemeralDer);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(LOG_AAD);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([ephemeralDer, iv, cipher.getAuthTag(), body]).toString('base64');
}

function oldLogUnseal(privateKeyDer: Buffer, record: string): string {
  const bytes = Buffer.from(record, 'base64');
  const ephemeralDer = bytes.subarray(0, 44);
  const privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
  const ephemeral = createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' });
  const decipher = createDecipheriv('aes-256-gcm', oldLogKey(diffieHellman({ privateKey, publicKey: ephemeral }), ephemeralDer), bytes.subarray(44, 56));
  decipher.setAAD(LOG_AAD);
  decipher.setAuthTag(bytes.subarray(56, 72));
  return Buffer.concat([decipher.update(bytes.subarray(72)), decipher.final()]).toString('utf8');
}

describe('the AES-GCM layouts stay as they were', () => {
  it('a wrapped data key: old wrap opens now, new wrap opens the old way', () => {
    const kek = randomBytes(32);
    const dataKey = randomBytes(32);
    const old: WrappedKey = oldGcmSeal(kek, KEY_AAD, dataKey);
    expect(unwrapDataKey(old, kek).equals(dataKey)).toBe(true);
    const now = wrapDataKey(dataKey, kek);
    expect([now.iv.length, now.tag.length, now.data.length]).toEqual([12, 16, 32]);
    expect(oldGcmOpen(kek, KEY_AAD, now).equals(dataKey)).toBe(true);
  });

  it('a memory’s extra seal: old seal opens now, new seal opens the old way', async () => {
    const words = 'The smell of the old kitchen 💙\nand her voice.';
    const salt = randomBytes(16);
    const key = await deriveKeyEncryptionKey('blue door', cheapKdf, salt);
    const old: SealedText = { salt, kdf: { ...cheapKdf }, ...oldGcmSeal(key, MEMORY_AAD, Buffer.from(words, 'utf8')) };
    expect(await openSealedText(old, 'blue door')).toBe(words);

    const now = await sealText(words, 'blue door', cheapKdf);
    const nowKey = await deriveKeyEncryptionKey('blue door', now.kdf, now.salt);
    expect([now.iv.length, now.tag.length]).toEqual([12, 16]);
    expect(oldGcmOpen(nowKey, MEMORY_AAD, now).toString('utf8')).toBe(words);
  });

  it('a sealed-log record: old record opens now, new record opens the old way', () => {
    const keys = newSealKeys();
    const text = JSON.stringify([{ type: 'settled', scheduleId: 1, through: '2025-11-20T20:00' }]);
    expect(unseal(keys.privateKey, oldLogSeal(keys.publicKey, text))).toBe(text);
    const record = seal(keys.publicKey, text);
    expect(Buffer.from(record, 'base64').length).toBe(44 + 12 + 16 + Buffer.byteLength(text));
    expect(oldLogUnseal(keys.privateKey, record)).toBe(text);
  });
});
