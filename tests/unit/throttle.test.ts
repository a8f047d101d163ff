import { describe, expect, it } from 'vitest';
import { delayAfterFailures, noFailures, retryAfterMs, withFailure } from '../../main/core/vault/throttle.ts';

describe('throttle', () => {
  it('lets the first five tries go free, then doubles from 1 s up to 60 s', () => {
    const delays = Array.from({ length: 14 }, (_, i) => delayAfterFailures(i));
    expect(delays).toEqual([0, 0, 0, 0, 0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(delayAfterFailures(10_000)).toBe(60_000);
  });

  it('counts down from the last failure', () => {
    let record = noFailures;
    for (let i = 0; i < 6; i++) record = withFailure(record, 1_000_000);
    expect(record).toEqual({ failedAttempts: 6, lastFailedAt: 1_000_000 });
    expect(retryAfterMs(record, 1_000_000)).toBe(2_000);
    expect(retryAfterMs(record, 1_001_500)).toBe(500);
    expect(retryAfterMs(record, 1_002_000)).toBe(0);
    expect(retryAfterMs(noFailures, 0)).toBe(0);
  });

  it('never asks for more than the full delay when the clock jumps backwards', () => {
    const record = { failedAttempts: 7, lastFailedAt: 5_000_000 };
    expect(retryAfterMs(record, 1_000)).toBe(4_000);
  });
});
