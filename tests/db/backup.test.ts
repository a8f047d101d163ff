import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupName, timeFromName, unpackBackup } from '../../main/core/backup/backup-file.ts';
import { BackupService } from '../../main/core/backup/backups.ts';
import { backupsToKeep, defaultKeepPolicy } from '../../main/core/backup/rotation.ts';
import { fileProblem } from '../../main/core/file-problems.ts';
import { sqlcipherKeyFromRecoveryKey } from '../../main/core/vault/recovery-key.ts';
import { rowCounts } from '../../main/core/vault/snapshot.ts';
import { vaultPaths } from '../../main/core/vault/vault-files.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import { runChild } from '../helpers/kill-child.ts';
import { all, close, exec, open } from '../helpers/sqlcipher-reader.ts';
import { cheapKdf, createTestVault, expectAppError, insertEntry, makeTempDir, makeVault, PASSPHRASE } from '../helpers/vault-fixtures.ts';
import { Vault } from '../../main/core/vault/vault.ts';
import { VoiceNotes } from '../../main/core/journal/voice-notes.ts';

/** Backups made from a real, open, encrypted vault in a temp folder, read back by other means. */
let dir: string;
let vault: Vault;
let clock: FakeClock;
let recoveryKey: string;
let cleanup: () => void;
let chosen: string | null;

beforeEach(async () => {
  ({ dir, vault, clock, recoveryKey, cleanup } = await createTestVault(new Date(2026, 11, 3, 20, 14).getTime()));
  chosen = null;
});
afterEach(() => cleanup());

const service = () =>
  new BackupService({ vault, clock, defaultFolder: path.join(dir, 'backups'), chosenFolder: () => chosen, policy: () => defaultKeepPolicy });

function unpacked(file: string): string {
  const out = fs.mkdtempSync(path.join(dir, 'unpacked-'));
  expect(unpackBackup(file, out)).toBe(true);
  return out;
}

describe('a backup', () => {
  it('is one file, named by its time, holding the vault as it is — recent writes still in the WAL included', async () => {
    insertEntry(vault.db(), 'The harbour in the rain, and how it felt.');
    // Nothing checkpointed: this entry lives only in the write-ahead log so far.
    expect(fs.statSync(vaultPaths(dir).wal).size).toBeGreaterThan(0);
    insertEntry(vault.db(), 'A second entry, only in the WAL.');

    const made = service().create();
    expect(made.name).toBe('Saltwater 2026-12-03 2014.swbackup');
    expect(path.dirname(made.file)).toBe(path.join(dir, 'backups'));
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([made.name]);
    expect(service().list()).toEqual([made]);

    // Nothing in it is readable without the key.
    const bytes = fs.readFileSync(made.file);
    expect(bytes.includes('harbour')).toBe(false);
    expect(bytes.includes('only in the WAL')).toBe(false);

    // It opens with the passphrase of the day, as a vault of its own, with every row.
    const copy = unpacked(made.file);
    const restored = makeVault(copy);
    await restored.unlock(PASSPHRASE);
    expect(rowCounts(restored.db())).toEqual(rowCounts(vault.db()));
    expect(restored.db().prepare('SELECT body FROM entries ORDER BY id').pluck().all()).toEqual([
      'The harbour in the rain, and how it felt.',
      'A second entry, only in the WAL.',
    ]);
    restored.lock();
  });

  it('carries voice notes, their audio encrypted like everything else, and opens with them whole', async () => {
    const entryId = insertEntry(vault.db(), 'Said out loud.');
    const notes = new VoiceNotes(() => vault.db(), clock);
    const audio = randomBytes(12_000);
    const note = notes.begin({ entryId, mimeType: 'audio/webm;codecs=opus', chunk: audio.subarray(0, 5000), durationMs: 5000 });
    notes.append({ id: note.id, index: 1, chunk: audio.subarray(5000), durationMs: 12_000 });

    const made = service().create();
    const bytes = fs.readFileSync(made.file);
    expect(bytes.includes(audio.subarray(0, 64))).toBe(false);
    expect(bytes.includes(audio.subarray(6000, 6064))).toBe(false);

    const restored = makeVault(unpacked(made.file));
    await restored.unlock(PASSPHRASE);
    const fromBackup = new VoiceNotes(() => restored.db(), clock);
    expect(fromBackup.list(entryId)).toEqual(notes.list(entryId));
    expect(Buffer.from(fromBackup.audio(note.id).audio).equals(audio)).toBe(true);
    restored.lock();
  });

  it('is a standard SQLCipher 4 database that an independent SQLCipher opens with the recovery key', async () => {
    insertEntry(vault.db(), 'Read by another SQLCipher.');
    const copy = unpacked(service().create().file);
    const db = await open(path.join(copy, 'saltwater.db'));
    try {
      await exec(db, `PRAGMA key = "x'${sqlcipherKeyFromRecoveryKey(recoveryKey)}'";`);
      const rows = await all<{ body: string }>(db, 'SELECT body FROM entries');
      expect(rows.map((r) => r.body)).toEqual(['Read by another SQLCipher.']);
    } finally {
      await close(db);
    }
  });

  it('is removed, with a clear message and nothing left behind, when it does not check out', async () => {
    const backups = service();
    const spy = vi.spyOn(vault, 'checkCopy').mockReturnValue('it holds a different number of rows in entries');
    const error = await expectAppError(() => backups.create(), 'BACKUP_NOT_VERIFIED');
    expect(error.message).toMatch(/did not check out .*different number of rows.*removed.*Your vault is unchanged/);
    spy.mockRestore();
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
  });

  it('really checks: a copy with a row missing, or under another key, is refused', async () => {
    insertEntry(vault.db(), 'one');
    const copy = unpacked(service().create().file);
    const counts = rowCounts(vault.db());
    expect(vault.checkCopy(copy, counts)).toBeNull();
    expect(vault.checkCopy(copy, { ...counts, entries: counts.entries! + 1 })).toMatch(/different number of rows in entries/);

    const other = await createTestVault();
    try {
      const foreign = unpacked(new BackupService({ vault: other.vault, clock, defaultFolder: path.join(other.dir, 'b'), chosenFolder: () => null, policy: () => defaultKeepPolicy }).create().file);
      expect(vault.checkCopy(foreign, counts)).toMatch(/key file does not belong/);
    } finally {
      other.cleanup();
    }
  });

  it('goes to the chosen folder, or beside the vault while that folder is missing, and clears work left by a crash', () => {
    const drive = path.join(dir, 'drive');
    fs.mkdirSync(drive);
    chosen = drive;
    fs.mkdirSync(path.join(drive, '.saltwater-backup-0123456789ab', 'copy'), { recursive: true });
    expect(service().folder()).toEqual({ folder: drive, chosenMissing: false });
    const first = service().create();
    expect(path.dirname(first.file)).toBe(drive);
    expect(fs.readdirSync(drive)).toEqual([first.name]);

    fs.rmSync(drive, { recursive: true });
    expect(service().folder()).toEqual({ folder: path.join(dir, 'backups'), chosenMissing: true });
    clock.advance(60_000);
    expect(path.dirname(service().create().file)).toBe(path.join(dir, 'backups'));
  });

  it('never overwrites: a second in the same minute gets its own name, and the day keeps the newer', () => {
    const a = service().create();
    const b = service().create();
    expect([a.name, b.name]).toEqual(['Saltwater 2026-12-03 2014.swbackup', 'Saltwater 2026-12-03 2014 (2).swbackup']);
    expect(service().list().map((x) => x.name)).toEqual([b.name]);
  });

  it('still succeeds when an old backup can’t be removed just now (a sync tool holding it)', () => {
    const folder = path.join(dir, 'backups');
    // An old "backup" that rmSync refuses (a folder with something in it).
    const stuck = path.join(folder, 'Saltwater 2026-10-01 0900.swbackup');
    fs.mkdirSync(stuck, { recursive: true });
    fs.writeFileSync(path.join(stuck, 'held'), 'x');
    const keepOne = { daily: 1, weekly: 0, monthly: 0 };
    const made = new BackupService({ vault, clock, defaultFolder: folder, chosenFolder: () => null, policy: () => keepOne }).create();
    expect(fs.existsSync(made.file)).toBe(true);
    expect(fs.existsSync(stuck)).toBe(true);
  });

  it('needs the vault open', async () => {
    vault.lock();
    await expectAppError(() => service().create(), 'LOCKED');
  });
});

describe('keeping backups', () => {
  const day = (d: number, h = 20) => ({ at: new Date(2026, 0, d, h).getTime() });

  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months, and always the newest', () => {
    // Three a day for 60 days.
    const made = Array.from({ length: 60 }, (_, i) => [day(i + 1, 9), day(i + 1, 14), day(i + 1, 20)]).flat();
    const keep = backupsToKeep(made, defaultKeepPolicy);
    const kept = [...keep].map((b) => new Date(b.at)).sort((a, b) => b.getTime() - a.getTime());
    // The last 7 days, each its 20:00 one.
    expect(kept.slice(0, 7).map((d) => [d.getMonth(), d.getDate(), d.getHours()])).toEqual([
      [2, 1, 20], [1, 28, 20], [1, 27, 20], [1, 26, 20], [1, 25, 20], [1, 24, 20], [1, 23, 20],
    ]);
    // Sundays close the weeks before; January's last is its month's.
    expect(kept.some((d) => d.getMonth() === 0 && d.getDate() === 31)).toBe(true);
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(keep.size).toBeGreaterThanOrEqual(9);
  });

  it('keeps all of a few, and the single newest even with nothing to keep', () => {
    const few = [day(1), day(2), day(3)];
    expect(backupsToKeep(few, defaultKeepPolicy).size).toBe(3);
    expect([...backupsToKeep(few, { daily: 0, weekly: 0, monthly: 0 })]).toEqual([day(3)]);
  });

  it('reads a backup’s time back from its name, and nothing else', () => {
    const at = new Date(2026, 11, 3, 20, 14).getTime();
    expect(timeFromName(backupName(at))).toBe(at);
    expect(timeFromName('Saltwater 2026-12-03 2014 (2).swbackup')).toBe(at);
    expect(timeFromName('notes.txt')).toBeNull();
    expect(timeFromName('Saltwater 2026-12-03 2014.swbackup.tmp')).toBeNull();
  });
});

describe('file problems in plain words', () => {
  it('names a full disk, a missing drive and a refusal as what they are', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(fileProblem(err('ENOSPC'), 'make a backup').message).toBe("We couldn't make a backup. The disk is full. Make some room, then try again.");
    expect(fileProblem(err('ENOENT'), 'make a backup').message).toMatch(/not there any more.*drive plugged in/);
    expect(fileProblem(err('EACCES'), 'make a backup').message).toMatch(/not allowed to write there/);
    expect(fileProblem(err('EROFS'), 'make a backup').message).toMatch(/can only be read/);
    expect(fileProblem(err('EWHAT'), 'make a backup').code).toBe('FILE_PROBLEM');
  });
});

describe('a crash while backing up', () => {
  it('leaves no half file: work happens in a hidden folder that the next backup clears', () => {
    const { dir: other, cleanup: done } = makeTempDir();
    try {
      const folder = path.join(other, 'b');
      fs.mkdirSync(path.join(folder, '.saltwater-backup-deadbeef0000'), { recursive: true });
      fs.writeFileSync(path.join(folder, '.saltwater-backup-deadbeef0000', 'packed.swbackup'), 'half');
      const made = new BackupService({ vault, clock, defaultFolder: folder, chosenFolder: () => null, policy: () => defaultKeepPolicy }).create();
      expect(fs.readdirSync(folder)).toEqual([made.name]);
    } finally {
      done();
    }
  });
});

describe('a backup cut off at any moment (kill -9)', () => {
  it('leaves no backup or a whole one that opens, never a half file, and the vault as it was', { timeout: 240_000 }, async () => {
    for (let i = 0; i < 400; i++) insertEntry(vault.db(), `Entry ${i} `.repeat(40));
    vault.lock();
    const folder = path.join(dir, 'backups');
    const child = path.join(import.meta.dirname, '../helpers/backup-child.ts');
    const outcomes = { none: 0, whole: 0 };
    let typicalMs = 0;
    for (let run = 0; run < 20; run++) {
      fs.rmSync(folder, { recursive: true, force: true });
      // The first run measures a whole backup; later ones are killed somewhere inside it.
      const when = typicalMs === 0 ? 'never' : { afterStartedMs: Math.floor(Math.random() * typicalMs * 1.1) };
      const { ranMs } = await runChild(child, [dir, folder, PASSPHRASE], when);
      if (typicalMs === 0) typicalMs = ranMs;

      // The next start: the vault opens whole, and the folder holds only whole backups.
      const after = new Vault({ dir, clock, kdf: cheapKdf });
      await after.unlock(PASSPHRASE);
      expect(after.db().prepare('SELECT count(*) FROM entries').pluck().get()).toBe(400);
      const listed = new BackupService({ vault: after, clock, defaultFolder: folder, chosenFolder: () => null, policy: () => defaultKeepPolicy }).list();
      const onDisk = fs.existsSync(folder) ? fs.readdirSync(folder).filter((n) => !n.startsWith('.saltwater-backup-')) : [];
      expect(onDisk).toEqual(listed.map((b) => b.name));
      for (const b of listed) {
        const copy = unpacked(path.join(folder, b.name));
        const restored = new Vault({ dir: copy, clock, kdf: cheapKdf });
        await restored.unlock(PASSPHRASE);
        expect(restored.db().prepare('SELECT count(*) FROM entries').pluck().get()).toBe(400);
        restored.lock();
      }
      if (listed.length === 0) outcomes.none++;
      else outcomes.whole++;
      after.lock();
    }
    // The random moments landed on both sides of the rename.
    expect(outcomes.none).toBeGreaterThan(0);
    expect(outcomes.whole).toBeGreaterThan(0);
  });
});
