import { BARRIERS, STYLE_ENDS, type BarrierId, type ReflectionInput, type SelfReflection } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import { takeLoaded } from '../../lib/loaded.ts';

/**
 * "About you": the latest self-reflection, saving a new one, and clearing them all. Main
 * keeps every answer; the latest one shapes the order of the Practices page.
 */
export class ReflectionState {
  latest = $state.raw<SelfReflection | null>(null);
  loaded = $state(false);
  loadError = $state<string | null>(null);

  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  async load(): Promise<void> {
    takeLoaded(this, await this.#api.reflection.latest(), (latest) => (this.latest = latest));
  }

  /** Returns a message to show, or null when it was kept. */
  async save(input: ReflectionInput): Promise<string | null> {
    const result = await this.#api.reflection.save(input);
    if (!result.ok) return result.error.message;
    this.latest = result.value;
    return null;
  }

  async clearAll(): Promise<string | null> {
    const result = await this.#api.reflection.deleteAll();
    if (!result.ok) return result.error.message;
    this.latest = null;
    return null;
  }
}

export function barrierLabel(id: BarrierId): string {
  return BARRIERS.find((b) => b.id === id)?.label ?? id;
}

/** Where the slider sits, in words (also its aria-valuetext). */
export function styleWords(style: number | null): string {
  if (style === null) return 'Not answered';
  if (style <= 10) return `Right by “${STYLE_ENDS[0]}”`;
  if (style < 40) return `Nearer “${STYLE_ENDS[0]}”`;
  if (style >= 90) return `Right by “${STYLE_ENDS[100]}”`;
  if (style > 60) return `Nearer “${STYLE_ENDS[100]}”`;
  return 'Somewhere in between';
}
