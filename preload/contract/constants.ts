/**
 * Plain values of the contract, with no zod in sight: the lock screen imports these, and it must
 * paint before the schemas (and zod itself) have loaded. schemas.ts and crisis-lines.ts re-export
 * them, so everything else keeps importing from the contract as before.
 */
export const limits = {
  passphraseMin: 8,
  passphraseMax: 1024,
  entryBodyMax: 2_000_000, // characters; a 1 MB entry must fit comfortably
  emotionsPerEntry: 30,
  tagsPerEntry: 30,
  tagMax: 40,
  wordMax: 40,
  bodyLocationMax: 80,
  searchQueryMax: 500,
  listPageMax: 200,
  quickNoteMax: 20_000,
} as const;

/** Weekdays as crisis lines' opening hours write them. */
export const lineDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type LineDay = (typeof lineDays)[number];

/** Quick hide's shortcut until the person chooses another. */
export const defaultQuickHideKey = 'mod+shift+h';
