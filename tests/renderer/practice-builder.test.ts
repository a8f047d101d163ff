/**
 * The builder's state (practice-builder/builder.svelte.ts): steps added before the close, moved and
 * put back; the schema's messages on the builder's own fields; save as new or as changes; and the
 * try-out's api, which records nothing.
 */
import { describe, expect, it } from 'vitest';
import { PracticeBuilder, stepFieldId } from '../../renderer/features/practice-builder/builder.svelte.ts';
import { stepKindOrder, stepKindTable } from '../../renderer/features/practice-builder/step-kinds.ts';
import { rehearsalApi, TRY_OUT_MEMORY } from '../../renderer/features/session/rehearsal-api.ts';
import { builtInPractices, createFakeApi } from './fake-api.ts';

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
});
