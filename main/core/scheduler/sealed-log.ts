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

/** The scheduler's and the signal outbox's logs; another purpose seals with its own words, so records can't be moved between logs. */
const DEFAULT_PURPOSE = 'saltwater scheduler log v1';
const SPKI_LENGTH = 44;

export function newSealKeys(): SealKeys {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

function keyFor(shared: Buffer, ephemeral: Buffer, aad: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, ephemeral, aad, 32));
}

export function seal(publicKeyDer: Buffer, plaintext: string, purpose = DEFAULT_PURPOSE): string {
  const aad = Buffer.from(purpose);
  const recipient = createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' });
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralDer = ephemeral.publicKey.export({ format: 'der', type: 'spki' });
  const key = keyFor(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient }), ephemeralDer, aad);
  const { iv, tag, data } = gcmSeal(key, aad, Buffer.from(plaintext, 'utf8'));
  // The record: ephemeral public key (SPKI) ‖ IV ‖ tag ‖ ciphertext, in base64.
  return Buffer.concat([ephemeralDer, iv, tag, data]).toString('base64');
}

/** The plaintext, or null for a record that is cut short, altered or sealed to another key. */
export function unseal(privateKeyDer: Buffer, record: string, purpose = DEFAULT_PURPOSE): string | null {
  const aad = Buffer.from(purpose);
  try {
    const bytes = Buffer.from(record, 'base64');
    const tagEnd = SPKI_LENGTH + IV_BYTES + TAG_BYTES;
    if (bytes.length < tagEnd) return null;
    const ephemeralDer = bytes.subarray(0, SPKI_LENGTH);
    const sealed = { iv: bytes.subarray(SPKI_LENGTH, SPKI_LENGTH + IV_BYTES), tag: bytes.subarray(SPKI_LENGTH + IV_BYTES, tagEnd), data: bytes.subarray(tagEnd) };
    const privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
    const ephemeral = createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' });
    return gcmOpen(keyFor(diffieHellman({ privateKey, publicKey: ephemeral }), ephemeralDer, aad), aad, sealed)?.toString('utf8') ?? null;
  } catch {
    return null;
  }
}

/** Appends lines and flushes them to disk before returning. */
export function appendDurably(file: string, lines: string[]): void {
  const created = !existsSync(file);
  const fd = openSync(file, 'a', 0o600);
  try {
    // A leading newline ends a line a crash may have cut short, so these records stand alone.
    writeSync(fd, `\n${lines.join('\n')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // A new file is only durable once its folder entry is.
  if (created) syncDirectory(dirname(file));
}

/** An append-only file of sealed records, one per line. */
export class SealedLog {
  constructor(
    readonly file: string,
    private readonly purpose = DEFAULT_PURPOSE,
  ) {}

  /** Appends and flushes to disk before returning, so a record survives a crash right after. */
  append(publicKeyDer: Buffer, plaintext: string): void {
    appendDurably(this.file, [seal(publicKeyDer, plaintext, this.purpose)]);
  }

  /** Every record that opens with this key, in order; unreadable lines are counted and dropped. */
  read(privateKeyDer: Buffer): { records: string[]; unreadable: number } {
    const { opened, unreadableLines } = this.readLines(privateKeyDer);
    return { records: opened.map((o) => o.plain), unreadable: unreadableLines.length };
  }

  /** As read(), with each record's sealed line, for a caller that keeps what it can't use rather than drop it. */
  readLines(privateKeyDer: Buffer): { opened: { line: string; plain: string }[]; unreadableLines: string[] } {
    const opened: { line: string; plain: string }[] = [];
    const unreadableLines: string[] = [];
    for (const line of this.lines()) {
      const plain = unseal(privateKeyDer, line, this.purpose);
      if (plain === null) unreadableLines.push(line);
      else opened.push({ line, plain });
    }
    return { opened, unreadableLines };
  }

  /** How many records are waiting (readable or not), without opening any. */
  count(): number {
    return this.lines().length;
  }

  private lines(): string[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
