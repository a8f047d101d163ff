/**
 * Runs inside Chromium (bundled by esbuild): renders a session's mix offline with the app's own
 * modules (session-mix, soundscapes, cue voice and scheduler) and measures what came out.
 * Shared by tests/renderer/soundscape-render.test.ts and the `soundscape` bench.
 */
import 'tone/build/esm/core/clock/Transport.js';
import 'tone/build/esm/core/context/Destination.js';
import { Offline } from 'tone/build/esm/core/context/Offline.js';
import type { SoundscapeId } from '../../preload/contract/soundscape.ts';
import { BreathTimeline } from '../../renderer/features/session/breath-timeline.ts';
import { scheduleCues } from '../../renderer/features/session/audio/cue-scheduler.ts';
import { createCueVoice } from '../../renderer/features/session/audio/cue-voice.ts';
import { createSessionMix } from '../../renderer/features/session/audio/session-mix.ts';
import { SOUNDSCAPE_FADE_IN_SECONDS } from '../../renderer/features/session/audio/soundscapes.ts';

export interface RenderPlan {
  soundscape: SoundscapeId;
  seconds: number;
  sampleRate: number;
  /** 0–1 (default 1: the loudest a person can set). */
  volume?: number;
  /** Breathing tones too, at this volume (0–1), from 0.5 s on. */
  cueVolume?: number;
  /** Stop (as Esc does) at this time; absent: it plays to the end. */
  stopAt?: number;
  /** The practice ends here (the gentle fade); absent: no end. */
  finishAt?: number;
  /** Changes to this soundscape here (a crossfade). */
  changeTo?: { soundscape: SoundscapeId | null; at: number };
}

export interface RenderStats {
  /** Loudest sample of the whole render (1 = full scale: clipping). */
  peak: number;
  /** Level while it plays steadily (after the fade-in, before any change or end), dBFS. */
  rmsDb: number;
  /** Level in the first half-second, while it fades in, dBFS (lower than rmsDb: no jump). */
  startDb: number;
  /** Level in the half-second before stopAt or finishAt, dBFS (still steady: nothing faded early). */
  beforeEndDb: number;
  /** After `stopAt` or `finishAt`: the last sample above −100 dBFS, in ms after it (0 when none). */
  soundAfterMs: number;
  /** Loudest sample from 100 ms after stopAt (or the finish fade's end) to the end. */
  peakAfterQuiet: number;
  /** Wall-clock time spent rendering. */
  renderMs: number;
}

const SILENT = 1e-5; // −100 dBFS

async function renderMix(plan: RenderPlan): Promise<RenderStats> {
  const volume = plan.volume ?? 1;
  const started = performance.now();
  const buffer = await Offline(
    (context) => {
      context.lookAhead = 0.01;
      const mix = createSessionMix(context.destination, { cueVolume: plan.cueVolume ?? 0, soundscapeVolume: volume });
      mix.setEnabled(true, 0, 0.005);
      mix.setSoundscape(plan.soundscape, 0);
      const transport = context.transport;
      if (plan.cueVolume !== undefined) {
        const timeline = new BreathTimeline('coherent');
        scheduleCues(transport, timeline, Math.ceil(plan.seconds / timeline.cycleSeconds), 0.5, createCueVoice(mix.cues));
      }
      // Scheduled like the app does: each action at exactly the time Tone hands the callback.
      if (plan.changeTo) {
        const { soundscape, at } = plan.changeTo;
        transport.schedule((time) => mix.setSoundscape(soundscape, time), at);
      }
      if (plan.finishAt !== undefined) transport.schedule((time) => void mix.finish(time), plan.finishAt);
      if (plan.stopAt !== undefined) transport.schedule((time) => void mix.stop(time), plan.stopAt);
      transport.start(0);
    },
    plan.seconds,
    2,
    plan.sampleRate,
  );
  const renderMs = performance.now() - started;
  const channels = [buffer.getChannelData(0), buffer.getChannelData(1)];
  const sr = plan.sampleRate;
  const at = (seconds: number) => Math.max(0, Math.min(channels[0]!.length, Math.round(seconds * sr)));

  let peak = 0;
  for (const data of channels) for (let i = 0; i < data.length; i++) peak = Math.max(peak, Math.abs(data[i]!));

  const rmsDb = (from: number, to: number) => {
    let sum = 0;
    let n = 0;
    for (const data of channels) {
      for (let i = at(from); i < at(to); i++) sum += data[i]! * data[i]!;
      n += Math.max(0, at(to) - at(from));
    }
    return 20 * Math.log10(Math.sqrt(sum / Math.max(1, n)) || 1e-12);
  };
  const steadyEnd = Math.min(plan.seconds, plan.stopAt ?? Infinity, plan.finishAt ?? Infinity, plan.changeTo?.at ?? Infinity);

  const endAt = plan.stopAt ?? plan.finishAt;
  let soundAfterMs = 0;
  let peakAfterQuiet = 0;
  if (endAt !== undefined) {
    let last = -1;
    for (const data of channels) for (let i = at(endAt); i < data.length; i++) if (Math.abs(data[i]!) > SILENT) last = Math.max(last, i);
    soundAfterMs = last < 0 ? 0 : (last / sr - endAt) * 1000;
    const quietFrom = plan.stopAt !== undefined ? plan.stopAt + 0.1 : plan.finishAt! + 3 + 0.1;
    for (const data of channels) for (let i = at(quietFrom); i < data.length; i++) peakAfterQuiet = Math.max(peakAfterQuiet, Math.abs(data[i]!));
  }

  return {
    peak,
    rmsDb: rmsDb(SOUNDSCAPE_FADE_IN_SECONDS + 0.5, steadyEnd),
    startDb: rmsDb(0, 0.5),
    beforeEndDb: endAt === undefined ? NaN : rmsDb(endAt - 0.5, endAt),
    soundAfterMs,
    peakAfterQuiet,
    renderMs,
  };
}

Object.assign(window, { renderMix });
