/**
 * The session controller: the pure Runner driven by a (fake) master clock every (fake)
 * animation frame, recording start, steps, answers and the end as they happen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionRun } from '../../renderer/features/session/session-run.svelte.ts';
import { outcomeWords } from '../../renderer/features/practices/history.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { fakeAudio, fakeClock, fakeFrames, practice } from './session-helpers.ts';

// arrive-and-breathe: 0 arrive 60 s · 1 arrive 75 s · 2 breathe 6 × 11 s (coherent) · 3 silence 60 s · 4 check-in (mood) · 5 close
const COHERENT = 11;

async function started(fake: FakeApi, id = 'arrive-and-breathe', audio = fakeAudio()) {
  const clock = fakeClock();
  const frames = fakeFrames();
  const run = new SessionRun(fake.api, practice(id), { pattern: 'coherent', clock: () => clock, frames, audio });
  await run.begin({ readiness: 4, moodBefore: 2 });
  await run.settled();
  return { run, clock, frames, audio };
}

/** Moves the clock, then lets one animation frame happen. */
async function after(ctx: { clock: ReturnType<typeof fakeClock>; frames: ReturnType<typeof fakeFrames>; run: SessionRun }, seconds: number) {
  ctx.clock.advance(seconds);
  ctx.frames.frame();
  await ctx.run.settled();
}

describe('SessionRun', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = createFakeApi({ state: 'unlocked' });
  });

  it('records the start, each step, the answer and the end as they happen, in order', async () => {
    const ctx = await started(fake);
    expect(fake.spies.sessions.start).toHaveBeenCalledWith({ practiceId: 'arrive-and-breathe', readiness: 4, moodBefore: 2 });
    expect(fake.sessionLog).toEqual(['start:arrive-and-breathe', 'step:0']);

    await after(ctx, 59.9);
    expect(ctx.run.stepIndex).toBe(0);
    expect(fake.sessionLog).toEqual(['start:arrive-and-breathe', 'step:0']);

    await after(ctx, 0.1);
    expect(ctx.run.stepIndex).toBe(1);
    expect(fake.sessionLog.at(-1)).toBe('step:1');

    // A long gap between frames (a hidden window) still visits every timed step, in order.
    await after(ctx, 75 + 6 * COHERENT + 60 + 500);
    expect(ctx.run.stepIndex).toBe(4);
    expect(fake.sessionLog.slice(2)).toEqual(['step:1', 'step:2', 'step:3', 'step:4']);
    // The check-in waits for the person, whatever the clock says.
    await after(ctx, 1000);
    expect(ctx.run.stepIndex).toBe(4);

    ctx.run.answer('mood', 4);
    await ctx.run.settled();
    expect(fake.sessionLog.slice(-2)).toEqual(['checkIn:4:mood=4', 'step:5']);

    ctx.run.next(); // "Finish" on the close step
    await ctx.run.settled();
    expect(ctx.run.phase).toBe('finished');
    expect(fake.sessionLog.at(-1)).toBe('end:finished@5');
    expect(fake.sessions.get(1)).toMatchObject({ outcome: 'finished', stepReached: 5, checkIns: [{ stepIndex: 4, question: 'mood', value: 4 }] });
  });

  it('stop at step 2 records "stopped" at index 1, and history says "Stopped at step 2"', async () => {
    const ctx = await started(fake);
    await after(ctx, 61);
    expect(ctx.run.stepIndex).toBe(1);
    ctx.run.stop();
    expect(ctx.run.phase).toBe('stopped');
    await ctx.run.settled();
    expect(fake.sessionLog.at(-1)).toBe('end:stopped@1');
    const record = fake.sessions.get(1)!;
    expect(record.outcome).toBe('stopped');
    expect(outcomeWords(record)).toBe('Stopped at step 2');
    // Nothing moves after a stop.
    await after(ctx, 1000);
    expect(ctx.run.stepIndex).toBe(1);
    expect(fake.sessionLog.at(-1)).toBe('end:stopped@1');
  });

  it('stops from a paused session too, in one action', async () => {
    const ctx = await started(fake);
    ctx.run.pause();
    expect(ctx.run.phase).toBe('paused');
    ctx.run.stop();
    await ctx.run.settled();
    expect(ctx.run.phase).toBe('stopped');
    expect(fake.sessionLog.at(-1)).toBe('end:stopped@0');
  });

  it('pause freezes the step and its time; resume carries on where it was', async () => {
    const ctx = await started(fake);
    await after(ctx, 30);
    ctx.run.pause();
    await after(ctx, 1000);
    expect(ctx.run.stepIndex).toBe(0);
    expect(ctx.run.elapsed).toBeCloseTo(30, 6);
    const remainingWhilePaused = ctx.run.remaining;
    await after(ctx, 500);
    expect(ctx.run.remaining).toBe(remainingWhilePaused);
    expect(fake.sessionLog).toEqual(['start:arrive-and-breathe', 'step:0']);

    ctx.run.resume();
    await after(ctx, 29.9);
    expect(ctx.run.stepIndex).toBe(0);
    await after(ctx, 0.1);
    expect(ctx.run.stepIndex).toBe(1);
  });

  it('Next skips the rest of a step', async () => {
    const ctx = await started(fake);
    ctx.run.next();
    ctx.run.next();
    await ctx.run.settled();
    expect(ctx.run.step.kind).toBe('breathe');
    expect(fake.sessionLog.slice(-2)).toEqual(['step:1', 'step:2']);
  });

  it('asks the next animation frame only while it is on screen', async () => {
    const ctx = await started(fake);
    expect(ctx.frames.pending()).toBe(1);
    ctx.frames.frame();
    expect(ctx.frames.pending()).toBe(1);
    await ctx.run.dispose();
    expect(ctx.frames.pending()).toBe(0);
  });

  it('schedules the cues of a breathing step from its start on the master clock, and silences them on stop', async () => {
    const audio = fakeAudio();
    const ctx = await started(fake, 'arrive-and-breathe', audio);
    const t0 = ctx.clock.t;
    // 0.3 s before the breathing begins, its cues are handed to the audio timeline ahead of time.
    await after(ctx, 60 + 75 - 0.3);
    expect(audio.calls).toEqual([`arm:6@${t0 + 135}`]);
    await after(ctx, 0.4);
    expect(ctx.run.step.kind).toBe('breathe');
    expect(audio.calls).toEqual([`arm:6@${t0 + 135}`]); // not scheduled twice
    expect(ctx.run.breath?.phase).toBe('inhale');

    ctx.run.pause();
    expect(audio.calls.at(-1)).toBe('clear');
    await after(ctx, 100);
    ctx.run.resume();
    // Rescheduled from the shifted start, so sound and shape stay together.
    expect(audio.calls.at(-1)).toBe(`arm:6@${t0 + 235}`);

    ctx.run.stop();
    expect(audio.calls.at(-1)).toBe('stop');
    await ctx.run.dispose();
    expect(audio.calls.at(-1)).toBe('dispose');
  });

  it('a distress answer of 7 or more is recorded, then everything pauses for a gentle offer', async () => {
    const ctx = await started(fake, 'body-first');
    for (let i = 0; i < 4; i++) ctx.run.next();
    expect(ctx.run.step.kind).toBe('check-in');
    ctx.run.answer('distress', 8);
    await ctx.run.settled();
    expect(fake.sessionLog.slice(-2)).toEqual(['checkIn:4:distress=8', 'step:5']);
    expect(ctx.run.phase).toBe('paused');
    expect(ctx.run.distressOffer).toBe(true);
    await after(ctx, 500);
    expect(ctx.run.stepIndex).toBe(5);

    ctx.run.startMoment();
    expect(ctx.run.distressOffer).toBe(false);
    expect(ctx.run.momentBreath?.phase).toBe('inhale');
    await after(ctx, 5.5 + 1);
    expect(ctx.run.momentBreath?.phase).toBe('exhale');
    await after(ctx, 3 * COHERENT);
    expect(ctx.run.moment).toBeNull(); // the moment ends by itself

    ctx.run.resume();
    expect(ctx.run.phase).toBe('running');
  });

  it('a lower distress answer just moves on', async () => {
    const ctx = await started(fake, 'body-first');
    for (let i = 0; i < 4; i++) ctx.run.next();
    ctx.run.answer('distress', 6);
    expect(ctx.run.phase).toBe('running');
    expect(ctx.run.distressOffer).toBe(false);
  });

  it('writing during a prompt autosaves into one journal entry linked to the session', async () => {
    vi.useFakeTimers();
    try {
      const clock = fakeClock();
      const run = new SessionRun(fake.api, practice('body-first'), { pattern: 'coherent', clock: () => clock, frames: fakeFrames() });
      await run.begin();
      run.writing.set(2, 'heavy shoulders');
      await vi.advanceTimersByTimeAsync(500);
      expect(fake.spies.journal.create).toHaveBeenCalledTimes(1);
      expect(fake.spies.journal.create.mock.calls[0]![0]).toMatchObject({ body: '### Let the body lead\n\nheavy shoulders', sessionId: 1 });
      run.writing.set(2, 'heavy shoulders, tight throat');
      await vi.advanceTimersByTimeAsync(500);
      expect(fake.spies.journal.create).toHaveBeenCalledTimes(1);
      expect(fake.entries.get(1)?.body).toBe('### Let the body lead\n\nheavy shoulders, tight throat');
      await run.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('when the vault locks, the view ends quietly: nothing more is written', async () => {
    const ctx = await started(fake);
    await after(ctx, 61);
    await ctx.run.dispose({ locked: true });
    await after(ctx, 1000);
    expect(fake.sessionLog).toEqual(['start:arrive-and-breathe', 'step:0', 'step:1']);
    expect(fake.sessions.get(1)!.outcome).toBeNull();
    expect(outcomeWords(fake.sessions.get(1)!)).toBe('Interrupted');
  });

  it('Esc pressed before the start is recorded still stops at once, and records the stop', async () => {
    const clock = fakeClock();
    const run = new SessionRun(fake.api, practice('arrive-and-breathe'), { pattern: 'coherent', clock: () => clock, frames: fakeFrames() });
    const begun = run.begin();
    run.stop();
    expect(run.phase).toBe('stopped');
    await begun;
    await run.settled();
    expect(fake.sessionLog).toEqual(['start:arrive-and-breathe', 'step:0', 'end:stopped@0']);
  });

  it('leaves the idle lock to main: a running session sends no activity of its own', async () => {
    const ctx = await started(fake);
    fake.spies.app.activity.mockClear();
    await after(ctx, 100);
    expect(fake.spies.app.activity).not.toHaveBeenCalled();
  });

  it('a start that cannot be recorded is shown, and nothing runs', async () => {
    fake.lockFromMain('idle');
    const clock = fakeClock();
    const frames = fakeFrames();
    const run = new SessionRun(fake.api, practice('arrive-and-breathe'), { pattern: 'coherent', clock: () => clock, frames });
    expect(await run.begin()).toBe(false);
    expect(run.phase).toBe('failed');
    expect(run.failed).toMatch(/locked/);
    expect(frames.pending()).toBe(0);
  });
});

afterEach(() => vi.useRealTimers());
