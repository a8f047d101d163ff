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
  getOutputTimestamp?(): { contextTime?: number; performanceTime?: number };
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
    return { source: 'audio', speed: 1, now: heardTime(context, perf) };
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

/**
 * The audio time being heard right now. currentTime runs ahead of the speakers by the output
 * latency (about 40 ms in Chromium: more than two frames), so the visual would lead the sound.
 * getOutputTimestamp() says which context time was at the speakers at which moment; projecting
 * it to now gives the time the ear is at. Kept monotonic, and never past currentTime.
 */
function heardTime(context: AudioTimeSource, perf: () => number): () => number {
  let last = -Infinity;
  return () => {
    const stamp = context.getOutputTimestamp?.();
    let t = context.currentTime;
    if (stamp && typeof stamp.contextTime === 'number' && typeof stamp.performanceTime === 'number' && stamp.performanceTime > 0) {
      t = Math.min(context.currentTime, stamp.contextTime + (perf() - stamp.performanceTime) / 1000);
    }
    last = Math.max(last, t);
    return last;
  };
}
