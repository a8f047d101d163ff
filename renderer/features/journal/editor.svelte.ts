import { limits, type EntryOrigin, type NamedEmotion } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import { AutosaveScheduler, type SaveStatus, type Timers } from '../../lib/autosave.ts';

export const DEFAULT_INTENSITY = 5;

/**
 * Up to this many characters an entry is written in a plain textarea (the most familiar field
 * for keyboards and screen readers). Beyond it a textarea lays its whole text out again on every
 * key (about 125 ms a keystroke at 200,000 characters in Chromium, whatever the CSS), so the text
 * moves to the long-text editor (long-text.ts, CodeMirror), loaded only then. See EntryBody.svelte.
 */
export const LONG_ENTRY_CHARS = 20_000;

export const BODY_SUGGESTIONS = [
  'chest',
  'throat',
  'stomach',
  'shoulders',
  'face',
  'eyes',
  'jaw',
  'hands',
  'back',
  'head',
  'everywhere',
] as const;

export interface EditorOptions {
  timers?: Timers;
}

/**
 * One entry being written. Every change is autosaved: the first save of a new
 * entry creates it, later saves update it. Nothing here has a save button.
 */
export class EntryEditor {
  id = $state<number | null>(null);
  createdAt = $state<number | null>(null);
  /** The practice session this entry came from, if any (named in the editor, with a way back to it). */
  fromSession = $state.raw<EntryOrigin>(null);
  body = $state('');
  emotions = $state<NamedEmotion[]>([]);
  tags = $state<string[]>([]);

  loadState = $state<'loading' | 'ready' | 'error'>('loading');
  loadError = $state<string | null>(null);
  status = $state<SaveStatus>('idle');
  saveError = $state<string | null>(null);

  readonly #api: Api;
  readonly #scheduler: AutosaveScheduler;

  constructor(api: Api, options: EditorOptions = {}) {
    this.#api = api;
    this.#scheduler = new AutosaveScheduler({
      save: () => this.#save(),
      onStatus: (s) => (this.status = s),
      ...(options.timers ? { timers: options.timers } : {}),
    });
  }

  get isEmpty(): boolean {
    return this.body.trim() === '' && this.emotions.length === 0 && this.tags.length === 0;
  }

  get hasUnsavedChanges(): boolean {
    return this.#scheduler.hasUnsavedChanges;
  }

  /** Opens an existing entry, or starts a new one (nothing is stored until the first change). */
  async open(id: number | 'new'): Promise<void> {
    if (id === 'new') {
      this.loadState = 'ready';
      return;
    }
    const result = await this.#api.journal.get({ id });
    if (!result.ok) {
      this.loadError = result.error.message;
      this.loadState = 'error';
      return;
    }
    const entry = result.value;
    this.id = entry.id;
    this.createdAt = entry.createdAt;
    this.fromSession = entry.fromSession;
    this.body = entry.body;
    this.emotions = entry.emotions;
    this.tags = entry.tags;
    this.loadState = 'ready';
  }

  setBody(text: string): void {
    this.body = text;
    this.changed();
  }

  hasEmotion(word: string): boolean {
    const key = word.toLowerCase();
    return this.emotions.some((e) => e.word.toLowerCase() === key);
  }

  /** Returns false when the word is already there or the entry is full. */
  addEmotion(word: string): boolean {
    if (this.hasEmotion(word) || this.emotions.length >= limits.emotionsPerEntry) return false;
    this.emotions.push({ word, intensity: DEFAULT_INTENSITY, bodyLocation: '' });
    this.changed();
    return true;
  }

  removeEmotion(word: string): void {
    this.emotions = this.emotions.filter((e) => e.word !== word);
    this.changed();
  }

  setIntensity(word: string, intensity: number): void {
    const emotion = this.emotions.find((e) => e.word === word);
    if (!emotion) return;
    emotion.intensity = Math.min(10, Math.max(1, Math.round(intensity)));
    this.changed();
  }

  setBodyLocation(word: string, where: string): void {
    const emotion = this.emotions.find((e) => e.word === word);
    if (!emotion) return;
    emotion.bodyLocation = where.slice(0, limits.bodyLocationMax);
    this.changed();
  }

  /** Adds tags (lowercased, trimmed, no duplicates). Returns a message when something was refused. */
  addTags(raw: string): string | null {
    const parts = raw
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean);
    let problem: string | null = null;
    let added = false;
    for (const tag of parts) {
      if (tag.length > limits.tagMax) {
        problem = `A tag can be up to ${limits.tagMax} characters.`;
        continue;
      }
      if (this.tags.includes(tag)) continue;
      if (this.tags.length >= limits.tagsPerEntry) {
        problem = `An entry can have up to ${limits.tagsPerEntry} tags.`;
        break;
      }
      this.tags.push(tag);
      added = true;
    }
    if (added) this.changed();
    return problem;
  }

  removeTag(tag: string): void {
    this.tags = this.tags.filter((t) => t !== tag);
    this.changed();
  }

  /**
   * The entry's id, saving it now (empty, if nothing is written yet) when it was never saved: a
   * voice note needs an entry to belong to. Null when it could not be saved (saveError says why).
   */
  async ensureSaved(): Promise<number | null> {
    if (this.id !== null) return this.id;
    this.#scheduler.touch();
    await this.#scheduler.flush();
    return this.id;
  }

  /** Writes anything unsaved now (leaving the editor, locking). */
  flush(): Promise<void> {
    return this.#scheduler.flush();
  }

  /** Saves what is pending, then stops. */
  async close(): Promise<void> {
    await this.#scheduler.flush();
    this.#scheduler.dispose();
  }

  /** Stops without saving (the vault is already locked) and forgets the text. */
  discard(): void {
    this.#scheduler.dispose();
    this.body = '';
    this.emotions = [];
    this.tags = [];
  }

  private changed(): void {
    if (this.body.length > limits.entryBodyMax) {
      this.saveError = 'This entry is longer than Saltwater can save. Please shorten it a little.';
      this.status = 'error';
      return;
    }
    this.#scheduler.touch();
  }

  /** Feelings and tags as last saved, so typing sends only the text (the cheapest write). */
  #savedMeta: string | null = null;

  async #save(): Promise<boolean> {
    const meta = {
      emotions: $state.snapshot(this.emotions).map((e) => ({ ...e, bodyLocation: e.bodyLocation.trim() })),
      tags: [...this.tags],
    };
    const metaJson = JSON.stringify(meta);
    if (this.id === null) {
      const created = await this.#api.journal.create({ body: this.body, ...meta });
      if (!created.ok) return this.#failed(created.error.message);
      this.id = created.value.id;
      this.createdAt = created.value.createdAt;
    } else {
      const patch = metaJson === this.#savedMeta ? {} : meta;
      const updated = await this.#api.journal.update({ id: this.id, body: this.body, ...patch });
      if (!updated.ok) return this.#failed(updated.error.message);
    }
    this.#savedMeta = metaJson;
    this.saveError = null;
    return true;
  }

  #failed(message: string): false {
    this.saveError = message;
    return false;
  }
}
