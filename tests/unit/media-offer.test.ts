import { describe, expect, it } from 'vitest';
import { cameWithTears, NOTHING_YET, summarizeByItem, summarizeUses, type UseOutcome } from '../../main/core/media/helped.ts';
import { chooseOffer, helpedScore, offerWeight, REST_MS, restScore, type OfferCandidate } from '../../main/core/media/offer.ts';
import type { HelpedSummary } from '../../preload/contract/media.ts';

const NOW = 1_800_000_000_000;
const DAY = 24 * 60 * 60 * 1000;

/** A small seeded generator, so a run of draws is repeatable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const use = (fields: Partial<UseOutcome> = {}): UseOutcome => ({ usedAt: NOW, moodBefore: null, moodAfter: null, tears: null, ...fields });
const summary = (fields: Partial<HelpedSummary> = {}): HelpedSummary => ({ ...NOTHING_YET, ...fields });

describe('the helped summary', () => {
  it('is empty with no uses', () => {
    expect(summarizeUses([])).toEqual({ uses: 0, withTears: 0, moodChange: null, lastUsedAt: null });
  });

  it('counts tears from "eyes welled" up, never "none" or no answer', () => {
    expect(['none', 'welled', 'tear', 'cried', 'deep', null].map((t) => cameWithTears(t as UseOutcome['tears']))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
    const uses = [use({ tears: 'none' }), use({ tears: 'welled' }), use({ tears: 'deep' }), use(), use({ tears: 'tear' })];
    expect(summarizeUses(uses)).toMatchObject({ uses: 5, withTears: 3 });
  });

  it('averages the mood change only over uses where both moods are known', () => {
    const uses = [
      use({ moodBefore: 2, moodAfter: 4 }), // +2
      use({ moodBefore: 3, moodAfter: 2 }), // −1
      use({ moodBefore: 1 }), // after unknown: left out
      use({ moodAfter: 5 }), // before unknown: left out
      use({ moodBefore: 1, moodAfter: 5 }), // +4
    ];
    expect(summarizeUses(uses).moodChange).toBeCloseTo(5 / 3);
    expect(summarizeUses([use({ moodBefore: 3 }), use({ moodAfter: 3 })]).moodChange).toBeNull();
    expect(summarizeUses([use({ moodBefore: 4, moodAfter: 2 })]).moodChange).toBe(-2);
  });

  it('remembers the latest use, and groups by item', () => {
    const byItem = summarizeByItem([
      { ...use({ usedAt: NOW - 5 * DAY, tears: 'cried' }), mediaId: 1 },
      { ...use({ usedAt: NOW - DAY }), mediaId: 2 },
      { ...use({ usedAt: NOW - 2 * DAY, moodBefore: 2, moodAfter: 3 }), mediaId: 1 },
    ]);
    expect(byItem.get(1)).toEqual({ uses: 2, withTears: 1, moodChange: 1, lastUsedAt: NOW - 2 * DAY });
    expect(byItem.get(2)).toEqual({ uses: 1, withTears: 0, moodChange: null, lastUsedAt: NOW - DAY });
    expect(byItem.has(3)).toBe(false);
  });
});

describe('the offer weights', () => {
  it('an item that helped weighs more: tears and a mood lift both count, a drop never below nothing', () => {
    expect(helpedScore(summary())).toBe(0);
    expect(helpedScore(summary({ uses: 2, withTears: 2, moodChange: 2 }))).toBe(1);
    expect(helpedScore(summary({ uses: 2, withTears: 1, moodChange: null }))).toBe(0.25);
    expect(helpedScore(summary({ uses: 2, withTears: 0, moodChange: 1 }))).toBe(0.25);
    expect(helpedScore(summary({ uses: 2, withTears: 0, moodChange: -3 }))).toBe(0);
    expect(helpedScore(summary({ uses: 1, withTears: 0, moodChange: 4 }))).toBe(0.5);
  });

  it('rest grows from just used to fully rested after REST_MS; never used counts as rested', () => {
    expect(restScore(summary(), NOW)).toBe(1);
    expect(restScore(summary({ uses: 1, lastUsedAt: NOW }), NOW)).toBe(0);
    expect(restScore(summary({ uses: 1, lastUsedAt: NOW - REST_MS / 2 }), NOW)).toBe(0.5);
    expect(restScore(summary({ uses: 1, lastUsedAt: NOW - 10 * REST_MS }), NOW)).toBe(1);
    expect(restScore(summary({ uses: 1, lastUsedAt: NOW + DAY }), NOW)).toBe(0);
  });

  it('orders what matters: helped and rested > new > helped but just used > used just now without help', () => {
    const helpedRested = offerWeight(summary({ uses: 3, withTears: 3, moodChange: 2, lastUsedAt: NOW - 30 * DAY }), NOW);
    const fresh = offerWeight(summary(), NOW);
    const helpedRecent = offerWeight(summary({ uses: 3, withTears: 3, moodChange: 2, lastUsedAt: NOW - DAY }), NOW);
    const flatRecent = offerWeight(summary({ uses: 3, withTears: 0, moodChange: 0, lastUsedAt: NOW - DAY }), NOW);
    expect(helpedRested).toBeGreaterThan(helpedRecent);
    expect(helpedRecent).toBeGreaterThan(fresh);
    expect(fresh).toBeGreaterThan(flatRecent);
    expect(flatRecent).toBeGreaterThan(0);
  });
});

describe('choosing one to offer', () => {
  const items: OfferCandidate[] = [
    { id: 1, helped: summary({ uses: 4, withTears: 4, moodChange: 2, lastUsedAt: NOW - 20 * DAY }) }, // helped, rested
    { id: 2, helped: summary() }, // never tried
    { id: 3, helped: summary({ uses: 4, withTears: 0, moodChange: -1, lastUsedAt: NOW - DAY }) }, // tried lately, did not help
    { id: 4, helped: summary({ uses: 2, withTears: 1, moodChange: 1, lastUsedAt: NOW - DAY }) }, // helped a little, tried lately
  ];

  const draws = (n: number, seed: number, lastOfferedId: number | null = null) => {
    const random = seeded(seed);
    return Array.from({ length: n }, () => chooseOffer(items, { now: NOW, lastOfferedId, random }));
  };

  it('offers nothing from an empty list', () => {
    expect(chooseOffer([], { now: NOW, lastOfferedId: null, random: () => 0.5 })).toBeNull();
    expect(chooseOffer([], { now: NOW, lastOfferedId: 3, random: () => 0.5 })).toBeNull();
  });

  it('offers the only item even if it was the last one offered', () => {
    expect(chooseOffer([items[2]!], { now: NOW, lastOfferedId: 3, random: () => 0.99 })).toBe(3);
  });

  it('never offers the last one again when there is another, whatever the draw', () => {
    for (const lastOfferedId of [1, 2, 3, 4]) {
      for (const r of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999_999, 1, -1, Number.NaN]) {
        const chosen = chooseOffer(items, { now: NOW, lastOfferedId, random: () => r });
        expect(chosen).not.toBe(lastOfferedId);
        expect(chosen).not.toBeNull();
      }
    }
    expect(chooseOffer(items.slice(0, 2), { now: NOW, lastOfferedId: 1, random: () => 0 })).toBe(2);
  });

  it('is the same for the same random source, and the input order does not matter', () => {
    expect(draws(50, 7)).toEqual(draws(50, 7));
    expect(draws(50, 7)).not.toEqual(draws(50, 8));
    const reversed = [...items].reverse();
    const a = seeded(3);
    const b = seeded(3);
    for (let i = 0; i < 20; i++) {
      expect(chooseOffer(reversed, { now: NOW, lastOfferedId: null, random: a })).toBe(chooseOffer(items, { now: NOW, lastOfferedId: null, random: b }));
    }
  });

  it('walks the weights in id order: the lowest draw gives the first id, the highest the last', () => {
    expect(chooseOffer(items, { now: NOW, lastOfferedId: null, random: () => 0 })).toBe(1);
    expect(chooseOffer(items, { now: NOW, lastOfferedId: null, random: () => 0.999_999 })).toBe(4);
  });

  it('over many offers: what helped comes most, the untried comes often, and every item comes up', () => {
    const tally = new Map<number, number>();
    for (const id of draws(4000, 42)) tally.set(id!, (tally.get(id!) ?? 0) + 1);
    const share = (id: number) => (tally.get(id) ?? 0) / 4000;
    expect(share(1)).toBeGreaterThan(share(2));
    expect(share(2)).toBeGreaterThan(share(4));
    expect(share(4)).toBeGreaterThan(share(3));
    for (const id of [1, 2, 3, 4]) expect(share(id), `item ${id}`).toBeGreaterThan(0.05);
    // Close to the weights themselves.
    const total = items.reduce((sum, c) => sum + offerWeight(c.helped, NOW), 0);
    for (const c of items) expect(share(c.id)).toBeCloseTo(offerWeight(c.helped, NOW) / total, 1);
  });
});
