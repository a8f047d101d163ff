import { describe, expect, it } from 'vitest';
import {
  confirmationMatches,
  describeGroups,
  groupMatches,
  keyGroups,
  normaliseKeyText,
  pickGroupsToConfirm,
  recoveryFileText,
} from '../../renderer/lib/recovery-key.ts';
import { FAKE_RECOVERY_KEY } from './fake-api.ts';

describe('recovery key display and confirmation', () => {
  const groups = keyGroups(FAKE_RECOVERY_KEY);

  it('keeps the key’s own groups (17 groups of four)', () => {
    expect(groups).toHaveLength(17);
    expect(groups[0]).toBe('0A1B');
    expect(groups[16]).toBe('1234');
  });

  it('cuts a key without separators into groups of four', () => {
    expect(keyGroups('abcdefghij')).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('compares without caring about case, spaces or dashes', () => {
    expect(normaliseKeyText(' 0a1b-2c3d ')).toBe('0A1B2C3D');
    expect(groupMatches('8293', ' 82 93 ')).toBe(true);
    expect(groupMatches('A4B5', 'a4b5')).toBe(true);
    expect(groupMatches('A4B5', 'a4-b5')).toBe(true);
    expect(groupMatches('A4B5', 'A4B6')).toBe(false);
    expect(groupMatches('A4B5', 'A4B')).toBe(false);
    expect(groupMatches('A4B5', '')).toBe(false);
  });

  it('accepts the asked groups typed back in order, and nothing else', () => {
    const asked = [2, 11];
    expect(confirmationMatches(groups, asked, ['4e5f', '6677'])).toBe(true);
    expect(confirmationMatches(groups, asked, ['4E5F ', ' 66-77'])).toBe(true);
    expect(confirmationMatches(groups, asked, ['6677', '4e5f'])).toBe(false); // swapped
    expect(confirmationMatches(groups, asked, ['4e5f', ''])).toBe(false);
    expect(confirmationMatches(groups, asked, ['4e5f'])).toBe(false);
    expect(confirmationMatches(groups, [], [])).toBe(false);
    expect(confirmationMatches(groups, [40], ['x'])).toBe(false);
  });

  it('names the asked groups the way people count', () => {
    expect(describeGroups([2, 11])).toBe('group 3 and group 12');
    expect(describeGroups([0])).toBe('group 1');
    expect(describeGroups([0, 4, 9])).toBe('group 1, group 5 and group 10');
  });

  it('picks two different, non-neighbouring groups', () => {
    for (let seed = 0; seed < 200; seed++) {
      let x = seed;
      const random = (max: number) => {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        return x % max;
      };
      const [a, b] = pickGroupsToConfirm(17, 2, random);
      expect(a).toBeDefined();
      expect(b).toBeDefined();
      expect(a! < b!).toBe(true);
      expect(b! - a!).toBeGreaterThan(1);
      expect(b!).toBeLessThan(17);
    }
  });

  it('still picks when the random source keeps repeating itself', () => {
    expect(pickGroupsToConfirm(17, 2, () => 5)).toHaveLength(2);
  });

  it('writes a plain text file with the key and how to use it', () => {
    const text = recoveryFileText(FAKE_RECOVERY_KEY, new Date('2025-03-03T10:00:00Z'));
    expect(text).toContain('Saltwater recovery key');
    expect(text).toContain('0A1B  2C3D  4E5F  6071');
    expect(text).toContain("I've lost my passphrase");
    expect(text).toContain('2025-03-03');
    expect(normaliseKeyText(text)).toContain(normaliseKeyText(FAKE_RECOVERY_KEY));
  });
});
