import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../preload/contract/index.ts';
import { createCore, type Core } from '../../main/core/services.ts';
import { storageProblem, storageTrouble } from '../../main/core/file-problems.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { PASSPHRASE, cheapKdf } from '../helpers/vault-fixtures.ts';

/**
 * A full disk, a read-only folder or a missing permission, met anywhere, reaches the person
 * named as what it is — never as "something went wrong on our side". SQLite's own "full" and
 * "read-only" are real (a page limit, query_only); file-system ones are injected at the one
 * place files are created (we run as root here, where chmod stops nothing).
 */
const resourcesDir = path.join(import.meta.dirname, '../../resources');
const NEW_PASSPHRASE = 'a different long passphrase';
const FULL = /Your disk is full/;

let dir: string;
let clock: FakeClock;
let core: Core;

function startCore(): Core {
  return createCore({
    dataDir: path.join(dir, 'vault'),
    resourcesDir,
    clock,
    timers: clock,
    kdf: cheapKdf,
    openExternal: () => {},
    clipboard: { writeText: () => {} },
    httpPost: () => Promise.reject(new Error('no network here')),
  });
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saltwater-storage-'));
  clock = new FakeClock(1_700_000_000_000);
  core = startCore();
});
afterEach(() => {
  vi.restoreAllMocks();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, input?: unknown): Promise<Result<unknown>> => core.router.call(method, input);
async function ok<T = unknown>(method: string, input?: unknown): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
async function failure(method: string, input?: unknown) {
  const result = await call(method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

/** Makes opening any file whose name matches `pattern` for writing fail as a full disk would. */
function diskFullFor(pattern: RegExp): void {
  const real = fs.openSync.bind(fs);
  vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
    const flags = rest[0];
    const writing = typeof flags === 'string' && /[wa+]/.test(flags);
    if (writing && pattern.test(String(file))) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    return (real as (...a: unknown[]) => number)(file, ...rest);
  }) as typeof fs.openSync);
}

describe('a full disk while writing in the journal', () => {
  it('says the disk is full and that nothing written is lost, then saves once there is room', async () => {
    await ok('vault.create', { passphrase: PASSPHRASE });
    const entry = await ok<{ id: number }>('journal.create', { body: 'The first lines' });
    const db = core.vault.db();
    // SQLite's own "database or disk is full", for real: no page may be added beyond this.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const long = 'A long evening of writing. '.repeat(2000);

    const error = await failure('journal.update', { id: entry.id, body: long });
    expect(error.code).toBe('FILE_PROBLEM');
    expect(error.message).toBe('Your disk is full. Nothing you wrote is lost while Saltwater stays open; it will save as soon as there is room.');
    expect((await failure('journal.create', { body: long })).message).toMatch(FULL);

    db.pragma('max_page_count = 1073741823');
    await ok('journal.update', { id: entry.id, body: long });
    expect((await ok<{ body: string }>('journal.get', { id: entry.id })).body).toBe(long);
  });

  it('names a read-only vault as read-only', async () => {
    await ok('vault.create', { passphrase: PASSPHRASE });
    core.vault.db().pragma('query_only = ON');
    const error = await failure('settings.update', { idleLockMinutes: 30 });
    expect(error.code).toBe('FILE_PROBLEM');
    expect(error.message).toMatch(/can only be read/);
    expect((await failure('journal.create', { body: 'hello' })).message).toMatch(/can only be read.*Nothing you wrote is lost/);
  });
});

describe('a full disk around the vault files', () => {
  it('refuses to create a vault, naming the full disk, and leaves nothing behind', async () => {
    diskFullFor(/keys\.json/);
    const error = await failure('vault.create', { passphrase: PASSPHRASE });
    expect(error.code).toBe('FILE_PROBLEM');
    expect(error.message).toMatch(FULL);
    vi.restoreAllMocks();
    expect(await ok('vault.status')).toEqual({ state: 'new', retryAfterMs: 0 });
    await ok('vault.create', { passphrase: PASSPHRASE });
  });

  it('keeps the old passphrase when the new one cannot be saved', async () => {
    await ok('vault.create', { passphrase: PASSPHRASE });
    diskFullFor(/keys\.json/);
    const error = await failure('vault.changePassphrase', { current: PASSPHRASE, next: NEW_PASSPHRASE });
    expect(error.message).toMatch(FULL);
    vi.restoreAllMocks();
    await ok('vault.lock');
    await ok('vault.unlock', { passphrase: PASSPHRASE });
  });

  it('still calls a wrong passphrase wrong, and still counts it toward the wait', async () => {
    await ok('vault.create', { passphrase: PASSPHRASE });
    await ok('vault.lock');
    const keysBefore = fs.readFileSync(core.vault.paths.keyFile);
    diskFullFor(/keys\.json/);
    for (let i = 0; i < 5; i++) {
      const error = await failure('vault.unlock', { passphrase: 'not the passphrase at all' });
      expect(error.code).toBe('WRONG_PASSPHRASE');
      expect(error.message).not.toMatch(/disk/);
    }
    // Nothing could be written, yet the fifth wrong try starts the wait.
    expect(fs.readFileSync(core.vault.paths.keyFile)).toEqual(keysBefore);
    expect((await ok<{ retryAfterMs: number }>('vault.status')).retryAfterMs).toBe(1000);
    expect((await failure('vault.unlock', { passphrase: PASSPHRASE })).code).toBe('THROTTLED');
    clock.advance(1000);
    // The right passphrase still opens the vault on a full disk.
    await ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(core.vault.isUnlocked()).toBe(true);
  });
});

describe('opening the vault on a full disk', () => {
  it('still opens it: the clean-close record is only skipped', async () => {
    await ok('vault.create', { passphrase: PASSPHRASE });
    await ok('journal.create', { body: 'Still here on a full disk' });
    await ok('vault.lock');
    fs.rmSync(core.vault.paths.openState);
    diskFullFor(/open-state\.json$/);
    await ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(await ok<{ preview: string }[]>('journal.list', {})).toHaveLength(1);
  });

  it('names the trouble in words about opening, not saving', () => {
    const cantOpen = Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' });
    expect(storageProblem(cantOpen, 'vault.unlock')?.message).toMatch(/so it can't open it/);
    expect(storageProblem(cantOpen, 'settings.update')?.message).toMatch(/wasn't saved/);
    expect(storageProblem(new Error('plain'), 'vault.unlock')).toBeNull();
  });
});

describe('storageTrouble', () => {
  it('knows the file-system and SQLite codes, and nothing else', () => {
    const kind = (code: string) => storageTrouble(Object.assign(new Error('x'), { code }));
    expect(['ENOSPC', 'EDQUOT', 'SQLITE_FULL'].map(kind)).toEqual(['full', 'full', 'full']);
    expect(['EROFS', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED'].map(kind)).toEqual(['read-only', 'read-only', 'read-only']);
    expect(['EACCES', 'EPERM', 'SQLITE_CANTOPEN'].map(kind)).toEqual(['not-allowed', 'not-allowed', 'not-allowed']);
    expect(['EIO', 'SQLITE_IOERR_WRITE'].map(kind)).toEqual(['disk-error', 'disk-error']);
    expect(['SQLITE_CONSTRAINT', 'ENOENT', 'SQLITE_CORRUPT'].map(kind)).toEqual([null, null, null]);
    expect(storageTrouble(new Error('no code'))).toBeNull();
  });
});
