import { defaultSettings, type Settings } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import { takeLoaded } from '../../lib/loaded.ts';

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

export interface CustomBreath {
  inhale: number;
  hold: number;
  exhale: number;
  rest: number;
}

export const customLimits: Record<keyof CustomBreath, { min: number; max: number; label: string }> = {
  inhale: { min: 1, max: 20, label: 'Breathe in' },
  hold: { min: 0, max: 30, label: 'Hold' },
  exhale: { min: 1, max: 30, label: 'Breathe out' },
  rest: { min: 0, max: 30, label: 'Rest' },
};

/** Checks a custom pattern typed by a person; returns the pattern or a message. */
export function checkCustomBreath(raw: Record<keyof CustomBreath, string>): { custom: CustomBreath } | { problem: string } {
  const out = {} as CustomBreath;
  for (const key of Object.keys(customLimits) as (keyof CustomBreath)[]) {
    const { min, max, label } = customLimits[key];
    const text = raw[key].trim().replace(',', '.');
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) return { problem: `${label}: please type a number of seconds.` };
    if (value < min || value > max) return { problem: `${label}: please choose between ${min} and ${max} seconds.` };
    out[key] = Math.round(value * 2) / 2;
  }
  return { custom: out };
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
    takeLoaded(this, await this.#api.settings.get(), (settings) => (this.settings = settings));
  }

  /** Saves some settings at once. Returns an error message or null. */
  async update(patch: Partial<Settings>): Promise<string | null> {
    const result = await this.#api.settings.update(patch);
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

/**
 * A settings form's answer to its last change, shown beside that form: what was saved, or why
 * not. One per form, so a message never shows under another section.
 */
export class SaveNote {
  problem = $state<string | null>(null);
  done = $state<string | null>(null);

  constructor(private readonly settings: () => SettingsState) {}

  /** Saves at once; returns whether it was saved. */
  async save(patch: Partial<Settings>, note: string): Promise<boolean> {
    this.done = null;
    this.problem = await this.settings().update(patch);
    if (!this.problem) this.done = note;
    return this.problem === null;
  }

  /** A problem found before saving (a number out of range): said the same way. */
  refuse(problem: string): void {
    this.done = null;
    this.problem = problem;
  }
}

