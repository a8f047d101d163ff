import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Practice, practiceProblems, stepKinds } from '../../preload/contract/index.ts';

/** The builder's checks: the practice schema decides, each message sits on the field at fault. */

const base = {
  id: 'own-new',
  version: 1,
  title: 'Evening',
  summary: 'Slowing down before sleep.',
  suits: ['after a long day'],
  intensity: 'gentle',
  steps: [
    { kind: 'arrive', text: 'Land here.', seconds: 60 },
    { kind: 'close', text: 'Thank you for this time.' },
  ],
};
const withSteps = (...steps: unknown[]) => ({ ...base, steps });
const close = { kind: 'close', text: 'Bye for now.' };

describe('the builder’s checks', () => {
  it('finds nothing wrong with any built-in practice, or a small one of the person’s own', () => {
    const dir = path.join(import.meta.dirname, '../../resources/practices');
    for (const name of fs.readdirSync(dir)) expect(practiceProblems(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))), name).toEqual([]);
    expect(practiceProblems(base)).toEqual([]);
  });

  it('knows every step kind of the schema', () => {
    expect(stepKinds).toEqual(['arrive', 'breathe', 'prompt', 'silence', 'permission', 'check-in', 'speak', 'memory-open', 'memory-close', 'media-offer', 'ladder-choose', 'ladder-record', 'close']);
  });

  it('puts each message on its field, in plain words', () => {
    const problems = practiceProblems({
      ...base,
      title: '  ',
      summary: 'x'.repeat(401),
      suits: ['', 'when it is quiet'],
      intensity: undefined,
      steps: [
        { kind: 'arrive', text: '', seconds: 2 },
        { kind: 'breathe', cycles: 2.5, pattern: { custom: { inhale: 0, exhale: 40 } } },
        { kind: 'prompt', text: 'What is here?', seconds: null },
        { kind: 'permission', handOnHeart: true, seconds: 30 },
        close,
      ],
    });
    expect(problems).toEqual([
      { path: ['title'], message: 'Please give your practice a name.' },
      { path: ['summary'], message: 'Please keep this to 400 characters or fewer.' },
      { path: ['suits', 0], message: 'Please write a few words here, or remove this line.' },
      { path: ['intensity'], message: 'Please choose whether it asks how steady you feel first.' },
      { path: ['steps', 0, 'text'], message: 'Please write what this step says.' },
      { path: ['steps', 0, 'seconds'], message: 'Please choose a number from 5 to 3600.' },
      { path: ['steps', 1, 'pattern', 'custom', 'inhale'], message: 'Please choose a number from 1 to 20.' },
      { path: ['steps', 1, 'pattern', 'custom', 'exhale'], message: 'Please choose a number from 1 to 30.' },
      { path: ['steps', 1, 'cycles'], message: 'Please use a whole number.' },
      { path: ['steps', 2, 'seconds'], message: 'Please choose a number from 5 to 3600.' },
      { path: ['steps', 3, 'statement'], message: 'Please write the words of permission.' },
    ]);
  });

  it('says how many steps a practice needs, and how many it may have', () => {
    expect(practiceProblems(withSteps(close))).toEqual([{ path: ['steps'], message: 'A practice needs at least two steps, the last one a close.' }]);
    const many = Array.from({ length: 61 }, () => ({ kind: 'breathe', cycles: 3 }));
    expect(practiceProblems(withSteps(...many, close))).toContainEqual({ path: ['steps'], message: 'A practice can have up to 60 steps.' });
  });

  it('asks for a close at the end while the words are still being written', () => {
    expect(practiceProblems(withSteps({ kind: 'arrive', text: '', seconds: 60 }, { kind: 'breathe', cycles: 3 }))).toEqual([
      { path: ['steps', 0, 'text'], message: 'Please write what this step says.' },
      { path: ['steps'], message: 'A practice ends with a close step (a kind goodbye and aftercare). Add one at the end, or move yours there.' },
    ]);
  });

  it('pins an unpaired memory or ladder step to the step out of place', () => {
    const open = { kind: 'memory-open', text: 'Open one.' };
    const put = { kind: 'memory-close', text: 'Put it away.' };
    expect(practiceProblems(withSteps(open, { kind: 'breathe', cycles: 3 }, close))).toEqual([
      { path: ['steps', 0], message: '“Open a memory” needs its own “Put the memory away” step after it, before another one begins.' },
    ]);
    expect(practiceProblems(withSteps(put, open, put, close))).toEqual([
      { path: ['steps', 0], message: 'This “Put the memory away” step needs an “Open a memory” step somewhere before it.' },
    ]);
    expect(practiceProblems(withSteps(open, open, put, put, close))).toEqual([
      { path: ['steps', 1], message: '“Open a memory” needs its own “Put the memory away” step after it, before another one begins.' },
    ]);
    expect(practiceProblems(withSteps({ kind: 'ladder-record', text: 'How did it go?' }, close))).toEqual([
      { path: ['steps', 0], message: 'This “How the ladder step went” step needs an “Choose a ladder step” step somewhere before it.' },
    ]);
    // Once in order, the schema agrees.
    expect(Practice.safeParse(withSteps(open, put, close)).success).toBe(true);
    expect(practiceProblems(withSteps(open, put, close))).toEqual([]);
  });
});
