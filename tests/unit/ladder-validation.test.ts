import { describe, expect, it } from 'vitest';
import { parse } from '../../main/core/journal/validate.ts';
import {
  LadderAttemptInput as AttemptInput,
  ladderLimits as limits,
  NewLadderStep as NewStep,
  LadderStepChanges as StepChanges,
  LadderThreshold as Threshold,
  LADDER_TRACKS as TRACKS,
} from '../../preload/contract/ladder.ts';
import { insertionIndex, sameWords, SUGGESTED_STEPS } from '../../main/core/ladder/suggestions.ts';
import { refusal } from '../helpers/refusal.ts';

const attempt = (more: Record<string, unknown> = {}) => ({
  stepId: 1,
  distressBefore: 40,
  distressPeak: 55,
  distressAfter: 20,
  tears: 2,
  breathedBefore: true,
  breathedAfter: true,
  startedAt: 1_000,
  endedAt: 2_000,
  ...more,
});

describe('step input', () => {
  it('trims the words and keeps them to one short line', () => {
    expect(parse(NewStep, { track: 'letting-come', text: '  Cry alone  ', expectedDistress: 30 })).toEqual({
      track: 'letting-come',
      text: 'Cry alone',
      expectedDistress: 30,
    });
    expect(parse(NewStep, { track: 'staying-with', text: '💧'.repeat(limits.stepText), expectedDistress: 0 }).text).toHaveLength(400);
    expect(refusal(NewStep, { track: 'letting-come', text: '💧'.repeat(limits.stepText + 1), expectedDistress: 30 })).toMatch(/at most 200 characters/);
    expect(refusal(NewStep, { track: 'letting-come', text: '   ', expectedDistress: 30 })).toMatch(/write a few words/);
    expect(refusal(NewStep, { track: 'letting-come', text: 'one\ntwo', expectedDistress: 30 })).toMatch(/one line/);
    expect(refusal(NewStep, { track: 'both', text: 'x', expectedDistress: 30 })).toMatch(/Letting tears come/);
  });

  it('expected distress is a whole number from 0 to 100', () => {
    for (const bad of [-1, 101, 12.5, Number.NaN, '50', null]) {
      expect(refusal(NewStep, { track: 'letting-come', text: 'x', expectedDistress: bad }), String(bad)).toMatch(/whole number from 0 to 100/);
    }
    expect(parse(NewStep, { track: 'letting-come', text: 'x', expectedDistress: 100 }).expectedDistress).toBe(100);
  });

  it('a change needs something to change', () => {
    expect(refusal(StepChanges, {})).toMatch(/Nothing to change/);
    expect(parse(StepChanges, { expectedDistress: 0 })).toEqual({ expectedDistress: 0 });
  });

  it('never echoes the words back in a message', () => {
    const secret = 'my father’s funeral'.padEnd(250, '.');
    expect(refusal(NewStep, { track: 'letting-come', text: secret, expectedDistress: 30 })).not.toContain('funeral');
  });
});

describe('attempt input', () => {
  it('accepts a complete attempt and links no session by default', () => {
    expect(parse(AttemptInput, attempt())).toMatchObject({ sessionId: null, tears: 2, endedAt: 2_000 });
    expect(parse(AttemptInput, attempt({ endedAt: undefined })).endedAt).toBeUndefined();
  });

  it('refuses distress outside 0–100 and tears outside 0–3, naming which', () => {
    expect(refusal(AttemptInput, attempt({ distressBefore: -5 }))).toMatch(/distress before/);
    expect(refusal(AttemptInput, attempt({ distressPeak: 101 }))).toMatch(/highest distress/);
    expect(refusal(AttemptInput, attempt({ distressAfter: 3.3 }))).toMatch(/distress after/);
    for (const tears of [-1, 4, 1.5, '2']) expect(refusal(AttemptInput, attempt({ tears })), String(tears)).toMatch(/cried freely/);
    expect(refusal(AttemptInput, attempt({ breathedAfter: 'yes' }))).toMatch(/breathing after/);
  });

  it('refuses an attempt that ends before it starts', () => {
    expect(refusal(AttemptInput, attempt({ startedAt: 5_000, endedAt: 4_999 }))).toMatch(/end before it started/);
    expect(parse(AttemptInput, attempt({ startedAt: 5_000, endedAt: 5_000 })).endedAt).toBe(5_000);
  });
});

describe('threshold', () => {
  it('is a whole number from 1 to 100 (0 would make every attempt too hard)', () => {
    for (const bad of [0, 101, 49.5, -1]) expect(refusal(Threshold, bad), String(bad)).toMatch(/from 1 to 100/);
    expect(parse(Threshold, 1)).toBe(1);
    expect(parse(Threshold, 100)).toBe(100);
  });
});

describe('suggested steps', () => {
  it('each track has 5–7 valid suggestions, gentlest first, with unique keys', () => {
    const keys = new Set<string>();
    for (const { track } of TRACKS) {
      const list = SUGGESTED_STEPS[track];
      expect(list.length).toBeGreaterThanOrEqual(5);
      expect(list.length).toBeLessThanOrEqual(7);
      const distress = list.map((s) => s.expectedDistress);
      expect(distress).toEqual([...distress].sort((a, b) => a - b));
      for (const s of list) {
        expect(parse(NewStep, { track, text: s.text, expectedDistress: s.expectedDistress }).text).toBe(s.text);
        expect(keys.has(s.key), s.key).toBe(false);
        keys.add(s.key);
        expect(s.key.length).toBeLessThanOrEqual(40);
      }
    }
  });

  it('a new step goes before the first step expected to be harder', () => {
    expect(insertionIndex([], 40)).toBe(0);
    expect(insertionIndex([10, 30, 60], 40)).toBe(2);
    expect(insertionIndex([10, 30, 60], 30)).toBe(2);
    expect(insertionIndex([10, 30, 60], 5)).toBe(0);
    expect(insertionIndex([10, 30, 60], 90)).toBe(3);
    // The user's own order is kept even when it is not by distress.
    expect(insertionIndex([50, 20, 70], 30)).toBe(0);
  });

  it('the same words ignore case and spacing', () => {
    expect(sameWords('Cry  alone ', 'cry alone')).toBe(true);
    expect(sameWords('Cry alone', 'Cry alone with music')).toBe(false);
  });
});
