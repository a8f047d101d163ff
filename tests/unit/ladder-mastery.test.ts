import { describe, expect, it } from 'vitest';
import { CALM_IN_A_ROW_TO_MASTER, inTimeOrder, isCalm, stepProgress, trackProgress, type TimedPeak } from '../../main/core/ladder/mastery.ts';

const HOUR = 3_600_000;

/** Attempts an hour apart, in this order, with these peaks; each lasts ten minutes. */
function attempts(...peaks: number[]): TimedPeak[] {
  return peaks.map((distressPeak, i) => ({ id: i + 1, startedAt: (i + 1) * HOUR, endedAt: (i + 1) * HOUR + 600_000, distressPeak }));
}

describe('calm enough', () => {
  it('is strictly below the threshold: equal to it is not', () => {
    expect(isCalm(49, 50)).toBe(true);
    expect(isCalm(50, 50)).toBe(false);
    expect(isCalm(51, 50)).toBe(false);
    expect(isCalm(0, 1)).toBe(true);
    expect(isCalm(99, 100)).toBe(true);
    expect(isCalm(100, 100)).toBe(false);
  });
});

describe('the mastery rule', () => {
  it('needs two calm attempts in a row', () => {
    expect(CALM_IN_A_ROW_TO_MASTER).toBe(2);
    expect(stepProgress([], 50)).toEqual({
      attempts: 0,
      lastAttemptAt: null,
      lastPeak: null,
      mastered: false,
      masteredAt: null,
      calmInARow: 0,
      calmStillNeeded: 2,
    });
    expect(stepProgress(attempts(30), 50)).toMatchObject({ mastered: false, calmInARow: 1, calmStillNeeded: 1 });
    const two = attempts(30, 45);
    expect(stepProgress(two, 50)).toEqual({
      attempts: 2,
      lastAttemptAt: two[1]!.startedAt,
      lastPeak: 45,
      mastered: true,
      masteredAt: two[1]!.endedAt,
      calmInARow: 2,
      calmStillNeeded: 0,
    });
  });

  it('a peak equal to the threshold does not count', () => {
    expect(stepProgress(attempts(50, 50), 50)).toMatchObject({ mastered: false, calmInARow: 0, calmStillNeeded: 2 });
    expect(stepProgress(attempts(49, 50), 50)).toMatchObject({ mastered: false, calmInARow: 0 });
    expect(stepProgress(attempts(50, 49), 50)).toMatchObject({ mastered: false, calmInARow: 1, calmStillNeeded: 1 });
    expect(stepProgress(attempts(49, 49), 50).mastered).toBe(true);
  });

  it('a hard attempt between two calm ones breaks the streak', () => {
    const a = attempts(20, 70, 20);
    expect(stepProgress(a, 50)).toMatchObject({ attempts: 3, mastered: false, calmInARow: 1, calmStillNeeded: 1, lastPeak: 20 });
    const b = attempts(20, 70, 20, 10);
    expect(stepProgress(b, 50)).toMatchObject({ mastered: true, masteredAt: b[3]!.endedAt, calmInARow: 2 });
  });

  it('two calm attempts that are not next to each other never master it', () => {
    expect(stepProgress(attempts(10, 90, 10, 90, 10, 90), 50)).toMatchObject({ attempts: 6, mastered: false, calmInARow: 0, calmStillNeeded: 2 });
  });

  it('stays mastered after a later hard attempt, showing the latest streak', () => {
    const a = attempts(30, 30, 80);
    expect(stepProgress(a, 50)).toMatchObject({ mastered: true, masteredAt: a[1]!.endedAt, calmInARow: 0, calmStillNeeded: 0, lastPeak: 80 });
    const b = attempts(30, 30, 80, 40);
    expect(stepProgress(b, 50)).toMatchObject({ mastered: true, masteredAt: b[1]!.endedAt, calmInARow: 1 });
  });

  it('masteredAt is the first time it happened; the latest streak keeps counting', () => {
    const a = attempts(90, 10, 10, 10, 10);
    expect(stepProgress(a, 50)).toMatchObject({ mastered: true, masteredAt: a[2]!.endedAt, calmInARow: 4 });
  });

  it('is judged again when the threshold changes', () => {
    const a = attempts(45, 35, 60, 55);
    expect(stepProgress(a, 50)).toMatchObject({ mastered: true, masteredAt: a[1]!.endedAt });
    // Lower: only 35 is calm now, alone.
    expect(stepProgress(a, 40)).toMatchObject({ mastered: false, calmInARow: 0 });
    // Exactly at 45: 45 is not below, so still not mastered.
    expect(stepProgress(a, 45)).toMatchObject({ mastered: false });
    // Higher: every attempt is calm; mastered by the second.
    expect(stepProgress(a, 61)).toMatchObject({ mastered: true, masteredAt: a[1]!.endedAt, calmInARow: 4 });
    // 56 admits 55 but not 60: the last two are split by the 60.
    expect(stepProgress(attempts(60, 55), 56)).toMatchObject({ mastered: false, calmInARow: 1 });
  });

  it('orders attempts by when they started, not by the order they were recorded', () => {
    // Recorded: a calm attempt, then a hard one entered later but dated between two calm ones.
    const recorded: TimedPeak[] = [
      { id: 1, startedAt: 1 * HOUR, endedAt: 1 * HOUR + 10, distressPeak: 20 },
      { id: 2, startedAt: 3 * HOUR, endedAt: 3 * HOUR + 10, distressPeak: 20 },
      { id: 3, startedAt: 2 * HOUR, endedAt: 2 * HOUR + 10, distressPeak: 80 },
    ];
    expect(stepProgress(recorded, 50)).toMatchObject({ mastered: false, calmInARow: 1, lastAttemptAt: 3 * HOUR, lastPeak: 20 });

    // Recorded hard first, but in time the two calm ones came one after the other at the end.
    const backfilled: TimedPeak[] = [
      { id: 1, startedAt: 5 * HOUR, endedAt: 5 * HOUR + 10, distressPeak: 30 },
      { id: 2, startedAt: 1 * HOUR, endedAt: 1 * HOUR + 10, distressPeak: 90 },
      { id: 3, startedAt: 4 * HOUR, endedAt: 4 * HOUR + 10, distressPeak: 30 },
    ];
    expect(stepProgress(backfilled, 50)).toMatchObject({ mastered: true, masteredAt: 5 * HOUR + 10, calmInARow: 2, lastPeak: 30 });
  });

  it('breaks ties in start time by end time, then by id', () => {
    const same = 7 * HOUR;
    const list: TimedPeak[] = [
      { id: 3, startedAt: same, endedAt: same + 5, distressPeak: 10 },
      { id: 1, startedAt: same, endedAt: same + 9, distressPeak: 90 },
      { id: 2, startedAt: same, endedAt: same + 5, distressPeak: 10 },
    ];
    const input = [...list];
    expect(inTimeOrder(list).map((a) => a.id)).toEqual([2, 3, 1]);
    expect(list).toEqual(input);
    expect(stepProgress(list, 50)).toMatchObject({ mastered: true, masteredAt: same + 5, calmInARow: 0, lastPeak: 90 });
  });
});

describe('track progress', () => {
  const step = (id: number, mastered: boolean) => ({ id, progress: { mastered } });

  it('counts mastered steps and points to the first one not mastered, in order', () => {
    expect(trackProgress([])).toEqual({ mastered: 0, total: 0, nextStepId: null });
    expect(trackProgress([step(7, false), step(3, false)])).toEqual({ mastered: 0, total: 2, nextStepId: 7 });
    expect(trackProgress([step(7, true), step(3, false), step(9, false)])).toEqual({ mastered: 1, total: 3, nextStepId: 3 });
    // A later step mastered out of order does not skip the earlier one.
    expect(trackProgress([step(7, true), step(3, false), step(9, true)])).toEqual({ mastered: 2, total: 3, nextStepId: 3 });
    expect(trackProgress([step(7, true), step(3, true)])).toEqual({ mastered: 2, total: 2, nextStepId: null });
  });
});
