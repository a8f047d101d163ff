import { z } from 'zod';
import { CARE_CARD_QUIET_DAYS, type CareCard } from '../../../preload/contract/insights.ts';
import type { Clock } from '../ports.ts';
import { MainOnlySetting } from '../settings/settings.ts';
import type { Db } from '../vault/database.ts';
import { statement } from '../vault/statements.ts';
import { careLookbackDays, newestMatch, type SessionFacts } from './care-rules.ts';

const DAY_MS = 86_400_000;

const recentSessions = `
  SELECT s.id, s.started_at AS startedAt, s.outcome, s.mood_after AS moodAfter, s.too_much AS saidTooMuch,
    (SELECT max(c.value) FROM session_check_ins c WHERE c.session_id = s.id AND c.question = 'distress') AS maxDistress
  FROM sessions s WHERE s.started_at >= ? AND s.started_at <= ?`;

/**
 * The care card: whether the patterns (care-rules.ts) suggest offering it now (card() only reads),
 * and offering it (offer()): the moment it is handed to a page to show is kept in the vault (a
 * main-only setting, so no page can set it to any time), as is putting it away. From then it stays
 * away for CARE_CARD_QUIET_DAYS and comes back only for a session since. Kept when offered, not when
 * the screen ends: by then the vault may already be locked (the idle lock, quitting, a crash).
 */
export class CareCardService {
  /** When the card was last seen or put away (the key's name is older than seeing it counting). */
  private readonly quietSince: MainOnlySetting<number>;

  constructor(
    private readonly db: () => Db,
    private readonly clock: Clock,
  ) {
    this.quietSince = new MainOnlySetting(db, 'care.dismissedAt', z.number().int());
  }

  card(): CareCard {
    const now = this.clock.now();
    // A put-away time after now was written by a wrong clock: it cannot hide the card for years.
    const stored = this.quietSince.get();
    const dismissedAt = stored !== null && stored <= now ? stored : null;
    if (dismissedAt !== null && now - dismissedAt < CARE_CARD_QUIET_DAYS * DAY_MS) return { show: false };
    const rows = statement(this.db(), recentSessions).all(now - careLookbackDays * DAY_MS, now) as (Omit<SessionFacts, 'saidTooMuch'> & { saidTooMuch: 1 | null })[];
    const sessions: SessionFacts[] = rows.map((r) => ({ ...r, saidTooMuch: r.saidTooMuch === 1 }));
    const match = newestMatch(sessions, now, dismissedAt);
    if (!match) return { show: false };
    return { show: true, pattern: match.pattern, sessions: match.sessions, of: match.of, latestSessionId: match.latest.id, latestAt: match.latest.startedAt };
  }

  /**
   * The card to show now, remembered as seen. `afterSession`: the screen after that session shows
   * it only when this very session is the newest match; otherwise nothing is shown or remembered.
   */
  offer(afterSession?: number): CareCard {
    const card = this.card();
    if (!card.show || (afterSession !== undefined && card.latestSessionId !== afterSession)) return { show: false };
    this.quietSince.set(this.clock.now());
    return card;
  }

  /** "Not now": the quiet days start again from now. */
  dismiss(): void {
    this.quietSince.set(this.clock.now());
  }
}
