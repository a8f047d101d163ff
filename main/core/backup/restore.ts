import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../preload/contract/index.ts';
import { fileProblem } from '../file-problems.ts';
import type { Clock } from '../ports.ts';
import { keyOpensDatabase, openEncryptedDatabase, type Db } from '../vault/database.ts';
import { deriveKeyEncryptionKey } from '../vault/kdf.ts';
import { matchesKeyCheck } from '../vault/key-check.ts';
import { inspectKeyFile, writeKeyFile, type KeyFile } from '../vault/key-file.ts';
import { unwrapDataKey } from '../vault/key-wrap.ts';
import { migrations } from '../vault/migrations/index.ts';
import { assertAcceptablePassphrase } from '../vault/passphrase.ts';
import { parseRecoveryKey } from '../vault/recovery-key.ts';
import { noFailures } from '../vault/throttle.ts';
import { vaultErrors } from '../vault/vault-errors.ts';
import { DATABASE_FILE_NAME, KEY_FILE_NAME } from '../vault/vault-files.ts';
import type { Vault } from '../vault/vault.ts';
import { BACKUP_FORMAT, MANIFEST_FILE_NAME, unpackBackup, type Manifest } from './backup-file.ts';
import { markReady, stagingFolderFor, swapIn } from './restore-swap.ts';

/** What a backup holds, shown before anything is replaced. */
export interface BackupSummary {
  name: string;
  createdAt: number;
  entries: number;
  sessions: number;
  firstEntryAt: number | null;
  lastEntryAt: number | null;
  /** Opened with the recovery key: a new passphrase is needed to restore it. */
  needsNewPassphrase: boolean;
}

export type BackupUnlock = { passphrase: string } | { recoveryKey: string };

interface Opened {
  summary: BackupSummary;
  /** The backup's data key; zeroed when the restore is done or given up. */
  key: Buffer;
}

const unusable = (why: string) => new AppError('BACKUP_UNUSABLE', why);
const notABackup = () =>
  unusable("This file isn't a Saltwater backup we can read. Backups end in .swbackup; the file may also be damaged or incomplete.");

/**
 * Restoring a backup in two steps: `open` unpacks it beside the vault, unlocks it with the
 * passphrase it had or the recovery key, brings it up to this version and checks every page,
 * and says what it holds; `restore` then puts it in place of the current vault (kept whole as
 * a safety copy), see restore-swap.ts. Nothing about the current vault changes before that.
 */
export class RestoreService {
  private opened: Opened | null = null;

  constructor(
    private readonly o: {
      vault: Vault;
      clock: Clock;
      nativeBinding?: string | undefined;
    },
  ) {}

  private get staging(): string {
    return stagingFolderFor(this.o.vault.paths.dir);
  }

  async open(file: string, unlock: BackupUnlock): Promise<BackupSummary> {
    this.cancel();
    const staging = this.staging;
    let key: Buffer | null = null;
    try {
      this.unpack(file, staging);
      const manifest = readManifest(path.join(staging, MANIFEST_FILE_NAME));
      if (manifest.schemaVersion > migrations.length) throw newerVersion();
      const keyFile = inspectKeyFile(path.join(staging, KEY_FILE_NAME));
      if (typeof keyFile === 'string') throw notABackup();
      key = await this.keyFor(staging, keyFile, unlock);
      const summary = this.check(staging, key, path.basename(file), manifest.createdAt, 'recoveryKey' in unlock);
      this.opened = { summary, key };
      return summary;
    } catch (error) {
      key?.fill(0);
      fs.rmSync(staging, { recursive: true, force: true });
      if (error instanceof AppError) throw error;
      throw fileProblem(error, 'open that backup');
    }
  }

  /** Gives up an opened backup: its unpacked copy is removed and its key forgotten. */
  cancel(): void {
    this.opened?.key.fill(0);
    this.opened = null;
    fs.rmSync(this.staging, { recursive: true, force: true });
  }

  /**
   * Puts the opened backup in place of the vault and unlocks it. `closeVault` is called once
   * everything that can be checked first has been (a backup is open, the new passphrase is
   * acceptable); it must leave the vault locked. Returns the safety copy's folder, or null
   * when there was no vault before.
   */
  async restore(newPassphrase: string | null, closeVault: () => void = () => {}): Promise<{ safetyCopy: string | null }> {
    const opened = this.opened;
    if (!opened) throw new AppError('NOT_FOUND', 'Please choose the backup again: it was closed before it could be restored.');
    const staging = this.staging;
    let safetyCopy: string | null;
    try {
      if (opened.summary.needsNewPassphrase) {
        if (newPassphrase === null) throw new AppError('INVALID_INPUT', 'Please choose a new passphrase for the restored vault.');
        assertAcceptablePassphrase(newPassphrase);
        writeKeyFile(path.join(staging, KEY_FILE_NAME), await this.o.vault.wrapForPassphrase(opened.key, newPassphrase));
      }
      closeVault();
      if (this.o.vault.isUnlocked()) throw new Error('The vault must be locked before a restore');
      markReady(staging);
      safetyCopy = swapIn(this.o.vault.paths.dir, staging, this.o.clock.now());
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw fileProblem(error, 'restore that backup');
    }
    this.opened = null;
    await this.o.vault.unlockWithDataKey(opened.key);
    return { safetyCopy };
  }

  private unpack(file: string, staging: string): void {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { mode: 0o700 });
    let ok: boolean;
    try {
      ok = unpackBackup(file, staging);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Our own disk's trouble is named as such; anything else is the file's.
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'ENOSPC' || code === 'EIO') throw error;
      throw notABackup();
    }
    if (!ok) throw notABackup();
  }

  private async keyFor(staging: string, keyFile: KeyFile, unlock: BackupUnlock): Promise<Buffer> {
    if ('recoveryKey' in unlock) {
      const key = parseRecoveryKey(unlock.recoveryKey);
      // The database decides, as for the vault: the backup's keys.json may be another's.
      if (!matchesKeyCheck(key, keyFile.keyCheck) && !keyOpensDatabase(path.join(staging, DATABASE_FILE_NAME), key, { nativeBinding: this.o.nativeBinding })) {
        key.fill(0);
        throw new AppError('WRONG_RECOVERY_KEY', "That recovery key doesn't open this backup. Please check it against your saved copy.");
      }
      return key;
    }
    const kek = await deriveKeyEncryptionKey(unlock.passphrase, keyFile.kdf, keyFile.kdf.salt);
    try {
      const key = unwrapDataKey(keyFile.wrapped, kek);
      if (!matchesKeyCheck(key, keyFile.keyCheck)) {
        key.fill(0);
        throw notABackup();
      }
      // The restored vault opens with this same passphrase; its record of wrong tries starts clean.
      writeKeyFile(path.join(staging, KEY_FILE_NAME), { ...keyFile, ...noFailures });
      return key;
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
        throw new AppError(
          'WRONG_PASSPHRASE',
          "That passphrase doesn't open this backup. It opens with the passphrase your vault had on the day it was made, or with your recovery key.",
        );
      }
      throw error;
    } finally {
      kek.fill(0);
    }
  }

  /** Opens the unpacked copy (migrating an older one), reads every page, and counts what it holds. */
  private check(staging: string, key: Buffer, name: string, createdAt: number, viaRecoveryKey: boolean): BackupSummary {
    let db: Db;
    try {
      db = openEncryptedDatabase(path.join(staging, DATABASE_FILE_NAME), key, { nativeBinding: this.o.nativeBinding });
    } catch (error) {
      if (error instanceof AppError && error.message === vaultErrors.madeByNewerVersion().message) throw newerVersion();
      throw unusable('This backup is damaged and cannot be restored. Nothing has been changed. An older backup may still be whole.');
    }
    try {
      if (db.pragma('integrity_check', { simple: true }) !== 'ok') {
        throw unusable('This backup is damaged and cannot be restored. Nothing has been changed. An older backup may still be whole.');
      }
      const entries = db
        .prepare('SELECT count(*) AS n, min(created_at) AS first, max(created_at) AS last FROM entries WHERE deleted_at IS NULL')
        .get() as { n: number; first: number | null; last: number | null };
      const sessions = db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
      return {
        name,
        createdAt,
        entries: entries.n,
        sessions,
        firstEntryAt: entries.first,
        lastEntryAt: entries.last,
        needsNewPassphrase: viaRecoveryKey,
      };
    } finally {
      // A restored vault is one complete file, like a locked one.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }
  }
}

function newerVersion(): AppError {
  return unusable('This backup was made by a newer version of Saltwater. Please update the app to restore it. Nothing has been changed.');
}

function readManifest(file: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw notABackup();
  }
  const m = json as Partial<Manifest> | null;
  if (typeof m?.format === 'number' && m.format > BACKUP_FORMAT) throw newerVersion();
  if (m?.format !== BACKUP_FORMAT || typeof m.createdAt !== 'number' || typeof m.schemaVersion !== 'number') throw notABackup();
  return m as Manifest;
}
