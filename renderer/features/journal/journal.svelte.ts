import type { EmotionPlacement, EntrySummary, SearchCursor, SearchHit, Vocabulary } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import type { Toasts } from '../../state/toasts.svelte.ts';

export const PAGE_SIZE = 50;
export const SEARCH_DEBOUNCE_MS = 250;
export const UNDO_MS = 8000;
/** Writes come in bursts (autosave while typing in a practice): refresh once they settle. */
export const CHANGE_SETTLE_MS = 300;

export interface Filters {
  text: string;
  emotion: string;
  tag: string;
}

/** What the journal page shows: the list, the search, and which entry is open. */
export class JournalState {
  entries = $state.raw<EntrySummary[]>([]);
  listState = $state<'loading' | 'ready' | 'error'>('loading');
  listError = $state<string | null>(null);
  hasMore = $state(false);
  loadingMore = $state(false);

  vocabulary = $state.raw<Vocabulary | null>(null);
  tags = $state.raw<string[]>([]);

  filters = $state<Filters>({ text: '', emotion: '', tag: '' });
  /** Search results loaded so far; null while no search or filter is active. */
  results = $state.raw<SearchHit[] | null>(null);
  /** How many entries match in all, loaded or not. */
  resultsTotal = $state(0);
  /** Where "Show more results" continues; null when every match is loaded. */
  resultsNext = $state.raw<SearchCursor | null>(null);
  loadingMoreResults = $state(false);
  searching = $state(false);
  searchError = $state<string | null>(null);

  /** The entry open in the editor: an id, 'new', or null for the list. */
  editing = $state<number | 'new' | null>(null);
  /** The entry to put focus back on when returning to the list. */
  returnFocusTo = $state<number | null>(null);
  /** An entry created empty for the editor just opened; removed again if nothing is written. */
  freshEntry: number | null = null;
  /** Goes to a practice session in History (set by the app shell, which owns navigation). */
  showSession: (sessionId: number) => void = () => {};

  readonly #api: Api;
  readonly #toasts: Toasts;
  #searchTimer: ReturnType<typeof setTimeout> | null = null;
  #searchSeq = 0;
  /** The query the shown results answer, so more of them come from the same search. */
  #resultsQuery: Parameters<Api['journal']['search']>[0] | null = null;
  #changedTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #stopListening: () => void;

  constructor(api: Api, toasts: Toasts) {
    this.#api = api;
    this.#toasts = toasts;
    // Entries written elsewhere (a practice's prompt, "Write about it") show in the list at once.
    // While the editor is open it is the source of the change, and closing it refreshes anyway.
    this.#stopListening = api.on('journal.changed', () => {
      if (this.editing !== null) return;
      if (this.#changedTimer !== null) clearTimeout(this.#changedTimer);
      this.#changedTimer = setTimeout(() => {
        this.#changedTimer = null;
        if (this.editing === null) void this.refresh();
      }, CHANGE_SETTLE_MS);
    });
  }

  get filtering(): boolean {
    const f = this.filters;
    return f.text.trim() !== '' || f.emotion !== '' || f.tag !== '';
  }

  /** Emotion words that can be filtered by, grouped by family. */
  get emotionFamilies(): Vocabulary['families'] {
    return this.vocabulary?.families ?? [];
  }

  async load(): Promise<void> {
    // One more than a page: "Show older entries" only appears when there is something older.
    const result = await this.#api.journal.list({ limit: PAGE_SIZE + 1 });
    if (!result.ok) {
      this.listState = 'error';
      this.listError = result.error.message;
      return;
    }
    this.entries = result.value.slice(0, PAGE_SIZE);
    this.hasMore = result.value.length > PAGE_SIZE;
    this.listError = null;
    this.listState = 'ready';
  }

  async loadMore(): Promise<void> {
    const last = this.entries.at(-1);
    if (!last || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const result = await this.#api.journal.list({ limit: PAGE_SIZE + 1, beforeId: last.id });
      if (!result.ok) {
        this.listError = result.error.message;
        return;
      }
      const known = new Set(this.entries.map((e) => e.id));
      this.entries = [...this.entries, ...result.value.slice(0, PAGE_SIZE).filter((e) => !known.has(e.id))];
      this.hasMore = result.value.length > PAGE_SIZE;
    } finally {
      this.loadingMore = false;
    }
  }

  async loadTags(): Promise<void> {
    const result = await this.#api.journal.tags();
    if (result.ok) this.tags = result.value;
  }

  async loadVocabulary(): Promise<void> {
    const result = await this.#api.emotions.vocabulary();
    if (result.ok) this.vocabulary = result.value;
  }

  /** Adds the person's own word to a family, optionally placed on the grid; returns an error message or null. */
  async addWord(word: string, family: string, placement: EmotionPlacement | null = null): Promise<string | null> {
    const result = await this.#api.emotions.addWord({ word, family, ...(placement ? { placement } : {}) });
    if (!result.ok) return result.error.message;
    this.vocabulary = result.value;
    return null;
  }

  /** Moves one of the person's own words on the grid (null takes it off); returns an error message or null. */
  async placeWord(word: string, placement: EmotionPlacement | null): Promise<string | null> {
    const result = await this.#api.emotions.placeWord({ word, placement });
    if (!result.ok) return result.error.message;
    this.vocabulary = result.value;
    return null;
  }

  /** Everything the list and filters need, after unlocking or returning from the editor. */
  async refresh(): Promise<void> {
    await Promise.all([this.load(), this.loadTags(), this.vocabulary ? null : this.loadVocabulary()]);
    if (this.filtering) await this.search();
  }

  setFilter<K extends keyof Filters>(key: K, value: Filters[K]): void {
    this.filters[key] = value;
    this.scheduleSearch(key === 'text' ? SEARCH_DEBOUNCE_MS : 0);
  }

  clearFilters(): void {
    this.filters = { text: '', emotion: '', tag: '' };
    this.scheduleSearch(0);
  }

  scheduleSearch(ms: number): void {
    if (this.#searchTimer !== null) clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this.#searchTimer = null;
      void this.search();
    }, ms);
  }

  /** The first page of matches for the filters as they are now, with how many match in all. */
  async search(): Promise<void> {
    const seq = ++this.#searchSeq;
    this.loadingMoreResults = false;
    if (!this.filtering) {
      this.results = null;
      this.resultsNext = null;
      this.#resultsQuery = null;
      this.searching = false;
      this.searchError = null;
      return;
    }
    this.searching = true;
    const { text, emotion, tag } = this.filters;
    const query = {
      text: text.trim(),
      ...(emotion ? { emotion } : {}),
      ...(tag ? { tag } : {}),
      limit: PAGE_SIZE,
    };
    const result = await this.#api.journal.search(query);
    if (seq !== this.#searchSeq) return; // a newer search is on its way
    this.searching = false;
    if (!result.ok) {
      this.searchError = result.error.message;
      return;
    }
    this.searchError = null;
    this.#resultsQuery = query;
    this.results = result.value.hits;
    this.resultsTotal = result.value.total;
    this.resultsNext = result.value.next;
  }

  /**
   * The next page of the same search ("Show more results"). Returns the first entry it added, for
   * focus, or null. A newer search started meanwhile wins: this answer is then dropped.
   */
  async loadMoreResults(): Promise<number | null> {
    const before = this.resultsNext;
    const query = this.#resultsQuery;
    if (!before || !query || !this.results || this.loadingMoreResults) return null;
    const seq = this.#searchSeq;
    this.loadingMoreResults = true;
    try {
      const result = await this.#api.journal.search({ ...query, before });
      if (seq !== this.#searchSeq || !this.results) return null;
      if (!result.ok) {
        this.searchError = result.error.message;
        return null;
      }
      const known = new Set(this.results.map((hit) => hit.id));
      const added = result.value.hits.filter((hit) => !known.has(hit.id));
      this.searchError = null;
      this.results = [...this.results, ...added];
      this.resultsTotal = result.value.total;
      this.resultsNext = result.value.next;
      return added[0]?.id ?? null;
    } finally {
      if (seq === this.#searchSeq) this.loadingMoreResults = false;
    }
  }

  /** `fresh`: created just now for this visit ("Write about it"), so it is not kept if left empty. */
  open(id: number | 'new', fresh = false): void {
    this.editing = id;
    this.freshEntry = fresh && id !== 'new' ? id : null;
  }

  close(focusId: number | null = null): void {
    this.editing = null;
    this.returnFocusTo = focusId;
    void this.refresh();
  }

  /** Deletes at once and offers an undo for a few seconds. Returns an error message or null. */
  async remove(id: number): Promise<string | null> {
    const result = await this.#api.journal.delete({ id });
    if (!result.ok) return result.error.message;
    this.entries = this.entries.filter((e) => e.id !== id);
    if (this.results?.some((e) => e.id === id)) {
      this.results = this.results.filter((e) => e.id !== id);
      this.resultsTotal = Math.max(0, this.resultsTotal - 1);
    }
    this.#toasts.show({
      message: 'Entry deleted.',
      timeoutMs: UNDO_MS,
      action: { label: 'Undo', run: () => this.restore(id) },
    });
    return null;
  }

  async restore(id: number): Promise<void> {
    const result = await this.#api.journal.restore({ id });
    if (!result.ok) {
      this.#toasts.show({ message: `We couldn't bring the entry back. ${result.error.message}` });
      return;
    }
    this.#toasts.show({ message: 'Entry restored.' });
    await this.refresh();
  }

  /** Forget everything (called when the vault locks). */
  dispose(): void {
    this.#stopListening();
    if (this.#changedTimer !== null) clearTimeout(this.#changedTimer);
    if (this.#searchTimer !== null) clearTimeout(this.#searchTimer);
    this.#searchSeq++;
    this.entries = [];
    this.results = null;
    this.resultsNext = null;
    this.#resultsQuery = null;
    this.tags = [];
    this.vocabulary = null;
    this.filters = { text: '', emotion: '', tag: '' };
    this.editing = null;
  }
}
