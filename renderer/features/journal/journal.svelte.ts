import { limits, type EmotionPlacement, type EntrySummary, type SearchCursor, type SearchHit, type Vocabulary } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import type { Toasts } from '../../state/toasts.svelte.ts';
import type { RowSizes } from '../../components/virtual-list.ts';

export const PAGE_SIZE = 50;
export const SEARCH_DEBOUNCE_MS = 250;
export const UNDO_MS = 8000;
/** Writes come in bursts (autosave while typing in a practice): catch up once they settle. */
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
  /** Why the last "Show older entries" loaded nothing; null when it did. */
  moreError = $state<string | null>(null);

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
  /** Entries heard changed (journal.changed) and not caught up on yet; 'all' when an event named none (an import). */
  #heard: Set<number> | 'all' = new Set();
  /** The open editor's way out (Editor.svelte's "Back to journal"), for leaving it from anywhere else. */
  #editorLeave: ((then?: () => void) => Promise<boolean>) | null = null;
  #leaving: Promise<boolean> | null = null;
  readonly #stopListening: () => void;

  constructor(api: Api, toasts: Toasts) {
    this.#api = api;
    this.#toasts = toasts;
    // Entries written elsewhere (a practice's prompt, "Write about it", a quick note) show in the
    // list at once, by catching up on just those: the pages loaded, the place and the search stay.
    // While the editor is open it is the source of the change; closing it catches up on what was heard.
    this.#stopListening = api.on('journal.changed', ({ ids }) => {
      if (ids === undefined) this.#heard = 'all';
      else if (this.#heard !== 'all') for (const id of ids) this.#heard.add(id);
      if (this.editing !== null) return;
      this.#scheduleFollow();
    });
  }

  /** Catches up on what was heard once writes settle (they come in bursts: autosave in a practice). */
  #scheduleFollow(): void {
    if (this.#changedTimer !== null) clearTimeout(this.#changedTimer);
    this.#changedTimer = setTimeout(() => {
      this.#changedTimer = null;
      if (this.editing === null) void this.#follow();
    }, CHANGE_SETTLE_MS);
  }

  /**
   * How many the list holds in all, for screen readers (aria-setsize): the true number of matches;
   * for the plain list the number loaded once every page is, else -1 (unknown: the journal is never
   * counted, which would cost a query over every entry for a number said only now and then).
   */
  get setSize(): number {
    if (this.results) return Math.max(this.resultsTotal, this.results.length);
    return this.hasMore ? -1 : this.entries.length;
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
    this.moreError = null;
    this.listError = null;
    this.listState = 'ready';
  }

  /**
   * The next page of older entries ("Show older entries"). Returns the first entry it added, for
   * focus, or null (nothing older after all, or it could not be loaded: `moreError` says why).
   */
  async loadMore(): Promise<number | null> {
    if (this.loadingMore) return null;
    const last = this.entries.at(-1);
    this.loadingMore = true;
    this.moreError = null;
    try {
      const result = await this.#api.journal.list(last ? { limit: PAGE_SIZE + 1, beforeId: last.id } : { limit: PAGE_SIZE + 1 });
      // The list was read afresh meanwhile (back to its first page): this page no longer follows on.
      if (this.entries.at(-1) !== last) return null;
      if (!result.ok) {
        this.moreError = result.error.message;
        return null;
      }
      const known = new Set(this.entries.map((e) => e.id));
      const added = result.value.slice(0, PAGE_SIZE).filter((e) => !known.has(e.id));
      this.entries = [...this.entries, ...added];
      this.hasMore = result.value.length > PAGE_SIZE;
      return added[0]?.id ?? null;
    } finally {
      this.loadingMore = false;
    }
  }

  /**
   * Whether anything older than the loaded pages is left, asked again after entries went away
   * outside them (deleted from a search result, or elsewhere): "Show older entries" is offered
   * only while it would load something.
   */
  async #recheckMore(): Promise<void> {
    if (!this.hasMore) return;
    const last = this.entries.at(-1);
    const result = await this.#api.journal.list(last ? { limit: 1, beforeId: last.id } : { limit: 1 });
    if (result.ok && this.entries.at(-1) === last) this.hasMore = result.value.length > 0;
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

  /** Called by the open editor with its way out (saves, then closes; false if the words could not be saved). */
  attachEditor(leave: (then?: () => void) => Promise<boolean>): () => void {
    this.#editorLeave = leave;
    return () => {
      if (this.#editorLeave === leave) this.#editorLeave = null;
    };
  }

  /**
   * Leaves the open entry the way "Back to journal" does, for everything that goes elsewhere (the
   * top bar, a reminder, the tray's quick note): what was typed is saved first, an empty new entry
   * is not kept, and the list keeps its place. `then` (going to another page) runs in the same
   * moment the editor closes, so the list never shows in between. Resolves false when the last
   * words could not be saved: the entry then stays open with them, and the person is told why.
   */
  async leaveEditor(then: () => void = () => {}): Promise<boolean> {
    if (this.editing === null) {
      then();
      return true;
    }
    if (this.#leaving) {
      // Asked again while saving (a second click): once left, it goes where it was asked last.
      const left = await this.#leaving;
      if (left) then();
      return left;
    }
    const leaving = (async () => {
      try {
        if (this.#editorLeave) return await this.#editorLeave(then);
        await this.close(null, then);
        return true;
      } finally {
        this.#leaving = null;
      }
    })();
    this.#leaving = leaving;
    const left = await leaving;
    if (!left) this.#toasts.show({ message: "This entry stays open: its last changes aren't saved yet, and your words are still here." });
    return left;
  }

  /**
   * Back to the list, as it was: the pages loaded and the search stay; only what the editor changed
   * (and anything heard changed meanwhile) is fetched again. The list shows once that is known, so
   * focus can go straight to the entry. `then` runs as the editor goes (see leaveEditor).
   */
  async close(focusId: number | null = null, then?: () => void): Promise<void> {
    const opened = typeof this.editing === 'number' ? this.editing : null;
    const heard = this.#takeHeard();
    try {
      if (heard === 'all') {
        await this.refresh();
      } else {
        const ids = [...new Set([opened, focusId, ...heard])].filter((id): id is number => id !== null);
        const fresh = await this.#catchUp(ids);
        if (fresh && this.results) {
          await this.#catchUpResults(ids, fresh);
          // A new entry written now, or one heard of meanwhile, that matches: among the results too.
          await this.#placeNewMatches(ids, fresh, false);
        }
      }
    } finally {
      this.editing = null;
      this.returnFocusTo = focusId;
      then?.();
    }
    // Heard while this catch-up ran (a quick note from the tray): the listener left it for us.
    if (this.#heard === 'all' || this.#heard.size > 0) this.#scheduleFollow();
    void this.loadTags();
  }

  #takeHeard(): number[] | 'all' {
    const heard = this.#heard;
    this.#heard = new Set();
    return heard === 'all' ? 'all' : [...heard];
  }

  /** Catches up on entries written elsewhere (journal.changed), without loading any page again. */
  async #follow(): Promise<void> {
    const heard = this.#takeHeard();
    if (heard === 'all') return this.refresh();
    if (heard.length === 0) return;
    const fresh = await this.#catchUp(heard);
    if (fresh && this.results) {
      if (this.results.length <= PAGE_SIZE) {
        // Only the first page of results is loaded: ask it again, so new matches show too.
        await this.search();
      } else {
        // Further pages are loaded (and being read): they stay, what changed is updated, a new
        // match goes into its place among them (or comes with "Show more results"), the total asked anew.
        await this.#catchUpResults(heard, fresh);
        await this.#placeNewMatches(heard, fresh, true);
      }
    }
    void this.loadTags();
  }

  /**
   * Brings the loaded entries up to date for the entries given, without loading the pages again:
   * a changed one is replaced where it is (an entry's date never changes), a deleted one drops out,
   * one new since goes on top, and one back from the trash goes back into its place. Each is asked
   * for by its place (the list after the entry above it), so this costs a few small queries however
   * many pages are loaded. Returns the fresh summaries by id (null: gone), or null when the list was
   * read again from the top instead (nothing loaded yet, or a page or more of new entries at once).
   */
  async #catchUp(ids: number[]): Promise<Map<number, EntrySummary | null> | null> {
    if (this.listState !== 'ready' || this.entries.length === 0) {
      await this.refresh();
      return null;
    }
    const entries = this.entries;
    const first = entries[0]!;
    const at = new Map(entries.map((e, i) => [e.id, i] as const));
    const fresh = new Map<number, EntrySummary | null>();
    // The other entries changed may sit between an entry and the one above it: ask for as many more.
    const limit = Math.min(ids.length + 1, limits.listPageMax);
    const findAfter = async (id: number, above: EntrySummary | null) => {
      const found = await this.#api.journal.list(above ? { limit, beforeId: above.id } : { limit });
      if (found.ok) fresh.set(id, found.value.find((e) => e.id === id) ?? null);
    };
    const unknown = ids.filter((id) => !at.has(id));
    const needTop = unknown.length > 0 || ids.some((id) => at.get(id) === 0);
    const asks = ids.filter((id) => (at.get(id) ?? 0) > 0).map((id) => findAfter(id, entries[at.get(id)! - 1]!));
    const [top] = await Promise.all([needTop ? this.#api.journal.list({ limit: PAGE_SIZE }) : null, ...asks]);
    const onTop: EntrySummary[] = [];
    if (top?.ok) {
      for (const e of top.value) {
        if (isNewer(e, first) && !at.has(e.id)) onTop.push(e);
        if (ids.includes(e.id)) fresh.set(e.id, e);
      }
      // A page or more of new entries (more may lie between them and the list): start from the top.
      if (onTop.length >= PAGE_SIZE) {
        await this.refresh();
        return null;
      }
      if (ids.includes(first.id) && !fresh.has(first.id)) fresh.set(first.id, null);
    }
    // Not near the top: older, and not among the pages loaded (one back from the trash, or one
    // opened from a search result further back). Its date says which loaded entry is above it.
    let goneOutside = false;
    await Promise.all(
      unknown
        .filter((id) => !fresh.has(id))
        .map(async (id) => {
          const got = await this.#api.journal.get({ id });
          if (!got.ok) {
            goneOutside ||= got.error.code === 'NOT_FOUND';
            return; // gone (again)
          }
          const place = { id, createdAt: got.value.createdAt };
          let lo = 0;
          let hi = entries.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (isNewer(entries[mid]!, place)) lo = mid + 1;
            else hi = mid;
          }
          // Below the pages loaded: it comes with "Show older entries", not now. It is still
          // here, so it is not marked gone (a search result there stays a result).
          if (lo === entries.length && this.hasMore) return;
          await findAfter(id, entries[lo - 1] ?? null);
          // It exists (get found it): never called gone because the list did not show it where looked.
          if (fresh.get(id) === null) fresh.delete(id);
        }),
    );
    this.#merge(onTop, fresh);
    // An entry gone from below the pages loaded may have been the last older one.
    if (goneOutside) await this.#recheckMore();
    return fresh;
  }

  /** Applies what #catchUp found to the list as it is now (a page may have been added meanwhile). */
  #merge(onTop: EntrySummary[], fresh: Map<number, EntrySummary | null>): void {
    const current = this.entries;
    const have = new Set(current.map((e) => e.id));
    const last = current.at(-1);
    const added = new Set(onTop.map((e) => e.id));
    const top = onTop.filter((e) => !have.has(e.id));
    // Not loaded yet and among the pages loaded: into its place. One below them comes with "Show
    // older entries" (put at the end now, the next page would start after it and skip those between).
    const placed = [...fresh.values()].filter(
      (e): e is EntrySummary => e !== null && !have.has(e.id) && !added.has(e.id) && (!this.hasMore || !last || isNewer(e, last)),
    );
    if (top.length === 0 && placed.length === 0 && ![...fresh.keys()].some((id) => have.has(id))) return;
    let next = current.map((e) => (fresh.has(e.id) ? fresh.get(e.id)! : e)).filter((e): e is EntrySummary => e !== null);
    next = top.length > 0 ? [...top, ...next] : next;
    if (placed.length > 0) next = [...next, ...placed].sort(newestFirst);
    this.entries = next;
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

  /**
   * Entries that match the search shown now and are not among its results (new, or changed to
   * match): each is asked for by its own place in the search (the page starting just above it),
   * and put among the results loaded when it falls within them. One further back comes with "Show
   * more results", which goes on from the last result shown. The total comes with the same answers
   * (or is asked anew: `recount`), so it never counts a match that can't be reached.
   */
  async #placeNewMatches(ids: number[], fresh: Map<number, EntrySummary | null>, recount: boolean): Promise<void> {
    const query = this.#resultsQuery;
    const seq = this.#searchSeq;
    if (!query || !this.results) return;
    const have = new Set(this.results.map((h) => h.id));
    const asks = ids.filter((id) => !have.has(id) && fresh.get(id) !== null);
    let total: number | null = null;
    const found: SearchHit[] = [];
    await Promise.all(
      asks.map(async (id) => {
        let place: Placed | undefined = fresh.get(id) ?? undefined;
        if (!place) {
          const got = await this.#api.journal.get({ id });
          if (!got.ok) return;
          place = got.value;
        }
        const answer = await this.#api.journal.search({ ...query, limit: 1, before: { createdAt: place.createdAt, id: place.id + 1 } });
        if (!answer.ok) return;
        total = answer.value.total;
        const hit = answer.value.hits[0];
        if (hit?.id === id) found.push(hit);
      }),
    );
    if (total === null && recount) {
      const counted = await this.#api.journal.search({ ...query, limit: 1 });
      if (counted.ok) total = counted.value.total;
    }
    if (seq !== this.#searchSeq || !this.results) return;
    const shown = new Set(this.results.map((h) => h.id));
    const last = this.results.at(-1);
    const within = found.filter((hit) => !shown.has(hit.id) && (this.resultsNext === null || !last || isNewer(hit, last)));
    if (within.length > 0) this.results = [...this.results, ...within].sort(newestFirst);
    if (total !== null) this.resultsTotal = total;
  }

  /** Deletes at once and offers an undo for a few seconds. Returns an error message or null. */
  async remove(id: number): Promise<string | null> {
    const result = await this.#api.journal.delete({ id });
    if (!result.ok) return result.error.message;
    const loaded = this.entries.some((e) => e.id === id);
    this.entries = this.entries.filter((e) => e.id !== id);
    // Deleted from below the pages loaded (a search result further back): it may have been the
    // last older entry, and "Show older entries" must not stay offered for nothing.
    if (!loaded) await this.#recheckMore();
    else if (this.entries.length === 0 && this.hasMore) await this.load();
    const hit = this.results?.find((e) => e.id === id) ?? null;
    if (hit && this.results) {
      this.results = this.results.filter((e) => e.id !== id);
      this.resultsTotal = Math.max(0, this.resultsTotal - 1);
    }
    this.#toasts.show({
      message: 'Entry deleted.',
      timeoutMs: UNDO_MS,
      action: { label: 'Undo', run: () => this.restore(id, hit) },
    });
    return null;
  }

  /** Undo of a delete: the entry goes back into its place in the list, and into the results it was in (`hit`). */
  async restore(id: number, hit: SearchHit | null = null): Promise<void> {
    const result = await this.#api.journal.restore({ id });
    if (!result.ok) {
      this.#toasts.show({ message: `We couldn't bring the entry back. ${result.error.message}` });
      return;
    }
    this.#toasts.show({ message: 'Entry restored.' });
    // The pages loaded stay: only this entry is fetched again.
    const fresh = await this.#catchUp([id]);
    if (fresh && hit && this.results && !this.results.some((h) => h.id === id)) {
      this.results = [...this.results, hit].sort(newestFirst);
      this.resultsTotal += 1;
    }
  }

  /** Forget everything (called when the vault locks). */
  dispose(): void {
    this.#stopListening();
    if (this.#changedTimer !== null) clearTimeout(this.#changedTimer);
    if (this.#searchTimer !== null) clearTimeout(this.#searchTimer);
    this.#heard = new Set();
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

type Placed = Pick<EntrySummary, 'id' | 'createdAt'>;

/** Whether `a` comes before `b` in the list (newest first: by date, then by id). */
function isNewer(a: Placed, b: Placed): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
}

/** The list's order (and the search results'), for sort(). */
function newestFirst(a: Placed, b: Placed): number {
  return b.createdAt - a.createdAt || b.id - a.id;
}
