/** The mood grid's pure helpers, over the real built-in vocabulary, and the corners' colours. */
import { describe, expect, it } from 'vitest';
import type { EmotionPlacement, Vocabulary } from '../../preload/contract/index.ts';
import {
  placeInWords,
  placementFromFields,
  quadrantCells,
  quadrantCounts,
  quadrantOf,
  quadrants,
  splitNotYet,
} from '../../renderer/features/journal/feelings/mood-grid.ts';
import { growthBars } from '../../renderer/features/journal/feelings/growth.ts';
import { monthLabel } from '../../renderer/lib/format.svelte.ts';
import emotions from '../../resources/emotions.json';
import { colour, contrast, mix, themes } from './palette.ts';

/** The vocabulary as emotions.vocabulary returns it for a vault without words of its own. */
function builtIn(): Vocabulary {
  const placements: Record<string, EmotionPlacement> = {};
  for (const f of emotions.families) for (const w of f.words) placements[w.word] = { pleasantness: w.pleasantness, energy: w.energy };
  const { notYet } = emotions;
  return {
    families: [
      ...emotions.families.map((f) => ({ id: f.id, name: f.name, description: f.description, words: f.words.map((w) => w.word) })),
      { id: notYet.id, name: notYet.name, description: notYet.description, words: [notYet.word] },
    ],
    custom: [],
    placements,
    notYetWord: notYet.word,
  };
}

describe('the mood grid', () => {
  it('puts every placed word in exactly one place, in its own corner', () => {
    const vocab = builtIn();
    const seen = new Map<string, EmotionPlacement>();
    for (const q of quadrants) {
      for (const cell of quadrantCells(vocab, q)) {
        expect(quadrantOf(cell.place)).toBe(q.id);
        for (const word of cell.words) {
          expect(seen.has(word), word).toBe(false);
          seen.set(word, cell.place);
        }
      }
    }
    expect(seen).toEqual(new Map(Object.entries(vocab.placements!)));
    expect(seen.has(vocab.notYetWord!)).toBe(false);
    const counts = quadrantCounts(vocab);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(seen.size);
    // Each corner has words to offer, and no place is too crowded to read.
    for (const q of quadrants) expect(counts[q.id], q.id).toBeGreaterThan(10);
    for (const q of quadrants) for (const cell of quadrantCells(vocab, q)) expect(cell.words.length).toBeLessThanOrEqual(10);
  });

  it('lays a corner out as on the page: more energy higher up, more pleasant further right', () => {
    const vocab = builtIn();
    const top = quadrants.find((q) => q.id === 'high-pleasant')!;
    const cells = quadrantCells(vocab, top);
    expect(cells[0]!.place).toEqual({ pleasantness: 1, energy: 5 });
    expect(cells[4]!.place).toEqual({ pleasantness: 5, energy: 5 });
    expect(cells[24]!.place).toEqual({ pleasantness: 5, energy: 1 });
    const low = quadrantCells(vocab, quadrants.find((q) => q.id === 'low-unpleasant')!);
    expect(low[0]!.place).toEqual({ pleasantness: -5, energy: -1 });
    expect(low[24]!.place).toEqual({ pleasantness: -1, energy: -5 });
  });

  it('filters by the search, and counts only what matches', () => {
    const vocab = builtIn();
    const keep = (w: string) => w.includes('anx');
    expect(quadrantCounts(vocab, keep)).toEqual({ 'high-unpleasant': 1, 'high-pleasant': 0, 'low-unpleasant': 0, 'low-pleasant': 0 });
    const words = quadrants.flatMap((q) => quadrantCells(vocab, q, keep).flatMap((c) => c.words));
    expect(words).toEqual(['anxious']);
  });

  it('keeps "can\'t name it yet" apart from the families', () => {
    const vocab = builtIn();
    const { notYet, families } = splitNotYet(vocab);
    expect(notYet?.word).toBe(emotions.notYet.word);
    expect(notYet?.description).toBe(emotions.notYet.description);
    expect(families.map((f) => f.id)).toEqual(emotions.families.map((f) => f.id));
    // An older vocabulary without the reserved word keeps every family.
    const older = { families: vocab.families.slice(0, 2), custom: [] };
    expect(splitNotYet(older)).toEqual({ notYet: null, families: older.families });
  });

  it('reads a place from the two fields: both or neither, never a guess', () => {
    expect(placementFromFields('', '')).toEqual({ placement: null });
    expect(placementFromFields('-2', '4')).toEqual({ placement: { pleasantness: -2, energy: 4 } });
    expect(placementFromFields('-2', '')).toHaveProperty('problem');
    expect(placementFromFields('', '3')).toHaveProperty('problem');
    // 0 and out-of-range numbers are not places on the grid.
    expect(placementFromFields('0', '3')).toHaveProperty('problem');
    expect(placementFromFields('6', '3')).toHaveProperty('problem');
    expect(placeInWords({ pleasantness: -5, energy: 5 })).toBe('very unpleasant, very much energy');
    expect(placeInWords({ pleasantness: 1, energy: -1 })).toBe('slightly pleasant, slightly low energy');
  });
});

describe('month by month', () => {
  it('scales the bars to the largest month; any word shows, none shows nothing', () => {
    const bars = growthBars(
      [
        { month: '2025-01', newWords: 0, distinctSoFar: 0 },
        { month: '2025-02', newWords: 1, distinctSoFar: 1 },
        { month: '2025-03', newWords: 99, distinctSoFar: 100 },
      ],
      90,
      30,
    );
    expect(bars.map((b) => b.height)).toEqual([0, 2, 90]);
    expect(bars.map((b) => b.x)).toEqual([0, 30, 60]);
    expect(growthBars([{ month: '2025-01', newWords: 0, distinctSoFar: 0 }], 90, 30)[0]!.height).toBe(0);
  });

  it('names the month it was counted in, whatever the local zone', () => {
    expect(monthLabel('2025-03')).toBe('March 2025');
    expect(monthLabel('2025-12', { month: 'short' })).toBe('Dec');
    expect(monthLabel('2026-11-20')).toBe('November 2026'); // a whole date, as the crisis lines' "last checked"
  });
});

describe.each(themes)('corner colours, %s theme', (theme) => {
  // The stylesheet draws each corner with its edge colour over the surface at 16%.
  const edgeOf = (q: (typeof quadrants)[number]) => colour(theme, q.edge.match(/var\(--([a-z-]+)\)/)![1]!);
  const tintOf = (q: (typeof quadrants)[number]) => mix(edgeOf(q), colour(theme, 'surface'), 0.16);

  it.each(quadrants.map((q) => [q.id, q] as const))('%s: text reads at AA, and its edge stands out from the picker', (_id, q) => {
    expect(contrast(colour(theme, 'text'), tintOf(q))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colour(theme, 'text-soft'), tintOf(q))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(edgeOf(q), colour(theme, 'field'))).toBeGreaterThanOrEqual(3);
    expect(contrast(colour(theme, 'picked-line'), tintOf(q))).toBeGreaterThanOrEqual(3);
  });
});
