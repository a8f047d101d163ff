import type { MemoryStatus } from '../../../preload/contract/memories.ts';

/** What the suggestion rule needs to know about a memory; never its words. */
export interface SuggestionCandidate {
  id: number;
  intensity: number;
  status: MemoryStatus;
  createdAt: number;
  lastOpenedAt: number | null;
}

export interface SuggestionLimit {
  /** The strongest intensity the person chose to meet (1–10). */
  maxIntensity: number;
  /** True only when the person was asked and agreed to go beyond their maximum. */
  allowAbove?: boolean;
}

/**
 * "Open one box" offers the gentlest sealed memory first: lowest intensity, then the one
 * that has waited longest (last opened, or put away, longest ago), then the older one.
 * Memories at peace or kept open are not offered; a memory stronger than the person's
 * chosen maximum is never offered unless they agreed to it (allowAbove).
 */
export function suggestionOrder<T extends SuggestionCandidate>(memories: readonly T[], limit: SuggestionLimit): T[] {
  return memories
    .filter((m) => m.status === 'sealed' && (limit.allowAbove === true || m.intensity <= limit.maxIntensity))
    .sort(gentlestFirst);
}

/** How many sealed memories were left out for being stronger than the maximum. */
export function countAboveMaximum(memories: readonly SuggestionCandidate[], maxIntensity: number): number {
  return memories.filter((m) => m.status === 'sealed' && m.intensity > maxIntensity).length;
}

function gentlestFirst(a: SuggestionCandidate, b: SuggestionCandidate): number {
  return (
    a.intensity - b.intensity ||
    waitingSince(a) - waitingSince(b) ||
    a.createdAt - b.createdAt ||
    a.id - b.id
  );
}

function waitingSince(m: SuggestionCandidate): number {
  return m.lastOpenedAt ?? m.createdAt;
}
