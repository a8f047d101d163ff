/**
 * Helpers for showing the recovery key once and checking that the person saved it.
 * The key's own format belongs to the vault; here it is only split into groups
 * for reading and compared without caring about case, spaces or dashes.
 */

/** Uppercase, without spaces, dashes or other separators. */
export function normaliseKeyText(text: string): string {
  return text.replace(/[\s\-_.·]+/g, '').toUpperCase();
}

/**
 * The key as the groups a person reads and copies. A key that already has separators
 * keeps its own groups; one long run of characters is cut into groups of four.
 */
export function keyGroups(key: string): string[] {
  const own = key.trim().split(/[\s-]+/).filter(Boolean);
  if (own.length >= 4) return own.map((g) => g.toUpperCase());
  const flat = normaliseKeyText(key);
  const groups: string[] = [];
  for (let i = 0; i < flat.length; i += 4) groups.push(flat.slice(i, i + 4));
  return groups;
}

/** A uniformly random integer in [0, max). */
export type RandomInt = (max: number) => number;

export const cryptoRandomInt: RandomInt = (max) => {
  if (max <= 0) return 0;
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    const n = buf[0]!;
    if (n < limit) return n % max;
  }
};

/**
 * Picks `count` different groups to ask for, as 0-based indexes in reading order.
 * With two groups, they are never neighbours (so one glance does not answer both).
 */
export function pickGroupsToConfirm(groupCount: number, count = 2, random: RandomInt = cryptoRandomInt): number[] {
  const want = Math.min(count, groupCount);
  const chosen = new Set<number>();
  let guard = 0;
  while (chosen.size < want && guard++ < 1000) {
    const i = random(groupCount);
    if (chosen.has(i)) continue;
    const neighbour = chosen.has(i - 1) || chosen.has(i + 1);
    if (neighbour && groupCount > want * 2) continue;
    chosen.add(i);
  }
  // Fallback for tiny or unlucky cases: fill in order.
  for (let i = 0; chosen.size < want && i < groupCount; i++) chosen.add(i);
  return [...chosen].sort((a, b) => a - b);
}

/** Does the typed text match this group? Case, spaces and dashes do not matter. */
export function groupMatches(expected: string, typed: string): boolean {
  const want = normaliseKeyText(expected);
  return want.length > 0 && normaliseKeyText(typed) === want;
}

/** True when every asked group was typed back correctly. */
export function confirmationMatches(groups: readonly string[], asked: readonly number[], typed: readonly string[]): boolean {
  if (asked.length === 0 || typed.length !== asked.length) return false;
  return asked.every((index, i) => {
    const group = groups[index];
    return group !== undefined && groupMatches(group, typed[i] ?? '');
  });
}

/** "group 3 and group 12" (1-based, as people count). */
export function describeGroups(asked: readonly number[]): string {
  const names = asked.map((i) => `group ${i + 1}`);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The key as lines of four groups, easy to count ("group 12" is the end of line 3). */
export function keyLines(key: string): string[] {
  const groups = keyGroups(key);
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4).join('  '));
  return lines;
}

/** The text of the saved .txt file: the key and how to use it. */
export function recoveryFileText(key: string, createdOn: Date = new Date()): string {
  const lines = keyLines(key);
  const day = createdOn.toISOString().slice(0, 10);
  return [
    'Saltwater recovery key',
    '======================',
    '',
    ...lines,
    '',
    'Four groups on each line: groups 1 to 4 on the first line, 5 to 8 on the',
    'second, and so on.',
    '',
    `Made on ${day}.`,
    '',
    'What this is',
    'This key opens your Saltwater journal if you ever forget your passphrase.',
    'It is the only other way in: nobody else, not even the people who make',
    'Saltwater, can open your journal without it.',
    '',
    'How to use it',
    'On the unlock screen, choose "I\'ve lost my passphrase", type this key',
    '(spaces, dashes and capitals do not matter) and choose a new passphrase.',
    'The same key also opens your vault with standard SQLCipher 4 tools; the',
    'README explains how.',
    '',
    'Keep it somewhere safe and private, for example printed in a drawer or in',
    'a password manager. Anyone who has it can read your journal.',
    '',
  ].join('\n');
}
