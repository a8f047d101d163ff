/**
 * The mix of one session, the same live and inside Tone.Offline:
 *
 *   cue voice ──▶ cues (tone volume) ──┐
 *                                      ├──▶ master (sound on/off, Stop, the end) ──▶ speakers
 *   soundscape ─▶ bed (its own volume) ┘
 *
 * The master gain is the one place that silences everything: Stop fades it to zero within
 * STOP_FADE_SECONDS and pins it there, whatever the cues or the soundscape are doing. Every
 * method takes the audio time it acts at, so callers hand in the context's time (live) or the
 * time Tone gives a scheduled callback (offline).
 */
import { Gain } from 'tone/build/esm/core/context/Gain.js';
import type { ToneAudioNode } from 'tone/build/esm/core/context/ToneAudioNode.js';
import type { SoundscapeId } from '../../../../preload/contract/soundscape.ts';
import { fadeOut, glide } from './fade.ts';
import { createSoundscape, type SoundscapeVoice } from './soundscapes.ts';

/** A changed soundscape hands over to the next one this slowly. */
export const SOUNDSCAPE_CROSSFADE_SECONDS = 2;
/** At the end of a practice (not Stop) everything fades out gently over this long. */
export const FINISH_FADE_SECONDS = 3;

export interface SessionMixOptions {
  /** 0–1: the breathing tones. */
  cueVolume: number;
  /** 0–1: the background sound. */
  soundscapeVolume: number;
}

export interface SessionMix {
  /** Where the cue voice plays into. */
  readonly cues: Gain;
  /** The master gain node: everything the session sounds, on its way to the destination. */
  readonly output: Gain;
  /** The master gain's value right now, as the audio thread renders it (0 when silent). */
  level(): number;
  readonly soundscape: SoundscapeId | null;
  /** Sound on or off (the master starts silent: turn it on once the context runs, to avoid a click). */
  setEnabled(on: boolean, time: number, seconds?: number): void;
  setCueVolume(volume: number, time: number): void;
  setSoundscapeVolume(volume: number, time: number): void;
  /** Starts, changes (a crossfade) or ends (null) the background sound at `time`. */
  setSoundscape(id: SoundscapeId | null, time: number): void;
  /** The practice has ended: a gentle fade of everything. Returns when it is silent. */
  finish(time: number): number;
  /** Stop or Esc: silence within STOP_FADE_SECONDS, and the sources stop right after. Returns when it is silent. */
  stop(time: number): number;
  /** Lets go of every node (call once it is silent). */
  dispose(): void;
}

export function createSessionMix(destination: ToneAudioNode, options: SessionMixOptions): SessionMix {
  const context = destination.context;
  const masterNode = new Gain({ context, gain: 0 });
  masterNode.connect(destination);
  const cues = new Gain({ context, gain: clamp01(options.cueVolume) });
  cues.connect(masterNode);
  const bed = new Gain({ context, gain: clamp01(options.soundscapeVolume) });
  bed.connect(masterNode);
  // Automated through Tone's Params, not the native AudioParams: Chromium's native
  // cancelAndHoldAtTime does not hold once the last ramp has ended (a later ramp then starts from
  // that old ramp's end: a jump or a fade that began long ago). Tone's keeps its own timeline and
  // sets the held value explicitly.
  const master = masterNode.gain;
  const cueLevel = cues.gain;
  const bedLevel = bed.gain;

  let voice: SoundscapeVoice | null = null;
  /** Soundscapes fading out after a change, let go of once they are silent. */
  let leaving: Array<{ voice: SoundscapeVoice; silentAt: number }> = [];
  /** Once ending (finished or stopped), nothing may bring the sound back. */
  let ending = false;

  const retire = (time: number, seconds: number) => {
    if (!voice) return;
    const end = glide(voice.fade.gain, 0, time, seconds);
    voice.stop(end + 0.05);
    leaving.push({ voice, silentAt: end + 0.05 });
    voice = null;
  };

  const letGoOfSilent = (time: number) => {
    const still: typeof leaving = [];
    for (const l of leaving) {
      if (l.silentAt < time) l.voice.dispose();
      else still.push(l);
    }
    leaving = still;
  };

  return {
    cues,
    output: masterNode,
    level: () => (masterNode.input as unknown as { gain: AudioParam }).gain.value,
    get soundscape() {
      return voice?.id ?? null;
    },
    setEnabled(on, time, seconds = 0.08) {
      if (!ending) glide(master, on ? 1 : 0, time, seconds);
    },
    setCueVolume(volume, time) {
      glide(cueLevel, clamp01(volume), time, 0.05);
    },
    setSoundscapeVolume(volume, time) {
      glide(bedLevel, clamp01(volume), time, 0.05);
    },
    setSoundscape(id, time) {
      if (ending || id === (voice?.id ?? null)) return;
      letGoOfSilent(time);
      retire(time, SOUNDSCAPE_CROSSFADE_SECONDS);
      if (id) voice = createSoundscape(id, bed, time);
    },
    finish(time) {
      if (ending) return time;
      ending = true;
      const end = glide(master, 0, time, FINISH_FADE_SECONDS);
      master.setValueAtTime(0, end);
      retire(end, 0.005);
      return end;
    },
    stop(time) {
      // Stop also cuts a gentle end short: Esc during the last fade is silent at once too.
      ending = true;
      const end = fadeOut(master, time);
      retire(end, 0.005);
      for (const l of leaving) l.voice.stop(end + 0.01);
      return end;
    },
    dispose() {
      voice?.dispose();
      voice = null;
      for (const l of leaving) l.voice.dispose();
      leaving = [];
      bed.dispose();
      cues.dispose();
      masterNode.dispose();
    },
  };
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}
