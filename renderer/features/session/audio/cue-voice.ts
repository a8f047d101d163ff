/**
 * The sound of a phase change: a soft sine tone with a slow attack, a different gentle
 * pitch for each kind of phase, well below full volume.
 *
 * Tone is imported from its modules, not from the package index: the index creates a global
 * AudioContext as soon as it is loaded (before anyone asked for sound) with a blob-URL worker
 * clock that our Content-Security-Policy rightly refuses.
 */
import { Gain } from 'tone/build/esm/core/context/Gain.js';
import type { ToneAudioNode } from 'tone/build/esm/core/context/ToneAudioNode.js';
import { Oscillator } from 'tone/build/esm/source/oscillator/Oscillator.js';
import type { BreathPhaseKind } from '../../../../preload/contract/practice.ts';
import type { CueVoice } from './cue-scheduler.ts';

/** A calm, open chord (G major pentatonic): rising for breathing in, falling for breathing out. */
export const cuePitches: Record<BreathPhaseKind, number> = {
  inhale: 392, // G4
  'top-up': 440, // A4
  hold: 329.63, // E4
  exhale: 261.63, // C4… a warm fall
  rest: 196, // G3
};

/** How long each tone takes to fade away (seconds): the out-breath swells longest. */
const releases: Record<BreathPhaseKind, number> = {
  inhale: 1.4,
  'top-up': 0.6,
  hold: 0.9,
  exhale: 1.8,
  rest: 0.9,
};

export interface CueVoiceOptions {
  /** Seconds from silence to the peak: soft, 0.04–0.08. */
  attack?: number;
  /** Peak level of one tone, before the session's volume. */
  level?: number;
  type?: 'sine' | 'triangle';
}

export interface DisposableCueVoice extends CueVoice {
  dispose(): void;
}

const SILENT = 0.0001;

/**
 * Makes a voice that plays into `destination` (a Tone node: the session's master gain, or an
 * offline context's destination). One quiet oscillator per pitch runs from the start; each
 * trigger shapes its own gain envelope on the audio timeline at exactly `time`.
 */
export function createCueVoice(destination: ToneAudioNode, options: CueVoiceOptions = {}): DisposableCueVoice {
  const attack = Math.min(0.08, Math.max(0.04, options.attack ?? 0.06));
  const level = options.level ?? 0.22;
  const context = destination.context;
  const output = new Gain({ context, gain: 1 });
  output.connect(destination);
  const startAt = context.currentTime;
  const voices = new Map<BreathPhaseKind, { osc: Oscillator; env: Gain }>();
  for (const phase of Object.keys(cuePitches) as BreathPhaseKind[]) {
    const env = new Gain({ context, gain: 0 });
    env.connect(output);
    const osc = new Oscillator({ context, frequency: cuePitches[phase], type: options.type ?? 'sine' });
    osc.connect(env);
    osc.start(startAt);
    voices.set(phase, { osc, env });
  }

  return {
    trigger(phase, time) {
      const voice = voices.get(phase);
      if (!voice) return;
      const gain = voice.env.gain;
      const peak = time + attack;
      gain.cancelAndHoldAtTime(time);
      gain.linearRampToValueAtTime(level, peak);
      gain.exponentialRampToValueAtTime(SILENT, peak + releases[phase]);
      gain.linearRampToValueAtTime(0, peak + releases[phase] + 0.05);
    },
    dispose() {
      for (const { osc, env } of voices.values()) {
        osc.dispose();
        env.dispose();
      }
      voices.clear();
      output.dispose();
    },
  };
}
