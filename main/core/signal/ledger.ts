import type { SealedLog } from '../scheduler/sealed-log.ts';
import type { Db } from '../vault/database.ts';
import { applyProgress, markRetry, markSending, pendingSignals, settle, type PendingSignal } from './store.ts';

/**
 * Where the outbox keeps its state. Unlocked: the vault. Locked: a snapshot of what was
 * pending, held in memory, with every change also written to a sealed log (the scheduler's
 * key pair: the locked app can write it, only the unlocked vault can read it) and taken
 * into the vault at the next unlock. So a signal keeps being tried for its 30 minutes even
 * when the screen locks or the computer sleeps right after the click.
 */
export interface Ledger {
  pending(): PendingSignal[];
  /** queued/sending → sending with one more attempt; false when it is no longer pending. */
  markSending(id: number, now: number): boolean;
  markRetry(id: number, nextAttemptAt: number, error: string): void;
  settle(id: number, state: 'sent' | 'failed' | 'expired', now: number, error: string | null): boolean;
}

export function vaultLedger(db: Db): Ledger {
  return {
    pending: () => pendingSignals(db),
    markSending: (id, now) => markSending(db, id, now),
    markRetry: (id, next, error) => void markRetry(db, id, next, error),
    settle: (id, state, now, error) => settle(db, id, state, now, error),
  };
}

/** One change, with absolute values so taking it in twice does no harm. */
type Change =
  | { op: 'progress'; id: number; state: 'queued' | 'sending'; attempts: number; nextAttemptAt: number; lastError: string | null }
  | { op: 'settle'; id: number; state: 'sent' | 'failed' | 'expired'; at: number; error: string | null };

export class LockedLedger implements Ledger {
  private readonly signals = new Map<number, PendingSignal>();
  /** Also kept here in case the sealed log could not be written. */
  readonly changes: Change[] = [];

  constructor(
    snapshot: PendingSignal[],
    private readonly log: SealedLog | undefined,
    private readonly publicKey: Buffer | null,
    private readonly report: (error: unknown) => void,
  ) {
    for (const s of snapshot) this.signals.set(s.id, { ...s });
  }

  pending(): PendingSignal[] {
    return [...this.signals.values()].sort((a, b) => (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0) || a.id - b.id);
  }

  markSending(id: number, now: number): boolean {
    const s = this.signals.get(id);
    if (!s) return false;
    Object.assign(s, { state: 'sending', attempts: s.attempts + 1, nextAttemptAt: now });
    this.write({ op: 'progress', id, state: 'sending', attempts: s.attempts, nextAttemptAt: now, lastError: s.lastError });
    return true;
  }

  markRetry(id: number, nextAttemptAt: number, error: string): void {
    const s = this.signals.get(id);
    if (!s || s.state !== 'sending') return;
    Object.assign(s, { state: 'queued', nextAttemptAt, lastError: error });
    this.write({ op: 'progress', id, state: 'queued', attempts: s.attempts, nextAttemptAt, lastError: error });
  }

  settle(id: number, state: 'sent' | 'failed' | 'expired', now: number, error: string | null): boolean {
    if (!this.signals.delete(id)) return false;
    this.write({ op: 'settle', id, state, at: now, error });
    return true;
  }

  private write(change: Change): void {
    this.changes.push(change);
    if (!this.log || !this.publicKey) return;
    try {
      this.log.append(this.publicKey, JSON.stringify(change));
    } catch (error) {
      // Still held in memory: only a quit before the next unlock would lose it.
      this.report(error);
    }
  }
}

/**
 * Takes in what happened while locked: the sealed log (also from before a quit or a
 * crash) and anything only held in memory, in order. Conditional updates make a change
 * that is already in the vault a no-op.
 */
export function takeInLockedChanges(
  db: Db,
  log: SealedLog | undefined,
  privateKey: Buffer,
  memory: readonly Change[],
  report: (error: unknown) => void,
): void {
  const changes: Change[] = [];
  if (log) {
    const { records, unreadable } = log.read(privateKey);
    if (unreadable > 0) report(new Error(`${unreadable} unreadable signal record(s) dropped`));
    for (const record of records) {
      const change = parseChange(record);
      if (change) changes.push(change);
    }
  }
  changes.push(...memory);
  db.transaction(() => {
    for (const c of changes) {
      if (c.op === 'settle') settle(db, c.id, c.state, c.at, c.error);
      else applyProgress(db, c);
    }
  })();
  log?.clear();
}

function parseChange(text: string): Change | null {
  try {
    const c = JSON.parse(text) as Partial<Change>;
    if (typeof c.id !== 'number') return null;
    if (c.op === 'settle' && (c.state === 'sent' || c.state === 'failed' || c.state === 'expired') && typeof c.at === 'number') return c as Change;
    if (c.op === 'progress' && (c.state === 'queued' || c.state === 'sending') && typeof c.attempts === 'number' && typeof c.nextAttemptAt === 'number') return c as Change;
    return null;
  } catch {
    return null;
  }
}

export type { Change as LockedChange };
