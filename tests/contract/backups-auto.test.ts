import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupList, BackupSummary, EventName } from '../../preload/contract/index.ts';
import { createCore, type Core } from '../../main/core/services.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { callOrThrow } from '../helpers/router-call.ts';
import { cheapKdf, makeTempDir, PASSPHRASE } from '../helpers/vault-fixtures.ts';

/** Backups through the router, as the app uses them: automatic ones, the folder, and a restore. */
let root: string;
let cleanup: () => void;
let clock: FakeClock;
let core: Core;
let heard: EventName[];
let dialogAnswer: string | null;

const HOUR = 3_600_000;

function start(): Core {
  return createCore({
    dataDir: path.join(root, 'vault'),
    resourcesDir: path.join(import.meta.dirname, '../../resources'),
    clock,
    timers: clock,
    kdf: cheapKdf,
    emit: (event) => void heard.push(event),
    dialogs: { chooseFolder: async () => dialogAnswer, chooseBackupFile: async () => dialogAnswer },
  });
}

beforeEach(async () => {
  ({ dir: root, cleanup } = makeTempDir());
  clock = new FakeClock(new Date(2026, 11, 4, 9, 0).getTime());
  heard = [];
  dialogAnswer = null;
  core = start();
  await call('vault.create', { passphrase: PASSPHRASE });
});
afterEach(() => {
  core.close();
  cleanup();
});

const call = <T = unknown>(method: string, input?: unknown) => callOrThrow<T>(core, method, input);
const list = () => call<BackupList>('backup.list');
const backupCount = async () => (await list()).backups.length;
/** When the newest backup was made (rotation keeps only the newest of each day, so counts alone can't tell). */
const newestAt = async () => (await list()).backups[0]?.at ?? null;
const write = (body: string) => call('journal.create', { body });
async function relock() {
  await call('vault.lock');
  clock.advance(60_000);
  await call('vault.unlock', { passphrase: PASSPHRASE });
}

describe('automatic backups', () => {
  it('wait for the next unlock when the computer goes to sleep: the key goes at once', async () => {
    await write('Written before the lid closed.');
    core.lockForSystem();
    expect(core.vault.isUnlocked()).toBe(false);
    const folder = path.join(root, 'backups');
    expect(fs.existsSync(folder) ? fs.readdirSync(folder).filter((n) => n.endsWith('.swbackup')) : []).toEqual([]);
    clock.advance(60_000);
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await backupCount()).toBe(0);
    // Just after the unlock (the journal shows first).
    clock.advance(1);
    expect(await backupCount()).toBe(1);
  });

  it('are made when the vault locks after changes, and not when nothing changed', async () => {
    await relock();
    expect(await backupCount()).toBe(0);

    await write('Something happened today.');
    await call('vault.lock');
    // The lock screen is told before the backup is made, and the vault is locked after it.
    expect(heard.at(-1)).toBe('vault.locked');
    expect(core.vault.isUnlocked()).toBe(false);
    clock.advance(60_000);
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await backupCount()).toBe(1);

    const first = await newestAt();
    await relock();
    expect(await newestAt()).toBe(first);
    // Settings count as changes too.
    await call('settings.update', { idleLockMinutes: 20 });
    await relock();
    expect(await newestAt()).toBeGreaterThan(first!);
  });

  it('are made at quit after changes, and once a day while the vault stays open', async () => {
    await write('Written, then the app was closed.');
    core.close();
    core = start();
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await backupCount()).toBe(1);

    // A session keeps the vault open however long it lasts (no idle lock meanwhile).
    await call('app.sessionMode', { active: true });
    const first = await newestAt();
    await write('A long day with the app open.');
    clock.advance(23 * HOUR);
    expect(await newestAt()).toBe(first); // less than a day since the last one
    clock.advance(2 * HOUR);
    const daily = await newestAt();
    expect(daily).toBeGreaterThan(first!);
    clock.advance(30 * HOUR);
    expect(await newestAt()).toBe(daily); // nothing changed since
  });

  it('can be turned off; a backup by hand still works', async () => {
    await call('settings.update', { autoBackup: false });
    await write('Kept only in the vault.');
    await relock();
    expect(await backupCount()).toBe(0);
    await call('backup.now');
    expect(await backupCount()).toBe(1);
  });

  it('never keep the vault from locking; the problem is shown until a backup works', async () => {
    fs.writeFileSync(path.join(root, 'backups'), 'a file where the folder should be');
    await write('Still safe in the vault.');
    await call('vault.lock');
    expect(core.vault.isUnlocked()).toBe(false);
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await list()).lastProblem).toMatch(/^We couldn't make a backup\./);

    fs.rmSync(path.join(root, 'backups'));
    await call('backup.now');
    expect((await list()).lastProblem).toBeNull();
  });
});

describe('the backup folder', () => {
  it('is the one chosen in the dialog; while it is missing, backups stay beside the vault', async () => {
    const drive = path.join(root, 'usb-drive');
    fs.mkdirSync(drive);
    dialogAnswer = drive;
    expect(await call<BackupList>('backup.chooseFolder')).toMatchObject({ folder: drive, chosenFolder: drive, chosenMissing: false });
    await call('backup.now');
    expect(fs.readdirSync(drive)).toHaveLength(1);

    // Cancelling the dialog keeps the choice.
    dialogAnswer = null;
    expect((await call<BackupList>('backup.chooseFolder')).chosenFolder).toBe(drive);

    fs.renameSync(drive, `${drive}-unplugged`);
    expect(await list()).toMatchObject({ folder: path.join(root, 'backups'), chosenFolder: drive, chosenMissing: true });
    await write('Written while the drive was away.');
    await call('backup.now');
    expect(fs.readdirSync(path.join(root, 'backups'))).toHaveLength(1);

    expect(await call<BackupList>('backup.useDefaultFolder')).toMatchObject({ chosenFolder: null, chosenMissing: false });
  });

  it('keeps as many as the person asks', async () => {
    await call('settings.update', { backupKeep: { daily: 2, weekly: 0, monthly: 0 } });
    for (let day = 0; day < 4; day++) {
      await write(`Day ${day}`);
      await call('backup.now');
      clock.advance(24 * HOUR);
      await call('vault.unlock', { passphrase: PASSPHRASE }); // the idle lock came meanwhile
    }
    expect(await backupCount()).toBe(2);
  });
});

describe('restoring through the app', () => {
  it('opens a listed backup, says what it holds, replaces the vault and tells every screen', async () => {
    await write('In the backup.');
    const made = await call<{ name: string }>('backup.now');
    await write('Written after the backup.');

    const summary = await call<BackupSummary>('backup.open', { source: { kind: 'listed', name: made.name }, unlock: { passphrase: PASSPHRASE } });
    expect(summary).toMatchObject({ name: made.name, entries: 1 });
    heard = [];
    const { safetyCopy } = await call<{ safetyCopy: string }>('backup.restore', { newPassphrase: null });
    expect(path.basename(safetyCopy)).toMatch(/^vault before restore 2026-12-04 \d{4}$/);
    expect(core.vault.isUnlocked()).toBe(true);
    expect(heard).toEqual(['journal.changed']);
    const entries = await call<{ id: number }[]>('journal.list', {});
    expect(entries).toHaveLength(1);
  });

  it('refuses names that are not in the backup list, and restoring over a locked vault', async () => {
    await expect(call('backup.open', { source: { kind: 'listed', name: '../vault/keys.json' }, unlock: { passphrase: PASSPHRASE } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call('backup.open', { source: { kind: 'picked' }, unlock: { passphrase: PASSPHRASE } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await call('vault.lock');
    await expect(call('backup.pickFile')).rejects.toMatchObject({ code: 'LOCKED' });
  });

  it('starts a new computer from a picked backup file', async () => {
    await write('Carried to a new computer.');
    const made = await call<{ name: string }>('backup.now');
    const file = path.join(root, 'backups', made.name);
    core.close();
    // The new computer: another folder, no vault yet.
    fs.mkdirSync(path.join(root, 'new-computer'));
    const moved = path.join(root, 'new-computer', made.name);
    fs.copyFileSync(file, moved);
    fs.rmSync(path.join(root, 'vault'), { recursive: true });
    core = start();
    expect(await call<{ state: string }>('vault.status')).toMatchObject({ state: 'new' });
    dialogAnswer = moved;
    expect(await call('backup.pickFile')).toEqual({ name: made.name });
    await call('backup.open', { source: { kind: 'picked' }, unlock: { passphrase: PASSPHRASE } });
    expect(await call('backup.restore', { newPassphrase: null })).toEqual({ safetyCopy: null });
    expect(await call<{ state: string }>('vault.status')).toMatchObject({ state: 'unlocked' });
  });
});
