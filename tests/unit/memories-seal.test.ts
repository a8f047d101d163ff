import { describe, expect, it } from 'vitest';
import { openSealedText, sealText } from '../../main/core/memories/seal.ts';
import { cheapKdf } from '../helpers/vault-fixtures.ts';

const WORDS = 'The smell of the old kitchen, and her voice on the stairs.';
const PASS = 'blue door at the end';

describe('a memory’s extra seal', () => {
  it('opens with its passphrase and gives back the exact words', async () => {
    const sealed = await sealText(WORDS, PASS, cheapKdf);
    expect(await openSealedText(sealed, PASS)).toBe(WORDS);
    const emoji = '💙 ünïcödé\nand a second line';
    expect(await openSealedText(await sealText(emoji, PASS, cheapKdf), PASS)).toBe(emoji);
    expect(await openSealedText(await sealText('', PASS, cheapKdf), PASS)).toBe('');
  });

  it('stays closed with a wrong passphrase, even a near miss', async () => {
    const sealed = await sealText(WORDS, PASS, cheapKdf);
    for (const wrong of ['blue door at the end ', 'Blue door at the end', 'blue door', '']) {
      expect(await openSealedText(sealed, wrong), JSON.stringify(wrong)).toBeNull();
    }
  });

  it('the same passphrase typed as different bytes (NFC vs NFD) opens it', async () => {
    const composed = 'café au lait'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const sealed = await sealText(WORDS, composed, cheapKdf);
    expect(await openSealedText(sealed, decomposed)).toBe(WORDS);
  });

  it('keeps no readable trace of the words or the passphrase', async () => {
    const sealed = await sealText(WORDS, PASS, cheapKdf);
    const everything = Buffer.concat([sealed.salt, sealed.iv, sealed.tag, sealed.data]);
    for (const secret of [WORDS, 'kitchen', PASS]) {
      expect(everything.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
    expect(sealed.salt).toHaveLength(16);
    expect(sealed.iv).toHaveLength(12);
    expect(sealed.tag).toHaveLength(16);
    expect(sealed.kdf).toEqual(cheapKdf);
  });

  it('every seal has its own salt and IV, so equal words never look equal', async () => {
    const a = await sealText(WORDS, PASS, cheapKdf);
    const b = await sealText(WORDS, PASS, cheapKdf);
    expect(a.salt.equals(b.salt)).toBe(false);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.data.equals(b.data)).toBe(false);
  });

  it('a changed byte, another salt or another cost means it does not open', async () => {
    const sealed = await sealText(WORDS, PASS, cheapKdf);
    const flipped = Buffer.from(sealed.data);
    flipped[0] = flipped[0]! ^ 1;
    expect(await openSealedText({ ...sealed, data: flipped }, PASS)).toBeNull();
    const otherTag = Buffer.from(sealed.tag);
    otherTag[3] = otherTag[3]! ^ 0x80;
    expect(await openSealedText({ ...sealed, tag: otherTag }, PASS)).toBeNull();
    const other = await sealText(WORDS, PASS, cheapKdf);
    expect(await openSealedText({ ...sealed, salt: other.salt }, PASS)).toBeNull();
    expect(await openSealedText({ ...sealed, kdf: { ...cheapKdf, N: cheapKdf.N * 2 } }, PASS)).toBeNull();
  });

  it('refuses cost parameters that would exhaust memory (a damaged row)', async () => {
    const sealed = await sealText(WORDS, PASS, cheapKdf);
    await expect(openSealedText({ ...sealed, kdf: { N: 2 ** 30, r: 8, p: 1 } }, PASS)).rejects.toThrow(/KDF/);
    await expect(sealText(WORDS, PASS, { N: 1000, r: 8, p: 1 })).rejects.toThrow(/KDF/);
  });
});
