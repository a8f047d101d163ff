/**
 * Slows down guessing. The first few wrong tries are free (people mistype); after that each
 * further try must wait twice as long as the last, up to a minute. The record lives in the
 * key file, so quitting and restarting the app does not reset it.
 */

export const FREE_ATTEMPTS = 5;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 60_000;

export interface AttemptRecord {
  failedAttempts: number;
  /** Clock time of the last failure, or null when there has been none since the last success. */
  lastFailedAt: number | null;
}

export const noFailures: AttemptRecord = Object.freeze({ failedAttempts: 0, lastFailedAt: null });

/** How long after the latest failure the next try must wait: 0, ..., 0, 1 s, 2 s, 4 s ... 60 s. */
export function delayAfterFailures(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  // Clamp the exponent first so a huge counter cannot overflow to Infinity.
  const doublings = Math.min(failedAttempts - FREE_ATTEMPTS, 30);
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** doublings);
}

/**
 * Milliseconds until the next try is allowed. Never more than the full delay, so a clock
 * that jumped backwards cannot lock a person out for longer than the rule says.
 */
export function retryAfterMs(record: AttemptRecord, now: number): number {
  if (record.lastFailedAt === null) return 0;
  const delay = delayAfterFailures(record.failedAttempts);
  return Math.ceil(Math.min(delay, Math.max(0, record.lastFailedAt + delay - now)));
}

export function withFailure(record: AttemptRecord, now: number): AttemptRecord {
  return { failedAttempts: record.failedAttempts + 1, lastFailedAt: now };
}
