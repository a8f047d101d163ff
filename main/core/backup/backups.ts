import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../preload/contract/index.ts';
import { fileProblem } from '../file-problems.ts';
import type { Clock } from '../ports.ts';
import { syncDirectory } from '../vault/atomic-write.ts';
import type { Vault } from '../vault/vault.ts';
import { BACKUP_EXTENSION, BACKUP_FORMAT, freeBackupPath, MANIFEST_FILE_NAME, packBackup, timeFromName, unpackBackup, type Manifest } from './backup-file.ts';
import { backupsToKeep, type KeepPolicy } from './rotation.ts';

export interface BackupInfo {
  name: string;
  file: string;
  at: number;
  bytes: number;
}

export interface BackupOptions {
  vault: Vault;
  clock: Clock;
  /** The `backups` folder beside the vault, used when none is chosen or the chosen one is gone. */
  defaultFolder: string;
  /** The folder the person chose, or null. */
  chosenFolder: () => string | null;
  policy: () => KeepPolicy;
}

const WORK_PREFIX = '.saltwater-backup-';

/**
 * Encrypted backups of the open vault. Each is made in a hidden work folder beside where it
 * will live, packed, unpacked again and checked (the key belongs, integrity_check reads every
 * page, every table holds as many rows as the vault did at that moment), and only then renamed
 * into place: a crash at any moment leaves either no backup or a whole, checked one.
 */
export class BackupService {
  constructor(private readonly o: BackupOptions) {}

  /** Where backups go now: the chosen folder, or beside the vault while it is missing. */
  folder(): { folder: string; chosenMissing: boolean } {
    const chosen = this.o.chosenFolder();
    if (chosen && isFolder(chosen)) return { folder: chosen, chosenMissing: false };
    return { folder: this.o.defaultFolder, chosenMissing: chosen !== null };
  }

  /** Makes and checks one backup now; removes older ones the policy no longer keeps. */
  create(): BackupInfo {
    const { folder } = this.folder();
    const doing = 'make a backup';
    try {
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      this.removeLeftovers(folder);
    } catch (error) {
      throw fileProblem(error, doing);
    }
    const work = path.join(folder, `${WORK_PREFIX}${randomBytes(6).toString('hex')}`);
    try {
      fs.mkdirSync(path.join(work, 'copy'), { recursive: true, mode: 0o700 });
      const at = this.o.clock.now();
      const counts = this.o.vault.snapshotInto(path.join(work, 'copy'));
      const manifest: Manifest = { format: BACKUP_FORMAT, createdAt: at, schemaVersion: this.schemaVersion() };
      fs.writeFileSync(path.join(work, 'copy', MANIFEST_FILE_NAME), JSON.stringify(manifest), { mode: 0o600 });
      const packed = path.join(work, `packed${BACKUP_EXTENSION}`);
      packBackup(path.join(work, 'copy'), packed);
      fsyncFile(packed);

      // Check the file as it will be read back, not the folder it was made from.
      const check = path.join(work, 'check');
      fs.mkdirSync(check, { mode: 0o700 });
      const problem = unpackBackup(packed, check) ? this.o.vault.checkCopy(check, counts) : 'it could not be unpacked';
      if (problem) throw new AppError('BACKUP_NOT_VERIFIED', `The backup was made but did not check out (${problem}), so it was removed. Your vault is unchanged. Please try again.`);

      const file = freeBackupPath(folder, at);
      fs.renameSync(packed, file);
      syncDirectory(folder);
      const made = { name: path.basename(file), file, at, bytes: fs.statSync(file).size };
      // The backup is made and checked: an old one that can't be removed just now (a sync tool
      // holding it) is tried again next time, and never turns this success into a failure.
      this.rotate(folder, made.file);
      return made;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw fileProblem(error, doing);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }

  /** The backups in the folder in use, newest first. */
  list(): BackupInfo[] {
    const { folder } = this.folder();
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      return [];
    }
    const found: BackupInfo[] = [];
    for (const name of names) {
      const at = timeFromName(name);
      if (at === null) continue;
      const file = path.join(folder, name);
      try {
        found.push({ name, file, at, bytes: fs.statSync(file).size });
      } catch {
        // Gone while we looked.
      }
    }
    // Two in one minute: "… (2)" was made after "…".
    return found.sort((a, b) => b.at - a.at || copyNumber(b.name) - copyNumber(a.name));
  }

  /** Removes what the policy no longer keeps; never the backup just made. */
  private rotate(folder: string, justMade: string): void {
    const here = path.resolve(folder);
    const all = this.list().filter((b) => path.resolve(path.dirname(b.file)) === here);
    const keep = backupsToKeep(all, this.o.policy());
    for (const backup of all) {
      if (keep.has(backup) || backup.file === justMade) continue;
      try {
        fs.rmSync(backup.file, { force: true });
      } catch {
        // Left for the next backup's rotation.
      }
    }
  }

  /** Work folders left by a backup cut off part-way (a crash, a power cut). */
  private removeLeftovers(folder: string): void {
    for (const name of fs.readdirSync(folder)) {
      if (name.startsWith(WORK_PREFIX)) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
    }
  }

  private schemaVersion(): number {
    return this.o.vault.db().pragma('user_version', { simple: true }) as number;
  }
}

function copyNumber(name: string): number {
  return Number(/ \((\d+)\)\.swbackup$/.exec(name)?.[1] ?? 1);
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
