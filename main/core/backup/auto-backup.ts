import { AppError } from '../../../preload/contract/index.ts';
import type { Clock, Timers } from '../ports.ts';
import type { Vault } from '../vault/vault.ts';
import { writeCount } from '../vault/write-counter.ts';
import type { BackupService } from './backups.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface AutoBackupOptions {
  vault: Vault;
  backups: BackupService;
  clock: Clock;
  timers: Timers;
  enabled: () => boolean;
  report: (error: unknown) => void;
}

/**
 * Backups that happen by themselves: when the vault locks or the app closes after anything was
 * changed, and once a day while it stays open with changes. What "changed" means is the vault's
 * own count of committed writes (write-counter.ts; a rolled-back dry run does not count) since
 * the last backup (or the unlock). When the computer goes to sleep the key must go at once, so
 * that backup waits for the next unlock instead.
 *
 * A backup is made on the main thread and cannot be cut in two by anything else in the app:
 * a quit that arrives meanwhile runs after it, and a crash leaves only a work folder that the
 * next backup removes.
 */
export class AutoBackup {
  private writtenAtLastBackup = 0;
  /** Changes were left unbacked-up at a sleep lock: back them up after the next unlock. */
  private owed = false;
  private timer: unknown = null;
  private problem: string | null = null;

  constructor(private readonly o: AutoBackupOptions) {}

  /** After an unlock: counting starts here, and the daily check begins. */
  opened(): void {
    this.writtenAtLastBackup = this.written();
    this.stopTimer();
    if (this.owed) {
      this.owed = false;
      // Soon after, not inside the unlock: the journal shows first.
      this.timer = this.o.timers.setTimeout(() => {
        this.run();
        this.schedule();
      }, 0);
    } else {
      this.schedule();
    }
  }

  private schedule(): void {
    this.timer = this.o.timers.setTimeout(() => {
      this.daily();
      this.schedule();
    }, HOUR);
  }

  /**
   * Just before the vault locks or the app closes (the vault is still open). `later` (a sleep or
   * screen lock) closes at once and makes the backup after the next unlock.
   */
  closing(when: 'now' | 'later' = 'now'): void {
    this.stopTimer();
    if (!this.changed()) return;
    if (when === 'later') this.owed = true;
    else this.run();
  }

  /** A backup made by hand counts too. */
  made(): void {
    this.writtenAtLastBackup = this.written();
    this.problem = null;
  }

  /** Why the last automatic backup failed, until one succeeds. */
  lastProblem(): string | null {
    return this.problem;
  }

  private daily(): void {
    if (!this.changed()) return;
    const newest = this.o.backups.list()[0];
    if (!newest || this.o.clock.now() - newest.at >= DAY) this.run();
  }

  private run(): void {
    if (!this.o.enabled()) return;
    try {
      this.o.backups.create();
      this.made();
    } catch (error) {
      // Never in the way of locking or closing: kept to show in Settings, and logged by kind.
      this.problem = error instanceof AppError ? error.message : 'The automatic backup could not be made.';
      this.o.report(error);
    }
  }

  private changed(): boolean {
    return this.o.vault.isUnlocked() && this.written() !== this.writtenAtLastBackup;
  }

  private written(): number {
    if (!this.o.vault.isUnlocked()) return 0;
    return writeCount(this.o.vault.db());
  }

  private stopTimer(): void {
    if (this.timer !== null) this.o.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
