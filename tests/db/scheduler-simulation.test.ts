import { describe, expect, it } from 'vitest';
import { simulate } from '../../scripts/bench/scheduler.bench.ts';

/**
 * Three months of sleeps, locks, sessions, quits, crashes and zone changes around a weekly
 * and a daily schedule (the same simulation `npm run bench` runs for two years).
 */
describe('scheduler simulation', () => {
  for (const seed of [11, 23, 2025]) {
    it(`seed ${seed}: nothing duplicated, nothing lost`, async () => {
      const counts = await simulate({ days: 92, seed });
      expect({ duplicated: counts.duplicated, lost: counts.lost }).toEqual({ duplicated: 0, lost: 0 });
      expect(counts.mostOffersAtOnce).toBeLessThanOrEqual(1);
      // The run really went through what it claims to test.
      expect(counts.occurrencesDue).toBeGreaterThan(90);
      expect(counts.shownOnTime).toBeGreaterThan(10);
      expect(counts.missedOffered).toBeGreaterThan(5);
      expect(counts.snoozes).toBeGreaterThan(0);
      expect(counts.restarts).toBeGreaterThan(0);
      expect(counts.sleeps).toBeGreaterThan(10);
      expect(counts.zoneChanges).toBe(2);
    });
  }

  it('the checks can fail: without the sealed log, quitting while locked duplicates', async () => {
    const counts = await simulate({ days: 92, seed: 1, withoutSealedLog: true });
    expect(counts.duplicated).toBeGreaterThan(0);
  });

  it('the checks can fail: a notifier that drops reminders is caught as lost', async () => {
    const counts = await simulate({ days: 92, seed: 1, dropEveryNthReminder: 7 });
    expect(counts.lost).toBeGreaterThan(0);
  });
});
