import type { Clock, Timers } from '../ports.ts';

export interface AutoLockOptions {
  clock: Clock;
  timers: Timers;
  /** Read on every arm, so a changed setting takes effect at the next activity. */
  idleMs: () => number;
  onIdle: () => void;
}

/**
 * Locks the vault after a stretch without user activity. Activity only records a time;
 * the single timer re-arms itself for the remainder, so frequent activity costs nothing.
 */
export class AutoLock {
  private lastActivity = 0;
  private handle: unknown = null;
  private running = false;

  constructor(private readonly options: AutoLockOptions) {}

  start(): void {
    this.running = true;
    this.touch();
  }

  stop(): void {
    this.running = false;
    this.disarm();
  }

  touch(): void {
    if (!this.running) return;
    this.lastActivity = this.options.clock.now();
    if (this.handle === null) this.arm(this.options.idleMs());
  }

  private arm(ms: number): void {
    this.handle = this.options.timers.setTimeout(() => this.check(), Math.max(0, ms));
  }

  private check(): void {
    this.handle = null;
    if (!this.running) return;
    const remaining = this.lastActivity + this.options.idleMs() - this.options.clock.now();
    if (remaining > 0) {
      this.arm(remaining);
      return;
    }
    this.running = false;
    this.options.onIdle();
  }

  private disarm(): void {
    if (this.handle !== null) this.options.timers.clearTimeout(this.handle);
    this.handle = null;
  }
}
