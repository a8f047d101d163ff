import { createDecipheriv } from 'node:crypto';
import fs from 'node:fs';

/**
 * Every page of a SQLCipher 4 database (default settings, raw key), decrypted, from the main file
 * and from its write-ahead log: free pages too, which SQL can no longer reach. Used to prove that
 * removed audio is gone from the file, not only from the tables. SQLCipher 4's page layout: AES-256-CBC
 * over each page but its reserved tail (a 16-byte IV, then a 64-byte HMAC-SHA512); page 1 begins
 * with the file's 16-byte salt, left in the clear (https://www.zetetic.net/sqlcipher/design/).
 */
const PAGE_SIZE = 4096;
const RESERVE = 80;
const IV_SIZE = 16;
const SALT_SIZE = 16;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

export function decryptPage(page: Buffer, pageNumber: number, key: Buffer): Buffer {
  const start = pageNumber === 1 ? SALT_SIZE : 0;
  const end = PAGE_SIZE - RESERVE;
  const iv = page.subarray(end, end + IV_SIZE);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, end)), decipher.final()]);
}

/** The decrypted pages of `file` and of `file-wal` (when there is one). */
export function decryptedPages(file: string, key: Buffer): Buffer[] {
  const pages: Buffer[] = [];
  const main = fs.readFileSync(file);
  for (let offset = 0, n = 1; offset + PAGE_SIZE <= main.length; offset += PAGE_SIZE, n++) {
    pages.push(decryptPage(main.subarray(offset, offset + PAGE_SIZE), n, key));
  }
  const walFile = `${file}-wal`;
  const wal = fs.existsSync(walFile) ? fs.readFileSync(walFile) : Buffer.alloc(0);
  for (let offset = WAL_HEADER; offset + FRAME_HEADER + PAGE_SIZE <= wal.length; offset += FRAME_HEADER + PAGE_SIZE) {
    const pageNumber = wal.readUInt32BE(offset);
    pages.push(decryptPage(wal.subarray(offset + FRAME_HEADER, offset + FRAME_HEADER + PAGE_SIZE), pageNumber, key));
  }
  return pages;
}

/** Whether `needle` appears in any decrypted page of the database or its WAL. */
export function foundInPages(file: string, key: Buffer, needle: Uint8Array): boolean {
  return decryptedPages(file, key).some((page) => page.includes(Buffer.from(needle.buffer, needle.byteOffset, needle.byteLength)));
}
