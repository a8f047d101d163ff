/** The summary's sentences (renderer/features/summary/summary-words.ts): plain, and grammatical at one. */
import { describe, expect, it } from 'vitest';
import type { LadderInsights } from '../../preload/contract/index.ts';
import { ladderLines } from '../../renderer/features/summary/summary-words.ts';

const ladder = (steady: number, tries: number): LadderInsights => ({
  span: { period: '4w', unit: 'week', from: 0, to: 1 },
  threshold: 50,
  tracks: [{ track: 'letting-come', title: 'Letting tears come', steps: 4, steady, steadyInPeriod: 0, tries, buckets: [], stepTries: [] }],
});

describe('ladder lines', () => {
  it('says one step feels steady, two steps feel steady, and how often a step was tried', () => {
    expect(ladderLines(ladder(1, 1))).toEqual([{ title: 'Letting tears come', lines: ['1 of 4 steps feels steady now.', 'I tried a step once.'] }]);
    expect(ladderLines(ladder(2, 0))[0]!.lines).toEqual(['2 of 4 steps feel steady now.', 'No tries in this time.']);
  });
});
