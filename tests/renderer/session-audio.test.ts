/**
 * The audio side, without a sound card: the cue scheduler against a fake Tone transport, the
 * stop fade against a fake AudioParam that computes its automation, and the master clock.
 */
import { describe, expect, it } from 'vitest';
import type { BreathPhaseKind } from '../../preload/contract/practice.ts';
import { BreathTimeline } from '../../renderer/features/session/breath-timeline.ts';
import { scheduleCues, type CueTransport } from '../../renderer/features/session/audio/cue-scheduler.ts';
import { fadeOut, glide, STOP_FADE_SECONDS, type FadeParam } from '../../renderer/features/session/audio/fade.ts';
import { createMasterClock, readSessionSpeed, testHooksEnabled } from '../../renderer/features/session/audio/master-clock.ts';

/** Like Tone's Transport: keeps callbacks by time; `run` calls each with the audio time it fires at. */
function fakeTransport() {
  const events: Array<{ at: number; callback: (time: number) => void }> = [];
  const transport: CueTransport & { events: typeof events; fire(startedAt: number): void } = {
    events,
    schedule(callback, at) {
      events.push({ at, callback });
      return events.length;
    },
    /** Plays everything as if the transport started at audio time `startedAt` (with a little jitter in when JS runs). */
    fire(startedAt) {
      for (const e of events) e.callback(startedAt + e.at);
    },
  };
  return transport;
}

describe('scheduleCues', () => {
  it('schedules every phase change of every cycle at timeline cue + start', () => {
    for (const pattern of ['4-7-8', 'box', 'coherent', 'sigh', { custom: { inhale: 3.3, hold: 0, exhale: 4.7, rest: 1 } }] as const) {
      const timeline = new BreathTimeline(pattern);
      const transport = fakeTransport();
      const ids = scheduleCues(transport, timeline, 5, 12.5, { trigger: () => {} });
      expect(ids).toHaveLength(timeline.phases.length * 5);
      expect(transport.events.map((e) => e.at)).toEqual(timeline.cues(5).map((c) => c.at + 12.5));
    }
  });

  it('hands the voice exactly the time the transport gives the callback (never a clock reading)', () => {
    const timeline = new BreathTimeline('4-7-8');
    const transport = fakeTransport();
    const played: Array<[BreathPhaseKind, number]> = [];
    scheduleCues(transport, timeline, 2, 0, { trigger: (phase, time) => played.push([phase, time]) });
    transport.fire(100.123456);
    expect(played).toEqual([
      ['inhale', 100.123456],
      ['hold', 100.123456 + 4],
      ['exhale', 100.123456 + 11],
      ['inhale', 100.123456 + 19],
      ['hold', 100.123456 + 23],
      ['exhale', 100.123456 + 30],
    ]);
  });
});

/** A fake AudioParam that really computes setValueAtTime / linear ramps, like Web Audio does. */
function fakeParam(initial: number) {
  type Ev = { type: 'set' | 'ramp'; value: number; time: number };
  let events: Ev[] = [{ type: 'set', value: initial, time: 0 }];
  const valueAt = (t: number): number => {
    let value = initial;
    let from = { value: initial, time: 0 };
    for (const e of [...events].sort((a, b) => a.time - b.time)) {
      if (e.time <= t) {
        value = e.value;
        from = { value: e.value, time: e.time };
      } else {
        if (e.type === 'ramp') return from.value + ((e.value - from.value) * (t - from.time)) / (e.time - from.time);
        return value;
      }
    }
    return value;
  };
  let now = 0;
  const param: FadeParam & { at(t: number): number; setNow(t: number): void; events(): Ev[] } = {
    get value() {
      return valueAt(now);
    },
    cancelScheduledValues(time) {
      events = events.filter((e) => e.time < time);
    },
    setValueAtTime(value, time) {
      events.push({ type: 'set', value, time });
    },
    linearRampToValueAtTime(value, time) {
      events.push({ type: 'ramp', value, time });
    },
    at: valueAt,
    setNow(t) {
      now = t;
    },
    events: () => events,
  };
  return param;
}

describe('stop fade', () => {
  it('reaches silence within 50 ms of Stop (well inside 100 ms), starting from the current level', () => {
    const param = fakeParam(0.5);
    param.setNow(10);
    const silentAt = fadeOut(param, 10);
    expect(silentAt - 10).toBeLessThanOrEqual(0.05);
    expect(STOP_FADE_SECONDS).toBeLessThanOrEqual(0.05);
    expect(param.at(10)).toBeCloseTo(0.5, 6); // no jump: it glides from where it is
    expect(param.at(10.02)).toBeGreaterThan(0);
    expect(param.at(10.02)).toBeLessThan(0.5);
    expect(param.at(10 + 0.05)).toBe(0);
    expect(param.at(10 + 0.1)).toBe(0);
    expect(param.at(100)).toBe(0);
  });

  it('cancels a volume change still on its way (nothing can bring the sound back)', () => {
    const param = fakeParam(0.2);
    param.setNow(5);
    glide(param, 0.9, 5, 2); // a slow swell up to 0.9 by t = 7
    param.setNow(5.5);
    fadeOut(param, 5.5);
    expect(param.at(5.5 + 0.05)).toBe(0);
    expect(param.at(7)).toBe(0);
    expect(param.at(20)).toBe(0);
  });

  it('uses cancelAndHoldAtTime where the browser has it', () => {
    const calls: string[] = [];
    const param: FadeParam = {
      value: 0.7,
      cancelAndHoldAtTime: (t) => calls.push(`hold@${t}`),
      cancelScheduledValues: (t) => calls.push(`cancel@${t}`),
      setValueAtTime: (v, t) => calls.push(`set ${v}@${t}`),
      linearRampToValueAtTime: (v, t) => calls.push(`ramp ${v}@${t}`),
    };
    fadeOut(param, 3);
    expect(calls).toEqual(['hold@3', `ramp 0@${3 + STOP_FADE_SECONDS}`, `set 0@${3 + STOP_FADE_SECONDS}`]);
  });
});

describe('master clock', () => {
  it('is the audio context time, raw, when the context runs', () => {
    const context = { currentTime: 42.5, state: 'running' };
    const clock = createMasterClock({ context, performanceNow: () => 999_999 });
    expect(clock.source).toBe('audio');
    expect(clock.now()).toBe(42.5);
    context.currentTime = 43.25;
    expect(clock.now()).toBe(43.25);
  });

  it('follows the audio being heard (output timestamp projected to now), not the look-ahead', () => {
    let ms = 10_000;
    const context = {
      currentTime: 5.04, // the context has rendered 40 ms past what reaches the speakers
      state: 'running',
      getOutputTimestamp: () => ({ contextTime: 4.99, performanceTime: 9_990 }),
    };
    const clock = createMasterClock({ context, performanceNow: () => ms });
    expect(clock.now()).toBeCloseTo(5.0, 9); // 4.99 heard at 9 990 ms, 10 ms later → 5.00
    ms = 10_100; // past what the context has rendered: never ahead of currentTime
    expect(clock.now()).toBeCloseTo(5.04, 9);
    ms = 10_000;
    context.getOutputTimestamp = () => ({ contextTime: 4.9, performanceTime: 9_990 });
    expect(clock.now()).toBeCloseTo(5.04, 9); // and never backwards
  });

  it('falls back to performance.now() when no context can run', () => {
    let ms = 5000;
    const clock = createMasterClock({ context: { currentTime: 0, state: 'suspended' }, performanceNow: () => ms });
    expect(clock.source).toBe('performance');
    expect(clock.now()).toBe(5);
    ms = 6500;
    expect(clock.now()).toBe(6.5);
    expect(createMasterClock({ context: null, performanceNow: () => ms }).source).toBe('performance');
  });

  it('runs N times faster for test runs (from performance.now), and reads the speed from <html>', () => {
    let ms = 1000;
    const clock = createMasterClock({ context: { currentTime: 1, state: 'running' }, speed: 30, performanceNow: () => ms });
    expect(clock.source).toBe('test');
    const a = clock.now();
    ms += 1000;
    expect(clock.now() - a).toBeCloseTo(30, 9);

    const html = document.createElement('html');
    expect(readSessionSpeed(html)).toBeNull();
    expect(testHooksEnabled(html)).toBe(false);
    html.dataset.sessionSpeed = '30';
    html.dataset.testHooks = '';
    expect(readSessionSpeed(html)).toBe(30);
    expect(testHooksEnabled(html)).toBe(true);
    html.dataset.sessionSpeed = 'fast';
    expect(readSessionSpeed(html)).toBeNull();
  });
});
