/**
 * "Over time" for the in-memory fake api (tests/renderer/fake-api.ts), for renderer tests only.
 * Input is checked with the contract's own schema; the weeks are the core's own (periods.ts, in
 * UTC). Every view answers an empty vault's shapes until a test gives it numbers with `set`.
 */
import { vi } from 'vitest';
import { CARE_CARD_QUIET_DAYS, CareCardQuery, InsightsQuery, type AppErrorShape, type CareCard, type Result } from '../../preload/contract/index.ts';
import { LADDER_TRACKS } from '../../preload/contract/ladder.ts';
import { periodBuckets } from '../../main/core/insights/periods.ts';
import type { InsightsViews as Views } from '../../renderer/features/insights/insights.svelte.ts';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (code: AppErrorShape['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

type View = keyof Views;

/** What the core answers for a vault with nothing in it. */
function empty(view: View, query: { period: Views[View]['span']['period']; weekStartsOn: number }, now: number): Views[View] {
  const { span, buckets } = periodBuckets(query.period, query.weekStartsOn, now, 'UTC', null);
  const weeks = buckets.map(([start, end]) => ({ start, end }));
  const views: { [V in View]: () => Views[V] } = {
    mood: () => ({
      span,
      buckets: weeks.map((w) => ({ ...w, sessions: 0, paired: 0, before: null, after: null })),
      practices: [],
      totals: { sessions: 0, paired: 0, higherAfter: 0, sameAfter: 0, lowerAfter: 0, averageChange: null },
    }),
    tears: () => {
      const zero = { none: 0, welled: 0, tear: 0, cried: 0, deep: 0, notAnswered: 0, sessions: 0 };
      return { span, buckets: weeks.map((w) => ({ ...w, ...zero })), totals: zero };
    },
    relief: () => ({
      span,
      buckets: weeks.map((w) => ({ ...w, reliefAnswers: 0, relief: null, checkIns: 0, distress: null, highest: null, high: 0 })),
      totals: { reliefAnswers: 0, relief: null, someRelief: 0, checkIns: 0, distress: null, high: 0, sessionsWithHigh: 0, saidTooMuch: 0 },
    }),
    feelings: () => ({
      span,
      buckets: weeks.map((w) => ({ ...w, newWords: 0, distinctSoFar: 0 })),
      families: [],
      totals: { named: 0, notYet: 0, withoutFamily: 0, distinctWords: 0, newWords: 0, distinctEver: 0 },
    }),
    ladder: () => ({
      span,
      threshold: 50,
      tracks: LADDER_TRACKS.map(({ track, title }) => ({
        track,
        title,
        steps: 0,
        steady: 0,
        steadyInPeriod: 0,
        tries: 0,
        buckets: weeks.map((w) => ({ ...w, steady: 0 })),
        stepTries: [],
      })),
    }),
    media: () => ({ span, items: [], totals: { uses: 0, items: 0, withTears: 0, withRelief: 0 } }),
  };
  return views[view]();
}

export function createInsightsFake(o: { now: () => number; needsOpen: () => Result<never> | null }) {
  const given: Partial<Views> = {};
  let card: CareCard = { show: false };
  let dismissedAt: number | null = null;
  let seenAt: number | null = null;
  /**
   * As main's rule: once seen or put away, the card rests for CARE_CARD_QUIET_DAYS, and then comes
   * back only for a session since.
   */
  const resting = () => {
    const since = Math.max(seenAt ?? -Infinity, dismissedAt ?? -Infinity);
    if (since === -Infinity) return false;
    return o.now() - since < CARE_CARD_QUIET_DAYS * 86_400_000 || (card.show && card.latestAt <= since);
  };

  const view = <V extends View>(name: V) =>
    vi.fn(async (input: unknown): Promise<Result<Views[V]>> => {
      const closed = o.needsOpen();
      if (closed) return closed;
      const parsed = InsightsQuery.safeParse(input);
      if (!parsed.success) return fail('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Invalid input');
      return ok(structuredClone((given[name] as Views[V] | undefined) ?? (empty(name, parsed.data, o.now()) as Views[V])));
    });

  return {
    api: {
      mood: view('mood'),
      tears: view('tears'),
      relief: view('relief'),
      feelings: view('feelings'),
      ladder: view('ladder'),
      media: view('media'),
      // As main: handing the card over counts as seen (it rests from then); after a session, only that session's.
      careCard: vi.fn(async (input?: CareCardQuery): Promise<Result<CareCard>> => {
        const closed = o.needsOpen();
        if (closed) return closed;
        const parsed = CareCardQuery.safeParse(input);
        if (!parsed.success) return fail('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Invalid input');
        const after = parsed.data?.afterSession;
        if (!card.show || resting() || (after !== undefined && card.latestSessionId !== after)) return ok({ show: false });
        seenAt = o.now();
        return ok(card);
      }),
      dismissCareCard: vi.fn(async () => {
        const closed = o.needsOpen();
        if (closed) return closed;
        dismissedAt = o.now();
        return ok(null);
      }),
    },
    /** What a view answers from now on (whatever the period asked). */
    set<V extends View>(name: V, value: Views[V]) {
      given[name] = value as Partial<Views>[V];
    },
    /** The card the core would offer now, when it isn't resting. */
    setCareCard(next: CareCard) {
      card = next;
    },
    get dismissedAt() {
      return dismissedAt;
    },
    /** When the card was last handed over to show. */
    get seenAt() {
      return seenAt;
    },
  };
}
