import type { CarePattern } from '../../../preload/contract/insights.ts';
import { HIGH_DISTRESS } from '../../../preload/contract/sessions.ts';

/**
 * When "talking to someone can help" is offered, as data. Each rule looks at the person's recent
 * sessions, only those in which they were asked what the rule needs (a session with no distress
 * check-in says nothing about distress), and matches when enough of them meet its condition.
 * Of the rules that match, the one whose newest session is the most recent names the pattern (the
 * list's order breaks a tie: see newestMatch). No rule is a diagnosis: each names what happened.
 *
 * What a session records that can carry this: the person's own "some of this felt like too much
 * for me" (a box after the session, ticked or left alone), its distress check-ins (0–10, the top
 * meaning "as much as it gets"), whether it was stopped, and the mood after (1 "very low" … 5).
 * What the person said comes first in the list, before anything read from their answers.
 */

export interface SessionFacts {
  id: number;
  startedAt: number;
  outcome: 'finished' | 'stopped' | null;
  moodAfter: number | null;
  /** The highest distress answered in its check-ins; null when distress was not asked. */
  maxDistress: number | null;
  /** They said some of it felt like too much (false: nothing was said, which is not a "no"). */
  saidTooMuch: boolean;
}

/** All given parts must hold. */
export interface SessionCondition {
  saidTooMuch?: true;
  distressAtLeast?: number;
  stopped?: true;
  moodAfterAtMost?: number;
}

export interface CareRule {
  pattern: CarePattern;
  /** Only sessions started within this many days (up to now) count. */
  withinDays: number;
  /** The most recent sessions looked at (of those that were asked); all within the window when absent. */
  lastSessions?: number;
  /** How many of them must meet the condition. With lastSessions equal to it: that many in a row. */
  atLeast: number;
  when: SessionCondition;
}

export const careRules: readonly CareRule[] = [
  // Their own words: once is enough. The card after that session is the answer to it.
  { pattern: 'said-too-much', withinDays: 28, atLeast: 1, when: { saidTooMuch: true } },
  // "Too much": the very top of the distress scale, twice within two weeks.
  { pattern: 'top-of-scale', withinDays: 14, atLeast: 2, when: { distressAtLeast: 10 } },
  // Several stopped in a row after a high answer. Two: three in a row would always match the next rule first.
  { pattern: 'stopped-after-high', withinDays: 28, lastSessions: 2, atLeast: 2, when: { distressAtLeast: HIGH_DISTRESS, stopped: true } },
  { pattern: 'often-high-distress', withinDays: 28, lastSessions: 5, atLeast: 3, when: { distressAtLeast: HIGH_DISTRESS } },
  { pattern: 'very-low-after', withinDays: 28, lastSessions: 5, atLeast: 3, when: { moodAfterAtMost: 1 } },
];

/** How far back any rule looks: the sessions to read. */
export const careLookbackDays = Math.max(...careRules.map((r) => r.withinDays));

const DAY_MS = 86_400_000;

/**
 * The session was asked what the condition needs (an unanswered question is not a "no"). The
 * too-much box is on every session's check-in, so every session counts as asked for it.
 */
function wasAsked(s: SessionFacts, when: SessionCondition): boolean {
  return (
    (when.distressAtLeast === undefined || s.maxDistress !== null) &&
    (when.stopped === undefined || s.outcome !== null) &&
    (when.moodAfterAtMost === undefined || s.moodAfter !== null)
  );
}

function meets(s: SessionFacts, when: SessionCondition): boolean {
  return (
    (when.saidTooMuch === undefined || s.saidTooMuch) &&
    (when.distressAtLeast === undefined || (s.maxDistress ?? -1) >= when.distressAtLeast) &&
    (when.stopped === undefined || s.outcome === 'stopped') &&
    (when.moodAfterAtMost === undefined || (s.moodAfter ?? Infinity) <= when.moodAfterAtMost)
  );
}

export interface CareMatch {
  pattern: CarePattern;
  /** Sessions that met the condition, of those looked at. */
  sessions: number;
  of: number;
  /** The newest of them. */
  latest: SessionFacts;
}

/**
 * The rule's match among `sessions` (any order), or null. `newerThan`: only a match whose newest
 * session started after this time counts (after the card was put away, only something new brings it back).
 */
export function matchRule(rule: CareRule, sessions: readonly SessionFacts[], now: number, newerThan: number | null = null): CareMatch | null {
  const since = now - rule.withinDays * DAY_MS;
  const asked = sessions
    .filter((s) => s.startedAt >= since && s.startedAt <= now && wasAsked(s, rule.when))
    .sort((a, b) => b.startedAt - a.startedAt || b.id - a.id);
  const looked = rule.lastSessions === undefined ? asked : asked.slice(0, rule.lastSessions);
  const matching = looked.filter((s) => meets(s, rule.when));
  const latest = matching[0];
  if (!latest || matching.length < rule.atLeast) return null;
  if (newerThan !== null && latest.startedAt <= newerThan) return null;
  return { pattern: rule.pattern, sessions: matching.length, of: looked.length, latest };
}

/**
 * The match to offer the card for: the one whose newest session is the most recent, and among
 * those the first in the list's order. So the card after a session names what that session
 * brought, even when an older session still matches a rule higher in the list.
 */
export function newestMatch(
  sessions: readonly SessionFacts[],
  now: number,
  newerThan: number | null = null,
  rules: readonly CareRule[] = careRules,
): CareMatch | null {
  let best: CareMatch | null = null;
  for (const rule of rules) {
    const match = matchRule(rule, sessions, now, newerThan);
    if (match && (!best || isNewer(match.latest, best.latest))) best = match;
  }
  return best;
}

function isNewer(a: SessionFacts, b: SessionFacts): boolean {
  return a.startedAt > b.startedAt || (a.startedAt === b.startedAt && a.id > b.id);
}
