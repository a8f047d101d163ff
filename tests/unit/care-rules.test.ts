import { describe, expect, it } from 'vitest';
import { CarePattern } from '../../preload/contract/insights.ts';
import { careRules, newestMatch, matchRule, type CareRule, type SessionFacts } from '../../main/core/insights/care-rules.ts';

/** Each rule of the care card on small fixtures: when it matches, and the near misses that must not. */

const DAY = 86_400_000;
const NOW = Date.parse('2024-05-15T12:00:00Z');

/** Sessions newest last, one a day up to today: `days` ago for the first. Unasked facts stay null. */
function sessions(...facts: Array<Partial<SessionFacts>>): SessionFacts[] {
  return facts.map((f, i) => ({ id: i + 1, startedAt: NOW - (facts.length - 1 - i) * DAY, outcome: 'finished', moodAfter: null, maxDistress: null, saidTooMuch: false, ...f }));
}
const rule = (pattern: CareRule['pattern']) => careRules.find((r) => r.pattern === pattern)!;
const high = { maxDistress: 8 };
const calm = { maxDistress: 2 };

describe('the care card’s rules', () => {
  it('are data: one rule per pattern, each pattern the contract names', () => {
    expect(careRules.map((r) => r.pattern).sort()).toEqual([...CarePattern.options].sort());
  });

  describe('said-too-much: the person said some of a session felt like too much, within 28 days', () => {
    const said = rule('said-too-much');
    const tooMuch = { saidTooMuch: true };
    it('matches once, in any session, asked about distress or not', () => {
      expect(matchRule(said, sessions(calm, {}, tooMuch, {}), NOW)).toMatchObject({ pattern: 'said-too-much', sessions: 1, latest: { id: 3 } });
      expect(matchRule(said, sessions(tooMuch, calm, tooMuch), NOW)).toMatchObject({ sessions: 2, latest: { id: 3 } });
    });
    it('does not match when nothing was said, nor when it was said more than 28 days ago', () => {
      expect(matchRule(said, sessions(high, high, { ...high, outcome: 'stopped' }), NOW)).toBeNull();
      const old = { id: 1, startedAt: NOW - 28 * DAY - 1, outcome: 'stopped' as const, moodAfter: null, maxDistress: null, saidTooMuch: true };
      expect(matchRule(said, [old], NOW)).toBeNull();
      expect(matchRule(said, [{ ...old, startedAt: NOW - 28 * DAY }], NOW)).toMatchObject({ sessions: 1 });
    });
    it('comes first: the person’s own words before any pattern read from their answers', () => {
      const both = sessions({ maxDistress: 10 }, { maxDistress: 10, outcome: 'stopped', saidTooMuch: true });
      expect(matchRule(rule('top-of-scale'), both, NOW)).not.toBeNull();
      expect(newestMatch(both, NOW)).toMatchObject({ pattern: 'said-too-much', sessions: 1, latest: { id: 2 } });
      expect(careRules[0]!.pattern).toBe('said-too-much');
    });
    it('once the card was put away after that session, the same session does not bring it back; a new one does', () => {
      const facts = sessions(calm, tooMuch, calm);
      const putAway = NOW - 0.5 * DAY; // after the second session (a day ago), before the last
      expect(newestMatch(facts, NOW, putAway)).toBeNull();
      expect(newestMatch([...facts, { ...facts[2]!, id: 4, startedAt: NOW, saidTooMuch: true }], NOW, putAway)).toMatchObject({
        pattern: 'said-too-much',
        latest: { id: 4 },
      });
    });
  });

  describe('often-high-distress: high distress in 3 of the last 5 sessions that asked', () => {
    const often = rule('often-high-distress');
    it('matches 3 of 5, and names how many of how many', () => {
      const match = matchRule(often, sessions(high, calm, high, calm, high), NOW);
      expect(match).toMatchObject({ pattern: 'often-high-distress', sessions: 3, of: 5, latest: { id: 5 } });
    });
    it('does not match 2 of 5, nor 3 when the third is older than the last 5', () => {
      expect(matchRule(often, sessions(high, calm, high, calm, calm), NOW)).toBeNull();
      expect(matchRule(often, sessions(high, calm, calm, high, calm, high), NOW)).toBeNull();
    });
    it('counts only sessions that asked about distress: a gentle practice in between changes nothing', () => {
      expect(matchRule(often, sessions(high, {}, high, {}, {}, {}, high), NOW)).toMatchObject({ sessions: 3, of: 3 });
    });
    it('takes 7 as high (the session’s own offer), 6 not', () => {
      expect(matchRule(often, sessions({ maxDistress: 7 }, { maxDistress: 7 }, { maxDistress: 7 }), NOW)).not.toBeNull();
      expect(matchRule(often, sessions({ maxDistress: 6 }, { maxDistress: 6 }, { maxDistress: 6 }), NOW)).toBeNull();
    });
    it('looks back 28 days only', () => {
      const old = sessions(high, high, high).map((s) => ({ ...s, startedAt: s.startedAt - 28 * DAY - 1 }));
      expect(matchRule(often, old, NOW)).toBeNull();
    });
  });

  describe('stopped-after-high: the last two sessions that asked were stopped after a high answer', () => {
    const stopped = rule('stopped-after-high');
    it('matches two in a row', () => {
      expect(matchRule(stopped, sessions({ ...high, outcome: 'stopped' }, { ...high, outcome: 'stopped' }), NOW)).toMatchObject({ sessions: 2, of: 2 });
    });
    it('does not match when one of them finished, was calm, or when a finished one came between', () => {
      expect(matchRule(stopped, sessions({ ...high, outcome: 'stopped' }, { ...high, outcome: 'finished' }), NOW)).toBeNull();
      expect(matchRule(stopped, sessions({ ...high, outcome: 'stopped' }, { ...calm, outcome: 'stopped' }), NOW)).toBeNull();
      expect(matchRule(stopped, sessions({ ...high, outcome: 'stopped' }, { ...calm, outcome: 'finished' }, { ...high, outcome: 'stopped' }), NOW)).toBeNull();
    });
    it('leaves out a session still running or cut off (no outcome): it was not stopped by the person', () => {
      expect(matchRule(stopped, sessions({ ...high, outcome: 'stopped' }, { ...high, outcome: 'stopped' }, { ...high, outcome: null }), NOW)).toMatchObject({
        sessions: 2,
        latest: { id: 2 },
      });
    });
  });

  describe('top-of-scale: distress at 10 ("as much as it gets") twice within 14 days', () => {
    const top = rule('top-of-scale');
    it('matches twice, however many sessions came between', () => {
      expect(matchRule(top, sessions({ maxDistress: 10 }, calm, calm, calm, calm, calm, { maxDistress: 10 }), NOW)).toMatchObject({ sessions: 2, of: 7 });
    });
    it('does not match once, or 9, or twice when the first was 15 days ago', () => {
      expect(matchRule(top, sessions(calm, { maxDistress: 10 }), NOW)).toBeNull();
      expect(matchRule(top, sessions({ maxDistress: 9 }, { maxDistress: 9 }), NOW)).toBeNull();
      const apart = [
        { id: 1, startedAt: NOW - 15 * DAY, outcome: 'finished' as const, moodAfter: null, maxDistress: 10, saidTooMuch: false },
        { id: 2, startedAt: NOW, outcome: 'finished' as const, moodAfter: null, maxDistress: 10, saidTooMuch: false },
      ];
      expect(matchRule(top, apart, NOW)).toBeNull();
    });
  });

  describe('very-low-after: feeling very low after 3 of the last 5 sessions that asked', () => {
    const low = rule('very-low-after');
    it('matches mood 1 three times of five', () => {
      expect(matchRule(low, sessions({ moodAfter: 1 }, { moodAfter: 3 }, { moodAfter: 1 }, {}, { moodAfter: 1 }), NOW)).toMatchObject({ sessions: 3, of: 4 });
    });
    it('does not match "low" (2), or an unanswered mood', () => {
      expect(matchRule(low, sessions({ moodAfter: 2 }, { moodAfter: 2 }, { moodAfter: 2 }), NOW)).toBeNull();
      expect(matchRule(low, sessions({ moodAfter: 1 }, { moodAfter: 1 }, {}, {}), NOW)).toBeNull();
    });
  });

  describe('together', () => {
    it('names the rule whose newest session is the most recent: the card after a session names what it brought', () => {
      // A said "too much" a while ago (the card for it put away), then the top of the scale twice, the last just now.
      const facts = sessions({ saidTooMuch: true }, { maxDistress: 10 }, { maxDistress: 10 });
      expect(matchRule(rule('said-too-much'), facts, NOW)?.latest.id).toBe(1);
      expect(newestMatch(facts, NOW)).toMatchObject({ pattern: 'top-of-scale', latest: { id: 3 } });
    });
    it('among rules whose newest session is the same, names the first in the list’s order', () => {
      const both = sessions({ ...high, outcome: 'stopped', moodAfter: 1 }, { ...high, outcome: 'stopped', moodAfter: 1 }, { ...high, outcome: 'stopped', moodAfter: 1 });
      expect(newestMatch(both, NOW)?.pattern).toBe('stopped-after-high');
    });
    it('after the card was put away, only a session since brings it back, under any rule', () => {
      const facts = sessions(high, high, high, { moodAfter: 1 }, { moodAfter: 1 }, { moodAfter: 1 });
      // Put away after the high ones, before the low moods: the low moods are new.
      expect(newestMatch(facts, NOW, NOW - 2.5 * DAY)?.pattern).toBe('very-low-after');
      // Put away half a day ago: only the newest low mood is since, and with it three of the last five are low.
      expect(newestMatch(facts, NOW, NOW - 0.5 * DAY)).toMatchObject({ pattern: 'very-low-after', latest: { id: 6 } });
      // Without the low moods, the high ones are named.
      expect(newestMatch(facts.slice(0, 3), NOW)?.pattern).toBe('often-high-distress');
      expect(newestMatch(facts, NOW, NOW)).toBeNull();
    });
    it('ignores a time after now (a wrong clock) and matches nothing in an empty list', () => {
      expect(newestMatch(sessions(high, high, high).map((s) => ({ ...s, startedAt: s.startedAt + 10 * DAY })), NOW)).toBeNull();
      expect(newestMatch([], NOW)).toBeNull();
    });
  });
});
