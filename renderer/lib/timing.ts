/** Small timing helpers with injectable clocks, so tests can drive them. */

export type Now = () => number;

/**
 * Returns a function that calls `fn` at most once every `intervalMs`
 * (the first call goes through at once; calls in between are dropped).
 */
export function throttle(fn: () => void, intervalMs: number, now: Now = Date.now): () => void {
  let last = -Infinity;
  return () => {
    const t = now();
    if (t - last < intervalMs) return;
    last = t;
    fn();
  };
}

/** "4 s", rounded up, never below 1 while time remains. */
export function secondsLeft(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}

/** Waits for `promise`, but no longer than `ms`: then resolves with null and lets it run on. */
export function atMost<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([promise, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
}
