import { patternPhases } from '../../../preload/contract/breath.ts';
import type { BreathPattern, BreathPhaseKind } from '../../../preload/contract/practice.ts';

export interface BreathMoment {
  cycle: number;
  phaseIndex: number;
  phase: BreathPhaseKind;
  /** 0 at the start of the phase, 1 at its end. */
  progress: number;
  /** Seconds left in this phase. */
  remaining: number;
  /** How full the lungs are, 0 (empty) to 1 (full): the size of the visual shape. */
  fullness: number;
}

export interface Cue {
  /** Seconds from the start of the breathing. */
  at: number;
  phase: BreathPhaseKind;
}

/** Fullness at the start and end of each phase kind; the sigh's top-up goes from most of the way to full. */
const fullnessRange: Record<BreathPhaseKind, [number, number]> = {
  inhale: [0, 1],
  'top-up': [0.8, 1],
  hold: [1, 1],
  exhale: [1, 0],
  rest: [0, 0],
};

/** Precomputed phases of one pattern: answers "where are we at time t" without drift. */
export class BreathTimeline {
  readonly phases: ReadonlyArray<{ kind: BreathPhaseKind; seconds: number; start: number }>;
  readonly cycleSeconds: number;

  constructor(pattern: BreathPattern) {
    let start = 0;
    const phases = patternPhases(pattern).map((p) => {
      const phase = { kind: p.kind, seconds: p.seconds, start };
      start += p.seconds;
      return phase;
    });
    // In a sigh, the first inhale fills most of the way; the top-up finishes it.
    const hasTopUp = phases.some((p) => p.kind === 'top-up');
    this.phases = phases;
    this.cycleSeconds = start;
    this.#inhaleTop = hasTopUp ? fullnessRange['top-up'][0] : 1;
  }

  readonly #inhaleTop: number;

  /** Where the breath is at `t` seconds from the start (t < 0 counts as 0). */
  at(t: number): BreathMoment {
    const time = Math.max(0, t);
    const cycle = Math.floor(time / this.cycleSeconds);
    const within = time - cycle * this.cycleSeconds;
    let phaseIndex = this.phases.findIndex((p) => within < p.start + p.seconds);
    if (phaseIndex < 0) phaseIndex = this.phases.length - 1;
    const phase = this.phases[phaseIndex]!;
    const progress = Math.min(1, Math.max(0, (within - phase.start) / phase.seconds));
    const [from, baseTo] = fullnessRange[phase.kind];
    const to = phase.kind === 'inhale' ? this.#inhaleTop : baseTo;
    return {
      cycle,
      phaseIndex,
      phase: phase.kind,
      progress,
      remaining: phase.seconds - (within - phase.start),
      fullness: from + (to - from) * easeInOut(progress),
    };
  }

  /** Every phase change in [0, cycles × cycle), for scheduling cue sounds ahead of time. */
  cues(cycles: number): Cue[] {
    const cues: Cue[] = [];
    for (let c = 0; c < cycles; c++) {
      for (const p of this.phases) cues.push({ at: c * this.cycleSeconds + p.start, phase: p.kind });
    }
    return cues;
  }
}

/** A gentle sine ease: breathing speeds up in the middle of a phase and slows at its ends. */
export function easeInOut(x: number): number {
  return 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, Math.max(0, x)));
}
