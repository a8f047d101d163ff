import type { HelpedSummary, MediaInput, MediaListItem } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import { takeLoaded } from '../../lib/loaded.ts';

/**
 * The moving-media list on "Your tools": films, songs, books and videos that once moved the
 * person. Main keeps and checks them; this only asks, and reloads after each change so the
 * helped summaries stay the core's own.
 */
export class MediaState {
  items = $state.raw<MediaListItem[]>([]);
  loaded = $state(false);
  loadError = $state<string | null>(null);

  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  async load(): Promise<void> {
    takeLoaded(this, await this.#api.media.list(), (items) => (this.items = items));
  }

  /** Adds (no id) or changes one item. Returns a message to show, or null when it was kept. */
  async save(input: MediaInput, id?: number): Promise<string | null> {
    const result = id === undefined ? await this.#api.media.add(input) : await this.#api.media.update({ id, item: input });
    if (!result.ok) return result.error.message;
    await this.load();
    return null;
  }

  async remove(id: number): Promise<string | null> {
    const result = await this.#api.media.remove({ id });
    await this.load();
    return result.ok ? null : result.error.message;
  }

  /** Main hands the item's own link to the OS browser; nothing opens inside Saltwater. */
  async openLink(id: number): Promise<string | null> {
    const result = await this.#api.media.openLink({ id });
    return result.ok ? null : result.error.message;
  }
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** A mood change (after minus before, on the 1–5 scale) in soft words; small ones read as "about the same". */
export function moodChangeWords(change: number): string {
  if (change >= 1) return 'mood lighter on average';
  if (change >= 0.25) return 'mood a little lighter on average';
  if (change > -0.25) return 'mood about the same';
  if (change > -1) return 'mood a little heavier on average';
  return 'mood heavier on average';
}

/**
 * What the uses of an item add up to, as one plain sentence: no score, no verdict.
 * "Used 3 times · tears twice · mood a little lighter on average".
 */
export function helpedWords(h: HelpedSummary): string {
  if (h.uses === 0) return 'Not used in a practice yet.';
  const parts = [`Used ${times(h.uses)}`];
  if (h.withTears > 0) parts.push(`tears ${times(h.withTears)}`);
  if (h.moodChange !== null) parts.push(moodChangeWords(h.moodChange));
  return parts.join(' · ');
}

/** Just the site's name, so a long address doesn't crowd the list. */
export function siteOf(link: string): string {
  try {
    return new URL(link).host;
  } catch {
    return link;
  }
}
