import type { EmotionPlacement, EntrySummary, SearchCursor, SearchHit, Vocabulary } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import type { Toasts } from '../../state/toasts.svelte.ts';
import type { RowSizes } from '../../components/virtual-list.ts';

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
  /**
   * Where the list was when an entry was opened from it (pixels from the list's top), put back on
   * return; and the measured height of each card, by entry id, so that place is found exactly.
   */
  listScroll: number | null = null;
  readonly cardSizes: { entries: RowSizes; results: RowSizes } = {
    entries: { rows: new Map(), guess: null },
    results: { rows: new Map(), guess: null },
  };
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

  /**
   * Back to the list, as it was: the pages loaded and the search stay; only what the editor changed
   * is fetched again (the entry closed, or a new one, which goes on top; a deleted one is dropped).
   * The list shows once that is known, so focus can go straight to the entry.
   */
  async close(focusId: number | null = null): Promise<void> {
    const opened = typeof this.editing === 'number' ? this.editing : null;
    try {
      await this.#catchUp([...new Set([opened, focusId])].filter((id): id is number => id !== null));
    } finally {
      this.editing = null;
      this.returnFocusTo = focusId;
    }
    void this.loadTags();
  }

  /** Brings the loaded entries and results up to date for the entries given, without reloading pages. */
  async #catchUp(ids: number[]): Promise<void> {
    if (this.listState !== 'ready' || this.entries.length === 0) {
      await this.refresh();
      return;
    }
    const entries = this.entries;
    const fresh = new Map<number, EntrySummary | null>();
    const known = new Set(entries.map((e) => e.id));
    let added: EntrySummary[] = [];
    // An entry keeps its place (its date does not change): ask for the one right after the entry
    // above it, all at once. Only an entry not in the list yet (a new one) needs the top of the list.
    const asks = ids
      .map((id) => ({ id, i: entries.findIndex((e) => e.id === id) }))
      .filter(({ i }) => i > 0)
      .map(async ({ id, i }) => {
        const found = await this.#api.journal.list({ limit: 2, beforeId: entries[i - 1]!.id });
        if (found.ok) fresh.set(id, found.value.find((e) => e.id === id) ?? null);
      });
    const needTop = ids.some((id) => !known.has(id) || entries[0]!.id === id);
    const [top] = await Promise.all([needTop ? this.#api.journal.list({ limit: PAGE_SIZE }) : null, ...asks]);
    if (top?.ok) {
      // Entries new since (a new entry, "Write about it") go above the first one loaded.
      const firstLoaded = entries[0]!;
      for (const e of top.value) {
        if (known.has(e.id) || !isNewer(e, firstLoaded)) break;
        added.push(e);
      }
      for (const e of top.value) if (ids.includes(e.id)) fresh.set(e.id, e);
      if (known.has(firstLoaded.id) && ids.includes(firstLoaded.id) && !fresh.has(firstLoaded.id)) fresh.set(firstLoaded.id, null);
    }
    added = added.filter((e) => !fresh.has(e.id) || fresh.get(e.id) !== null);
    if (added.length > 0 || fresh.size > 0) {
      const updated = entries
        .map((e) => (fresh.has(e.id) ? fresh.get(e.id)! : e))
        .filter((e): e is EntrySummary => e !== null);
      this.entries = [...added, ...updated];
    }
    if (this.results) await this.#catchUpResults(ids, fresh);
  }

  async #catchUpResults(ids: number[], fresh: Map<number, EntrySummary | null>): Promise<void> {
    for (const id of ids) {
      if (!this.results?.some((hit) => hit.id === id)) continue;
      let summary = fresh.get(id);
      if (summary === undefined) {
        const got = await this.#api.journal.get({ id });
        if (got.ok) {
          const { id: gotId, createdAt, updatedAt, emotions, tags, fromSession } = got.value;
          const hit = this.results.find((h) => h.id === id)!;
          summary = { ...hit, id: gotId, createdAt, updatedAt, emotions: emotions.map((e) => e.word), tags, fromSession };
        } else if (got.error.code === 'NOT_FOUND') summary = null;
        else continue;
      }
      if (!this.results) return;
      if (summary === null) {
        this.results = this.results.filter((h) => h.id !== id);
        this.resultsTotal = Math.max(0, this.resultsTotal - 1);
      } else {
        const s = summary;
        // The snippet stays as found; its words may have been edited, the rest is new.
        this.results = this.results.map((h) => (h.id === id ? { ...h, ...s, snippet: h.snippet } : h));
      }
    }
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
    this.listScroll = null;
    for (const sizes of [this.cardSizes.entries, this.cardSizes.results]) {
      sizes.rows.clear();
      sizes.guess = null;
    }
  }
}

/** Whether `a` comes before `b` in the list (newest first: by date, then by id). */
function isNewer(a: EntrySummary, b: EntrySummary): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
}
