/**
 * Runs inside Chromium for `npm run bench`: measures the session's cue timing with the app's
 * own modules (timeline, cue scheduler, voice, master clock, session audio).
 */
import 'tone/build/esm/core/clock/Transport.js';
import 'tone/build/esm/core/context/Destination.js';
import { getContext } from 'tone/build/esm/core/context/GlobalContext.js';
import { Offline } from 'tone/build/esm/core/context/Offline.js';
import { BreathTimeline } from '../../../renderer/features/session/breath-timeline.ts';
import { scheduleCues } from '../../../renderer/features/session/audio/cue-scheduler.ts';
import { createCueVoice } from '../../../renderer/features/session/audio/cue-voice.ts';
import { startSessionAudio } from '../../../renderer/features/session/audio/session-audio.ts';

const EPS = 1e-6;

/** Renders `minutes` of coherent breathing offline and compares every detected onset with its cue time. */
async function offline(minutes: number, sampleRate: number) {
  const timeline = new BreathTimeline('coherent');
  const seconds = minutes * 60;
  const cycles = Math.floor(seconds / timeline.cycleSeconds) - 1;
  const start = 0.5;
  const buffer = await Offline(
    (context) => {
      context.lookAhead = 0.01;
      const voice = createCueVoice(context.destination);
      scheduleCues(context.transport, timeline, cycles, 0, voice);
      context.transport.start(start);
    },
    seconds,
    1,
    sampleRate,
  );
  const data = buffer.getChannelData(0);
  const quietBefore = Math.round(0.2 * sampleRate);
  const errors: number[] = [];
  let missing = 0;
  for (const cue of timeline.cues(cycles)) {
    const expected = start + cue.at;
    const from = Math.max(0, Math.floor((expected - 0.02) * sampleRate));
    const to = Math.min(data.length, Math.ceil((expected + 0.02) * sampleRate));
    let found = -1;
    for (let i = from; i < to; i++) {
      if (Math.abs(data[i]!) > EPS) {
        let quiet = true;
        for (let j = Math.max(0, i - quietBefore); j < i; j++) if (Math.abs(data[j]!) > EPS) quiet = false;
        if (quiet) {
          found = i;
          break;
        }
      }
    }
    if (found < 0) missing++;
    else errors.push((found / sampleRate - expected) * 1000);
  }
  const firstTen = errors.slice(0, 10);
  const lastTen = errors.slice(-10);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    cues: errors.length + missing,
    missing,
    maxAbsErrorMs: Math.max(...errors.map(Math.abs)),
    meanErrorMs: mean(errors),
    driftMs: mean(lastTen) - mean(firstTen),
    sampleMs: 1000 / sampleRate,
  };
}

/**
 * Realtime: the visual reads the master clock each frame; the audio being heard at that frame
 * comes from getOutputTimestamp(). A naive setInterval timer counts 100 ms ticks alongside.
 */
async function realtime(seconds: number) {
  const audio = startSessionAudio({ enabled: true, volume: 0.2 });
  if (!audio) throw new Error('No Web Audio in this browser');
  await audio.ready;
  if (audio.clock.source !== 'audio') throw new Error(`clock source is ${audio.clock.source}, not audio`);
  const context = audio.clock;
  const timeline = new BreathTimeline('coherent');
  const startAt = context.now() + 0.2;
  audio.armBreath(timeline, Math.ceil(seconds / timeline.cycleSeconds) + 1, startAt);

  const offsets: number[] = [];
  const rawOffsets: number[] = [];
  const naive: Array<{ at: number; drift: number }> = [];
  let naiveElapsed = 0;
  const naiveStartClock = context.now();
  const interval = setInterval(() => {
    naiveElapsed += 0.1;
    naive.push({ at: naiveElapsed, drift: (naiveElapsed - (context.now() - naiveStartClock)) * 1000 });
  }, 100);

  const ctx = getRawContext();
  await new Promise<void>((done) => {
    const end = performance.now() + seconds * 1000;
    const frame = (frameTime: number) => {
      const visual = context.now();
      const stamp = ctx?.getOutputTimestamp?.();
      if (stamp && stamp.contextTime !== undefined && stamp.performanceTime !== undefined && stamp.performanceTime > 0) {
        const heard = stamp.contextTime + (frameTime - stamp.performanceTime) / 1000;
        offsets.push((visual - heard) * 1000);
        if (ctx) rawOffsets.push((ctx.currentTime - heard) * 1000);
      }
      if (performance.now() < end) requestAnimationFrame(frame);
      else done();
    };
    requestAnimationFrame(frame);
  });
  clearInterval(interval);
  audio.stop();
  audio.dispose();
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
  const abs = offsets.map(Math.abs);
  return {
    frames: offsets.length,
    visualVsAudioP50Ms: pct(abs, 50),
    visualVsAudioP95Ms: pct(abs, 95),
    visualVsAudioMaxMs: Math.max(...abs),
    currentTimeVsAudioP50Ms: pct(rawOffsets.map(Math.abs), 50),
    naiveDriftEndMs: naive.at(-1)?.drift ?? NaN,
    naiveDriftMaxAbsMs: Math.max(...naive.map((n) => Math.abs(n.drift))),
    outputLatencyMs: ((ctx as AudioContext & { outputLatency?: number })?.outputLatency ?? NaN) * 1000,
  };
}

/** The session's context is Tone's shared one (session-audio sets it as Tone's global context). */
function getRawContext(): AudioContext | null {
  return (getContext().rawContext as unknown as AudioContext) ?? null;
}

Object.assign(window, { benchOffline: offline, benchRealtime: realtime });
