import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncDirectory } from '../vault/atomic-write.ts';
import { gcmOpen, gcmSeal, IV_BYTES, TAG_BYTES } from '../vault/gcm.ts';

/**
 * Where the scheduler writes down what happened while the vault was locked (a reminder
 * fired, a snooze was pressed). It cannot write to the vault then, and keeping it only
 * in memory would make a reminder count as missed again after a quit or reboot.
 *
 * Each record is sealed to a public key whose private half lives inside the vault (an
 * X25519 "sealed box": ephemeral key agreement → HKDF-SHA256 → AES-256-GCM), so the
 * locked app can add records but nobody, the app included, can read them until the
 * vault is unlocked. The file holds no plain text; only its size and time stamp show
 * that something was written.
 */

export interface SealKeys {
  /** SPKI DER; kept in memory while locked. */
  publicKey: Buffer;
  /** PKCS#8 DER; stored only inside the vault. */
  privateKey: Buffer;
}

const AAD = Buffer.from('saltwater scheduler log v1');
const SPKI_LENGTH = 44;

export function newSealKeys(): SealKeys {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

function keyFor(shared: Buffer, ephemeral: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, ephemeral, AAD, 32));
}

export function seal(publicKeyDer: Buffer, plaintext: string): string {
  const recipient = createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' });
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralDer = ephemeral.publicKey.export({ format: 'der', type: 'spki' });
  const key = keyFor(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient }), ephemeralDer);
  const { iv, tag, data } = gcmSeal(key, AAD, Buffer.from(plaintext, 'utf8'));
  // The record: ephemeral public key (SPKI) ‖ IV ‖ tag ‖ ciphertext, in base64.
  return Buffer.concat([ephemeralDer, iv, tag, data]).toString('base64');
}

/** The plaintext, or null for a record that is cut short, altered or sealed to another key. */
export function unseal(privateKeyDer: Buffer, record: string): string | null {
  try {
    const bytes = Buffer.from(record, 'base64');
    const tagEnd = SPKI_LENGTH + IV_BYTES + TAG_BYTES;
    if (bytes.length < tagEnd) return null;
    const ephemeralDer = bytes.subarray(0, SPKI_LENGTH);
    const sealed = { iv: bytes.subarray(SPKI_LENGTH, SPKI_LENGTH + IV_BYTES), tag: bytes.subarray(SPKI_LENGTH + IV_BYTES, tagEnd), data: bytes.subarray(tagEnd) };
    const privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
    const ephemeral = createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' });
    return gcmOpen(keyFor(diffieHellman({ privateKey, publicKey: ephemeral }), ephemeralDer), AAD, sealed)?.toString('utf8') ?? null;
  } catch {
    return null;
  }
}

/** An append-only file of sealed records, one per line. */
export class SealedLog {
  constructor(readonly file: string) {}

  /** Appends and flushes to disk before returning, so a record survives a crash right after. */
  append(publicKeyDer: Buffer, plaintext: string): void {
    const created = !existsSync(this.file);
    const fd = openSync(this.file, 'a', 0o600);
    try {
      // A leading newline ends a line a crash may have cut short, so this record stands alone.
      writeSync(fd, `\n${seal(publicKeyDer, plaintext)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // A new file is only durable once its folder entry is.
    if (created) syncDirectory(dirname(this.file));
  }

  /** Every record that opens with this key, in order; unreadable lines are counted and dropped. */
  read(privateKeyDer: Buffer): { records: string[]; unreadable: number } {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], unreadable: 0 };
      throw error;
    }
    const records: string[] = [];
    let unreadable = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const plain = unseal(privateKeyDer, line.trim());
      if (plain === null) unreadable++;
      else records.push(plain);
    }
    return { records, unreadable };
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
