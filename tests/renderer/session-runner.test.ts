import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizePractice, WAITING_STEP_SECONDS } from '../../preload/contract/breath.ts';
import { builtInPatternIds, Practice } from '../../preload/contract/practice.ts';
import { minutesWords, runnerSteps, timeLeftWords } from '../../renderer/features/session/steps.ts';
import { Runner, type RunnerEffect, type RunnerEvent, type RunnerState, type RunnerStep } from '../../renderer/features/session/runner.ts';

// arrive 30 s · breathe 60 s · prompt (waits) · check-in (waits) · close (waits)
const steps: RunnerStep[] = [{ seconds: 30 }, { seconds: 60 }, { seconds: null }, { seconds: null, checkIn: 'mood' }, { seconds: null }];

function play(runner: Runner, events: RunnerEvent[], startAt = 0) {
  let { state, effects } = runner.start(startAt);
  const all: RunnerEffect[] = [...effects];
  for (const event of events) {
    ({ state, effects } = runner.reduce(state, event));
    all.push(...effects);
  }
  return { state, effects: all };
}

describe('Runner', () => {
  const runner = new Runner(steps);

  it('visits every step in order to the end', () => {
    const { state, effects } = play(runner, [
      { type: 'tick', now: 29.9 },
      { type: 'tick', now: 30 },
      { type: 'tick', now: 90 },
      { type: 'tick', now: 500 }, // the prompt waits, whatever the clock says
      { type: 'next', now: 510 },
      { type: 'answer', now: 520, question: 'mood', value: 4 },
      { type: 'next', now: 530 },
    ]);
    expect(effects).toEqual([
      { type: 'entered', stepIndex: 0 },
      { type: 'entered', stepIndex: 1 },
      { type: 'entered', stepIndex: 2 },
      { type: 'entered', stepIndex: 3 },
      { type: 'answered', stepIndex: 3, question: 'mood', value: 4 },
      { type: 'entered', stepIndex: 4 },
      { type: 'finished' },
    ]);
    expect(state.status).toBe('finished');
  });

  it('a late tick catches up over several timed steps, each starting when the last ended', () => {
    const { state, effects } = play(runner, [{ type: 'tick', now: 95 }]);
    expect(effects.map((e) => e.type)).toEqual(['entered', 'entered', 'entered']);
    expect(state).toMatchObject({ stepIndex: 2, stepStartedAt: 90 });
  });

  it.each(steps.map((_, i) => i))('stops at step %i in one action and records where', (index) => {
    let state: RunnerState = runner.start(0).state;
    for (let i = 0; i < index; i++) state = runner.reduce(state, { type: 'next', now: i }).state;
    const { state: stopped, effects } = runner.reduce(state, { type: 'stop', now: 100 });
    expect(stopped.status).toBe('stopped');
    expect(effects).toEqual([{ type: 'stopped', stepIndex: index }]);
    // Nothing moves a stopped session.
    expect(runner.reduce(stopped, { type: 'next', now: 101 })).toEqual({ state: stopped, effects: [] });
    expect(runner.reduce(stopped, { type: 'tick', now: 10_000 }).effects).toEqual([]);
  });

  it('stop works while paused', () => {
    const { state, effects } = play(runner, [{ type: 'pause', now: 5 }, { type: 'stop', now: 6 }]);
    expect(state.status).toBe('stopped');
    expect(effects.at(-1)).toEqual({ type: 'stopped', stepIndex: 0 });
  });

  it('pause freezes time and resume continues where it left off', () => {
    const { state } = play(runner, [
      { type: 'tick', now: 10 },
      { type: 'pause', now: 10 },
      { type: 'tick', now: 1000 },
      { type: 'next', now: 1000 }, // ignored while paused
      { type: 'resume', now: 1000 },
      { type: 'tick', now: 1019 },
    ]);
    expect(state).toMatchObject({ status: 'running', stepIndex: 0 });
    expect(runner.elapsed(state, 1019)).toBeCloseTo(29);
    expect(runner.reduce(state, { type: 'tick', now: 1020 }).state.stepIndex).toBe(1);
  });

  it('skipping with Next moves on at once and restarts the step clock', () => {
    const { state } = play(runner, [{ type: 'next', now: 3 }]);
    expect(state).toMatchObject({ stepIndex: 1, stepStartedAt: 3 });
    // 50 s of the breathing step left, and a minute for each of the three steps that wait.
    expect(runner.remaining(state, 13)).toBe(50 + 3 * WAITING_STEP_SECONDS);
  });

  it('an answer to a different question does not advance', () => {
    const { state } = play(runner, [{ type: 'next', now: 1 }, { type: 'next', now: 2 }, { type: 'next', now: 3 }, { type: 'answer', now: 4, question: 'distress', value: 9 }]);
    expect(state.stepIndex).toBe(3);
  });

  it('remaining counts the rest of the current step, later timed steps, and a minute for each step that waits', () => {
    const { state } = play(runner, [{ type: 'tick', now: 10 }]);
    expect(runner.remaining(state, 10)).toBe(20 + 60 + 3 * WAITING_STEP_SECONDS);
    // On a step that waits, its minute runs down and then stays at zero while it waits.
    const waiting = play(runner, [{ type: 'tick', now: 90 }]).state;
    expect(runner.remaining(waiting, 120)).toBe(30 + 2 * WAITING_STEP_SECONDS);
    expect(runner.remaining(waiting, 900)).toBe(2 * WAITING_STEP_SECONDS);
  });

  it('a practice card’s length and the session’s "about N min left" at its start agree, for every practice and pattern', () => {
    const dir = path.join(import.meta.dirname, '../../resources/practices');
    for (const name of fs.readdirSync(dir)) {
      const practice = Practice.parse(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')));
      for (const pattern of builtInPatternIds) {
        const card = minutesWords(summarizePractice(practice, pattern).minutes);
        const started = new Runner(runnerSteps(practice, pattern));
        const atStart = timeLeftWords(started.remaining(started.start(0).state, 0));
        expect(atStart, `${practice.id} with ${pattern}`).toBe(`about ${card.replace(/^About (\d+) minutes?$/, '$1')} min left`);
      }
    }
  });
});
