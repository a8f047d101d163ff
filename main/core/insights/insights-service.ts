import { CareCardQuery, InsightsQuery, type CareCard, type InsightsSpan } from '../../../preload/contract/insights.ts';
import type { Vocabulary } from '../../../preload/contract/index.ts';
import { isTimeZone } from '../../../preload/contract/schedule/zone-time.ts';
import { parse } from '../journal/validate.ts';
import type { Clock } from '../ports.ts';
import type { Db } from '../vault/database.ts';
import { CareCardService } from './care-card.ts';
import { feelingsInsights } from './feelings.ts';
import { ladderInsights } from './ladder-progress.ts';
import { mediaInsights } from './media-moments.ts';
import { moodInsights } from './mood.ts';
import { periodBuckets, type Buckets } from './periods.ts';
import { reliefInsights } from './relief.ts';
import { earliestRecord } from './sql-buckets.ts';
import { tearsInsights } from './tears.ts';

export interface InsightsServiceOptions {
  /** The open vault; throws AppError('LOCKED') while it is locked. */
  db: () => Db;
  clock: Clock;
  /** The computer's IANA zone: weeks are the person's local weeks (as granularity's months are). */
  zone: () => string;
  /** Feeling families, with the person's own words (VocabularyService.get). */
  vocabulary: () => Vocabulary;
}

/** "Over time": each chart's numbers for a period, and the care card. Reads only, apart from remembering when the card was seen or put away. */
export class InsightsService {
  private readonly care: CareCardService;

  constructor(private readonly o: InsightsServiceOptions) {
    this.care = new CareCardService(o.db, o.clock);
  }

  mood(query: InsightsQuery) {
    return this.view(query, (db, span, buckets) => moodInsights(db, span, buckets));
  }

  tears(query: InsightsQuery) {
    return this.view(query, (db, span, buckets) => tearsInsights(db, span, buckets));
  }

  relief(query: InsightsQuery) {
    return this.view(query, (db, span, buckets) => reliefInsights(db, span, buckets));
  }

  feelings(query: InsightsQuery) {
    return this.view(query, (db, span, buckets) => feelingsInsights(db, span, buckets, this.o.vocabulary()));
  }

  ladder(query: InsightsQuery) {
    return this.view(query, (db, span, buckets) => ladderInsights(db, span, buckets));
  }

  media(query: InsightsQuery) {
    return this.view(query, (db, span) => mediaInsights(db, span));
  }

  /** The care card to show now; handing it out counts as seen (CareCardService.offer). */
  careCard(query?: CareCardQuery): CareCard {
    return this.care.offer(parse(CareCardQuery, query)?.afterSession);
  }

  dismissCareCard(): void {
    this.care.dismiss();
  }

  /** One read transaction per view, so its queries see the same vault even if a write lands between them. */
  private view<T>(query: InsightsQuery, compute: (db: Db, span: InsightsSpan, buckets: Buckets) => T): T {
    const { period, weekStartsOn } = parse(InsightsQuery, query);
    const db = this.o.db();
    const zone = this.o.zone();
    return db.transaction(() => {
      // 'all' reaches back to the first thing kept; the fixed periods need not ask.
      const earliest = period === 'all' ? earliestRecord(db) : null;
      // A zone Intl does not know would throw deep inside; UTC weeks are a fair fallback.
      const { span, buckets } = periodBuckets(period, weekStartsOn, this.o.clock.now(), isTimeZone(zone) ? zone : 'UTC', earliest);
      return compute(db, span, buckets);
    })();
  }
}
