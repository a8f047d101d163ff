import type {
  CareCard,
  FeelingsInsights,
  InsightsPeriod,
  LadderInsights,
  MediaInsights,
  MoodInsights,
  ReliefInsights,
  Result,
  TearsInsights,
} from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';

export const PERIODS: ReadonlyArray<{ value: InsightsPeriod; label: string }> = [
  { value: '4w', label: 'Last 4 weeks' },
  { value: '3m', label: '3 months' },
  { value: '12m', label: '12 months' },
  { value: 'all', label: 'All' },
];

/** The period last chosen: kept while Saltwater runs, so coming back to the page finds it as it was left. */
let remembered: InsightsPeriod = '4w';

export interface InsightsViews {
  mood: MoodInsights;
  tears: TearsInsights;
  relief: ReliefInsights;
  feelings: FeelingsInsights;
  ladder: LadderInsights;
  media: MediaInsights;
}

/**
 * "Over time": the chosen period, the six views main aggregates for it, and the care card. A view
 * that can't be read leaves the others showing; the page says so once, gently, with "Try again".
 */
export class InsightsState {
  period = $state<InsightsPeriod>(remembered);
  loading = $state(true);
  problem = $state<string | null>(null);
  views = $state.raw<Partial<InsightsViews>>({});
  card = $state.raw<CareCard>({ show: false });

  readonly #api: Api;
  readonly #weekStartsOn: () => number;
  #asked = 0;

  constructor(api: Api, weekStartsOn: () => number) {
    this.#api = api;
    this.#weekStartsOn = weekStartsOn;
  }

  choose(period: InsightsPeriod): Promise<void> {
    remembered = period;
    this.period = period;
    return this.load();
  }

  async load(): Promise<void> {
    const asked = ++this.#asked;
    this.loading = true;
    const query = { period: this.period, weekStartsOn: this.#weekStartsOn() };
    const api = this.#api.insights;
    const [mood, tears, relief, feelings, ladder, media] = await Promise.all([
      api.mood(query),
      api.tears(query),
      api.relief(query),
      api.feelings(query),
      api.ladder(query),
      api.media(query),
    ]);
    // A later choice won: its answers are the ones to show.
    if (asked !== this.#asked) return;
    const results: Array<Result<unknown>> = [mood, tears, relief, feelings, ladder, media];
    const value = <T>(r: Result<T>) => (r.ok ? r.value : undefined);
    this.views = {
      mood: value(mood),
      tears: value(tears),
      relief: value(relief),
      feelings: value(feelings),
      ladder: value(ladder),
      media: value(media),
    };
    const failed = results.find((r): r is Extract<Result<unknown>, { ok: false }> => !r.ok);
    this.problem = failed ? failed.error.message : null;
    this.loading = false;
  }

  /** Asked once per visit of the page: main counts the card as seen when it hands it over, so it stays here until "Not now" or leaving. */
  async loadCard(): Promise<void> {
    const result = await this.#api.insights.careCard();
    if (result.ok) this.card = result.value;
  }

  /** "Not now": away for a week from now, remembered in the vault. */
  async dismissCard(): Promise<void> {
    if (!this.card.show) return;
    this.card = { show: false };
    await this.#api.insights.dismissCareCard();
  }
}
