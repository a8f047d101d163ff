import type { EmotionPlacement, Vocabulary } from '../../../../preload/contract/index.ts';

/**
 * The mood-meter grid in plain words. Pleasantness runs left (unpleasant) to right
 * (pleasant), energy bottom (still) to top (stirred up); both go from -5 to 5 without 0,
 * so the grid falls into four corners of 5 × 5 places. Pure, so it is tested directly.
 */

export type QuadrantId = 'high-unpleasant' | 'high-pleasant' | 'low-unpleasant' | 'low-pleasant';

export interface Quadrant {
  id: QuadrantId;
  /** The corner's name, also its button's accessible name (energy first, so no name contains another). */
  name: string;
  /** A few words of what tends to live there. */
  hint: string;
  pleasant: boolean;
  high: boolean;
  /** The corner's edge colour, from the theme; its background is a gentle tint of it (both checked for contrast). */
  edge: string;
}

/** In reading order: top row first, so a 2 × 2 layout matches the grid. */
export const quadrants: readonly Quadrant[] = [
  { id: 'high-unpleasant', name: 'Lots of energy, unpleasant', hint: 'stirred up, on edge', pleasant: false, high: true, edge: 'var(--corner-high-unpleasant)' },
  { id: 'high-pleasant', name: 'Lots of energy, pleasant', hint: 'lively, bright', pleasant: true, high: true, edge: 'var(--corner-high-pleasant)' },
  { id: 'low-unpleasant', name: 'Little energy, unpleasant', hint: 'heavy, low, far away', pleasant: false, high: false, edge: 'var(--corner-low-unpleasant)' },
  { id: 'low-pleasant', name: 'Little energy, pleasant', hint: 'calm, at ease', pleasant: true, high: false, edge: 'var(--corner-low-pleasant)' },
];

/** Every value an axis can take, from -5 to 5, without 0. */
export const axisValues: readonly number[] = [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5];

const pleasantWords: Record<number, string> = {
  [-5]: 'very unpleasant',
  [-4]: 'quite unpleasant',
  [-3]: 'unpleasant',
  [-2]: 'a little unpleasant',
  [-1]: 'slightly unpleasant',
  1: 'slightly pleasant',
  2: 'a little pleasant',
  3: 'pleasant',
  4: 'quite pleasant',
  5: 'very pleasant',
};

const energyWords: Record<number, string> = {
  [-5]: 'almost no energy',
  [-4]: 'very little energy',
  [-3]: 'little energy',
  [-2]: 'low energy',
  [-1]: 'slightly low energy',
  1: 'a touch of energy',
  2: 'some energy',
  3: 'quite a lot of energy',
  4: 'a lot of energy',
  5: 'very much energy',
};

export const pleasantnessWords = (value: number): string => pleasantWords[value] ?? '';
export const energyWordsFor = (value: number): string => energyWords[value] ?? '';

/** "quite unpleasant, a lot of energy" */
export function placeInWords(place: EmotionPlacement): string {
  return `${pleasantnessWords(place.pleasantness)}, ${energyWordsFor(place.energy)}`;
}

export function quadrantOf(place: EmotionPlacement): QuadrantId {
  return `${place.energy > 0 ? 'high' : 'low'}-${place.pleasantness > 0 ? 'pleasant' : 'unpleasant'}`;
}

/** The corner's columns (pleasantness, left to right) and rows (energy, top to bottom). */
export function quadrantAxes(q: Quadrant): { columns: number[]; rows: number[] } {
  return {
    columns: q.pleasant ? [1, 2, 3, 4, 5] : [-5, -4, -3, -2, -1],
    rows: q.high ? [5, 4, 3, 2, 1] : [-1, -2, -3, -4, -5],
  };
}

export interface GridCell {
  place: EmotionPlacement;
  words: string[];
}

/**
 * The corner's 25 places, top row first, each with its words (in family order, as the
 * list shows them) that pass `keep`. Words without a place are not on the grid.
 */
export function quadrantCells(vocabulary: Vocabulary, q: Quadrant, keep: (word: string) => boolean = () => true): GridCell[] {
  const { columns, rows } = quadrantAxes(q);
  const byPlace = new Map<string, string[]>();
  const placements = vocabulary.placements ?? {};
  for (const family of vocabulary.families) {
    for (const word of family.words) {
      const place = placements[word];
      if (!place || !keep(word)) continue;
      const key = `${place.pleasantness},${place.energy}`;
      const list = byPlace.get(key) ?? [];
      if (!list.includes(word)) list.push(word);
      byPlace.set(key, list);
    }
  }
  return rows.flatMap((energy) =>
    columns.map((pleasantness) => ({ place: { pleasantness, energy }, words: byPlace.get(`${pleasantness},${energy}`) ?? [] })),
  );
}

/** How many placed words in each corner pass `keep`. */
export function quadrantCounts(vocabulary: Vocabulary, keep: (word: string) => boolean = () => true): Record<QuadrantId, number> {
  const counts: Record<QuadrantId, number> = { 'high-unpleasant': 0, 'high-pleasant': 0, 'low-unpleasant': 0, 'low-pleasant': 0 };
  const seen = new Set<string>();
  for (const family of vocabulary.families) {
    for (const word of family.words) {
      const place = vocabulary.placements?.[word];
      if (!place || seen.has(word) || !keep(word)) continue;
      seen.add(word);
      counts[quadrantOf(place)]++;
    }
  }
  return counts;
}

/**
 * The "not yet" answer and the families to list, with the reserved family taken out (it
 * gets its own choice). Older vaults' vocabularies have no notYetWord: nothing is taken out.
 */
export function splitNotYet(vocabulary: Vocabulary): { notYet: { word: string; description: string } | null; families: Vocabulary['families'] } {
  const word = vocabulary.notYetWord;
  if (!word) return { notYet: null, families: vocabulary.families };
  const reserved = vocabulary.families.find((f) => f.words.length === 1 && f.words[0] === word);
  return {
    notYet: { word, description: reserved?.description ?? 'Something is there, but it has no name yet. That is a real answer.' },
    families: vocabulary.families.filter((f) => f !== reserved),
  };
}

/** Parses a <select> value from the placement fields: '' is "not placed". */
export function axisFromField(value: string): number | null {
  if (value === '') return null;
  const n = Number(value);
  return axisValues.includes(n) ? n : null;
}

/**
 * Both numbers or neither: a half-placed word is a question for the person, not a guess.
 * Returns the placement (or null for "off the grid"), or a message.
 */
export function placementFromFields(pleasantness: string, energy: string): { placement: EmotionPlacement | null } | { problem: string } {
  const p = axisFromField(pleasantness);
  const e = axisFromField(energy);
  if (p === null && e === null) return { placement: null };
  if (p === null || e === null) {
    return { problem: 'To place a word on the grid, choose both how pleasant it feels and how much energy it has, or leave both empty.' };
  }
  return { placement: { pleasantness: p, energy: e } };
}
