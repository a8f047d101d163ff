import { roundMinutes, stepSeconds } from '../../../preload/contract/breath.ts';
import type { BreathPattern, BreathPhaseKind, CheckInQuestion, Practice, Step } from '../../../preload/contract/practice.ts';
import { numberChoices, type ScaleChoice } from '../../components/scale-choices.ts';
import { duration, number } from '../../lib/format.svelte.ts';
import type { RunnerStep } from './runner.ts';
import { tearOutcomes, texts } from './texts.ts';

/** The runner's view of a practice: how long each step runs by itself, and which ones ask a question. */
export function runnerSteps(practice: Practice, pattern: BreathPattern): RunnerStep[] {
  return practice.steps.map((step) => {
    const seconds = stepSeconds(step, pattern);
    return step.kind === 'check-in' ? { seconds, checkIn: step.question } : { seconds };
  });
}

/** The pattern a breathing step uses: its own, or the person's choice from settings. */
export function breathPatternOf(step: Step, fallback: BreathPattern): BreathPattern {
  return step.kind === 'breathe' && step.pattern ? step.pattern : fallback;
}

/** Each breath phase, named for a person. */
export const phaseWords: Record<BreathPhaseKind, string> = {
  inhale: 'Breathe in',
  'top-up': 'A little more in',
  hold: 'Hold',
  exhale: 'Breathe out',
  rest: 'Rest',
};

export interface ScaleSpec {
  legend: string;
  options: ScaleChoice[];
  /** Shown under the scale, at its two ends (for number scales). */
  ends?: [string, string];
}

export const moodOptions: ScaleChoice[] = texts.moodLabels.map((label, i) => ({ value: i + 1, label }));
export const readinessOptions: ScaleChoice[] = texts.readiness.labels.map((label, i) => ({ value: i + 1, label }));
/** The check-in's tears, 0–4, by their place in `tearOutcomes`. */
export const tearOptions: ScaleChoice[] = tearOutcomes.map((t, i) => ({ value: i, label: t.label }));

/** The in-session check-in questions: distress 0–10, mood 1–5, tears 0–4 (the contract's ranges). */
export function checkInScale(question: CheckInQuestion): ScaleSpec {
  switch (question) {
    case 'distress':
      return {
        legend: 'How much distress do you feel right now?',
        options: numberChoices(0, 10),
        ends: ['0: calm', '10: the most you can imagine'],
      };
    case 'mood':
      return { legend: 'How do you feel right now?', options: moodOptions };
    case 'tears':
      return { legend: 'Have any tears come?', options: tearOptions };
  }
}

/** Steps that wait for an answer or a choice: the footer offers "Skip" there rather than "Next". */
const answerSteps: ReadonlySet<Step['kind']> = new Set(['check-in', 'memory-open', 'memory-close', 'media-offer', 'ladder-choose', 'ladder-record']);
export function skipsRatherThanNext(step: Step): boolean {
  return answerSteps.has(step.kind);
}

/** Ladder distress, 0–100, in tens: eleven calm choices rather than a hundred. */
export function ladderDistressScale(legend: string): ScaleSpec {
  return {
    legend,
    options: Array.from({ length: 11 }, (_, i) => ({ value: i * 10, label: String(i * 10) })),
    ends: ['0: calm', '100: the most you can imagine'],
  };
}

/** "about 4 min left", "less than a minute left"; null when nothing timed is left. */
export function timeLeftWords(seconds: number): string | null {
  if (seconds <= 0) return null;
  if (seconds < 60) return 'less than a minute left';
  return `about ${number(roundMinutes(seconds))} min left`;
}

/** "about 6 minutes" for the library. */
export function minutesWords(minutes: number): string {
  return `About ${duration(minutes, 'minute')}`;
}
