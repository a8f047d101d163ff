import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupList, BackupSummary, VaultStatus } from '../../preload/contract/index.ts';
import { markReady, SAFETY_COPY_RECORD, stagingFolderFor } from '../../main/core/backup/restore-swap.ts';
import { createCore, type Core } from '../../main/core/services.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { callOrThrow } from '../helpers/router-call.ts';
import { cheapKdf, makeTempDir, PASSPHRASE } from '../helpers/vault-fixtures.ts';

/**
 * Restores the person can't start from an open vault: over a vault that won't open (damaged),
 * and one cut off when the app closed, finished or given up at the next start and told after
 * the next unlock.
 */
let root: string;
let vaultDir: string;
let cleanup: () => void;
let clock: FakeClock;
let core: Core;
let dialogAnswer: string | null;

function start(): Core {
  return createCore({
    dataDir: vaultDir,
    resourcesDir: path.join(import.meta.dirname, '../../resources'),
    clock,
    timers: clock,
    kdf: cheapKdf,
    dialogs: { chooseBackupFile: async () => dialogAnswer },
  });
}

beforeEach(async () => {
  ({ dir: root, cleanup } = makeTempDir());
  vaultDir = path.join(root, 'vault');
  clock = new FakeClock(new Date(2026, 11, 4, 9, 0).getTime());
  dialogAnswer = null;
  core = start();
  await call('vault.create', { passphrase: PASSPHRASE });
});
afterEach(() => {
  core.close();
  cleanup();
});

const call = <T = unknown>(method: string, input?: unknown) => callOrThrow<T>(core, method, input);
const status = () => call<VaultStatus>('vault.status');
const bodies = async () => (await call<{ preview: string }[]>('journal.list', {})).map((e) => e.preview);

/** Overwrites the first pages of saltwater.db (its header among them) with random bytes. */
function damageDatabase(): Buffer {
  const file = path.join(vaultDir, 'saltwater.db');
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, randomBytes(2 * 4096), 0, 2 * 4096, 0);
  } finally {
    fs.closeSync(fd);
  }
  return fs.readFileSync(file);
}

describe('restoring over a vault that will not open', () => {
  it('is refused while locked until an unlock has found the vault damaged; then a backup replaces it and the damaged vault is kept', async () => {
    await call('journal.create', { body: 'Kept in the backup.' });
    const made = await call<{ name: string }>('backup.now');
    await call('vault.lock');

    // An ordinary locked vault: unlocking is the way in, not a restore.
    dialogAnswer = path.join(root, 'backups', made.name);
    await expect(call('backup.pickFile')).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(call('backup.list')).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(call('vault.unlock', { passphrase: 'not the passphrase at all' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await expect(call('backup.pickFile')).rejects.toMatchObject({ code: 'LOCKED' });

    const damaged = damageDatabase();
    clock.advance(60_000); // past the wait after the wrong try
    await expect(call('vault.unlock', { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });

    // Only the folder beside the vault is known while it is locked.
    expect(await call<BackupList>('backup.list')).toMatchObject({ folder: path.join(root, 'backups'), chosenFolder: null, backups: [{ name: made.name }] });
    expect(await call('backup.pickFile')).toEqual({ name: made.name });
    const summary = await call<BackupSummary>('backup.open', { source: { kind: 'picked' }, unlock: { passphrase: PASSPHRASE } });
    expect(summary).toMatchObject({ entries: 1, needsNewPassphrase: false });
    const { safetyCopy } = await call<{ safetyCopy: string }>('backup.restore', { newPassphrase: null });

    expect(await status()).toMatchObject({ state: 'unlocked' });
    expect(await bodies()).toEqual(['Kept in the backup.']);
    expect(path.basename(safetyCopy)).toMatch(/^vault before restore 2026-12-04 \d{4}$/);
    expect(fs.readFileSync(path.join(safetyCopy, 'saltwater.db')).equals(damaged)).toBe(true);

    // Opened again: the restored vault, and restoring while locked is refused again.
    await call('vault.lock');
    await expect(call('backup.pickFile')).rejects.toMatchObject({ code: 'LOCKED' });
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await bodies()).toEqual(['Kept in the backup.']);
  });

  it('opened with the recovery key, the restored vault needs a new passphrase', async () => {
    const { recoveryKey } = await call<{ recoveryKey: string }>('vault.showRecoveryKey', { passphrase: PASSPHRASE });
    const made = await call<{ name: string }>('backup.now');
    await call('vault.lock');
    fs.rmSync(path.join(vaultDir, 'saltwater.db'));
    await expect(call('vault.unlock', { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });

    await call('backup.open', { source: { kind: 'listed', name: made.name }, unlock: { recoveryKey } });
    await expect(call('backup.restore', { newPassphrase: null })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await status()).toMatchObject({ state: 'locked' });
    await call('backup.restore', { newPassphrase: 'a fresh lock after the damage' });
    await call('vault.lock');
    await call('vault.unlock', { passphrase: 'a fresh lock after the damage' });
  });
});

describe('a restore cut off when the app closed', () => {
  /** Opens the backup for a restore through the app, then "crashes" before the restore finishes. */
  async function openBackupThenClose(): Promise<string> {
    await call('journal.create', { body: 'In the backup.' });
    const made = await call<{ name: string; at: number }>('backup.now');
    await call('journal.create', { body: 'Written after the backup.' });
    await call('backup.open', { source: { kind: 'listed', name: made.name }, unlock: { passphrase: PASSPHRASE } });
    await call('vault.lock');
    core.close();
    return String(made.at);
  }

  it('is finished at the next start when it was ready, and said once after the next unlock', async () => {
    const madeAt = Number(await openBackupThenClose());
    // Cut off between the two renames: ready, the old vault moved aside, the new one not yet in place.
    markReady(stagingFolderFor(vaultDir));
    const safetyCopy = path.join(root, 'vault before restore 2026-12-04 0900');
    // As swapIn does: where the journal as it was goes is written down first, then it is moved.
    fs.writeFileSync(path.join(stagingFolderFor(vaultDir), SAFETY_COPY_RECORD), JSON.stringify({ folder: safetyCopy }));
    fs.renameSync(vaultDir, safetyCopy);

    core = start();
    const locked = await status();
    expect(locked.state).toBe('locked');
    expect(locked.restoreAtStart).toBeUndefined();
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await status()).restoreAtStart).toEqual({ outcome: 'completed', backupMadeAt: madeAt, safetyCopy });
    expect(await bodies()).toEqual(['In the backup.']);

    await call('vault.lock');
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await status()).restoreAtStart).toBeUndefined();
  });

  it('is given up at the next start when it had not begun, and that is said too', async () => {
    await openBackupThenClose();
    core = start();
    expect(fs.existsSync(stagingFolderFor(vaultDir))).toBe(false);
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await status()).restoreAtStart).toEqual({ outcome: 'discarded' });
    expect(await bodies()).toEqual(['Written after the backup.', 'In the backup.']);
  });

  it('says nothing when no restore was under way', async () => {
    core.close();
    core = start();
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await status()).restoreAtStart).toBeUndefined();
  });
});
