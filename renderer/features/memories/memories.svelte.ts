import {
  defaultSettings,
  type BoxItem,
  type MemoryEdit,
  type MemoryInput,
  type MemoryStatusInput,
  type Opening,
} from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import { takeLoaded } from '../../lib/loaded.ts';

/**
 * The memory box on "Your tools": titles and how they are, never the words. Main keeps,
 * seals and checks everything; this only asks, and reloads after each change.
 */
export class MemoriesState {
  items = $state.raw<BoxItem[]>([]);
  loaded = $state(false);
  loadError = $state<string | null>(null);
  /** The strongest memory "Open one box" suggests without asking first (the setting). */
  maxIntensity = $state(defaultSettings.memoryMaxIntensity);

  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  /** The box and the intensity setting, when the page opens. */
  async load(): Promise<void> {
    const [list, settings] = await Promise.all([this.#api.memories.list(), this.#api.settings.get()]);
    if (settings.ok) this.maxIntensity = settings.value.memoryMaxIntensity;
    takeLoaded(this, list, (items) => (this.items = items));
  }

  /** The box again after a change (the setting did not change with it). */
  async #reload(): Promise<void> {
    takeLoaded(this, await this.#api.memories.list(), (items) => (this.items = items));
  }

  /** Returns a message to show, or null when it was put away. */
  async add(input: MemoryInput): Promise<string | null> {
    const result = await this.#api.memories.add(input);
    if (!result.ok) return result.error.message;
    await this.#reload();
    return null;
  }

  async edit(input: MemoryEdit): Promise<string | null> {
    const result = await this.#api.memories.edit(input);
    if (!result.ok) return result.error.message;
    await this.#reload();
    return null;
  }

  async remove(id: number): Promise<string | null> {
    const result = await this.#api.memories.remove({ id });
    await this.#reload();
    return result.ok ? null : result.error.message;
  }

  /**
   * Seal a memory again (so "Open one box" can offer it) or mark it at peace. Reloads either
   * way, so the box shows how it really is (main refuses while it is open in a practice).
   */
  async setStatus(memoryId: number, status: MemoryStatusInput['status']): Promise<string | null> {
    const result = await this.#api.memories.setStatus({ memoryId, status });
    await this.#reload();
    return result.ok ? null : result.error.message;
  }

  /** The words, for the edit form only. An extra seal needs its passphrase. */
  async wordsForEditing(memoryId: number, passphrase?: string): Promise<{ text: string } | { problem: string }> {
    const result = await this.#api.memories.readForEditing(passphrase === undefined ? { memoryId } : { memoryId, passphrase });
    return result.ok ? result.value : { problem: result.error.message };
  }

  async openings(memoryId: number): Promise<Opening[] | { problem: string }> {
    const result = await this.#api.memories.openings({ memoryId });
    return result.ok ? result.value : { problem: result.error.message };
  }

  async setMaxIntensity(value: number): Promise<string | null> {
    const result = await this.#api.settings.update({ memoryMaxIntensity: value });
    if (!result.ok) return result.error.message;
    this.maxIntensity = result.value.memoryMaxIntensity;
    return null;
  }
}
