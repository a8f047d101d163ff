import { createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoriesService } from '../../main/core/memories/memories-service.ts';
import { applyCipher } from '../../main/core/vault/database.ts';
import { parseRecoveryKey } from '../../main/core/vault/recovery-key.ts';
import { vaultPaths } from '../../main/core/vault/vault-files.ts';
import type { Vault } from '../../main/core/vault/vault.ts';
import { cheapKdf, createTestVault, expectAppError, PASSPHRASE } from '../helpers/vault-fixtures.ts';

/**
 * The promise of the extra seal: someone who holds the vault key (the recovery key, or the
 * unlocked app's database) still cannot read a sealed memory's words. Checked two ways on a
 * real vault: every row of every table read through SQLCipher with the vault key, and every
 * page of the file and its WAL decrypted with that key by hand, free space included.
 */

const SEAL = 'blue door at the end';
/** A word that cannot appear by chance. */
const probe = (label: string) => `${label}${randomBytes(6).toString('hex')}`;

let dir: string;
let cleanup: () => void;
let vault: Vault;
let vaultKey: Buffer;
let box: MemoriesService;

beforeEach(async () => {
  let recoveryKey: string;
  ({ dir, vault, recoveryKey, cleanup } = await createTestVault());
  vaultKey = parseRecoveryKey(recoveryKey);
  box = new MemoriesService({ db: () => vault.db(), clock: { now: () => 1_800_000_000_000 }, kdf: cheapKdf });
});
afterEach(() => cleanup());

/** Every value in every table, read through SQLCipher with the vault key, as text. */
function everythingReadableWithTheKey(): string {
  const db = new Database(vaultPaths(dir).database, { readonly: true });
  try {
    applyCipher(db, vaultKey);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    const values: string[] = [];
    for (const { name } of tables) {
      for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>) {
        for (const value of Object.values(row)) values.push(Buffer.isBuffer(value) ? value.toString('utf8') : String(value));
      }
    }
    return values.join('\n');
  } finally {
    db.close();
  }
}

// SQLCipher 4 page layout: AES-256-CBC over the page, then 16 bytes IV and 64 bytes HMAC.
const PAGE = 4096;
const RESERVE = 80;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

function decryptPage(page: Buffer, pageNumber: number): Buffer {
  // Page 1 starts with the file's salt in place of "SQLite format 3".
  const start = pageNumber === 1 ? 16 : 0;
  const decipher = createDecipheriv('aes-256-cbc', vaultKey, page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, PAGE - RESERVE)), decipher.final()]);
}

/** Every page of the database file and every frame in its WAL, decrypted with the vault key. */
function everyDecryptedPage(): Buffer {
  const paths = vaultPaths(dir);
  const pages: Buffer[] = [];
  const file = fs.readFileSync(paths.database);
  for (let n = 1; n * PAGE <= file.length; n++) pages.push(decryptPage(file.subarray((n - 1) * PAGE, n * PAGE), n));
  // Check the decryption itself: the header after the salt says 4096-byte pages with 80 reserved bytes.
  expect(pages[0]!.readUInt16BE(0)).toBe(PAGE);
  expect(pages[0]![4]).toBe(RESERVE);
  const wal = fs.existsSync(paths.wal) ? fs.readFileSync(paths.wal) : Buffer.alloc(0);
  for (let at = WAL_HEADER; at + FRAME_HEADER + PAGE <= wal.length; at += FRAME_HEADER + PAGE) {
    pages.push(decryptPage(wal.subarray(at + FRAME_HEADER, at + FRAME_HEADER + PAGE), wal.readUInt32BE(at)));
  }
  return Buffer.concat(pages);
}

const has = (haystack: Buffer, word: string) => haystack.includes(Buffer.from(word, 'utf8'));

describe('the extra seal, seen with the vault key', () => {
  it('sealed words are in no row and on no page; plain words and titles are (the control)', async () => {
    const plainWord = probe('plainword');
    const sealedWord = probe('sealedword');
    const sealedTitle = probe('sealedtitle');
    await box.add({ title: 'Plain one', intensity: 2, text: `kept plainly: ${plainWord}` });
    const sealed = await box.add({ title: sealedTitle, intensity: 4, text: `kept under a seal: ${sealedWord}`, passphrase: SEAL });
    // Opening it writes the opening, never the words.
    const { openingId, memory } = await box.openMemory({ memoryId: sealed.id, moodBefore: 3, passphrase: SEAL });
    expect(memory.text).toContain(sealedWord);
    box.closeOpening({ openingId, outcome: 'reseal', moodAfter: 4, tears: 'tear' });

    const rows = everythingReadableWithTheKey();
    expect(rows).toContain(plainWord);
    expect(rows).toContain(sealedTitle);
    expect(rows).not.toContain(sealedWord);
    expect(rows).not.toContain(SEAL);

    const pages = everyDecryptedPage();
    expect(has(pages, plainWord)).toBe(true);
    expect(has(pages, sealedTitle)).toBe(true);
    expect(has(pages, sealedWord)).toBe(false);
    expect(has(pages, SEAL)).toBe(false);
  });

  it('words kept plainly first, edited, then sealed leave no trace in free space or the WAL', async () => {
    const first = probe('firstdraft');
    const second = probe('seconddraft');
    const m = await box.add({ title: 'Later sealed', intensity: 5, text: `the first words ${first}` });
    await box.edit({ memoryId: m.id, text: `the second words ${second}` });
    // Some neighbours, so the page is shared and rewritten around the sealed row.
    for (let i = 0; i < 30; i++) await box.add({ title: `Neighbour ${i}`, intensity: 1 + (i % 10), text: 'x'.repeat(50 + i * 40) });
    await box.edit({ memoryId: m.id, newPassphrase: SEAL });
    expect((await box.readForEditing({ memoryId: m.id, passphrase: SEAL })).text).toContain(second);

    for (const moment of ['while open', 'after lock']) {
      if (moment === 'after lock') vault.lock();
      const pages = everyDecryptedPage();
      expect(has(pages, 'Neighbour 29'), moment).toBe(true);
      expect(has(pages, first), `${moment}: first`).toBe(false);
      expect(has(pages, second), `${moment}: second`).toBe(false);
      expect(everythingReadableWithTheKey(), moment).not.toContain(second);
    }
  });

  it('a removed memory leaves no words behind', async () => {
    const gone = probe('removedword');
    const m = await box.add({ title: 'Let go', intensity: 3, text: `words to let go ${gone}` });
    await box.add({ title: 'Stays', intensity: 3, text: 'stays' });
    box.remove(m.id);
    expect(has(everyDecryptedPage(), gone)).toBe(false);
  });

  it('control: the same page scan finds words in the WAL, and in free space when they are not erased', () => {
    const leftover = probe('leftover');
    const db = vault.db();
    const insert = db.prepare("INSERT INTO memories (title, intensity, text, created_at, updated_at) VALUES ('t', 1, ?, 1, 1)");
    db.pragma('wal_checkpoint(TRUNCATE)');
    const id = insert.run(`a ${leftover} b`).lastInsertRowid;
    for (let i = 0; i < 3; i++) insert.run('a neighbour after it');
    expect(fs.readFileSync(vaultPaths(dir).wal).length).toBeGreaterThan(0);
    expect(has(everyDecryptedPage(), leftover)).toBe(true);
    db.pragma('wal_checkpoint(TRUNCATE)');
    // SQLite's behaviour without secure_delete: a row that grows moves, its old bytes stay as free space.
    db.pragma('secure_delete = OFF');
    try {
      db.prepare('UPDATE memories SET text = ? WHERE id = ?').run('longer words '.repeat(30), id);
    } finally {
      db.pragma('secure_delete = ON');
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(everythingReadableWithTheKey()).not.toContain(leftover);
    expect(has(everyDecryptedPage(), leftover)).toBe(true);
  });

  it('a wrong passphrase leaves the memory closed and the database as it was', async () => {
    const m = await box.add({ title: 'Hospital', intensity: 7, text: 'the long corridor', passphrase: SEAL });
    const db = vault.db();
    const before = db.prepare('SELECT title, intensity, status, seal_salt, seal_iv, seal_tag, seal_data, updated_at FROM memories').all();
    const error = await expectAppError(box.openMemory({ memoryId: m.id, moodBefore: 3, passphrase: 'the short corridor' }), 'WRONG_PASSPHRASE');
    expect(error.message).toBe("That passphrase doesn't open this memory, so it stays sealed. Take your time and try again.");
    expect(db.prepare('SELECT title, intensity, status, seal_salt, seal_iv, seal_tag, seal_data, updated_at FROM memories').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM memory_openings').get()).toEqual({ n: 0 });
    // Even the vault's own passphrase does not open it.
    await expectAppError(box.openMemory({ memoryId: m.id, moodBefore: 3, passphrase: PASSPHRASE }), 'WRONG_PASSPHRASE');
    expect(box.get(m.id).status).toBe('sealed');
  });
});
