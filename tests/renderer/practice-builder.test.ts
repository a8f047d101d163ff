/**
 * The builder's state (practice-builder/builder.svelte.ts): steps added before the close, moved and
 * put back; the schema's messages on the builder's own fields; save as new or as changes; and the
 * try-out's api, which records nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Practice } from '../../preload/contract/index.ts';
import { PracticeBuilder, stepFieldId } from '../../renderer/features/practice-builder/builder.svelte.ts';
import { stepKindOrder, stepKindTable } from '../../renderer/features/practice-builder/step-kinds.ts';
import { PracticesState } from '../../renderer/features/practices/practices.svelte.ts';
import { rehearsalApi, TRY_OUT_MEMORY, TRY_OUT_VOICE } from '../../renderer/features/session/rehearsal-api.ts';
import { byButton, byLabel, click, selectOption, settle, type } from './dom-helpers.ts';
import BuilderHarness from './BuilderHarness.svelte';
import { builtInPractices, createFakeApi } from './fake-api.ts';
import { mountInBody, unmountAll } from './mount.ts';
import PracticesHarness from './PracticesHarness.svelte';
import { fakeClock, fakeFrames } from './session-helpers.ts';

afterEach(unmountAll);

const unlocked = () => createFakeApi({ state: 'unlocked' });
const kinds = (b: PracticeBuilder) => b.items.map((i) => i.step.kind);

function fill(b: PracticeBuilder) {
  b.title = 'Evening';
  b.summary = 'Slowing down.';
  b.suitsLines = 'before sleep\n\n  after a long day  ';
  b.items[0]!.step.text = 'Rest now.';
}

describe('the practice builder', () => {
  it('has an entry for every step kind, each starting as a step of its kind', () => {
    for (const kind of stepKindOrder) expect(stepKindTable[kind].blank().kind).toBe(kind);
  });

  it('adds steps before the closing step, moves them, and puts a removed one back where it was', () => {
    const b = new PracticeBuilder(unlocked().api, { from: 'empty' });
    expect(kinds(b)).toEqual(['close']);
    const breathe = b.addStep(stepKindTable.breathe.blank());
    const arrive = b.addStep(stepKindTable.arrive.blank());
    expect(kinds(b)).toEqual(['breathe', 'arrive', 'close']);
    expect(b.moveStep(arrive, -1)).toBe(true);
    expect(kinds(b)).toEqual(['arrive', 'breathe', 'close']);
    expect(b.moveStep(arrive, -1)).toBe(false);
    const removed = b.removeStep(breathe)!;
    expect(kinds(b)).toEqual(['arrive', 'close']);
    b.putBack(removed);
    expect(b.items.map((i) => i.key)).toEqual([arrive, breathe, b.items[2]!.key]);
  });

  it('shows the schema’s messages only after a first try, on the builder’s own fields, lines numbered', () => {
    const b = new PracticeBuilder(unlocked().api, { from: 'empty' });
    expect(b.problem('title')).toBeNull();
    expect(b.checked()).toBeNull();
    expect(b.problem('title')).toBe('Please give your practice a name.');
    expect(b.problem('suitsLines')).toBe('Please say who it may suit, in a few words.');
    expect(b.stepsProblem).toBe('A practice needs at least two steps, the last one a close.');
    expect(b.stepProblem(0, 'text')).toBe('Please write what this step says.');
    expect(b.firstProblemTarget()).toBe('practice-title');

    fill(b);
    b.suitsLines = `fine\n${'x'.repeat(81)}`;
    const key = b.addStep({ kind: 'close', text: 'Bye.', aftercareLines: 'water\n' + 'y'.repeat(201) });
    expect(b.problem('suitsLines')).toBe('Line 2: Please keep this to 80 characters or fewer.');
    // The new close went before the first one, so the first close is no longer last.
    expect(b.stepProblem(0, 'aftercareLines')).toBe('Line 2: Please keep this to 200 characters or fewer.');
    expect(b.firstProblemTarget()).toBe('practice-suitsLines');
    b.suitsLines = 'fine';
    expect(b.firstProblemTarget()).toBe(stepFieldId(key, 'aftercareLines'));
  });

  it('saves a new practice with blank fields left out and lines as lists; a copy stays unsaved until then', async () => {
    const fake = unlocked();
    const copy = new PracticeBuilder(fake.api, { from: 'copy', practice: builtInPractices[0]! });
    expect(copy.title).toBe(`${builtInPractices[0]!.title} (mine)`);
    expect(copy.dirty).toBe(true);

    const b = new PracticeBuilder(fake.api, { from: 'empty' });
    expect(b.dirty).toBe(false);
    fill(b);
    b.addStep({ kind: 'prompt', text: 'What is here?', title: '  ', writing: true, seconds: undefined });
    expect(b.dirty).toBe(true);
    const saved = (await b.save())!;
    expect(saved.id).toMatch(/^own-/);
    expect(fake.spies.ownPractices.create).toHaveBeenCalledWith({
      practice: {
        id: 'own-new',
        version: 1,
        title: 'Evening',
        summary: 'Slowing down.',
        suits: ['before sleep', 'after a long day'],
        intensity: 'gentle',
        steps: [
          { kind: 'prompt', text: 'What is here?', writing: true },
          { kind: 'close', text: 'Rest now.', aftercare: [] },
        ],
      },
    });

    const edit = new PracticeBuilder(fake.api, { from: 'edit', practice: saved });
    expect(edit.dirty).toBe(false);
    edit.title = 'Evening, slowly';
    expect((await edit.save())?.title).toBe('Evening, slowly');
    expect(fake.spies.ownPractices.update).toHaveBeenCalledTimes(1);
  });

  it('keeps a practice’s own background sound in a copy, a change and a file; None leaves it out', async () => {
    const fake = unlocked();
    const rainy = { ...builtInPractices[0]!, soundscape: 'rain' as const };
    const copy = new PracticeBuilder(fake.api, { from: 'copy', practice: rainy });
    expect(copy.soundscape).toBe('rain');
    expect(copy.candidate().soundscape).toBe('rain');
    expect((await copy.save())?.soundscape).toBe('rain');
    expect(fake.spies.ownPractices.create).toHaveBeenCalledWith({ practice: expect.objectContaining({ soundscape: 'rain' }) });

    const edit = new PracticeBuilder(fake.api, { from: 'edit', practice: { ...rainy, id: 'own-rainy' } });
    expect(edit.dirty).toBe(false);
    expect(edit.candidate().soundscape).toBe('rain');
    expect(new PracticeBuilder(fake.api, { from: 'file', practice: rainy, fileName: 'rainy.json' }).candidate().soundscape).toBe('rain');

    edit.soundscape = 'none';
    expect(edit.dirty).toBe(true);
    expect('soundscape' in edit.candidate()).toBe(false);
    expect('soundscape' in edit.checked()!).toBe(false);

    const plain = new PracticeBuilder(fake.api, { from: 'copy', practice: { ...builtInPractices[0]!, soundscape: undefined } });
    expect(plain.soundscape).toBe('none');
    expect('soundscape' in plain.candidate()).toBe(false);
  });

  it('a try-out records nothing: no session, no journal entry, memories stay sealed', async () => {
    const fake = unlocked();
    const api = rehearsalApi(fake.api);
    const started = await api.sessions.start({ practiceId: 'own-new' });
    expect(started.ok).toBe(true);
    const sessionId = started.ok ? started.value.sessionId : 0;
    await api.sessions.checkIn({ sessionId, stepIndex: 0, question: 'distress', value: 3 });
    await api.sessions.end({ sessionId, stepIndex: 0, outcome: 'finished' });
    await api.journal.create({ body: 'typed in a try-out', sessionId });
    expect(await api.memories.open({ memoryId: 1, sessionId, moodBefore: 3 })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: TRY_OUT_MEMORY } });
    expect(fake.sessions.size).toBe(0);
    expect(fake.entries.size).toBe(0);
    expect(fake.spies.sessions.start).not.toHaveBeenCalled();
    // What is only read comes from the person's own things, as in any session.
    await api.media.offer();
    expect(fake.spies.media.offer).toHaveBeenCalled();
  });

  it('a speak step in a try-out says nothing is recorded, in place of Record, and never asks for the microphone', async () => {
    const fake = unlocked();
    const speaking = {
      id: 'own-new',
      version: 1,
      title: 'Aloud',
      summary: 'Saying it.',
      suits: ['a heavy day'],
      intensity: 'gentle',
      steps: [
        { kind: 'speak', text: 'Say what is here, out loud.' },
        { kind: 'close', text: 'Rest now.', aftercare: [] },
      ],
    } as unknown as Practice;
    const practices = new PracticesState(fake.api, { loadAudio: async () => null, speed: null, clock: fakeClock(), frames: fakeFrames() });
    await practices.refresh();
    expect(practices.tryOut(speaking)?.tryOut).toBe(true);
    const target = mountInBody(PracticesHarness, { api: fake.api, practices });
    await settle();
    const speak = target.querySelector('.speak')!;
    expect(speak.textContent).toContain(TRY_OUT_VOICE);
    expect([...speak.querySelectorAll('button')].map((b) => b.textContent!.trim())).toEqual([]);
    expect(fake.spies.voice.begin).not.toHaveBeenCalled();
    expect(await rehearsalApi(fake.api).voice.begin({} as never)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: TRY_OUT_VOICE } });
  });

  it('Make a copy while unsaved work waits opens that work first and asks: carry on with it, or let it go for the copy', async () => {
    const fake = unlocked();
    const practices = new PracticesState(fake.api, { loadAudio: async () => null, speed: null, clock: fakeClock(), frames: fakeFrames() });
    await practices.refresh();
    const target = mountInBody(BuilderHarness, { api: fake.api, practices });
    await settle();
    click(byButton(target, 'Build a practice'));
    await settle();
    type(byLabel(target, 'Name') as HTMLInputElement, 'Evening');
    selectOption(byLabel(target, 'Background sound') as HTMLSelectElement, 'waves');
    expect(practices.draft?.soundscape).toBe('waves');
    click(byButton(target, /Back to practices/));
    await settle();
    expect(target.textContent).toContain('You were building “Evening”, and it isn’t saved yet.');

    const copyOf = builtInPractices[0]!;
    click(byButton(target, `Make your own copy of ${copyOf.title}`));
    await settle();
    const waiting = () => target.querySelector('.waiting');
    expect(waiting()?.textContent).toContain(`let it go to make a copy of “${copyOf.title}”`);
    expect(document.activeElement).toBe(waiting());
    expect((byLabel(target, 'Name') as HTMLInputElement).value).toBe('Evening');
    click(byButton(target, 'Carry on building'));
    await settle();
    expect(waiting()).toBeNull();
    expect(practices.draft?.title).toBe('Evening');
    expect(document.activeElement).toBe(byLabel(target, 'Name'));

    click(byButton(target, /Back to practices/));
    await settle();
    click(byButton(target, `Make your own copy of ${copyOf.title}`));
    await settle();
    click(byButton(target, 'Let it go'));
    await settle();
    expect(waiting()).toBeNull();
    expect(practices.draft?.start.from).toBe('copy');
    expect((byLabel(target, 'Name') as HTMLInputElement).value).toBe(`${copyOf.title} (mine)`);
  });
});
