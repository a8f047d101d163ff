import type { BackupSource, BackupSummary, BackupUnlock } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import { fullDate, longDate, number } from '../../lib/format.svelte.ts';

export type RestoreStep = 'unlock' | 'review';

/**
 * One restore, from a chosen backup: unlock it (passphrase as it was, or the recovery key),
 * look at what it holds, then put it in place. Until the last step nothing changes, and
 * giving up tells main to drop the unpacked copy.
 */
export class RestoreFlow {
  step = $state<RestoreStep>('unlock');
  busy = $state(false);
  error = $state<string | null>(null);
  summary = $state.raw<BackupSummary | null>(null);

  readonly #api: Api;
  readonly #source: BackupSource;
  #finished = false;

  constructor(api: Api, source: BackupSource) {
    this.#api = api;
    this.#source = source;
  }

  /** Unpacks and unlocks the backup; true when its summary is ready to show. */
  async open(unlock: BackupUnlock): Promise<boolean> {
    return this.#run(async () => {
      const result = await this.#api.backup.open({ source: this.#source, unlock });
      if (!result.ok) {
        this.error = result.error.message;
        return false;
      }
      this.summary = result.value;
      this.step = 'review';
      return true;
    });
  }

  /** Puts the backup in place. Returns the note to show on arrival, or null after a problem. */
  async restore(newPassphrase: string | null): Promise<string | null> {
    return this.#run(async () => {
      const result = await this.#api.backup.restore({ newPassphrase });
      if (!result.ok) {
        this.error = result.error.message;
        return null;
      }
      this.#finished = true;
      return restoredNote(this.summary, result.value.safetyCopy);
    });
  }

  /** Gives the backup up (Cancel, or leaving the page); the vault as it is stays as it is. */
  async cancel(): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    await this.#api.backup.cancelRestore();
  }

  async #run<T>(work: () => Promise<T>): Promise<T> {
    this.busy = true;
    this.error = null;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }
}

/** "24 journal entries, written between 3 March 2025 and 2 December 2026, and 9 sessions." */
export function holdsWords(s: BackupSummary): string {
  const entries = s.entries === 1 ? '1 journal entry' : `${number(s.entries)} journal entries`;
  const sessions = s.sessions === 0 ? 'no sessions' : s.sessions === 1 ? '1 session' : `${number(s.sessions)} sessions`;
  if (s.entries === 0 || s.firstEntryAt === null || s.lastEntryAt === null) return `no journal entries yet, and ${sessions}`;
  const first = longDate(s.firstEntryAt);
  const last = longDate(s.lastEntryAt);
  const when = first === last ? `written on ${first}` : `written between ${first} and ${last}`;
  return `${entries}, ${when}, and ${sessions}`;
}

function restoredNote(summary: BackupSummary | null, safetyCopy: string | null): string {
  const made = summary ? ` from ${fullDate(summary.createdAt)}` : '';
  const kept = safetyCopy ? ` Your journal as it was is kept whole beside it, in the folder “${safetyCopy}”.` : '';
  return `Your backup${made} is restored.${kept}`;
}
