import { tick } from 'svelte';
import type { EventPayload, QuickHideKey, RestoreAtStart, Result, VaultStatus } from '../../preload/contract/index.ts';
import { defaultQuickHideKey } from '../../preload/contract/constants.ts';
import type { Api } from '../../preload/create-api.ts';
import { isQuickHide } from '../lib/quick-hide.ts';
import { atMost, throttle, type Now } from '../lib/timing.ts';

export type Screen = 'loading' | 'setup' | 'locked' | 'unlocked' | 'unavailable';
export type View = 'journal' | 'practices' | 'insights' | 'tools' | 'reminders' | 'settings';
export type LockReason = EventPayload<'vault.locked'>['reason'];

/** How long quick hide waits for the last keystrokes to be saved before it hides anyway. */
export const QUICK_HIDE_SAVE_MS = 300;

/** How often user activity is reported to the idle lock, at most. */
export const ACTIVITY_INTERVAL_MS = 5000;

export interface SessionOptions {
  /** Where keyboard and pointer activity is listened for (the window). */
  target?: EventTarget;
  now?: Now;
}

/**
 * The app's top-level state: which screen shows, which page is open, and locking.
 * Decrypted content never lives here; it lives in state created under the unlocked
 * screen, which is dropped as a whole when the vault locks.
 */
export class Session {
  screen = $state<Screen>('loading');
  view = $state<View>('journal');
  /** Why the vault last locked itself (shown gently on the unlock screen). */
  lockReason = $state<LockReason | null>(null);
  /** Wait before another unlock try is allowed, as reported at start. */
  initialRetryAfterMs = $state(0);
  /** A message for the whole window when the vault cannot be reached. */
  problem = $state<string | null>(null);
  /** Words typed just before a lock could not be saved (a full disk): the lock screen says so. */
  unsavedAtLock = $state(false);
  /** A one-off quiet line to show after arriving on a screen ("Your new passphrase is set."). */
  arrivalNote = $state<string | null>(null);
  /** The vault's recovery key was never confirmed (the app closed first): it is shown again after unlock. */
  keyToConfirm = $state(false);
  /** After an unclean exit, recent changes did not survive: said once, gently, after unlock. */
  changesMayBeMissing = $state(false);
  /** A restore cut off when Saltwater closed was finished or given up at start: said once after unlock. */
  restoreAtStart = $state.raw<RestoreAtStart | null>(null);
  /** Quick notes written while locked that this unlock took into the journal, and any that could not be opened: said once. */
  quickNotesTaken = $state.raw<{ taken: number; keptAside: number } | null>(null);
  /** Counts the tray's "Quick note…" presses: the lock screen opens its note, the journal a new entry. */
  quickNoteAsked = $state(0);
  /** A quick note that could not be sealed when the lock screen went: shown there again next time. */
  quickNoteDraft: string | null = null;
  /**
   * The quick-hide shortcut: the vault's choice once unlocked, kept while locked; at start, the
   * copy main keeps beside the vault (the default before the first unlock).
   */
  quickHideKey = $state<QuickHideKey>(defaultQuickHideKey);

  readonly #api: Api;
  readonly #target: EventTarget | null;
  readonly #beforeLock = new Set<() => Promise<void> | void>();
  readonly #onLockedHooks = new Set<() => void>();
  readonly #cleanups: Array<() => void> = [];
  #locking = false;

  constructor(api: Api, options: SessionOptions = {}) {
    this.#api = api;
    this.#target = options.target ?? (typeof window === 'undefined' ? null : window);
    const reportActivity = throttle(
      () => {
        // First run counts too: the vault is open while the recovery key is being saved.
        if (this.screen === 'unlocked' || this.screen === 'setup') void this.#api.app.activity();
      },
      ACTIVITY_INTERVAL_MS,
      options.now,
    );
    this.#listen('keydown', (event) => {
      const e = event as KeyboardEvent;
      // Quick hide works on every screen: a session, the lock screen, a dialog.
      if (isQuickHide(e, this.quickHideKey)) {
        e.preventDefault();
        void this.quickHide();
        return;
      }
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        if (this.screen === 'unlocked') {
          e.preventDefault();
          void this.lock();
          return;
        }
      }
      reportActivity();
    });
    this.#listen('pointerdown', reportActivity);
    this.#listen('wheel', reportActivity, { passive: true });
    this.#cleanups.push(this.#api.on('vault.locked', ({ reason }) => this.locked(reason)));
    this.#cleanups.push(this.#api.on('app.closing', () => void this.#saveThenClose()));
    this.#cleanups.push(this.#api.on('app.quickNote', () => void this.quickNoteAsked++));
    this.#cleanups.push(this.#api.on('app.lockRequested', () => void this.lock()));
  }

  /** Asks the vault where we are and shows the matching screen. */
  async start(): Promise<void> {
    this.show(await this.#api.vault.status());
  }

  /** Shows the screen for the vault's state (the answer to vault.status). */
  show(result: Result<VaultStatus>): void {
    if (!result.ok) {
      this.screen = 'unavailable';
      this.problem = result.error.message;
      return;
    }
    this.problem = null;
    // The shortcut chosen last time, so quick hide works on the lock screen after a restart.
    void this.#api.app.quickHideKey().then((key) => {
      if (key.ok) this.quickHideKey = key.value;
    });
    this.initialRetryAfterMs = result.value.retryAfterMs;
    this.keyToConfirm = result.value.keyToConfirm === true;
    this.changesMayBeMissing = result.value.changesMayBeMissing === true;
    this.restoreAtStart = result.value.restoreAtStart ?? null;
    this.quickNotesTaken = quickNotesOf(result.value);
    this.screen = result.value.state === 'new' ? 'setup' : result.value.state;
  }

  /** The vault is open now (after setup, unlock or recovery). */
  unlocked(note: string | null = null): void {
    this.lockReason = null;
    this.unsavedAtLock = false;
    this.view = 'journal';
    this.arrivalNote = note;
    this.screen = 'unlocked';
    void this.#readVaultNotes();
  }

  /** What the vault has to tell right after an unlock: a key still to confirm, changes that may be missing. */
  async #readVaultNotes(): Promise<void> {
    const result = await this.#api.vault.status();
    if (!result.ok || result.value.state !== 'unlocked' || this.screen !== 'unlocked') return;
    this.keyToConfirm = result.value.keyToConfirm === true;
    this.changesMayBeMissing = result.value.changesMayBeMissing === true;
    this.restoreAtStart = result.value.restoreAtStart ?? null;
    this.quickNotesTaken = quickNotesOf(result.value);
  }

  /** The vault was replaced while open (a restore): everything shown from it is built afresh. */
  async reopened(note: string): Promise<void> {
    this.screen = 'loading';
    await tick();
    this.unlocked(note);
  }

  /** Saves what is pending, then locks. Bound to the Lock button and Ctrl/Cmd+L. */
  async lock(): Promise<void> {
    if (this.screen !== 'unlocked' || this.#locking) return;
    this.#locking = true;
    try {
      await this.#runBeforeLock();
      await this.#api.vault.lock();
      // The vault.locked event normally arrives too; this makes sure we lock either way.
      this.locked('manual');
    } finally {
      this.#locking = false;
    }
  }

  /**
   * Quick hide, for when someone walks in: the last keystrokes get a brief moment to be saved,
   * then main takes the window out of sight and locks the vault. Not waiting longer than that
   * matters more than the last word.
   */
  async quickHide(): Promise<void> {
    if (this.screen === 'unlocked' && !this.#locking) {
      this.#locking = true;
      try {
        await atMost(this.#runBeforeLock(), QUICK_HIDE_SAVE_MS);
        await this.#api.app.quickHide();
        this.locked('hidden');
      } finally {
        this.#locking = false;
      }
      return;
    }
    // On the lock screen: a quick note being written is sealed first, as briefly.
    await atMost(this.#runBeforeLock(), QUICK_HIDE_SAVE_MS);
    await this.#api.app.quickHide();
  }

  /** The window is closing: the same last saves as before a lock, then let it go. */
  async #saveThenClose(): Promise<void> {
    await this.#runBeforeLock();
    await this.#api.app.readyToClose();
  }

  async #runBeforeLock(): Promise<void> {
    for (const hook of [...this.#beforeLock]) {
      try {
        await hook();
      } catch {
        // A failed last save must not keep the vault open or the window from closing.
      }
    }
  }

  /** The vault locked (manually, after idle time, or because the computer slept). */
  locked(reason: LockReason): void {
    if (this.screen === 'locked' && this.lockReason !== null) return;
    this.lockReason = reason;
    this.view = 'journal';
    this.arrivalNote = null;
    this.initialRetryAfterMs = 0;
    for (const hook of [...this.#onLockedHooks]) hook();
    this.screen = 'locked';
  }

  /** Runs before a manual lock (the editor saves its last keystrokes here). */
  beforeLock(hook: () => Promise<void> | void): () => void {
    this.#beforeLock.add(hook);
    return () => this.#beforeLock.delete(hook);
  }

  /** Runs when the vault has locked: forget anything decrypted. */
  onLocked(hook: () => void): () => void {
    this.#onLockedHooks.add(hook);
    return () => this.#onLockedHooks.delete(hook);
  }

  go(view: View): void {
    this.view = view;
  }

  dispose(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }

  #listen(type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    const target = this.#target;
    if (!target) return;
    target.addEventListener(type, handler, options);
    this.#cleanups.push(() => target.removeEventListener(type, handler, options));
  }
}

function quickNotesOf(status: VaultStatus): { taken: number; keptAside: number } | null {
  const taken = status.quickNotesTaken ?? 0;
  const keptAside = status.quickNotesKeptAside ?? 0;
  return taken > 0 || keptAside > 0 ? { taken, keptAside } : null;
}
