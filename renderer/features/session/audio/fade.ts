/** The part of an AudioParam a fade needs (a native one, or a fake in tests). */
export interface FadeParam {
  readonly value: number;
  cancelScheduledValues(time: number): unknown;
  setValueAtTime(value: number, time: number): unknown;
  linearRampToValueAtTime(value: number, time: number): unknown;
  cancelAndHoldAtTime?(time: number): unknown;
}

/** Stop fades the sound out this fast: short enough to feel immediate, long enough not to click. */
export const STOP_FADE_SECONDS = 0.04;

/** Glides a gain from wherever it is now to `value`, starting exactly at `now` (raw context time). */
export function glide(param: FadeParam, value: number, now: number, seconds: number): number {
  if (typeof param.cancelAndHoldAtTime === 'function') {
    param.cancelAndHoldAtTime(now);
  } else {
    const current = param.value;
    param.cancelScheduledValues(now);
    param.setValueAtTime(current, now);
  }
  const end = now + Math.max(0.005, seconds);
  param.linearRampToValueAtTime(value, end);
  return end;
}

/** Fades to silence within STOP_FADE_SECONDS (well inside the 100 ms promise). Returns when it is silent. */
export function fadeOut(param: FadeParam, now: number, seconds = STOP_FADE_SECONDS): number {
  const end = glide(param, 0, now, Math.min(seconds, STOP_FADE_SECONDS));
  // Pin it at zero, so nothing later can bring the sound back by accident.
  param.setValueAtTime(0, end);
  return end;
}
