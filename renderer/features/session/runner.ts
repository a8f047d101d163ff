import { WAITING_STEP_SECONDS } from '../../../preload/contract/breath.ts';
import type { CheckInQuestion } from '../../../preload/contract/practice.ts';

/**
 * The session runner: a pure state machine over a practice's steps. It knows step
 * durations (null = waits for the person) and is driven by clock readings and user
 * events; it never reads a clock itself. Effects tell the caller what to record.
 */
export type RunnerStatus = 'running' | 'paused' | 'stopped' | 'finished';

export interface RunnerState {
  readonly status: RunnerStatus;
  readonly stepIndex: number;
  /** Clock time (s) the current step began, moved forward by time spent paused. */
  readonly stepStartedAt: number;
  readonly pausedAt: number | null;
}

export type RunnerEvent =
  | { type: 'tick'; now: number }
  | { type: 'next'; now: number }
  | { type: 'pause'; now: number }
  | { type: 'resume'; now: number }
  | { type: 'stop'; now: number }
  | { type: 'answer'; now: number; question: CheckInQuestion; value: number };

export type RunnerEffect =
  | { type: 'entered'; stepIndex: number }
  | { type: 'answered'; stepIndex: number; question: CheckInQuestion; value: number }
  | { type: 'paused'; stepIndex: number }
  | { type: 'resumed'; stepIndex: number }
  | { type: 'stopped'; stepIndex: number }
  | { type: 'finished' };

export interface Transition {
  state: RunnerState;
  effects: RunnerEffect[];
}

export interface RunnerStep {
  /** Seconds the step runs by itself; null when it waits for Next, an answer or Finish. */
  seconds: number | null;
  checkIn?: CheckInQuestion;
}

const allowance = (step: RunnerStep): number => step.seconds ?? WAITING_STEP_SECONDS;

export class Runner {
  constructor(private readonly steps: readonly RunnerStep[]) {
    if (steps.length === 0) throw new Error('A practice needs at least one step');
  }

  start(now: number): Transition {
    return {
      state: { status: 'running', stepIndex: 0, stepStartedAt: now, pausedAt: null },
      effects: [{ type: 'entered', stepIndex: 0 }],
    };
  }

  reduce(state: RunnerState, event: RunnerEvent): Transition {
    if (state.status === 'stopped' || state.status === 'finished') return { state, effects: [] };
    // Stop is honoured in every live state, paused included: one action ends the session.
    if (event.type === 'stop') {
      return { state: { ...state, status: 'stopped', pausedAt: null }, effects: [{ type: 'stopped', stepIndex: state.stepIndex }] };
    }
    if (state.status === 'paused') {
      if (event.type !== 'resume' || state.pausedAt === null) return { state, effects: [] };
      const paused = Math.max(0, event.now - state.pausedAt);
      return {
        state: { ...state, status: 'running', pausedAt: null, stepStartedAt: state.stepStartedAt + paused },
        effects: [{ type: 'resumed', stepIndex: state.stepIndex }],
      };
    }
    switch (event.type) {
      case 'tick':
        return this.catchUp(state, event.now);
      case 'pause':
        return { state: { ...state, status: 'paused', pausedAt: event.now }, effects: [{ type: 'paused', stepIndex: state.stepIndex }] };
      case 'resume':
        return { state, effects: [] };
      case 'next':
        return this.advance(state, event.now, []);
      case 'answer': {
        const step = this.steps[state.stepIndex]!;
        if (step.checkIn !== event.question) return { state, effects: [] };
        return this.advance(state, event.now, [
          { type: 'answered', stepIndex: state.stepIndex, question: event.question, value: event.value },
        ]);
      }
    }
  }

  /** Seconds into the current step (frozen while paused). */
  elapsed(state: RunnerState, now: number): number {
    return Math.max(0, (state.pausedAt ?? now) - state.stepStartedAt);
  }

  /**
   * Seconds left, estimated as the library estimates a practice (a step that waits for the
   * person counts WAITING_STEP_SECONDS), so "about N min left" at the start matches the card.
   */
  remaining(state: RunnerState, now: number): number {
    const current = this.steps[state.stepIndex];
    const rest = current ? Math.max(0, allowance(current) - this.elapsed(state, now)) : 0;
    return this.steps.slice(state.stepIndex + 1).reduce((sum, s) => sum + allowance(s), rest);
  }

  get stepCount(): number {
    return this.steps.length;
  }

  /** Moves past every timed step whose time is up (a long gap between ticks skips several). */
  private catchUp(state: RunnerState, now: number): Transition {
    let current = state;
    const effects: RunnerEffect[] = [];
    for (;;) {
      const seconds = this.steps[current.stepIndex]!.seconds;
      if (current.status !== 'running' || seconds === null || now - current.stepStartedAt < seconds) break;
      const next = this.advance(current, current.stepStartedAt + seconds, []);
      current = next.state;
      effects.push(...next.effects);
    }
    return { state: current, effects };
  }

  private advance(state: RunnerState, at: number, effects: RunnerEffect[]): Transition {
    const nextIndex = state.stepIndex + 1;
    if (nextIndex >= this.steps.length) {
      return { state: { ...state, status: 'finished' }, effects: [...effects, { type: 'finished' }] };
    }
    return {
      state: { ...state, stepIndex: nextIndex, stepStartedAt: at },
      effects: [...effects, { type: 'entered', stepIndex: nextIndex }],
    };
  }
}
