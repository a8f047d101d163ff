/**
 * The tools inside a run (SessionRun + PracticeTools, fake api and clock): whatever memory is open
 * gets closed, whichever way the session ends, even when the stop lands while it is still opening.
 */
import { describe, expect, it } from 'vitest';
import { Practice } from '../../preload/contract/practice.ts';
import { SessionRun } from '../../renderer/features/session/session-run.svelte.ts';
import openOneBox from '../../resources/practices/open-one-box.json';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { fakeClock, fakeFrames } from './session-helpers.ts';

const box = Practice.parse(openOneBox);
/** A ladder practice with breathing only before the step. */
const ladderNoBreathAfter = Practice.parse({
  id: 'ladder-quick',
  version: 1,
  title: 'Quick ladder',
  summary: 'A test practice.',
  suits: ['tests'],
  intensity: 'deeper',
  steps: [
    { kind: 'breathe', cycles: 4 },
    { kind: 'ladder-choose', text: 'Your step.', track: 'staying-with' },
    { kind: 'ladder-record', text: 'How it went.' },
    { kind: 'close', text: 'Done.', aftercare: ['Water'] },
  ],
});

async function started(fake: FakeApi, practice: Practice) {
  const clock = fakeClock();
  const run = new SessionRun(fake.api, practice, { pattern: 'coherent', clock: () => clock, frames: fakeFrames(), audio: null });
  await run.begin({});
  await run.settled();
  return run;
}

async function toMemoryOpen(fake: FakeApi) {
  await fake.api.memories.add({ title: 'The old house', text: 'The creaky stairs.', intensity: 3 });
  const run = await started(fake, box);
  run.next();
  run.next();
  expect(run.step.kind).toBe('memory-open');
  return run;
}

async function status(fake: FakeApi, id: number) {
  const list = await fake.api.memories.list();
  return list.ok ? list.value.find((m) => m.id === id)?.status : undefined;
}

describe('PracticeTools in a run', () => {
  it('a stop that lands while the memory is opening reseals it as soon as it opens', async () => {
    const fake = createFakeApi({ state: 'unlocked', practices: [box] });
    const run = await toMemoryOpen(fake);
    const realOpen = fake.spies.memories.open.getMockImplementation()!;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake.spies.memories.open.mockImplementationOnce(async (input: unknown) => {
      await gate;
      return realOpen(input);
    });

    const opening = run.tools.openMemory({ memoryId: 1, moodBefore: 3 });
    run.stop();
    release();
    const result = await opening;
    await run.settled();

    expect(result.ok).toBe(false);
    expect(run.tools.memory).toBeNull();
    expect(fake.spies.memories.stop).toHaveBeenCalledWith({ openingId: 1 });
    expect(await status(fake, 1)).toBe('sealed');
    const openings = await fake.api.memories.openings({ memoryId: 1 });
    expect(openings.ok && openings.value[0]?.outcome).toBe('stopped');
  });

  it('Stop with a memory open reseals it once; a second stop changes nothing', async () => {
    const fake = createFakeApi({ state: 'unlocked', practices: [box] });
    const run = await toMemoryOpen(fake);
    expect((await run.tools.openMemory({ memoryId: 1, moodBefore: 3 })).ok).toBe(true);
    expect(run.tools.memory?.memory.text).toBe('The creaky stairs.');
    run.stop();
    run.stop();
    await run.settled();
    expect(fake.spies.memories.stop).toHaveBeenCalledTimes(1);
    expect(fake.sessionLog.at(-1)).toBe('end:stopped@2');
    expect(await status(fake, 1)).toBe('sealed');
    // Nothing opens once the session is over.
    expect((await run.tools.openMemory({ memoryId: 1, moodBefore: 3 })).ok).toBe(false);
    expect(fake.spies.memories.open).toHaveBeenCalledTimes(1);
  });

  it('a lock forgets the words at once and writes nothing (the vault reseals it on unlock)', async () => {
    const fake = createFakeApi({ state: 'unlocked', practices: [box] });
    const run = await toMemoryOpen(fake);
    await run.tools.openMemory({ memoryId: 1, moodBefore: 3 });
    await run.dispose({ locked: true });
    expect(run.tools.memory).toBeNull();
    expect(fake.spies.memories.stop).not.toHaveBeenCalled();
  });

  it('a media item chosen twice is recorded once; tears are added only for a tears check-in', async () => {
    const fake = createFakeApi({ state: 'unlocked', practices: [box] });
    await fake.api.media.add({ title: 'Up', kind: 'film', note: '' });
    const offered = await fake.api.media.offer();
    if (!offered.ok || !offered.value) throw new Error('no offer');
    const run = await started(fake, box);
    run.tools.useMedia(offered.value);
    run.tools.useMedia(offered.value);
    run.tools.answered('distress', 2);
    await run.settled();
    expect(fake.spies.media.recordUse).toHaveBeenCalledTimes(1);
    run.tools.answered('tears', 0);
    await run.settled();
    expect(fake.spies.media.recordUse).toHaveBeenLastCalledWith({ mediaId: 1, sessionId: 1, tears: 'none' });
  });

  it('an attempt says whether the practice breathed before and after the step', async () => {
    const fake = createFakeApi({ state: 'unlocked', practices: [ladderNoBreathAfter] });
    await fake.api.ladder.addStep({ track: 'staying-with', text: 'Say my phrase aloud', expectedDistress: 15 });
    const run = await started(fake, ladderNoBreathAfter);
    run.next();
    expect((await run.tools.chooseLadderStep({ stepId: 1, text: 'Say my phrase aloud', trackTitle: 'Staying with tears', distressBefore: 10 })).ok).toBe(true);
    run.next();
    const recorded = await run.tools.recordLadderAttempt({ distressPeak: 30, distressAfter: 5, tears: 2 });
    expect(recorded.ok).toBe(true);
    expect(fake.spies.ladder.recordAttempt).toHaveBeenCalledWith(
      expect.objectContaining({ stepId: 1, breathedBefore: true, breathedAfter: false, sessionId: 1, tears: 2 }),
    );
    expect(run.tools.ladder).toBeNull();
  });
});
