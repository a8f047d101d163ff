import type { AppErrorShape, ErrorCode } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import type { Now } from '../../lib/timing.ts';

export type UnlockMode = 'passphrase' | 'recovery' | 'restore';

/**
 * The vault's message may end with "…you can try again in 4 seconds." While our own
 * countdown shows the time, that fixed number would go stale, so it is left out.
 */
export function withoutRetryTime(message: string): string {
  const trimmed = message.replace(/[;,.]?\s*(?:you can )?try again (?:in a second|in a minute|in \d+ seconds?)\.?\s*$/i, '.');
  return trimmed === '.' ? message : trimmed;
}

/** The unlock screen: passphrase or recovery key, wrong tries and the calm wait after them. */
export class UnlockState {
  mode = $state<UnlockMode>('passphrase');
  busy = $state(false);
  error = $state<string | null>(null);
  /** Why the last try failed; VAULT_DAMAGED offers a restore from a backup. */
  errorCode = $state<ErrorCode | null>(null);
  /** When the next try is allowed (ms since epoch); 0 when free. */
  retryAt = $state(0);
  /** The current time, ticking while a wait is on. */
  now = $state(0);
  /** Said once when a wait ends. */
  readyAgain = $state(false);

  readonly #api: Api;
  readonly #clock: Now;
  #ticker: ReturnType<typeof setInterval> | null = null;

  constructor(api: Api, clock: Now = Date.now) {
    this.#api = api;
    this.#clock = clock;
    this.now = clock();
  }

  get waitMs(): number {
    return Math.max(0, this.retryAt - this.now);
  }

  get waiting(): boolean {
    return this.waitMs > 0;
  }

  /** Starts (or extends) the wait before the next try. */
  wait(ms: number): void {
    if (ms <= 0) return;
    this.now = this.#clock();
    this.retryAt = this.now + ms;
    this.readyAgain = false;
    if (this.#ticker === null) {
      this.#ticker = setInterval(() => {
        this.now = this.#clock();
        if (this.now >= this.retryAt) {
          this.#stopTicker();
          this.readyAgain = true;
        }
      }, 250);
    }
  }

  setMode(mode: UnlockMode): void {
    this.mode = mode;
    this.error = null;
    this.errorCode = null;
  }

  /** The vault said it is damaged: a backup may take its place. */
  get damaged(): boolean {
    return this.errorCode === 'VAULT_DAMAGED';
  }

  async unlock(passphrase: string): Promise<boolean> {
    if (passphrase === '') {
      this.error = 'Please type your passphrase.';
      this.errorCode = null;
      return false;
    }
    return this.#attempt(() => this.#api.vault.unlock({ passphrase }));
  }

  async recover(recoveryKey: string, newPassphrase: string): Promise<boolean> {
    return this.#attempt(() => this.#api.vault.unlockWithRecoveryKey({ recoveryKey, newPassphrase }));
  }

  /**
   * Unlocks with the computer's keychain; a failure is said where a wrong passphrase would be.
   * Not a passphrase try, so a wait after wrong passphrases does not hold it back.
   */
  async unlockWithKeychain(): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.readyAgain = false;
    try {
      const result = await this.#api.vault.unlockWithKeychain();
      this.errorCode = result.ok ? null : result.error.code;
      this.error = result.ok ? null : result.error.message;
      return result.ok;
    } finally {
      this.busy = false;
    }
  }

  dispose(): void {
    this.#stopTicker();
  }

  async #attempt(call: () => Promise<{ ok: true } | { ok: false; error: AppErrorShape }>): Promise<boolean> {
    if (this.busy || this.waiting) return false;
    this.busy = true;
    this.readyAgain = false;
    try {
      const result = await call();
      if (result.ok) {
        this.error = null;
        this.errorCode = null;
        return true;
      }
      this.errorCode = result.error.code;
      const wait = result.error.retryAfterMs ?? 0;
      this.error = wait > 0 ? withoutRetryTime(result.error.message) : result.error.message;
      if (wait > 0) this.wait(wait);
      return false;
    } finally {
      this.busy = false;
    }
  }

  #stopTicker(): void {
    if (this.#ticker !== null) clearInterval(this.#ticker);
    this.#ticker = null;
  }
}
