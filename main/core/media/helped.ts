import type { TearOutcome } from '../../../preload/contract/sessions.ts';
import type { HelpedSummary } from '../../../preload/contract/media.ts';

/** One use as it counts: the values given when recording, else the linked session's. */
export interface UseOutcome {
  usedAt: number;
  moodBefore: number | null;
  moodAfter: number | null;
  tears: TearOutcome | null;
}

export const NOTHING_YET: HelpedSummary = Object.freeze({ uses: 0, withTears: 0, moodChange: null, lastUsedAt: null });

/** "Eyes welled" or more counts as tears; "none" and no answer do not. */
export function cameWithTears(tears: TearOutcome | null): boolean {
  return tears !== null && tears !== 'none';
}

/** Uses, how many brought tears, and the average mood change where both moods are known. */
export function summarizeUses(uses: readonly UseOutcome[]): HelpedSummary {
  let withTears = 0;
  let changeSum = 0;
  let changeCount = 0;
  let lastUsedAt: number | null = null;
  for (const use of uses) {
    if (cameWithTears(use.tears)) withTears++;
    if (use.moodBefore !== null && use.moodAfter !== null) {
      changeSum += use.moodAfter - use.moodBefore;
      changeCount++;
    }
    if (lastUsedAt === null || use.usedAt > lastUsedAt) lastUsedAt = use.usedAt;
  }
  return { uses: uses.length, withTears, moodChange: changeCount === 0 ? null : changeSum / changeCount, lastUsedAt };
}

/** summarizeUses for every item at once; items with no uses are left out (see NOTHING_YET). */
export function summarizeByItem(uses: ReadonlyArray<UseOutcome & { mediaId: number }>): Map<number, HelpedSummary> {
  const grouped = new Map<number, UseOutcome[]>();
  for (const use of uses) {
    const list = grouped.get(use.mediaId);
    if (list) list.push(use);
    else grouped.set(use.mediaId, [use]);
  }
  return new Map([...grouped].map(([id, list]) => [id, summarizeUses(list)]));
}
