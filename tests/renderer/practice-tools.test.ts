/**
 * The practices that use the person's own tools, in the DOM (happy-dom, fake api, fake clock and
 * frames): "Open one box", "Boost the signal" and "Ladder step", from Begin to the end.
 */
import { afterEach, describe, expect, it, type Mock } from 'vitest';
import { Practice } from '../../preload/contract/practice.ts';
import { PracticesState } from '../../renderer/features/practices/practices.svelte.ts';
import { texts } from '../../renderer/features/session/texts.ts';
import boostTheSignal from '../../resources/practices/boost-the-signal.json';
import ladderStep from '../../resources/practices/ladder-step.json';
import openOneBox from '../../resources/practices/open-one-box.json';
import { byButton, byLabel, check, click, pressEscape, settle, type } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { mountInBody, unmountAll } from './mount.ts';
import PracticesHarness from './PracticesHarness.svelte';
import { fakeClock, fakeFrames } from './session-helpers.ts';

const library = [openOneBox, boostTheSignal, ladderStep].map((p) => Practice.parse(p));

let target: HTMLElement;

afterEach(unmountAll);

function fakeWithTools(): FakeApi {
  return createFakeApi({ state: 'unlocked', practices: library });
}

/** Opens the Practices page, starts the practice, and presses Next until the step titled `until`. */
async function startAndReach(fake: FakeApi, title: string, until: string) {
  const practices = new PracticesState(fake.api, { loadAudio: async () => null, speed: null, clock: fakeClock(), frames: fakeFrames() });
  await practices.refresh();
  target = mountInBody(PracticesHarness, { api: fake.api, practices });
  await settle();
  click(byButton(target, `Start ${title}`));
  await settle();
  click(byButton(target, 'Begin'));
  await settle();
  await nextUntil(until);
  return practices;
}

async function nextUntil(stepTitle: string) {
  for (let i = 0; i < 12 && stepHeading() !== stepTitle; i++) {
    click(byButton(target, /^(Next|Skip)$/));
    await settle();
  }
  expect(stepHeading()).toBe(stepTitle);
}

const stepHeading = () => target.querySelector('h2.step-title')?.textContent?.trim();
const heading = () => target.querySelector('h1')?.textContent?.trim();
const text = () => target.textContent!.replace(/\s+/g, ' ');
const alerts = () => [...target.querySelectorAll('[role="alert"]')].map((a) => a.textContent!.replace(/\s+/g, ' ').trim());

/** Picks a choice inside the fieldset whose legend starts with `legend`. */
function choose(legend: string | RegExp, choice: string) {
  const fieldset = [...target.querySelectorAll('fieldset')].find((f) => {
    const words = f.querySelector('legend')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return typeof legend === 'string' ? words.startsWith(legend) : legend.test(words);
  });
  if (!fieldset) throw new Error(`no question ${String(legend)}`);
  const label = [...fieldset.querySelectorAll('label')].find((l) => l.textContent?.replace(/\s+/g, ' ').trim().startsWith(choice));
  if (!label) throw new Error(`no choice ${choice} in ${String(legend)}`);
  check(label.querySelector('input')!);
}

async function boxItem(fake: FakeApi, id: number) {
  const list = await fake.api.memories.list();
  if (!list.ok) throw new Error(list.error.message);
  return list.value.find((m) => m.id === id);
}

/**
 * The next call of this spy is done at once (main handles calls in order) but its answer is held
 * until `release()`, like a passphrase check that takes seconds.
 */
function holdNext<I, R>(spy: Mock<(input: I) => Promise<R>>): () => void {
  const real = spy.getMockImplementation()!;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  spy.mockImplementationOnce(async (input: I) => {
    const answer = await real(input);
    await gate;
    return answer;
  });
  return release;
}

const footerNext = () => byButton(target.querySelector('footer')!, /^(Next|Skip)$/);

/** One memory in the box, the practice "Open one box" at its memory step, and the mood before chosen. */
async function atOneMemory(mood: string) {
  const fake = fakeWithTools();
  await fake.api.memories.add({ title: 'The old house', text: 'The creaky stairs.', intensity: 4 });
  const practices = await startAndReach(fake, 'Open one box', 'One memory');
  await settle();
  choose('How do you feel right now?', mood);
  return { fake, practices };
}

/**
 * Presses `button` with `spy`'s answer held; Next waits meanwhile. The step is then left anyway
 * (as Esc, Stop or a timer might), `meanwhile` looks, and the answer is let through.
 */
async function leaveWhileHeld<I, R>(practices: PracticesState, spy: Mock<(input: I) => Promise<R>>, button: string, meanwhile?: () => void) {
  const release = holdNext(spy);
  click(byButton(target, button));
  await settle();
  expect(footerNext().disabled).toBe(true);
  practices.run!.next();
  await settle();
  meanwhile?.();
  release();
  await settle();
}

async function openingsOf(fake: FakeApi, memoryId: number) {
  const result = await fake.api.memories.openings({ memoryId });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('Open one box', () => {
  async function boxOfThree(fake: FakeApi) {
    // Default maximum: 6 of 10. The strongest is above it and is never offered without asking.
    await fake.api.memories.add({ title: 'The old house', text: 'The creaky stairs and the smell of rain.', intensity: 5 });
    await fake.api.memories.add({
      title: "Grandma's kitchen",
      text: 'Her hands, flour everywhere, the radio on.',
      intensity: 2,
      passphrase: 'kitchen table words',
    });
    await fake.api.memories.add({ title: 'Saying goodbye', text: 'The last phone call.', intensity: 9 });
  }

  it('offers the gentlest; a wrong passphrase keeps it sealed; Esc mid-way reseals it and the session is stopped', async () => {
    const fake = fakeWithTools();
    await boxOfThree(fake);
    await startAndReach(fake, 'Open one box', 'One memory');
    await settle();

    expect(fake.spies.memories.suggest).toHaveBeenCalledWith({ maxIntensity: 6 });
    const offer = target.querySelector('section[aria-label="The memory on offer"]')!;
    expect(offer.textContent).toContain("Grandma's kitchen");
    expect(offer.textContent).toContain('The gentlest one waiting');
    expect(offer.textContent).toContain('has an extra seal');
    // Titles only until it is opened; the stronger memory is not on screen at all.
    expect(text()).not.toContain('flour everywhere');
    expect(text()).not.toContain('Saying goodbye');

    // Choosing another lists the sealed ones within the maximum, and asks before showing stronger ones.
    click(byButton(target, 'Choose another'));
    const others = [...target.querySelectorAll('fieldset label')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
    expect(others.some((o) => o.startsWith('The old house'))).toBe(true);
    expect(others.some((o) => o.startsWith('Saying goodbye'))).toBe(false);
    expect(text()).toMatch(/One memory is stronger than the level you chose \(6 of 10\)/);
    click(byButton(target, 'Keep this one'));

    // Mood first.
    click(byButton(target, 'Open it'));
    expect(alerts().join(' ')).toMatch(/how you feel right now/);
    expect(fake.spies.memories.open).not.toHaveBeenCalled();
    choose('How do you feel right now?', 'Okay');

    // A wrong passphrase: a clear message, and the memory stays sealed.
    type(byLabel(target, 'Passphrase for this memory') as HTMLInputElement, 'not the words');
    click(byButton(target, 'Open it'));
    await settle();
    expect(fake.spies.memories.open).toHaveBeenCalledWith({ memoryId: 2, moodBefore: 3, passphrase: 'not the words', sessionId: 1 });
    expect(alerts().join(' ')).toMatch(/doesn't open this memory, so it stays sealed/);
    expect(stepHeading()).toBe('One memory');
    expect(text()).not.toContain('flour everywhere');
    expect((await boxItem(fake, 2))?.status).toBe('sealed');
    expect((byLabel(target, 'Passphrase for this memory') as HTMLInputElement).value).toBe('');

    // The right one opens it, and the next step keeps it in view.
    type(byLabel(target, 'Passphrase for this memory') as HTMLInputElement, 'kitchen table words');
    click(byButton(target, 'Open it'));
    await settle();
    expect(stepHeading()).toBe('Sit with it');
    const card = target.querySelector('section[aria-label="Your memory"]')!;
    expect(card.textContent).toContain("Grandma's kitchen");
    expect(card.textContent).toContain('Her hands, flour everywhere, the radio on.');
    expect((await boxItem(fake, 2))?.status).toBe('open');

    // At the writing prompt, the person is told plainly where words about an extra-sealed memory go.
    await nextUntil('What is here?');
    expect(text()).toContain("These words are saved as a journal entry, locked by your passphrase like all your entries. They are not kept under this memory's extra seal");

    // Esc, mid-way: resealed, the opening logged as stopped, the session stopped.
    pressEscape();
    await settle();
    expect(heading()).toBe(texts.stopped.title);
    expect(fake.spies.memories.stop).toHaveBeenCalledTimes(1);
    expect(fake.spies.memories.stop).toHaveBeenCalledWith({ openingId: 1 });
    expect((await boxItem(fake, 2))?.status).toBe('sealed');
    expect((await openingsOf(fake, 2))[0]).toMatchObject({ outcome: 'stopped', sessionId: 1, moodBefore: 3 });
    expect(fake.sessions.get(1)).toMatchObject({ outcome: 'stopped', stepReached: 4 });
    // The words are gone from the screen.
    expect(text()).not.toContain('flour everywhere');
  });

  it('shows stronger memories only after the person says yes', async () => {
    const fake = fakeWithTools();
    await fake.api.memories.add({ title: 'Saying goodbye', text: 'The last phone call.', intensity: 9 });
    await startAndReach(fake, 'Open one box', 'One memory');
    await settle();
    expect(text()).toMatch(/Every memory waiting in your box is stronger than the level you chose \(6 of 10\)/);
    expect(text()).not.toContain('Saying goodbye');
    click(byButton(target, 'Show stronger ones too'));
    await settle();
    expect(fake.spies.memories.suggest).toHaveBeenLastCalledWith({ maxIntensity: 6, allowAbove: true });
    expect(target.querySelector('section[aria-label="The memory on offer"]')!.textContent).toContain('Saying goodbye');
  });

  it('closing in the person\'s own way: at peace, with mood and tears; nothing is stopped afterwards', async () => {
    const { fake } = await atOneMemory('Low');
    click(byButton(target, 'Open it'));
    await settle();
    expect(fake.spies.memories.open).toHaveBeenCalledWith({ memoryId: 1, moodBefore: 2, sessionId: 1 });

    // The memory stays in view through the writing prompt and the distress check-in.
    await nextUntil('What is here?');
    expect(target.querySelector('section[aria-label="Your memory"]')!.textContent).toContain('The creaky stairs.');
    // Without an extra seal there is nothing to explain about where the words go.
    expect(text()).not.toContain("not kept under this memory's extra seal");
    await nextUntil('Checking in');
    expect(target.querySelector('section[aria-label="Your memory"]')).not.toBeNull();
    choose('How much distress', '3');
    click(byButton(target, 'Continue'));
    await settle();

    expect(stepHeading()).toBe('Putting it away');
    choose('How would you like to leave this memory?', 'It is at peace');
    choose('How do you feel now?', 'Good');
    choose('Did any tears come?', 'My eyes welled up');
    click(byButton(target, 'Done with this memory'));
    await settle();
    expect(fake.spies.memories.close).toHaveBeenCalledWith({ openingId: 1, outcome: 'at-peace', moodAfter: 4, tears: 'welled' });
    expect(stepHeading()).toBe('Coming back');
    expect(target.querySelector('section[aria-label="Your memory"]')).toBeNull();
    expect((await boxItem(fake, 1))?.status).toBe('at-peace');

    click(byButton(target, 'Next'));
    click(byButton(target, 'Finish'));
    await settle();
    expect(fake.sessions.get(1)?.outcome).toBe('finished');
    expect(fake.spies.memories.stop).not.toHaveBeenCalled();
  });

  it('skipping the close step reseals the memory rather than leaving it open', async () => {
    const { fake } = await atOneMemory('Okay');
    click(byButton(target, 'Open it'));
    await settle();
    await nextUntil('Putting it away');
    click(byButton(target, 'Skip'));
    await settle();
    expect(stepHeading()).toBe('Coming back');
    expect(fake.spies.memories.close).not.toHaveBeenCalled();
    expect(fake.spies.memories.stop).toHaveBeenCalledWith({ openingId: 1 });
    expect((await boxItem(fake, 1))?.status).toBe('sealed');
  });

  it('while a memory is opening, Skip and "Go on without opening it" wait, so the run moves on only once', async () => {
    const { fake } = await atOneMemory('Okay');
    const release = holdNext(fake.spies.memories.open);
    click(byButton(target, 'Open it'));
    await settle();

    expect(byButton(target, 'Opening…').disabled).toBe(true);
    expect(footerNext().disabled).toBe(true);
    expect(byButton(target, 'Go on without opening it').disabled).toBe(true);
    click(footerNext());
    await settle();
    expect(stepHeading()).toBe('One memory');

    release();
    await settle();
    expect(stepHeading()).toBe('Sit with it');
    expect(footerNext().disabled).toBe(false);
    expect(target.querySelector('section[aria-label="Your memory"]')!.textContent).toContain('The creaky stairs.');
  });

  it('a memory that opens after the step was left goes straight back into the box, and the run does not move again', async () => {
    const { fake, practices } = await atOneMemory('Okay');
    // However the step came to be left meanwhile.
    await leaveWhileHeld(practices, fake.spies.memories.open, 'Open it', () => expect(stepHeading()).toBe('Sit with it'));
    await practices.run!.settled();
    expect(stepHeading()).toBe('Sit with it');
    expect(practices.run!.tools.memory).toBeNull();
    expect(text()).not.toContain('The creaky stairs.');
    expect(fake.spies.memories.stop).toHaveBeenCalledWith({ openingId: 1 });
    expect((await boxItem(fake, 1))?.status).toBe('sealed');
    expect((await openingsOf(fake, 1))[0]).toMatchObject({ outcome: 'stopped' });
  });

  it('a close that comes back after the step was left keeps the person\'s choice and does not move the run again', async () => {
    const { fake, practices } = await atOneMemory('Okay');
    click(byButton(target, 'Open it'));
    await settle();
    await nextUntil('Putting it away');
    choose('How would you like to leave this memory?', 'It is at peace');
    await leaveWhileHeld(practices, fake.spies.memories.close, 'Done with this memory', () => expect(stepHeading()).toBe('Coming back'));
    await practices.run!.settled();
    expect(stepHeading()).toBe('Coming back');
    expect((await boxItem(fake, 1))?.status).toBe('at-peace');
  });

  it('the "keep it open" choice says where to seal it again', async () => {
    await atOneMemory('Okay');
    click(byButton(target, 'Open it'));
    await settle();
    await nextUntil('Putting it away');
    const keep = [...target.querySelectorAll('label')].find((l) => l.textContent!.includes('Keep it open'))!;
    expect(keep.textContent).toMatch(/seal it again from Your tools, under Memory box/);
    expect(keep.textContent).not.toMatch(/until you seal it\./);
  });

  it('an empty box says so kindly, points to Your tools, and lets the person go on or end', async () => {
    const fake = fakeWithTools();
    await startAndReach(fake, 'Open one box', 'One memory');
    await settle();
    expect(text()).toContain('There is no sealed memory waiting in your box right now.');
    expect(text()).toMatch(/Your tools, under Memory box/);
    byButton(target, 'End here');
    click(byButton(target, 'Go on without one'));
    await settle();
    expect(stepHeading()).toBe('Sit with it');
    expect(target.querySelector('section[aria-label="Your memory"]')).toBeNull();
    await nextUntil('Putting it away');
    expect(text()).toContain('No memory is open, so there is nothing to put away this time.');
    click(byButton(target, 'Continue'));
    await settle();
    expect(stepHeading()).toBe('Coming back');
    expect(fake.spies.memories.open).not.toHaveBeenCalled();
    expect(fake.spies.memories.stop).not.toHaveBeenCalled();
  });
});

describe('Boost the signal', () => {
  it('offers an item, opens its link through the OS, and links its use (and the tears) to the session', async () => {
    const fake = fakeWithTools();
    await fake.api.media.add({ title: 'Up', kind: 'film', note: 'The first ten minutes.', link: 'https://example.org/up' });
    await fake.api.media.add({ title: 'Hallelujah', kind: 'song', note: 'The slow version.' });
    await startAndReach(fake, 'Boost the signal', 'Something that moves you');
    await settle();

    const card = () => target.querySelector('section[aria-label="From your moving media"]')!;
    expect(card().textContent).toContain('Up');
    expect(card().textContent).toContain('A film');
    expect(card().textContent).toContain('The first ten minutes.');
    expect(card().textContent).toContain('opens example.org in your browser');

    click(byButton(target, 'Something else'));
    await settle();
    expect(card().textContent).toContain('Hallelujah');
    expect(() => byButton(card(), 'Open link')).toThrow(); // no link, no button
    click(byButton(target, 'Something else'));
    await settle();
    expect(card().textContent).toContain('Up');

    click(byButton(card(), 'Open link'));
    await settle();
    expect(fake.spies.media.openLink).toHaveBeenCalledWith({ id: 1 });
    expect(fake.spies.safety.openWebsite).not.toHaveBeenCalled();
    click(byButton(target, 'Go with this one'));
    await settle();
    // Recorded once, though it was both opened and chosen.
    expect(fake.spies.media.recordUse).toHaveBeenCalledTimes(1);
    expect(fake.spies.media.recordUse).toHaveBeenCalledWith({ mediaId: 1, sessionId: 1 });

    expect(stepHeading()).toBe('Let it play');
    expect(card().textContent).toContain('Up');
    click(byButton(target, 'Next'));
    await settle();
    expect(stepHeading()).toBe('Checking in');
    choose('Have any tears come?', 'A tear');
    click(byButton(target, 'Continue'));
    await settle();
    expect(fake.spies.media.recordUse).toHaveBeenLastCalledWith({ mediaId: 1, sessionId: 1, tears: 'tear' });
    expect(fake.sessions.get(1)?.checkIns).toEqual([expect.objectContaining({ question: 'tears', value: 2 })]);
  });

  async function twoWithLinks(fake: FakeApi) {
    await fake.api.media.add({ title: 'Up', kind: 'film', note: '', link: 'https://example.org/up' });
    await fake.api.media.add({ title: 'Hallelujah', kind: 'song', note: '', link: 'https://example.org/song' });
  }
  const mediaCard = () => target.querySelector('section[aria-label="From your moving media"]');

  it('only the item the person ends with is linked to the session (and gets its tears), not one passed over', async () => {
    const fake = fakeWithTools();
    await twoWithLinks(fake);
    await startAndReach(fake, 'Boost the signal', 'Something that moves you');
    await settle();
    expect(mediaCard()!.textContent).toContain('Up');
    click(byButton(mediaCard()!, 'Open link'));
    await settle();
    click(byButton(target, 'Something else'));
    await settle();
    expect(mediaCard()!.textContent).toContain('Hallelujah');
    click(byButton(mediaCard()!, 'Open link'));
    await settle();
    expect(fake.spies.media.recordUse).not.toHaveBeenCalled();
    click(byButton(target, 'Go with this one'));
    await settle();
    expect(stepHeading()).toBe('Let it play');
    expect(mediaCard()!.textContent).toContain('Hallelujah');

    await nextUntil('Checking in');
    choose('Have any tears come?', 'A tear');
    click(byButton(target, 'Continue'));
    await settle();
    expect(fake.spies.media.recordUse.mock.calls).toEqual([[{ mediaId: 2, sessionId: 1 }], [{ mediaId: 2, sessionId: 1, tears: 'tear' }]]);
  });

  it('an item opened and then passed over with "Something else" and Skip is not counted', async () => {
    const fake = fakeWithTools();
    await twoWithLinks(fake);
    await startAndReach(fake, 'Boost the signal', 'Something that moves you');
    await settle();
    click(byButton(mediaCard()!, 'Open link'));
    await settle();
    click(byButton(target, 'Something else'));
    await settle();
    click(byButton(target, 'Skip'));
    await settle();
    expect(stepHeading()).toBe('Let it play');
    expect(mediaCard()).toBeNull();
    expect(fake.spies.media.recordUse).not.toHaveBeenCalled();
  });

  it('stopping on the step after opening an item still links that one item to the session', async () => {
    const fake = fakeWithTools();
    await twoWithLinks(fake);
    const practices = await startAndReach(fake, 'Boost the signal', 'Something that moves you');
    await settle();
    click(byButton(mediaCard()!, 'Open link'));
    await settle();
    pressEscape();
    await settle();
    await practices.run?.settled();
    expect(heading()).toBe(texts.stopped.title);
    expect(fake.spies.media.recordUse.mock.calls).toEqual([[{ mediaId: 1, sessionId: 1 }]]);
  });

  it('Stop pressed while the browser is still opening the link keeps that item linked to the session', async () => {
    const fake = fakeWithTools();
    await twoWithLinks(fake);
    const practices = await startAndReach(fake, 'Boost the signal', 'Something that moves you');
    await settle();
    let opened: (value: { ok: true; value: null }) => void = () => {};
    fake.spies.media.openLink.mockImplementationOnce(() => new Promise((resolve) => (opened = resolve)));
    click(byButton(mediaCard()!, 'Open link'));
    pressEscape();
    await settle();
    opened({ ok: true, value: null });
    await settle();
    await practices.run?.settled();
    expect(heading()).toBe(texts.stopped.title);
    expect(fake.spies.media.recordUse.mock.calls).toEqual([[{ mediaId: 1, sessionId: 1 }]]);
  });

  it('an empty list points to Your tools → Moving media, and the step can be passed', async () => {
    const fake = fakeWithTools();
    await startAndReach(fake, 'Boost the signal', 'Something that moves you');
    await settle();
    expect(text()).toContain('Your list of moving media is empty for now.');
    expect(text()).toMatch(/Your tools, under Moving media/);
    click(byButton(target, 'Go on'));
    await settle();
    expect(stepHeading()).toBe('Let it play');
    expect(target.querySelector('section[aria-label="From your moving media"]')).toBeNull();
    expect(fake.spies.media.recordUse).not.toHaveBeenCalled();
  });
});

describe('Ladder step', () => {
  async function twoSteps(fake: FakeApi) {
    await fake.api.ladder.addStep({ track: 'letting-come', text: 'Imagine tears coming', expectedDistress: 20 });
    await fake.api.ladder.addStep({ track: 'letting-come', text: 'Cry alone with music', expectedDistress: 40 });
  }

  it('the next step, distress before, the step itself, then peak, after and tears recorded for the ladder', async () => {
    const fake = fakeWithTools();
    await twoSteps(fake);
    await startAndReach(fake, 'Ladder step', 'Your step');
    await settle();

    const card = () => target.querySelector('section[aria-label="Your step"]')!;
    expect(card().textContent).toContain('Imagine tears coming');
    expect(card().textContent).toContain('your next step');
    expect(card().textContent).toContain('around 20 of 100');
    // Only one track has steps: no track question.
    expect(text()).not.toContain('Which track today?');

    click(byButton(target, 'Begin this step'));
    expect(alerts().join(' ')).toMatch(/how much distress you feel right now/);
    choose('How much distress do you feel right now?', '30');
    click(byButton(target, 'Begin this step'));
    await settle();

    expect(stepHeading()).toBe('Do your step');
    expect(card().textContent).toContain('Imagine tears coming');
    click(byButton(target, 'Next'));
    await settle();

    expect(stepHeading()).toBe('How it went');
    expect(text()).toContain('Before you began, the distress was 30 of 100.');
    click(byButton(target, 'Save how it went'));
    expect(alerts().join(' ')).toMatch(/Please answer all three/);
    expect(fake.spies.ladder.recordAttempt).not.toHaveBeenCalled();
    choose('What was the highest distress', '60');
    choose('And how much distress', '20');
    choose('Did any tears come?', 'My eyes welled up');
    click(byButton(target, 'Save how it went'));
    await settle();

    const session = fake.sessions.get(1)!;
    expect(fake.spies.ladder.recordAttempt).toHaveBeenCalledWith({
      stepId: 1,
      distressBefore: 30,
      distressPeak: 60,
      distressAfter: 20,
      tears: 1,
      breathedBefore: true,
      breathedAfter: true,
      sessionId: 1,
      startedAt: session.startedAt,
    });
    // Not mastered yet: straight on to the breathing, no verdict.
    expect(stepHeading()).toBe('Relaxation breathing');
    expect(text()).not.toMatch(/mastered/);
  });

  it('the attempt that masters a step gets a warm word, never a score', async () => {
    const fake = fakeWithTools();
    await twoSteps(fake);
    // One calm attempt already (peak below the threshold of 50).
    await fake.api.ladder.recordAttempt({
      stepId: 1,
      distressBefore: 20,
      distressPeak: 30,
      distressAfter: 10,
      tears: 0,
      breathedBefore: true,
      breathedAfter: true,
      startedAt: Date.now() - 60_000,
    });
    await startAndReach(fake, 'Ladder step', 'Your step');
    await settle();
    choose('How much distress do you feel right now?', '20');
    click(byButton(target, 'Begin this step'));
    await settle();
    click(byButton(target, 'Next'));
    await settle();
    choose('What was the highest distress', '40');
    choose('And how much distress', '10');
    choose('Did any tears come?', 'Some tears');
    click(byButton(target, 'Save how it went'));
    await settle();

    const warm = target.querySelector('section[aria-label="Your step"] [role="status"]')!;
    expect(warm.textContent).toMatch(/This step is yours/);
    expect(warm.textContent).not.toMatch(/\d/);
    expect(stepHeading()).toBe('How it went');
    click(byButton(target, 'Continue'));
    await settle();
    expect(stepHeading()).toBe('Relaxation breathing');
  });

  it('with steps on both tracks, the person chooses the track, and may pick another step', async () => {
    const fake = fakeWithTools();
    await twoSteps(fake);
    await fake.api.ladder.addStep({ track: 'staying-with', text: 'Say my phrase aloud', expectedDistress: 15 });
    await startAndReach(fake, 'Ladder step', 'Your step');
    await settle();
    const card = () => target.querySelector('section[aria-label="Your step"]')!;
    expect(text()).toContain('Which track today?');
    expect(card().textContent).toContain('Imagine tears coming');
    choose('Which track today?', 'Staying with tears');
    expect(card().textContent).toContain('Say my phrase aloud');
    choose('Which track today?', 'Letting tears come');
    click(byButton(target, 'Choose another step'));
    choose('Which step would you like to take?', 'Cry alone with music');
    expect(card().textContent).toContain('the step you chose');
    choose('How much distress do you feel right now?', '50');
    click(byButton(target, 'Begin this step'));
    await settle();
    expect(stepHeading()).toBe('Do your step');
    expect(card().textContent).toContain('Cry alone with music');
  });

  it('a step chosen after the person had moved on is dropped, and the run does not move again', async () => {
    const fake = fakeWithTools();
    await twoSteps(fake);
    const practices = await startAndReach(fake, 'Ladder step', 'Your step');
    await settle();
    choose('How much distress do you feel right now?', '30');
    await leaveWhileHeld(practices, fake.spies.sessions.get, 'Begin this step', () => expect(stepHeading()).toBe('Do your step'));
    expect(stepHeading()).toBe('Do your step');
    expect(practices.run!.tools.ladder).toBeNull();
    expect(target.querySelector('section[aria-label="Your step"]')).toBeNull();
  });

  it('a try saved after the person had moved on is kept, and the run does not move again', async () => {
    const fake = fakeWithTools();
    await twoSteps(fake);
    const practices = await startAndReach(fake, 'Ladder step', 'Your step');
    await settle();
    choose('How much distress do you feel right now?', '30');
    click(byButton(target, 'Begin this step'));
    await settle();
    await nextUntil('How it went');
    choose('What was the highest distress', '60');
    choose('And how much distress', '20');
    choose('Did any tears come?', 'My eyes welled up');
    const before = practices.run!.stepIndex;
    await leaveWhileHeld(practices, fake.spies.ladder.recordAttempt, 'Save how it went');
    expect(fake.spies.ladder.recordAttempt).toHaveBeenCalledTimes(1);
    expect(practices.run!.stepIndex).toBe(before + 1);
  });

  it('an empty ladder points to Your tools → Ladder, and the practice can go on without a step', async () => {
    const fake = fakeWithTools();
    await startAndReach(fake, 'Ladder step', 'Your step');
    await settle();
    expect(text()).toContain('Your ladder has no steps yet.');
    expect(text()).toMatch(/Your tools, under Ladder/);
    click(byButton(target, 'Go on without a step'));
    await settle();
    expect(stepHeading()).toBe('Do your step');
    await nextUntil('How it went');
    expect(text()).toContain('No ladder step was chosen this time');
    click(byButton(target, 'Continue'));
    await settle();
    expect(fake.spies.ladder.recordAttempt).not.toHaveBeenCalled();
  });
});
