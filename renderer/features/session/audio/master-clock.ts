/**
 * The one clock a session runs on. The audio context's own time is the master: cue sounds
 * are scheduled on it ahead of time, and the visual reads the same value every animation
 * frame, so sight and sound cannot drift apart. When sound is off the context still runs
 * (silently) and still keeps the time.
 */

export type ClockSource = 'audio' | 'performance' | 'test';

export interface MasterClock {
  /** Seconds; only differences matter. */
  now(): number;
  readonly source: ClockSource;
  /** How many times faster than real time (1, except in fast test runs). */
  readonly speed: number;
}

/** The part of an AudioContext (native, standardized or Tone's rawContext) the clock needs. */
export interface AudioTimeSource {
  readonly currentTime: number;
  readonly state: string;
}

export interface ClockOptions {
  /** The session's audio context, when one is running. */
  context?: AudioTimeSource | null;
  /** Fast test runs: this many times real time, from performance.now(). */
  speed?: number | null;
  performanceNow?: () => number;
}

const defaultNow = () => performance.now();

/**
 * The raw context time (AudioContext.currentTime: not Tone's now(), which adds the look-ahead).
 * Without a running context: performance.now() in seconds. With a test speed: performance.now() × speed.
 */
export function createMasterClock(options: ClockOptions = {}): MasterClock {
  const perf = options.performanceNow ?? defaultNow;
  const speed = options.speed ?? null;
  if (speed !== null && speed > 0 && speed !== 1) {
    return { source: 'test', speed, now: () => (perf() / 1000) * speed };
  }
  const context = options.context;
  if (context && context.state === 'running') {
    return { source: 'audio', speed: 1, now: () => context.currentTime };
  }
  return { source: 'performance', speed: 1, now: () => perf() / 1000 };
}

/** The test host's speed-up (data-session-speed on <html>), or null in normal use. */
export function readSessionSpeed(root: HTMLElement | null = globalThis.document?.documentElement ?? null): number | null {
  const raw = root?.dataset.sessionSpeed;
  if (raw === undefined || raw === '') return null;
  const speed = Number(raw);
  return Number.isFinite(speed) && speed > 0 ? speed : null;
}

/** Test hooks (window.__saltwaterAudio) exist only when the test host asks for them. */
export function testHooksEnabled(root: HTMLElement | null = globalThis.document?.documentElement ?? null): boolean {
  return root?.dataset.testHooks !== undefined;
}
