/**
 * Background sounds for a session, generated on the audio thread from noise, filters and slow
 * swells: nothing to download, so they work offline. Every recipe is a fixed graph with no
 * timers in JavaScript, so it sounds the same live and inside Tone.Offline, and goes silent
 * the moment the session's master gain does.
 *
 * Imported from Tone's modules, not its index (see cue-voice.ts for why).
 */
import { BiquadFilter } from 'tone/build/esm/component/filter/BiquadFilter.js';
import { Gain } from 'tone/build/esm/core/context/Gain.js';
import type { InputNode, ToneAudioNode } from 'tone/build/esm/core/context/ToneAudioNode.js';
import { Noise } from 'tone/build/esm/source/Noise.js';
import { Oscillator } from 'tone/build/esm/source/oscillator/Oscillator.js';
import type { SoundscapeId } from '../../../../preload/contract/soundscape.ts';

/** A soundscape grows from silence this slowly when it begins or is changed. */
export const SOUNDSCAPE_FADE_IN_SECONDS = 4;

export interface SoundscapeVoice {
  readonly id: SoundscapeId;
  /** Its own fade (0 → 1 as it begins); the bed's volume and the master gain come after it. */
  readonly fade: Gain;
  /** Stops its sources at `time` (after a fade has brought it to silence). */
  stop(time: number): void;
  dispose(): void;
}

type Part = { dispose(): unknown };
type Startable = Part & { start(time: number): unknown; stop(time: number): unknown };

/** The pieces a recipe is made of, so starting, stopping and letting go happen in one place. */
class Kit {
  readonly parts: Part[] = [];
  readonly sources: Startable[] = [];
  constructor(readonly context: ToneAudioNode['context']) {}

  noise(type: 'white' | 'pink' | 'brown'): Noise {
    const n = new Noise({ context: this.context, type });
    this.sources.push(n);
    return n;
  }

  filter(type: BiquadFilterType, frequency: number, Q = 0.7): BiquadFilter {
    const filter = this.keep(new BiquadFilter({ context: this.context, type, frequency, Q }));
    // Only slow swells move these: once per 128-sample block is plenty, and a swelled a-rate
    // frequency would make the browser recompute the filter for every sample.
    const node = filter.input as unknown as BiquadFilterNode;
    for (const param of [node.frequency, node.Q]) {
      try {
        param.automationRate = 'k-rate';
      } catch {
        // An older engine without automationRate: a-rate works too, at some cost.
      }
    }
    return filter;
  }

  gain(gain: number): Gain {
    return this.keep(new Gain({ context: this.context, gain }));
  }

  tone(frequency: number, type: 'sine' | 'triangle' = 'sine'): Oscillator {
    const o = new Oscillator({ context: this.context, frequency, type });
    this.sources.push(o);
    return o;
  }

  /**
   * A slow swell added to `param` (around the value it already has): a sine `depth` deep,
   * `seconds` long, starting `phase` degrees in. Additive, so the param keeps its own value.
   */
  swell(param: InputNode, seconds: number, depth: number, phase = 0): void {
    const lfo = new Oscillator({ context: this.context, frequency: 1 / seconds, type: 'sine', phase });
    this.sources.push(lfo);
    const amount = this.gain(depth);
    lfo.connect(amount);
    amount.connect(param);
  }

  keep<T extends Part>(part: T): T {
    this.parts.push(part);
    return part;
  }
}

/**
 * Each recipe connects into `out` (the voice's fade). Levels are set so every sound sits at a
 * similar loudness (about −24 dBFS at full volume) with plenty of room below clipping.
 */
const recipes: Record<SoundscapeId, (kit: Kit, out: Gain) => void> = {
  // Deep, even noise with the highs rolled off: a steady hush, slowly breathing.
  'brown-noise': (kit, out) => {
    const low = kit.filter('lowpass', 380, 0.5);
    kit.noise('brown').chain(low, kit.gain(0.33), out);
    kit.swell(low.frequency, 23, 110);
  },
  // A soft hiss of drops, a patter that comes and goes at random, and a low roof-like rumble.
  rain: (kit, out) => {
    const hiss = kit.filter('highpass', 1100, 0.5);
    kit.noise('pink').chain(hiss, kit.filter('lowpass', 7000, 0.5), kit.gain(0.19), out);
    const patter = kit.gain(0.04);
    kit.noise('white').chain(kit.filter('bandpass', 3200, 1.1), patter, out);
    // Slow random flutter (low-passed brown noise) moves the patter's level: drops, not a tone.
    kit.noise('brown').chain(kit.filter('lowpass', 9, 0.5), kit.gain(0.1), patter.gain);
    kit.noise('brown').chain(kit.filter('lowpass', 260, 0.5), kit.gain(0.21), out);
  },
  // Surf: noise whose brightness and level swell together every ~9 s, and a slower undertow.
  waves: (kit, out) => {
    const wash = kit.filter('lowpass', 650, 0.6);
    const swellGain = kit.gain(0.22);
    kit.noise('pink').chain(wash, swellGain, out);
    kit.swell(wash.frequency, 9, 450);
    kit.swell(swellGain.gain, 9, 0.17);
    const under = kit.gain(0.13);
    kit.noise('brown').chain(kit.filter('lowpass', 300, 0.5), under, out);
    kit.swell(under.gain, 13.7, 0.1, 90);
  },
  // A low, open chord (A and E) that beats gently against itself and breathes every ~11 s.
  drone: (kit, out) => {
    const body = kit.gain(0.062);
    const soft = kit.filter('lowpass', 700, 0.5);
    soft.chain(body, out);
    for (const [frequency, level] of [
      [110, 1],
      [110.35, 0.7],
      [164.81, 0.65],
      [220.4, 0.4],
      [329.63, 0.15],
    ] as const) {
      kit.tone(frequency).chain(kit.gain(level), soft);
    }
    kit.swell(body.gain, 11, 0.013);
  },
};

/**
 * Builds soundscape `id` into `destination` and starts it at audio time `at`, fading in from
 * silence over SOUNDSCAPE_FADE_IN_SECONDS.
 */
export function createSoundscape(id: SoundscapeId, destination: ToneAudioNode, at: number): SoundscapeVoice {
  const kit = new Kit(destination.context);
  const fade = kit.gain(0);
  fade.connect(destination);
  recipes[id](kit, fade);
  const param = fade.gain;
  param.setValueAtTime(0, at);
  param.linearRampToValueAtTime(1, at + SOUNDSCAPE_FADE_IN_SECONDS);
  for (const source of kit.sources) source.start(at);
  let stopped = false;
  return {
    id,
    fade,
    stop(time) {
      if (stopped) return;
      stopped = true;
      for (const source of kit.sources) source.stop(time);
    },
    dispose() {
      for (const part of [...kit.sources, ...kit.parts]) part.dispose();
    },
  };
}
