import { describe, expect, it } from 'vitest';
import type { MemoryStatus } from '../../preload/contract/memories.ts';
import { countAboveMaximum, suggestionOrder, type SuggestionCandidate } from '../../main/core/memories/suggest.ts';

const DAY = 86_400_000;
let nextId = 1;
const memory = (intensity: number, more: Partial<SuggestionCandidate> = {}): SuggestionCandidate => ({
  id: nextId++,
  intensity,
  status: 'sealed',
  createdAt: 100 * DAY,
  lastOpenedAt: null,
  ...more,
});
const ids = (list: SuggestionCandidate[]) => list.map((m) => m.id);

describe('which memory "Open one box" offers first', () => {
  it('the gentlest sealed memory comes first', () => {
    const strong = memory(7);
    const gentle = memory(2);
    const middle = memory(4);
    expect(ids(suggestionOrder([strong, gentle, middle], { maxIntensity: 10 }))).toEqual([gentle.id, middle.id, strong.id]);
  });

  it('never offers a memory above the chosen maximum unless the person agreed', () => {
    const gentle = memory(3);
    const atMax = memory(5);
    const above = memory(6);
    const far = memory(10);
    const box = [far, above, atMax, gentle];
    expect(ids(suggestionOrder(box, { maxIntensity: 5 }))).toEqual([gentle.id, atMax.id]);
    expect(ids(suggestionOrder(box, { maxIntensity: 5, allowAbove: false }))).toEqual([gentle.id, atMax.id]);
    expect(suggestionOrder([above, far], { maxIntensity: 5 })).toEqual([]);
    // Asked and agreed: stronger ones may come, still gentlest first.
    expect(ids(suggestionOrder(box, { maxIntensity: 5, allowAbove: true }))).toEqual([gentle.id, atMax.id, above.id, far.id]);
    expect(ids(suggestionOrder([far, above], { maxIntensity: 2, allowAbove: true }))).toEqual([above.id, far.id]);
  });

  it('at the same intensity, the one that has waited longest comes first', () => {
    const openedLastWeek = memory(3, { createdAt: 1 * DAY, lastOpenedAt: 200 * DAY });
    const neverOpenedNew = memory(3, { createdAt: 150 * DAY });
    const openedLongAgo = memory(3, { createdAt: 2 * DAY, lastOpenedAt: 50 * DAY });
    const neverOpenedOld = memory(3, { createdAt: 10 * DAY });
    expect(ids(suggestionOrder([openedLastWeek, neverOpenedNew, openedLongAgo, neverOpenedOld], { maxIntensity: 3 }))).toEqual([
      neverOpenedOld.id,
      openedLongAgo.id,
      neverOpenedNew.id,
      openedLastWeek.id,
    ]);
  });

  it('a gentler memory wins even if it was opened yesterday', () => {
    const openedYesterday = memory(1, { lastOpenedAt: 300 * DAY });
    const waiting = memory(2, { createdAt: 1 * DAY });
    expect(ids(suggestionOrder([waiting, openedYesterday], { maxIntensity: 10 }))).toEqual([openedYesterday.id, waiting.id]);
  });

  it('memories at peace or kept open are not offered', () => {
    const statuses: MemoryStatus[] = ['at-peace', 'open', 'sealed'];
    const [peace, open, sealed] = statuses.map((status) => memory(1, { status }));
    expect(ids(suggestionOrder([peace!, open!, sealed!], { maxIntensity: 10, allowAbove: true }))).toEqual([sealed!.id]);
    expect(suggestionOrder([peace!, open!], { maxIntensity: 10 })).toEqual([]);
    expect(suggestionOrder([], { maxIntensity: 10 })).toEqual([]);
  });

  it('counts the sealed memories it left out for being stronger', () => {
    const box = [memory(2), memory(6), memory(9), memory(9, { status: 'at-peace' }), memory(8, { status: 'open' })];
    expect(countAboveMaximum(box, 5)).toBe(2);
    expect(countAboveMaximum(box, 9)).toBe(0);
  });

  it('holds for many random boxes: within the maximum, sealed, gentlest first, nothing lost', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const statuses: MemoryStatus[] = ['sealed', 'sealed', 'open', 'at-peace'];
    for (let round = 0; round < 200; round++) {
      const box = Array.from({ length: Math.floor(random() * 12) }, () =>
        memory(1 + Math.floor(random() * 10), {
          status: statuses[Math.floor(random() * statuses.length)]!,
          createdAt: Math.floor(random() * 1000) * DAY,
          lastOpenedAt: random() < 0.5 ? null : Math.floor(random() * 1000) * DAY,
        }),
      );
      const max = 1 + Math.floor(random() * 10);
      const order = suggestionOrder(box, { maxIntensity: max });
      expect(order.every((m) => m.intensity <= max && m.status === 'sealed')).toBe(true);
      expect(order.length).toBe(box.filter((m) => m.status === 'sealed' && m.intensity <= max).length);
      for (let i = 1; i < order.length; i++) expect(order[i - 1]!.intensity).toBeLessThanOrEqual(order[i]!.intensity);
      expect(order.length + countAboveMaximum(box, max)).toBe(box.filter((m) => m.status === 'sealed').length);
    }
  });

  it('does not reorder the list it was given', () => {
    const box = [memory(5), memory(1)];
    const before = ids(box);
    suggestionOrder(box, { maxIntensity: 10 });
    expect(ids(box)).toEqual(before);
  });
});
