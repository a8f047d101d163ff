import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../main/core/journal/journal.ts';
import { readOpenState } from '../../main/core/vault/open-state.ts';
import { vaultPaths } from '../../main/core/vault/vault-files.ts';
import { runChild } from '../helpers/kill-child.ts';
import { makeTempDir, makeVault, PASSPHRASE } from '../helpers/vault-fixtures.ts';

/**
 * A real child process writes to a real encrypted vault and is killed (or closes cleanly); then
 * the write-ahead log is left as it was, removed or cut short, and the next unlock must say
 * whether recent changes may be missing — only when they are.
 */
let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir());
  const vault = makeVault(dir);
  await vault.create(PASSPHRASE);
  new Journal(() => vault.db(), { now: () => 1 }).create({ body: 'Written and locked long ago' });
  vault.lock();
});
afterEach(() => cleanup());

const child = path.join(import.meta.dirname, '../helpers/writer-child.ts');
const paths = () => vaultPaths(dir);

async function nextUnlock(): Promise<{ notice: boolean; bodies: string[] }> {
  const vault = makeVault(dir);
  await vault.unlock(PASSPHRASE);
  const notice = vault.status().changesMayBeMissing === true;
  const bodies = (vault.db().prepare('SELECT body FROM entries ORDER BY id').pluck().all() as string[]);
  expect(vault.db().pragma('integrity_check', { simple: true })).toBe('ok');
  vault.lock();
  return { notice, bodies };
}

describe('after the app was killed while writing', () => {
  it('says nothing when the write-ahead log is intact: every change is replayed', async () => {
    await runChild(child, [dir, PASSPHRASE, '20', 'kill'], { onLine: 'written' });
    expect(fs.statSync(paths().wal).size).toBeGreaterThan(0);
    expect(readOpenState(paths().openState)).toMatchObject({ closedCleanly: false });
    const { notice, bodies } = await nextUnlock();
    expect(bodies).toHaveLength(21);
    expect(notice).toBe(false);
  });

  it('tells the person when the write-ahead log is missing, once', async () => {
    await runChild(child, [dir, PASSPHRASE, '20', 'kill'], { onLine: 'written' });
    fs.rmSync(paths().wal);
    fs.rmSync(paths().shm, { force: true });
    const { notice, bodies } = await nextUnlock();
    expect(bodies).toEqual(['Written and locked long ago']);
    expect(notice).toBe(true);
    // Told once: this unlock recorded the vault as it is now, so the next one is quiet.
    expect((await nextUnlock()).notice).toBe(false);
  });

  it('tells the person when the write-ahead log was cut short', async () => {
    await runChild(child, [dir, PASSPHRASE, '20', 'kill'], { onLine: 'written' });
    const size = fs.statSync(paths().wal).size;
    fs.truncateSync(paths().wal, Math.floor(size / 2));
    const { notice, bodies } = await nextUnlock();
    expect(bodies.length).toBeLessThan(21);
    expect(notice).toBe(true);
  });

  it('tells the person when the write-ahead log is damaged', async () => {
    await runChild(child, [dir, PASSPHRASE, '20', 'kill'], { onLine: 'written' });
    const size = fs.statSync(paths().wal).size;
    const fd = fs.openSync(paths().wal, 'r+');
    // Scribble over the middle of the log: its checksums stop the replay there.
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 2));
    fs.closeSync(fd);
    const { notice, bodies } = await nextUnlock();
    expect(bodies.length).toBeLessThan(21);
    expect(notice).toBe(true);
  });

  it('says nothing after a kill at random moments while the log stays intact', { timeout: 120_000 }, async () => {
    for (let run = 0; run < 6; run++) {
      await runChild(child, [dir, PASSPHRASE, '40', 'kill'], { afterStartedMs: Math.floor(Math.random() * 60) });
      expect((await nextUnlock()).notice).toBe(false);
    }
  });
});

describe('after a clean close', () => {
  it('says nothing, and the vault is one complete file even without its log', async () => {
    const { out } = await runChild(child, [dir, PASSPHRASE, '20', 'clean'], 'never');
    expect(out).toContain('done');
    expect(readOpenState(paths().openState)).toMatchObject({ closedCleanly: true });
    expect(fs.existsSync(paths().wal) ? fs.statSync(paths().wal).size : 0).toBe(0);
    fs.rmSync(paths().wal, { force: true });
    const { notice, bodies } = await nextUnlock();
    expect(bodies).toHaveLength(21);
    expect(notice).toBe(false);
  });
});
