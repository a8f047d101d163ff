import { defaultSettings, type Settings } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';

export const IDLE_MIN = 1;
export const IDLE_MAX = 240;

/** Checks the auto-lock minutes typed by a person; returns a message or null. */
export function checkIdleMinutes(raw: string): { minutes: number } | { problem: string } {
  const text = raw.trim();
  if (text === '') return { problem: 'Please type a number of minutes.' };
  if (!/^\d+$/.test(text)) return { problem: 'Please use whole minutes, like 10.' };
  const minutes = Number(text);
  if (minutes < IDLE_MIN || minutes > IDLE_MAX) {
    return { problem: `Please choose between ${IDLE_MIN} and ${IDLE_MAX} minutes.` };
  }
  return { minutes };
}

export class SettingsState {
  settings = $state<Settings>({ ...defaultSettings });
  loaded = $state(false);
  loadError = $state<string | null>(null);

  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  async load(): Promise<void> {
    const result = await this.#api.settings.get();
    if (!result.ok) {
      this.loadError = result.error.message;
      return;
    }
    this.settings = result.value;
    this.loaded = true;
  }

  /** Returns an error message or null. */
  async setIdleMinutes(minutes: number): Promise<string | null> {
    const result = await this.#api.settings.update({ idleLockMinutes: minutes });
    if (!result.ok) return result.error.message;
    this.settings = result.value;
    return null;
  }

  /** Returns an error message or null. */
  async changePassphrase(current: string, next: string): Promise<string | null> {
    const result = await this.#api.vault.changePassphrase({ current, next });
    return result.ok ? null : result.error.message;
  }
}
