/**
 * Sound for one session: one audio context (Tone's) and the session's mix (session-mix.ts):
 * the cue voice and the background sound, both under one master gain into the speakers, and
 * cues scheduled on the context's transport. The context's time is the session's master clock;
 * when sound is off the context still runs silently.
 *
 * Loaded on demand (when a practice's start screen opens), so the app never touches audio
 * unless a session is about to begin; startSessionAudio() must then be called inside the
 * "Begin" click, where the browser lets an audio context start.
 */
import 'tone/build/esm/core/clock/Transport.js';
import 'tone/build/esm/core/context/Destination.js';
import { Context } from 'tone/build/esm/core/context/Context.js';
import { setContext } from 'tone/build/esm/core/context/GlobalContext.js';
import type { SoundscapeId } from '../../../../preload/contract/soundscape.ts';
import type { BreathTimeline } from '../breath-timeline.ts';
import { scheduleCues } from './cue-scheduler.ts';
import { createCueVoice, type DisposableCueVoice } from './cue-voice.ts';
import { createMasterClock, testHooksEnabled, type MasterClock } from './master-clock.ts';
import { createSessionMix } from './session-mix.ts';
import { atMost } from '../../../lib/timing.ts';

export interface SessionAudioOptions {
  enabled: boolean;
  /** 0–1: the breathing tones. */
  volume: number;
  /** The background sound to begin with, if any. */
  soundscape?: SoundscapeId | null;
  /** 0–1. */
  soundscapeVolume?: number;
  /** Fast test runs: the clock runs this many times faster and no cues are scheduled. */
  speed?: number | null;
}

export interface SessionAudio {
  /** Resolves once the context has had its chance to start; read `clock` after this. */
  readonly ready: Promise<void>;
  readonly clock: MasterClock;
  setEnabled(on: boolean): void;
  setVolume(volume: number): void;
  /** Changes the background sound (a slow crossfade), or ends it (null). */
  setSoundscape(id: SoundscapeId | null): void;
  setSoundscapeVolume(volume: number): void;
  /** Schedules the cues of a breathing stretch that begins (or began) at clock time `startAt`. */
  armBreath(timeline: BreathTimeline, cycles: number, startAt: number): void;
  /** Removes every scheduled cue (leaving a breathing step). */
  clearCues(): void;
  pause(at: number): void;
  resume(at: number): void;
  /** The practice has come to its end: everything fades out gently (a few seconds). */
  finish(): void;
  /** Fades to silence within 50 ms, then cancels everything scheduled. */
  stop(): void;
  /** Releases the sound device (the context is suspended, and reused next time). */
  dispose(): void;
  /** The background sound playing (or fading in), if any. */
  soundscape(): SoundscapeId | null;
  /** The master gain's value right now (0 when silent). */
  gain(): number;
  running(): boolean;
}

let shared: Context | null = null;

/** One context for the app's life: created on the first Begin, suspended between sessions. */
function sharedContext(): Context {
  if (!shared || shared.state === 'closed') {
    // A timeout-driven look-ahead loop (a blob worker would be refused by the CSP); it only decides
    // when to hand events to the audio thread, which then plays them sample-accurately.
    // A native AudioContext (not Tone's wrapped one) so the clock can ask getOutputTimestamp()
    // what is being heard right now; see master-clock.ts.
    shared = new Context({
      context: new AudioContext({ latencyHint: 'interactive' }),
      clockSource: 'timeout',
      lookAhead: 0.05,
      updateInterval: 0.025,
    });
    setContext(shared);
  }
  return shared;
}

const RESUME_WAIT_MS = 400;

/** Call inside the Begin click. Returns null where the browser has no Web Audio at all. */
export function startSessionAudio(options: SessionAudioOptions): SessionAudio | null {
  let context: Context;
  try {
    context = sharedContext();
  } catch {
    return null;
  }
  const raw = context.rawContext as unknown as { currentTime: number; state: string };
  // Inside the click: the browser allows the context to start now.
  const resumed = context.resume().catch(() => undefined);

  const mix = createSessionMix(context.destination, {
    cueVolume: options.volume,
    soundscapeVolume: options.soundscapeVolume ?? 0.5,
  });
  const transport = context.transport;
  let enabled = options.enabled;
  let soundscape = options.soundscape ?? null;
  let voice: DisposableCueVoice | null = null;
  let stopped = false;
  let ending = false;
  /** Context time by which the sound is silent after finish or stop (nodes are let go of then). */
  let quietAt = 0;
  let clock: MasterClock = createMasterClock({ speed: options.speed ?? null });
  const audible = () => !ending && raw.state === 'running';

  const ready = atMost(resumed, RESUME_WAIT_MS).then(() => {
    clock = createMasterClock({ context: raw, speed: options.speed ?? null });
    if (!audible()) return;
    mix.setEnabled(enabled, raw.currentTime, 0.02);
    // The background sound needs only a running context (and sound on: nothing is generated
    // for no one); cues only where the audio clock is the master (not in fast test runs).
    if (enabled) mix.setSoundscape(soundscape, raw.currentTime);
    if (clock.source === 'audio') voice = createCueVoice(mix.cues);
  });

  const audio: SessionAudio = {
    ready,
    get clock() {
      return clock;
    },
    setEnabled(on) {
      enabled = on;
      if (!audible()) return;
      mix.setEnabled(on, raw.currentTime);
      // On: the background sound begins (fading in). Off: it ends behind the muted master, so
      // nothing is generated for no one.
      mix.setSoundscape(on ? soundscape : null, raw.currentTime);
    },
    setVolume(v) {
      mix.setCueVolume(v, raw.currentTime);
    },
    setSoundscape(id) {
      soundscape = id;
      if (audible() && enabled) mix.setSoundscape(id, raw.currentTime);
    },
    setSoundscapeVolume(v) {
      mix.setSoundscapeVolume(v, raw.currentTime);
    },
    armBreath(timeline, cycles, startAt) {
      if (ending || !voice || clock.source !== 'audio' || raw.state !== 'running') return;
      resetTransport();
      const firstPhase = timeline.phases[0]?.kind;
      scheduleCues(transport, timeline, cycles, 0, voice);
      // The transport hands events over a look-ahead ahead of time, so it must start beyond what it
      // has already looked at. A step that began a moment ago joins in at the right offset.
      const horizon = raw.currentTime + context.lookAhead + 0.02;
      const at = Math.max(startAt, horizon);
      const offset = at - startAt;
      transport.start(at, offset);
      if (offset > 0 && offset < 0.3 && firstPhase) voice.trigger(firstPhase, at);
    },
    clearCues() {
      resetTransport();
    },
    pause(at) {
      if (transport.state === 'started') transport.pause(Math.max(at, raw.currentTime));
    },
    resume(at) {
      if (transport.state === 'paused' && raw.state === 'running') {
        transport.start(Math.max(at, raw.currentTime + context.lookAhead + 0.02));
      }
    },
    finish() {
      if (ending) return;
      ending = true;
      quietAt = mix.finish(raw.currentTime);
      // Cues already on their way ring out under the fade; nothing new is handed over.
      transport.cancel(0);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      ending = true;
      quietAt = mix.stop(raw.currentTime);
      resetTransport();
    },
    dispose() {
      // Leaving (Done, a lock) cuts a gentle end short too.
      audio.stop();
      if (current === audio) current = null;
      // Let the fade finish before letting go of the nodes and the sound device.
      const wait = Math.max(0, quietAt - raw.currentTime) * 1000 + 120;
      setTimeout(() => {
        voice?.dispose();
        mix.dispose();
        if (current === null && shared === context && raw.state === 'running') void suspend(context);
      }, wait);
    },
    soundscape: () => mix.soundscape,
    gain: () => mix.level(),
    running: () => !stopped && raw.state === 'running' && transport.state === 'started',
  };
  function resetTransport() {
    transport.cancel(0);
    if (transport.state !== 'stopped') transport.stop(raw.currentTime);
  }

  current = audio;
  if (testHooksEnabled()) installTestHooks(context, mix.output);
  return audio;
}

let current: SessionAudio | null = null;

/**
 * For the test host only: the master gain, whether cues run, the soundscape, and the loudest
 * sample of what leaves the mix in the last ~5 ms (an analyser tapped after the master gain).
 */
function installTestHooks(context: Context, output: { connect(node: AnalyserNode): unknown }) {
  const analyser = context.createAnalyser() as unknown as AnalyserNode;
  analyser.fftSize = 256;
  output.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  (window as unknown as { __saltwaterAudio?: unknown }).__saltwaterAudio = {
    gain: () => current?.gain() ?? 0,
    running: () => current?.running() ?? false,
    soundscape: () => current?.soundscape() ?? null,
    level: () => {
      analyser.getFloatTimeDomainData(samples);
      return samples.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
    },
  };
}

async function suspend(context: Context): Promise<void> {
  try {
    await (context.rawContext as unknown as { suspend(): Promise<void> }).suspend();
  } catch {
    // Already closed or never started: nothing to release.
  }
}
