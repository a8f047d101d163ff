import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { AppError, type ErrorCode } from '../../preload/contract/index.ts';
import { openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { Vault } from '../../main/core/vault/vault.ts';
import { FakeClock } from './fake-clock.ts';

/** Far cheaper than the real defaults so the suite stays fast; the real ones are tested on their own. */
export const cheapKdf = { N: 2 ** 10, r: 8, p: 1 } as const;

export const PASSPHRASE = 'salt and quiet water';

/** A fresh folder under the OS temp dir; call the returned cleanup in afterEach. */
export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saltwater-test-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function makeVault(dir: string, clock: FakeClock = new FakeClock(1_700_000_000_000)): Vault {
  return new Vault({ dir, clock, kdf: cheapKdf });
}

/** An encrypted database (random key) in a fresh temp folder, and a FakeClock; cleanup closes it and removes the folder. */
export function openTestDatabase(now = 1_700_000_000_000): { dir: string; db: Db; clock: FakeClock; cleanup: () => void } {
  const temp = makeTempDir();
  const db = openEncryptedDatabase(path.join(temp.dir, 'vault.db'), randomBytes(32));
  const cleanup = () => {
    if (db.open) db.close();
    temp.cleanup();
  };
  return { dir: temp.dir, db, clock: new FakeClock(now), cleanup };
}

/** A vault created with PASSPHRASE in a fresh temp folder, on a FakeClock; cleanup locks it and removes the folder. */
export async function createTestVault(
  now = 1_700_000_000_000,
): Promise<{ dir: string; vault: Vault; clock: FakeClock; recoveryKey: string; cleanup: () => void }> {
  const temp = makeTempDir();
  const clock = new FakeClock(now);
  const vault = makeVault(temp.dir, clock);
  const cleanup = () => {
    vault.lock();
    temp.cleanup();
  };
  try {
    const { recoveryKey } = await vault.create(PASSPHRASE);
    return { dir: temp.dir, vault, clock, recoveryKey, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

export function insertEntry(db: Db, body: string, at = 1_700_000_000_000): number {
  const result = db.prepare('INSERT INTO entries (created_at, updated_at, body) VALUES (?, ?, ?)').run(at, at, body);
  return Number(result.lastInsertRowid);
}

export function sha256OfFile(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A fingerprint of every file in the folder, so a test can prove nothing at all changed. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) out[name] = sha256OfFile(path.join(dir, name));
  return out;
}

/** Awaits (or calls) and asserts an AppError with this code, returning it for further checks. */
export async function expectAppError(action: Promise<unknown> | (() => unknown), code: ErrorCode): Promise<AppError> {
  let caught: unknown;
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected AppError ${code}`).toBeInstanceOf(AppError);
  const appError = caught as AppError;
  expect(appError.code, appError.message).toBe(code);
  return appError;
}
