import type { BreathPattern, BreathPhase, BuiltInPatternId, Practice, Step } from './practice.ts';
import type { PracticeSummary } from './sessions.ts';

/** The shape of each built-in pattern, phase by phase. */
const builtIn: Record<BuiltInPatternId, { name: string; description: string; phases: BreathPhase[] }> = {
  '4-7-8': {
    name: '4-7-8',
    description: 'In for 4, hold for 7, out slowly for 8.',
    phases: [
      { kind: 'inhale', seconds: 4 },
      { kind: 'hold', seconds: 7 },
      { kind: 'exhale', seconds: 8 },
    ],
  },
  box: {
    name: 'Box',
    description: 'In for 4, hold for 4, out for 4, rest for 4.',
    phases: [
      { kind: 'inhale', seconds: 4 },
      { kind: 'hold', seconds: 4 },
      { kind: 'exhale', seconds: 4 },
      { kind: 'rest', seconds: 4 },
    ],
  },
  coherent: {
    name: 'Coherent',
    description: 'In for 5.5, out for 5.5: an even, steady rhythm.',
    phases: [
      { kind: 'inhale', seconds: 5.5 },
      { kind: 'exhale', seconds: 5.5 },
    ],
  },
  sigh: {
    name: 'Physiological sigh',
    description: 'A breath in, a short second sip of air on top, then a long, slow breath out.',
    phases: [
      { kind: 'inhale', seconds: 2 },
      { kind: 'top-up', seconds: 1 },
      { kind: 'exhale', seconds: 6 },
    ],
  },
};

export const patternChoices = (Object.keys(builtIn) as BuiltInPatternId[]).map((id) => ({
  id,
  name: builtIn[id].name,
  description: builtIn[id].description,
}));

export function patternPhases(pattern: BreathPattern): BreathPhase[] {
  if (typeof pattern === 'string') return builtIn[pattern].phases;
  const { inhale, hold, exhale, rest } = pattern.custom;
  const phases: BreathPhase[] = [{ kind: 'inhale', seconds: inhale }];
  if (hold > 0) phases.push({ kind: 'hold', seconds: hold });
  phases.push({ kind: 'exhale', seconds: exhale });
  if (rest > 0) phases.push({ kind: 'rest', seconds: rest });
  return phases;
}

export function cycleSeconds(pattern: BreathPattern): number {
  return patternPhases(pattern).reduce((sum, p) => sum + p.seconds, 0);
}

/** How long a step runs by itself, in seconds; null when it waits for the person. */
export function stepSeconds(step: Step, defaultPattern: BreathPattern): number | null {
  switch (step.kind) {
    case 'breathe':
      return cycleSeconds(step.pattern ?? defaultPattern) * step.cycles;
    case 'arrive':
    case 'silence':
    case 'permission':
      return step.seconds;
    case 'prompt':
    case 'speak':
      return step.seconds ?? null;
    case 'check-in':
    case 'memory-open':
    case 'memory-close':
    case 'media-offer':
    case 'ladder-choose':
    case 'ladder-record':
    case 'close':
      return null;
  }
}

/** What a step that waits for the person (a question, a choice) is counted as in any estimate. */
export const WAITING_STEP_SECONDS = 60;

/** A step's length for estimates: its own time, or the allowance for a step that waits. */
export function expectedSeconds(step: Step, defaultPattern: BreathPattern): number {
  return stepSeconds(step, defaultPattern) ?? WAITING_STEP_SECONDS;
}

/** Whole minutes as shown to people, never 0: the library's length and a session's "about N min left" both use it. */
export const roundMinutes = (seconds: number): number => Math.max(1, Math.round(seconds / 60));

/**
 * A practice's length with the person's breathing pattern: the same sum a session starts its
 * "about N min left" from, so the card and the session agree.
 */
export function estimatedMinutes(practice: Practice, defaultPattern: BreathPattern = 'coherent'): number {
  return roundMinutes(practice.steps.reduce((sum, step) => sum + expectedSeconds(step, defaultPattern), 0));
}

/** What the library shows of a practice, its length with the person's breathing pattern. */
export function summarizePractice(p: Practice, pattern: BreathPattern = 'coherent'): PracticeSummary {
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    suits: p.suits,
    intensity: p.intensity,
    minutes: estimatedMinutes(p, pattern),
    ...(p.caution ? { caution: p.caution } : {}),
  };
}
