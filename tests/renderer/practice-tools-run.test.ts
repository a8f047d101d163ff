/**
 * The tools inside a run (SessionRun + PracticeTools, fake api and clock): whatever memory is open
 * gets closed, whichever way the session ends, even when the stop lands while it is still opening.
 */
import { describe, expect, it } from 'vitest';
import type { MediaListItem } from '../../preload/contract/index.ts';
import { Practice } from '../../preload/contract/practice.ts';
import { SessionRun } from '../../renderer/features/session/session-run.svelte.ts';
import boostTheSignal from '../../resources/practices/boost-the-signal.json';
import openOneBox from '../../resources/practices/open-one-box.json';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { fakeClock, fakeFrames } from './session-helpers.ts';

const box = Practice.parse(openOneBox);
const boost = Practice.parse(boostTheSignal);
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

  it('while a tool call is on its way the tools are busy, and not after', async () => {
    const fake = createFakeApi({ state: 'unlocked', practices: [box] });
    const run = await toMemoryOpen(fake);
    expect(run.tools.busy).toBe(false);
    const opening = run.tools.openMemory({ memoryId: 1, moodBefore: 3 });
    expect(run.tools.busy).toBe(true);
    expect((await opening).ok).toBe(true);
    expect(run.tools.busy).toBe(false);
    // A wrong answer from the vault frees it too.
    fake.spies.memories.close.mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong.' } });
    const closing = run.tools.closeMemory({ outcome: 'reseal' });
    expect(run.tools.busy).toBe(true);
    expect((await closing).ok).toBe(false);
    expect(run.tools.busy).toBe(false);
  });

  it('a media item is recorded once, when its step is left; tears are added only for a tears check-in', async () => {
    const fake = createFakeApi({ state: 'unlocked', practices: [boost] });
    await fake.api.media.add({ title: 'Up', kind: 'film', note: '' });
    await fake.api.media.add({ title: 'Hallelujah', kind: 'song', note: '' });
    const listed = await fake.api.media.list();
    if (!listed.ok) throw new Error(listed.error.message);
    const byTitle = (title: string): MediaListItem => listed.value.find((m) => m.title === title)!;
    const [up, song] = [byTitle('Up'), byTitle('Hallelujah')];
    const run = await started(fake, boost);
    // Not on the media step yet: nothing is taken.
    run.tools.offerMedia(up);
    expect(run.tools.media).toBeNull();
    run.next();
    run.next();
    expect(run.step.kind).toBe('media-offer');

    run.tools.offerMedia(up);
    run.tools.takeMedia(up);
    run.tools.offerMedia(song); // "Something else": Up is passed over
    run.tools.takeMedia(up); // a late "opened" for Up changes nothing
    expect(run.tools.media?.id).toBe(song.id);
    run.tools.takeMedia(song);
    run.tools.takeMedia(song);
    await run.settled();
    expect(fake.spies.media.recordUse).not.toHaveBeenCalled();

    run.next();
    run.tools.answered('distress', 2);
    await run.settled();
    expect(fake.spies.media.recordUse.mock.calls).toEqual([[{ mediaId: song.id, sessionId: 1 }]]);
    run.tools.answered('tears', 0);
    run.stop();
    await run.settled();
    expect(fake.spies.media.recordUse).toHaveBeenCalledTimes(2);
    expect(fake.spies.media.recordUse).toHaveBeenLastCalledWith({ mediaId: song.id, sessionId: 1, tears: 'none' });
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
