import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_FORMAT, packBackup, unpackBackup } from '../../main/core/backup/backup-file.ts';
import { BackupService } from '../../main/core/backup/backups.ts';
import { RestoreService } from '../../main/core/backup/restore.ts';
import { finishInterruptedRestore, markReady, stagingFolderFor } from '../../main/core/backup/restore-swap.ts';
import { defaultKeepPolicy } from '../../main/core/backup/rotation.ts';
import { openEncryptedDatabase } from '../../main/core/vault/database.ts';
import { migrations } from '../../main/core/vault/migrations/index.ts';
import { writeKeyFile } from '../../main/core/vault/key-file.ts';
import { parseRecoveryKey } from '../../main/core/vault/recovery-key.ts';
import { Vault } from '../../main/core/vault/vault.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { runChild } from '../helpers/kill-child.ts';
import { cheapKdf, expectAppError, insertEntry, makeTempDir, PASSPHRASE } from '../helpers/vault-fixtures.ts';

/** Restores of real backups into real vault folders; the current vault is never lost. */
let root: string;
let cleanup: () => void;
let clock: FakeClock;
let vaultDir: string;

beforeEach(() => {
  ({ dir: root, cleanup } = makeTempDir());
  clock = new FakeClock(new Date(2026, 11, 4, 10, 12).getTime());
  vaultDir = path.join(root, 'vault');
});
afterEach(() => cleanup());

const newVault = (dir = vaultDir) => new Vault({ dir, clock, kdf: cheapKdf });
const bodies = (vault: Vault) => vault.db().prepare('SELECT body FROM entries ORDER BY id').pluck().all();

/** A vault elsewhere holding `texts`, backed up; returns the backup file and that vault's recovery key. */
async function backupHolding(texts: string[], passphrase = 'the passphrase back then'): Promise<{ file: string; recoveryKey: string }> {
  const otherDir = path.join(root, `other-${Math.random().toString(16).slice(2)}`);
  const other = newVault(otherDir);
  const { recoveryKey } = await other.create(passphrase);
  texts.forEach((t, i) => insertEntry(other.db(), t, new Date(2025, i, 1).getTime()));
  other.db().prepare(`INSERT INTO sessions (practice_id, practice_title, step_count, started_at) VALUES ('p', 'A practice', 3, 1)`).run();
  const made = new BackupService({ vault: other, clock, defaultFolder: `${otherDir}-backups`, chosenFolder: () => null, policy: () => defaultKeepPolicy }).create();
  other.lock();
  return { file: made.file, recoveryKey };
}

async function currentVaultHolding(texts: string[]): Promise<Vault> {
  const vault = newVault();
  await vault.create(PASSPHRASE);
  for (const t of texts) insertEntry(vault.db(), t);
  return vault;
}

describe('restoring a backup', () => {
  it('shows what the backup holds, then replaces the vault and keeps the old one whole as a safety copy', async () => {
    const { file } = await backupHolding(['January', 'February', 'March']);
    const vault = await currentVaultHolding(['Written today, not in the backup']);
    const restore = new RestoreService({ vault, clock });

    const summary = await restore.open(file, { passphrase: 'the passphrase back then' });
    expect(summary).toMatchObject({ entries: 3, sessions: 1, needsNewPassphrase: false, name: path.basename(file) });
    expect(summary.firstEntryAt).toBe(new Date(2025, 0, 1).getTime());
    expect(summary.lastEntryAt).toBe(new Date(2025, 2, 1).getTime());
    // Opening changed nothing yet.
    expect(bodies(vault)).toEqual(['Written today, not in the backup']);

    vault.lock();
    const { safetyCopy } = await restore.restore(null);
    expect(vault.isUnlocked()).toBe(true);
    expect(bodies(vault)).toEqual(['January', 'February', 'March']);
    expect(safetyCopy).toBe(`${vaultDir} before restore 2026-12-04 1012`);
    expect(fs.existsSync(stagingFolderFor(vaultDir))).toBe(false);

    // The vault now opens with the backup's passphrase; the safety copy with the old one.
    vault.lock();
    await expectAppError(vault.unlock(PASSPHRASE), 'WRONG_PASSPHRASE');
    await vault.unlock('the passphrase back then');
    vault.lock();
    const before = newVault(safetyCopy!);
    await before.unlock(PASSPHRASE);
    expect(bodies(before)).toEqual(['Written today, not in the backup']);
    before.lock();
  });

  it('puts the old vault back when the restored one can’t be moved in, and says why', async () => {
    const { file } = await backupHolding(['From the backup']);
    const vault = await currentVaultHolding(['Mine, today']);
    const restore = new RestoreService({ vault, clock });
    await restore.open(file, { passphrase: 'the passphrase back then' });
    const rename = fs.renameSync;
    const spy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(from) === stagingFolderFor(vaultDir)) throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
      rename(from, to);
    });
    try {
      await expect(restore.restore(null, () => vault.lock())).rejects.toThrow();
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(root).filter((n) => n.includes('before restore'))).toEqual([]);
    const after = newVault();
    await after.unlock(PASSPHRASE);
    expect(bodies(after)).toEqual(['Mine, today']);
    after.lock();
  });

  it('opens with the recovery key, and then asks for a new passphrase', async () => {
    const { file, recoveryKey } = await backupHolding(['Only the key remembers']);
    const vault = await currentVaultHolding([]);
    const restore = new RestoreService({ vault, clock });
    const summary = await restore.open(file, { recoveryKey });
    expect(summary.needsNewPassphrase).toBe(true);
    vault.lock();
    await expectAppError(restore.restore(null), 'INVALID_INPUT');
    await expectAppError(restore.restore('short'), 'WEAK_PASSPHRASE');
    await restore.restore('a brand new passphrase');
    expect(bodies(vault)).toEqual(['Only the key remembers']);
    vault.lock();
    await vault.unlock('a brand new passphrase');
    // The recovery key stays the vault's key.
    expect(vault.db().prepare('SELECT count(*) FROM entries').pluck().get()).toBe(1);
    vault.lock();
    await newVault().unlockWithRecoveryKey(recoveryKey, 'yet another passphrase');
  });

  it('starts a new computer from a backup when there is no vault yet', async () => {
    const { file } = await backupHolding(['Brought along']);
    fs.mkdirSync(vaultDir); // the app makes the folder at start-up
    const vault = newVault();
    expect(vault.status().state).toBe('new');
    const restore = new RestoreService({ vault, clock });
    await restore.open(file, { passphrase: 'the passphrase back then' });
    const { safetyCopy } = await restore.restore(null);
    expect(safetyCopy).toBeNull();
    expect(bodies(vault)).toEqual(['Brought along']);
    vault.lock();
    expect(fs.readdirSync(root).filter((n) => n.startsWith('vault'))).toEqual(['vault']);
  });

  it('refuses a wrong passphrase, a wrong recovery key, and files that are not backups, changing nothing', async () => {
    const { file } = await backupHolding(['Kept safe']);
    const vault = await currentVaultHolding(['Mine']);
    const restore = new RestoreService({ vault, clock });
    const untouched = () => {
      expect(bodies(vault)).toEqual(['Mine']);
      expect(fs.existsSync(stagingFolderFor(vaultDir))).toBe(false);
    };

    const wrong = await expectAppError(restore.open(file, { passphrase: PASSPHRASE }), 'WRONG_PASSPHRASE');
    expect(wrong.message).toMatch(/passphrase your vault had on the day it was made/);
    untouched();
    const otherKey = (await backupHolding(['x'])).recoveryKey;
    await expectAppError(restore.open(file, { recoveryKey: otherKey }), 'WRONG_RECOVERY_KEY');
    untouched();

    const text = path.join(root, 'notes.swbackup');
    fs.writeFileSync(text, 'just some words');
    await expectAppError(restore.open(text, { passphrase: 'x' }), 'BACKUP_UNUSABLE');
    untouched();

    const cut = path.join(root, 'cut.swbackup');
    fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, 20_000));
    await expectAppError(restore.open(cut, { passphrase: 'the passphrase back then' }), 'BACKUP_UNUSABLE');
    untouched();

    await expectAppError(restore.open(path.join(root, 'gone.swbackup'), { passphrase: 'x' }), 'FILE_PROBLEM');
    untouched();
    await expectAppError(restore.restore(null), 'NOT_FOUND');
  });

  it('finds damage inside the database before anything is replaced', async () => {
    const { file, recoveryKey } = await backupHolding(Array.from({ length: 200 }, (_, i) => `Entry ${i} `.repeat(40)));
    const work = path.join(root, 'tamper');
    fs.mkdirSync(work);
    unpackBackup(file, work);
    const db = path.join(work, 'saltwater.db');
    const bytes = fs.readFileSync(db);
    bytes[bytes.length - 5000]! ^= 0xff; // a page near the end: unlock reads only the first ones
    fs.writeFileSync(db, bytes);
    const damaged = path.join(root, 'damaged.swbackup');
    packBackup(work, damaged);

    const vault = await currentVaultHolding(['Mine']);
    const error = await expectAppError(new RestoreService({ vault, clock }).open(damaged, { recoveryKey }), 'BACKUP_UNUSABLE');
    expect(error.message).toMatch(/damaged/);
    expect(bodies(vault)).toEqual(['Mine']);
  });

  it('brings a backup from an older Saltwater up to date, and refuses one from a newer', async () => {
    const key = parseRecoveryKey((await backupHolding(['unused'])).recoveryKey); // any 32-byte key
    // A backup made by hand: its database at `version`, keys.json for `key` under 'older times'.
    const makeBackup = async (name: string, version: number, setUp: (dir: string) => void) => {
      const work = path.join(root, name);
      fs.mkdirSync(work);
      setUp(work);
      writeKeyFile(path.join(work, 'keys.json'), await newVault(path.join(root, `keys-${name}`)).wrapForPassphrase(key, 'older times'));
      fs.writeFileSync(path.join(work, 'backup.json'), JSON.stringify({ format: BACKUP_FORMAT, createdAt: clock.now(), schemaVersion: version }));
      const out = path.join(root, `${name}.swbackup`);
      packBackup(work, out);
      return out;
    };

    const olderVersion = migrations.length - 1;
    const older = await makeBackup('older', olderVersion, (dir) => {
      const db = openEncryptedDatabase(path.join(dir, 'saltwater.db'), key, { migrations: migrations.slice(0, olderVersion) });
      db.prepare('INSERT INTO entries (created_at, updated_at, body) VALUES (1, 1, ?)').run('From an older Saltwater');
      db.pragma('journal_mode = DELETE');
      db.close();
    });

    const vault = await currentVaultHolding(['Mine']);
    const restore = new RestoreService({ vault, clock });
    await restore.open(older, { passphrase: 'older times' });
    vault.lock();
    await restore.restore(null);
    expect(vault.db().pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(bodies(vault)).toEqual(['From an older Saltwater']);

    const newer = await makeBackup('newer', migrations.length + 1, (dir) => {
      const db = openEncryptedDatabase(path.join(dir, 'saltwater.db'), key);
      db.pragma(`user_version = ${migrations.length + 1}`);
      db.pragma('journal_mode = DELETE');
      db.close();
    });
    const error = await expectAppError(restore.open(newer, { passphrase: 'older times' }), 'BACKUP_UNUSABLE');
    expect(error.message).toMatch(/newer version of Saltwater/);
    expect(bodies(vault)).toEqual(['From an older Saltwater']);
  });
});

describe('a restore cut off at any moment (kill -9)', () => {
  it('leaves the old vault or the new one, complete, every time', { timeout: 240_000 }, async () => {
    const { file } = await backupHolding(Array.from({ length: 300 }, (_, i) => `From the backup ${i} `.repeat(20)), PASSPHRASE);
    const child = path.join(import.meta.dirname, '../helpers/restore-child.ts');
    const outcomes = { old: 0, new: 0, finished: 0 };
    let typicalMs = 0;
    const runs = 24;
    for (let run = 0; run < runs; run++) {
      const dir = path.join(root, `run-${run}`);
      const vault = newVault(dir);
      await vault.create(PASSPHRASE);
      insertEntry(vault.db(), 'The old vault');
      vault.lock();

      // The first run measures a whole restore; later ones are killed somewhere inside it.
      const when = typicalMs === 0 ? 'never' : { afterStartedMs: Math.floor(Math.random() * typicalMs * 1.1) };
      const { killed, ranMs } = await runChild(child, [dir, file, PASSPHRASE], when);
      if (typicalMs === 0) typicalMs = ranMs;
      if (!killed) outcomes.finished++;

      finishInterruptedRestore(dir);
      const after = newVault(dir);
      await after.unlock(PASSPHRASE);
      const found = bodies(after);
      expect(after.db().pragma('integrity_check', { simple: true })).toBe('ok');
      if (found.length === 1) {
        expect(found).toEqual(['The old vault']);
        outcomes.old++;
      } else {
        expect(found).toHaveLength(300);
        // And the vault it replaced is whole in its safety copy.
        const kept = fs.readdirSync(root).filter((n) => n.startsWith(`run-${run} before restore`));
        expect(kept).toHaveLength(1);
        const before = newVault(path.join(root, kept[0]!));
        await before.unlock(PASSPHRASE);
        expect(bodies(before)).toEqual(['The old vault']);
        before.lock();
        outcomes.new++;
      }
      after.lock();
      expect(fs.existsSync(stagingFolderFor(dir))).toBe(false);
    }
    // The random moments landed on both sides of the swap.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  });
});

describe('finishing an interrupted restore at start-up', () => {
  async function staged(): Promise<{ staging: string; oldVault: Vault }> {
    const { file } = await backupHolding(['New']);
    const oldVault = await currentVaultHolding(['Old']);
    const restore = new RestoreService({ vault: oldVault, clock });
    await restore.open(file, { passphrase: 'the passphrase back then' });
    oldVault.lock();
    return { staging: stagingFolderFor(vaultDir), oldVault };
  }
  const opensWith = async (passphrase: string) => {
    const v = newVault();
    await v.unlock(passphrase);
    const found = bodies(v);
    v.lock();
    return found;
  };

  it('throws away a restore that was not ready yet (the vault is as it was)', async () => {
    await staged();
    expect(finishInterruptedRestore(vaultDir)).toBe('discarded');
    expect(await opensWith(PASSPHRASE)).toEqual(['Old']);
  });

  it('throws away a ready one whose old vault was not moved yet', async () => {
    const { staging } = await staged();
    markReady(staging);
    expect(finishInterruptedRestore(vaultDir)).toBe('discarded');
    expect(await opensWith(PASSPHRASE)).toEqual(['Old']);
  });

  it('completes one cut off between moving the old vault aside and moving the new one in', async () => {
    const { staging } = await staged();
    markReady(staging);
    fs.renameSync(vaultDir, `${vaultDir} before restore`);
    expect(finishInterruptedRestore(vaultDir)).toBe('completed');
    expect(await opensWith('the passphrase back then')).toEqual(['New']);
    expect(fs.readdirSync(vaultDir)).not.toContain('restore-ready');
    expect(fs.existsSync(staging)).toBe(false);
  });

  it('tidies the marker of one cut off just after the last rename, and does nothing when there was no restore', async () => {
    const { staging } = await staged();
    markReady(staging);
    fs.renameSync(vaultDir, `${vaultDir} before restore`);
    fs.renameSync(staging, vaultDir);
    expect(finishInterruptedRestore(vaultDir)).toBe('none');
    expect(fs.readdirSync(vaultDir)).not.toContain('restore-ready');
    expect(await opensWith('the passphrase back then')).toEqual(['New']);
    expect(finishInterruptedRestore(vaultDir)).toBe('none');
  });
});
