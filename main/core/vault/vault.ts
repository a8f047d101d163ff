import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { AppError, type VaultStatus } from '../../../preload/contract/index.ts';
import type { Clock } from '../ports.ts';
import { logProblem } from '../log.ts';
import { keyOpensDatabase, openEncryptedDatabase, type Db } from './database.ts';
import { clearKeyToConfirmMarker, discardInterruptedCreate, freshStagingFolder, keyNeedsConfirming, moveIntoPlace, writeKeyToConfirmMarker } from './first-run.ts';
import { deriveKeyEncryptionKey, resolveKdfParams, SALT_BYTES, type KdfParams } from './kdf.ts';
import { keyCheckFor, matchesKeyCheck } from './key-check.ts';
import { inspectKeyFile, KEY_FILE_FORMAT, readKeyFile, writeKeyFile, type KeyFile } from './key-file.ts';
import { DATA_KEY_BYTES, unwrapDataKey, wrapDataKey } from './key-wrap.ts';
import { assertAcceptablePassphrase } from './passphrase.ts';
import { formatRecoveryKey, parseRecoveryKey } from './recovery-key.ts';
import { changesWereLost, OpenStateRecorder, readOpenState } from './open-state.ts';
import { checkSnapshot, snapshotVault, type RowCounts } from './snapshot.ts';
import { noFailures, retryAfterMs, withFailure, type AttemptRecord } from './throttle.ts';
import { vaultErrors } from './vault-errors.ts';
import { vaultPaths, type VaultPaths } from './vault-files.ts';
import { countWrites, writeCount } from './write-counter.ts';

export type { KdfParams };

export interface VaultOptions {
  /** Folder that holds saltwater.db and keys.json; created on first use. */
  dir: string;
  clock: Clock;
  /** Cheaper scrypt settings for tests; the defaults are tuned for real use. */
  kdf?: Partial<KdfParams> | undefined;
  /** Path to a better_sqlite3.node built for the running runtime. */
  nativeBinding?: string | undefined;
}

interface OpenVault {
  db: Db;
  /** The only copy of the data key we keep; zeroed on lock. */
  key: Buffer;
  /** Keeps the clean-close record beside the vault; null when it could not be written (a full disk). */
  record: OpenStateRecorder | null;
  /** This unlock found that changes were lost after an unclean exit (see open-state.ts). */
  changesMayBeMissing: boolean;
  /**
   * The recovery key may be shown once, unasked, right after this unlock (a vault whose key was
   * never confirmed). Cleared when shown, so it is never a way round "Show my recovery key again".
   */
  keyShowable: boolean;
}

/**
 * The encrypted vault: one SQLCipher database opened with a random 256-bit data key, that
 * key stored only wrapped by the passphrase (keys.json) and shown once as the recovery key.
 *
 * Operations that read or write keys.json run one at a time, so two quick unlock attempts
 * cannot both slip past the throttle or overwrite each other's attempt record.
 */
export class Vault {
  readonly paths: VaultPaths;
  private readonly clock: Clock;
  private readonly kdf: KdfParams;
  private readonly nativeBinding: string | undefined;
  private current: OpenVault | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Wrong tries that could not be written to keys.json (a full disk, a read-only folder). A
   * wrong passphrase still counts: the wait is kept here until the record can be saved.
   */
  private unsavedFailures: AttemptRecord | null = null;

  constructor(options: VaultOptions) {
    this.paths = vaultPaths(options.dir);
    this.clock = options.clock;
    this.kdf = resolveKdfParams(options.kdf);
    this.nativeBinding = options.nativeBinding;
    // A creation cut off before its last step left no vault, only a staging folder to tidy.
    try {
      discardInterruptedCreate(this.paths.dir);
    } catch (error) {
      logProblem('vault', `could not remove an unfinished new vault (${(error as NodeJS.ErrnoException).code ?? 'unknown'})`);
    }
  }

  status(): VaultStatus {
    // The two notes are present only when true, so an ordinary status reads as it always did.
    const notes = {
      ...(keyNeedsConfirming(this.paths.dir) ? { keyToConfirm: true } : {}),
      ...(this.current?.changesMayBeMissing ? { changesMayBeMissing: true } : {}),
    };
    if (this.current) return { state: 'unlocked', retryAfterMs: 0, ...notes };
    let keyFile: KeyFile | null;
    try {
      keyFile = readKeyFile(this.paths.keyFile);
    } catch {
      // A damaged key file is still a vault; unlock explains what is wrong.
      return { state: 'locked', retryAfterMs: 0, ...notes };
    }
    if (!keyFile && !fs.existsSync(this.paths.database)) return { state: 'new', retryAfterMs: 0 };
    return { state: 'locked', retryAfterMs: keyFile ? retryAfterMs(this.attemptsOf(keyFile), this.clock.now()) : 0, ...notes };
  }

  isUnlocked(): boolean {
    return this.current !== null;
  }

  db(): Db {
    if (!this.current) throw vaultErrors.locked();
    return this.current.db;
  }

  /** Makes a new vault, leaves it unlocked, and returns the recovery key to show once. */
  create(passphrase: string): Promise<{ recoveryKey: string }> {
    return this.exclusive(async () => {
      assertAcceptablePassphrase(passphrase);
      if (this.vaultFilesExist()) throw vaultErrors.exists();

      const dataKey = randomBytes(DATA_KEY_BYTES);
      try {
        const keyFile = await this.wrapForPassphrase(dataKey, passphrase);
        // Checked again after the slow KDF, in case another process created one meanwhile.
        if (this.vaultFilesExist()) throw vaultErrors.exists();
        // Made whole beside the vault folder, then renamed into place (see first-run.ts).
        const staging = freshStagingFolder(this.paths.dir);
        try {
          const staged = vaultPaths(staging);
          this.createDatabase(staged.database, dataKey);
          writeKeyFile(staged.keyFile, keyFile);
          writeKeyToConfirmMarker(staging);
          if (!moveIntoPlace(staging, this.paths.dir)) throw vaultErrors.exists();
        } catch (error) {
          fs.rmSync(staging, { recursive: true, force: true });
          throw error;
        }
        const recoveryKey = formatRecoveryKey(dataKey);
        this.openWith(dataKey);
        return { recoveryKey };
      } catch (error) {
        dataKey.fill(0);
        throw error;
      }
    });
  }

  unlock(passphrase: string): Promise<void> {
    return this.exclusive(async () => {
      const keyFile = this.readKeyFileForUnlock();
      const dataKey = await this.unwrapWithPassphrase(keyFile, passphrase);
      try {
        if (!matchesKeyCheck(dataKey, keyFile.keyCheck)) throw vaultErrors.keyFileDamaged();
        this.clearFailures(keyFile);
        // The passphrase was right for this keys.json; if its key does not open the database,
        // either the file is damaged or keys.json is another vault's (restored by hand): say both.
        if (!this.current) {
          this.assertDatabasePresent();
          if (!keyOpensDatabase(this.paths.database, dataKey, { nativeBinding: this.nativeBinding })) throw vaultErrors.keyDoesNotOpenDatabase();
        }
        this.openWith(dataKey);
      } catch (error) {
        dataKey.fill(0);
        throw error;
      }
    });
  }

  /**
   * For a lost passphrase: the recovery key opens the vault and a new passphrase replaces the
   * old one. Also works when keys.json is missing, damaged or another vault's, since the
   * recovery key is the data key itself: then the database is the judge of whether it is right.
   */
  unlockWithRecoveryKey(recoveryKey: string, newPassphrase: string): Promise<void> {
    return this.exclusive(async () => {
      assertAcceptablePassphrase(newPassphrase);
      const found = inspectKeyFile(this.paths.keyFile);
      if (found === 'missing' && !fs.existsSync(this.paths.database)) throw vaultErrors.noVault();
      const keyFile = typeof found === 'string' ? null : found;
      if (keyFile) this.assertNotThrottled(keyFile);

      // A typo caught by the checksum is not a guess, so it does not count as an attempt.
      const dataKey = parseRecoveryKey(recoveryKey);
      try {
        // keys.json may disagree and still be wrong itself (damaged, or another vault's file put
        // here by hand): the recovery key is the database's own key, so the database decides.
        // Only a key the database refuses counts as a failed try; keys.json is rewritten below.
        if (!keyFile || !matchesKeyCheck(dataKey, keyFile.keyCheck)) {
          this.assertDatabasePresent();
          if (!keyOpensDatabase(this.paths.database, dataKey, { nativeBinding: this.nativeBinding })) {
            throw vaultErrors.recoveryKeyDoesNotOpen(keyFile ? this.recordFailure(keyFile) : 0);
          }
        }
        this.openWith(dataKey);
      } catch (error) {
        dataKey.fill(0);
        throw error;
      }
      // From here the vault is open and owns the key; the new wrap uses a fresh salt and IV.
      const session = this.current;
      if (!session) throw vaultErrors.locked();
      try {
        const rewrapped = await this.wrapForPassphrase(session.key, newPassphrase);
        if (this.current !== session) throw vaultErrors.locked();
        writeKeyFile(this.paths.keyFile, rewrapped);
      } catch (error) {
        // Report one state: if the new passphrase could not be saved, the vault is not open either.
        this.lock();
        throw error;
      }
      // Typing the recovery key in is the surest confirmation that the person has it.
      try {
        clearKeyToConfirmMarker(this.paths.dir);
      } catch {
        // It is then shown once more after this unlock; nothing is lost.
      }
    });
  }

  /**
   * Rewraps the data key under the new passphrase. The database file is not touched: its
   * key stays the same (no PRAGMA rekey), so the recovery key keeps working too.
   */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.exclusive(async () => {
      const session = this.current;
      if (!session) throw vaultErrors.locked();
      assertAcceptablePassphrase(next);
      const keyFile = this.readKeyFileForUnlock();
      const check = await this.unwrapWithPassphrase(keyFile, current);
      check.fill(0);
      const rewrapped = await this.wrapForPassphrase(session.key, next);
      // If the vault was locked while we worked, session.key is now zeros: never wrap that.
      if (this.current !== session) throw vaultErrors.locked();
      writeKeyFile(this.paths.keyFile, rewrapped);
    });
  }

  /**
   * The recovery key again, for someone who shows they know the passphrase (a wrong one counts
   * toward the wait, like at unlock). Only while unlocked.
   */
  showRecoveryKey(passphrase: string): Promise<{ recoveryKey: string }> {
    return this.exclusive(async () => {
      const session = this.current;
      if (!session) throw vaultErrors.locked();
      const keyFile = this.readKeyFileForUnlock();
      const check = await this.unwrapWithPassphrase(keyFile, passphrase);
      try {
        if (!check.equals(session.key)) throw vaultErrors.keyFileDamaged();
      } finally {
        check.fill(0);
      }
      if (this.current !== session) throw vaultErrors.locked();
      // The right passphrase clears earlier wrong tries, as at unlock.
      this.clearFailures(keyFile);
      return { recoveryKey: formatRecoveryKey(session.key) };
    });
  }

  /**
   * The recovery key of a vault whose key the person has not confirmed yet (made, then closed
   * before the confirmation step): given once, right after unlock. Null once given or confirmed.
   */
  recoveryKeyToConfirm(): { recoveryKey: string } | null {
    const session = this.current;
    if (!session) throw vaultErrors.locked();
    if (!session.keyShowable || !keyNeedsConfirming(this.paths.dir)) return null;
    session.keyShowable = false;
    return { recoveryKey: formatRecoveryKey(session.key) };
  }

  /** The person typed back part of their recovery key: it is not shown unasked again. */
  confirmRecoveryKey(): void {
    if (!this.current) throw vaultErrors.locked();
    clearKeyToConfirmMarker(this.paths.dir);
  }

  /**
   * Opens the vault with a data key already proven elsewhere (a restored backup, unlocked on the
   * restore screen); keys.json must agree with it. Takes ownership of dataKey.
   */
  unlockWithDataKey(dataKey: Buffer): Promise<void> {
    return this.exclusive(async () => {
      try {
        const keyFile = this.readKeyFileForUnlock();
        if (!matchesKeyCheck(dataKey, keyFile.keyCheck)) throw vaultErrors.keyFileDamaged();
        this.openWith(dataKey);
      } catch (error) {
        dataKey.fill(0);
        throw error;
      }
    });
  }

  /**
   * Opens the vault with the data key this computer's keychain gave back (see keychain.ts).
   * Nothing is guessed here, so it is not a passphrase try: no wait applies and nothing is
   * counted. Returns false, changing nothing, when the key is not this vault's (keys.json's
   * fingerprint disagrees: another vault's keychain item); a database the right key does not open
   * is reported as the passphrase path reports it. Takes ownership of dataKey.
   */
  unlockWithKeychainKey(dataKey: Buffer): Promise<boolean> {
    return this.exclusive(async () => {
      try {
        const keyFile = this.readKeyFileForUnlock();
        if (dataKey.length !== DATA_KEY_BYTES || !matchesKeyCheck(dataKey, keyFile.keyCheck)) {
          dataKey.fill(0);
          return false;
        }
        // The key is this keys.json's: a database it does not open is the vault's trouble (as for
        // the passphrase), not the keychain's.
        if (!this.current) {
          this.assertDatabasePresent();
          if (!keyOpensDatabase(this.paths.database, dataKey, { nativeBinding: this.nativeBinding })) throw vaultErrors.keyDoesNotOpenDatabase();
        }
        this.openWith(dataKey);
        return true;
      } catch (error) {
        dataKey.fill(0);
        throw error;
      }
    });
  }

  /**
   * Lends a copy of the open vault's data key to `use` (to be wrapped by the computer's
   * keychain, see keychain.ts); the copy is zeroed when `use` is done. Only while unlocked, and
   * only if the same vault is still open when `use` is done (not locked or replaced meanwhile).
   */
  async withDataKey<T>(use: (dataKey: Buffer) => Promise<T>): Promise<T> {
    const session = this.current;
    if (!session) throw vaultErrors.locked();
    const copy = Buffer.from(session.key);
    try {
      const result = await use(copy);
      if (this.current !== session) throw vaultErrors.locked();
      return result;
    } finally {
      copy.fill(0);
    }
  }

  lock(): void {
    const open = this.current;
    if (!open) return;
    this.current = null;
    try {
      // A locked vault is one complete file (a person may copy just saltwater.db): fold the
      // write-ahead log in explicitly, not only as a side effect of the last close.
      try {
        open.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Locking never fails on this; closing still checkpoints what it can.
      }
      let writes: number | null = null;
      try {
        writes = writeCount(open.db);
      } catch {
        // Unknown: the record keeps its last count.
      }
      open.db.close();
      this.closeRecord(open, writes);
    } finally {
      open.key.fill(0);
    }
  }

  /**
   * Reads every page of the database. Unlock only proves the key and the first pages, as a
   * full read grows with the journal; use this before a backup or when asked to check.
   */
  verifyIntegrity(): void {
    const db = this.db();
    let rows: unknown;
    try {
      rows = db.pragma('quick_check');
    } catch {
      throw vaultErrors.databaseDamaged();
    }
    const ok = Array.isArray(rows) && rows.length === 1 && (rows[0] as { quick_check?: unknown }).quick_check === 'ok';
    if (!ok) throw vaultErrors.databaseDamaged();
  }

  /** Writes a consistent copy of the open vault into `folder` (see snapshot.ts); returns its row counts. */
  snapshotInto(folder: string): RowCounts {
    return snapshotVault(this.db(), this.paths.keyFile, folder);
  }

  /** Why the copy in `folder` is not this vault as counted, or null when it is. */
  checkCopy(folder: string, expected: RowCounts): string | null {
    const open = this.current;
    if (!open) throw vaultErrors.locked();
    return checkSnapshot(folder, open.key, expected, this.nativeBinding);
  }

  // ---- steps --------------------------------------------------------------

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private vaultFilesExist(): boolean {
    return fs.existsSync(this.paths.keyFile) || fs.existsSync(this.paths.database);
  }

  /** The key file, or the reason a passphrase cannot be tried. */
  private readKeyFileForUnlock(): KeyFile {
    const keyFile = readKeyFile(this.paths.keyFile);
    if (keyFile) return keyFile;
    throw fs.existsSync(this.paths.database) ? vaultErrors.keyFileMissing() : vaultErrors.noVault();
  }

  private assertNotThrottled(keyFile: KeyFile): void {
    const wait = retryAfterMs(this.attemptsOf(keyFile), this.clock.now());
    if (wait > 0) throw vaultErrors.throttled(wait);
  }

  /** The wrong tries so far: keys.json's record, or the one kept in memory when it could not be saved. */
  private attemptsOf(keyFile: KeyFile): AttemptRecord {
    const unsaved = this.unsavedFailures;
    return unsaved && unsaved.failedAttempts > keyFile.failedAttempts ? unsaved : keyFile;
  }

  /**
   * Records a failed try and returns how long the next one must wait. When keys.json can't be
   * written (a full disk, a read-only folder) the try still counts, in memory, and the person
   * still hears that the passphrase was wrong: a storage problem never hides a wrong guess.
   */
  private recordFailure(keyFile: KeyFile): number {
    const now = this.clock.now();
    const record = withFailure(this.attemptsOf(keyFile), now);
    try {
      writeKeyFile(this.paths.keyFile, { ...keyFile, ...record });
      this.unsavedFailures = null;
    } catch (error) {
      this.unsavedFailures = record;
      logProblem('vault', `could not save a failed unlock try (${(error as NodeJS.ErrnoException).code ?? 'unknown'})`);
    }
    return retryAfterMs(record, now);
  }

  /** The right key clears earlier wrong tries; failing to save that never stops an unlock. */
  private clearFailures(keyFile: KeyFile): void {
    this.unsavedFailures = null;
    if (keyFile.failedAttempts === 0) return;
    try {
      writeKeyFile(this.paths.keyFile, { ...keyFile, ...noFailures });
    } catch (error) {
      logProblem('vault', `could not clear the failed unlock tries (${(error as NodeJS.ErrnoException).code ?? 'unknown'})`);
    }
  }

  private async unwrapWithPassphrase(keyFile: KeyFile, passphrase: string): Promise<Buffer> {
    // Checked before the KDF: while throttled, the passphrase is not even looked at.
    this.assertNotThrottled(keyFile);
    const kek = await deriveKeyEncryptionKey(passphrase, keyFile.kdf, keyFile.kdf.salt);
    try {
      return unwrapDataKey(keyFile.wrapped, kek);
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
        throw vaultErrors.wrongPassphrase(this.recordFailure(keyFile));
      }
      throw error;
    } finally {
      kek.fill(0);
    }
  }

  /** A keys.json for `dataKey` under `passphrase`, with a fresh salt, on this vault's KDF settings. */
  async wrapForPassphrase(dataKey: Buffer, passphrase: string): Promise<KeyFile> {
    const salt = randomBytes(SALT_BYTES);
    const kek = await deriveKeyEncryptionKey(passphrase, this.kdf, salt);
    try {
      return {
        format: KEY_FILE_FORMAT,
        kdf: { ...this.kdf, salt },
        wrapped: wrapDataKey(dataKey, kek),
        keyCheck: keyCheckFor(dataKey),
        ...noFailures,
      };
    } finally {
      kek.fill(0);
    }
  }

  /** A new, migrated database at `file`, closed as one complete synced file (its log folded in). */
  private createDatabase(file: string, dataKey: Buffer): void {
    // Creating the empty file ourselves sets owner-only permissions that SQLite copies to the
    // -wal and -shm files it makes later.
    fs.writeFileSync(file, '', { flag: 'wx', mode: 0o600 });
    const db = openEncryptedDatabase(file, dataKey, { nativeBinding: this.nativeBinding });
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    const fd = fs.openSync(file, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  /**
   * Opens the database with a key already known to be right (keys.json or the recovery key
   * said so), so a decrypt failure surfacing here as VAULT_DAMAGED really is damage.
   * Takes ownership of dataKey. Already open: the key is the same one, keep the open handle.
   */
  private openWith(dataKey: Buffer): void {
    if (this.current) {
      dataKey.fill(0);
      return;
    }
    this.assertDatabasePresent();
    // Read before this unlock rewrites it: how the vault was left last time.
    const before = readOpenState(this.paths.openState);
    const db = openEncryptedDatabase(this.paths.database, dataKey, { nativeBinding: this.nativeBinding });
    let writes: number;
    try {
      writes = writeCount(db);
    } catch (error) {
      db.close();
      throw error;
    }
    const open: OpenVault = {
      db,
      key: dataKey,
      record: null,
      changesMayBeMissing: changesWereLost(before, writes),
      keyShowable: keyNeedsConfirming(this.paths.dir),
    };
    try {
      open.record = new OpenStateRecorder(this.paths.openState, writes);
    } catch (error) {
      // A full disk must not keep anyone from reading their journal; only the check is lost.
      logProblem('vault', `could not write the open-state record (${(error as NodeJS.ErrnoException).code ?? 'unknown'})`);
    }
    countWrites(db, () => {
      if (this.current !== open || !open.record) return;
      try {
        open.record.committed(writeCount(db));
      } catch {
        // Best effort between commits; the clean close writes it again.
      }
    });
    this.current = open;
  }


  /** Clean only when the write-ahead log was folded in: nothing recent lives outside saltwater.db. */
  private closeRecord(open: OpenVault, writes: number | null): void {
    const record = open.record;
    if (!record) return;
    let walSize = 0;
    try {
      walSize = fs.statSync(this.paths.wal).size;
    } catch {
      // No log left: SQLite removed it on close, as it should.
    }
    try {
      record.close(writes, writes !== null && walSize === 0);
    } catch (error) {
      logProblem('vault', `could not write the clean-close record (${(error as NodeJS.ErrnoException).code ?? 'unknown'})`);
    }
  }

  /** An empty or missing file would silently become a new, empty vault; say so instead. */
  private assertDatabasePresent(): void {
    let size: number;
    try {
      size = fs.statSync(this.paths.database).size;
    } catch {
      throw vaultErrors.databaseMissing();
    }
    if (size === 0) throw vaultErrors.databaseDamaged();
  }
}
