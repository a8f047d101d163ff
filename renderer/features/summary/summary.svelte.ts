import type { Entry, EntrySummary, InsightsPeriod } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import { weekStartsOn } from '../../lib/format.svelte.ts';
import type { InsightsViews } from '../insights/insights.svelte.ts';

export type SectionKey = 'sessions' | 'feelings' | 'ladder' | 'charts';

/** The "Over time" views a summary draws on (moving media is not part of it). */
export type SummaryData = Omit<InsightsViews, 'media'>;

/** The journal list is read in pages of this many entries to find a period's entries… */
const PAGE = 200;
/** …up to this many entries (25 pages): enough to choose from by hand. */
export const MAX_LISTED = 5_000;

/**
 * The summary being put together. Everything here lives in memory only, the notes for the
 * conversation too: nothing is saved, and it is all gone when the screen closes or the vault locks.
 * Nothing is chosen at first but the period; no journal entry is ever in by default.
 */
export class SummaryState {
  period = $state<InsightsPeriod>('4w');
  include = $state<Record<SectionKey, boolean>>({ sessions: false, feelings: false, ladder: false, charts: false });
  /** "What I want to talk about": kept only while this screen is open. */
  notes = $state('');
  /** The entries written in the period, newest first, to choose from. */
  entries = $state.raw<EntrySummary[]>([]);
  /** More entries of the period are older than those listed (the list stops at `maxListed`): the screen says so. */
  entriesCut = $state(false);
  /** Chosen entries, by id, with their full text once read. */
  chosen = $state.raw<ReadonlyMap<number, Entry | null>>(new Map());
  data = $state.raw<SummaryData | null>(null);
  loading = $state(false);
  problem = $state<string | null>(null);
  private generation = 0;

  constructor(
    private readonly api: Api,
    /** How many entries of the period are listed at most (tests use fewer than MAX_LISTED). */
    private readonly maxListed = MAX_LISTED,
  ) {}

  /** The numbers for the period, and the entries written in it. Choices of entries outside it are let go. */
  async load(): Promise<void> {
    const run = ++this.generation;
    this.loading = true;
    this.problem = null;
    const query = { period: this.period, weekStartsOn: weekStartsOn() };
    const [mood, tears, relief, feelings, ladder] = await Promise.all([
      this.api.insights.mood(query),
      this.api.insights.tears(query),
      this.api.insights.relief(query),
      this.api.insights.feelings(query),
      this.api.insights.ladder(query),
    ]);
    if (run !== this.generation) return;
    for (const result of [mood, tears, relief, feelings, ladder]) {
      if (!result.ok) {
        this.problem = result.error.message;
        this.loading = false;
        return;
      }
    }
    if (!mood.ok || !tears.ok || !relief.ok || !feelings.ok || !ladder.ok) return;
    const entries = await this.entriesBetween(mood.value.span.from, mood.value.span.to);
    if (run !== this.generation) return;
    this.data = { mood: mood.value, tears: tears.value, relief: relief.value, feelings: feelings.value, ladder: ladder.value };
    this.entries = entries;
    const inPeriod = new Set(entries.map((e) => e.id));
    this.chosen = new Map([...this.chosen].filter(([id]) => inPeriod.has(id)));
    this.loading = false;
  }

  private async entriesBetween(from: number, to: number): Promise<EntrySummary[]> {
    const found: EntrySummary[] = [];
    let beforeId: number | undefined;
    this.entriesCut = false;
    for (;;) {
      const result = await this.api.journal.list({ limit: PAGE, ...(beforeId !== undefined ? { beforeId } : {}) });
      if (!result.ok) {
        this.problem = result.error.message;
        break;
      }
      for (const entry of result.value) if (entry.createdAt >= from && entry.createdAt < to) found.push(entry);
      if (found.length > this.maxListed) {
        this.entriesCut = true;
        break;
      }
      const last = result.value.at(-1);
      if (!last || result.value.length < PAGE || last.createdAt < from) break;
      beforeId = last.id;
      if (found.length === this.maxListed) {
        // Just as many as are listed: cut only if an older one of the period is really there.
        const next = await this.api.journal.list({ limit: 1, beforeId });
        this.entriesCut = next.ok && next.value.some((e) => e.createdAt >= from && e.createdAt < to);
        break;
      }
    }
    return found.sort((a, b) => b.createdAt - a.createdAt).slice(0, this.maxListed);
  }

  setPeriod(period: InsightsPeriod): void {
    this.period = period;
    void this.load();
  }

  toggle(section: SectionKey, on: boolean): void {
    this.include = { ...this.include, [section]: on };
  }

  isChosen(id: number): boolean {
    return this.chosen.has(id);
  }

  /** Choosing an entry reads its whole text; letting it go forgets it. */
  async choose(id: number, on: boolean): Promise<void> {
    const next = new Map(this.chosen);
    if (!on) {
      next.delete(id);
      this.chosen = next;
      return;
    }
    next.set(id, null);
    this.chosen = next;
    const result = await this.api.journal.get({ id });
    if (!this.chosen.has(id)) return;
    if (!result.ok) {
      this.problem = result.error.message;
      const without = new Map(this.chosen);
      without.delete(id);
      this.chosen = without;
      return;
    }
    this.chosen = new Map(this.chosen).set(id, result.value);
  }

  /** The chosen entries whose text is here, oldest first (as a conversation would go through them). */
  get chosenEntries(): Entry[] {
    return [...this.chosen.values()].filter((e): e is Entry => e !== null).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Whether the page would hold anything beyond its heading. */
  get hasContent(): boolean {
    return this.notes.trim() !== '' || Object.values(this.include).some(Boolean) || this.chosen.size > 0;
  }
}
