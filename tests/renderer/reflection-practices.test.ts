/** The Practices page in the order the "About you" answers suggest, with the doctor note when it applies. */
import { afterEach, describe, expect, it } from 'vitest';
import type { PracticeSummary } from '../../preload/contract/index.ts';
import { DOCTOR_NOTE } from '../../preload/contract/reflection.ts';
import { inSuggestedOrder, PracticesState } from '../../renderer/features/practices/practices.svelte.ts';
import { settle } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { mountInBody, unmountAll } from './mount.ts';
import PracticesHarness from './PracticesHarness.svelte';

let target: HTMLElement;
afterEach(unmountAll);

async function open(fake: FakeApi) {
  const practices = new PracticesState(fake.api, { loadAudio: async () => null, speed: null });
  await practices.refresh();
  target = mountInBody(PracticesHarness, { api: fake.api, practices });
  await settle();
  return practices;
}

const titles = () => [...target.querySelectorAll('ul[aria-label="Practices"] article h3')].map((h) => h.textContent);
const text = () => target.textContent!.replace(/\s+/g, ' ');

describe('Practices in the suggested order', () => {
  it('keeps the library order, with no note, before any answers', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await open(fake);
    expect(fake.spies.reflection.suggestOrder).toHaveBeenCalled();
    expect(titles()).toEqual(['Arrive and breathe', 'Permission', 'Body first']);
    expect(text()).not.toContain('may suit you best');
    expect(text()).not.toContain(DOCTOR_NOTE);
  });

  it('puts what suits the answers first (gentle before deeper) and shows the doctor note for a medical reason', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    // Tears that won't come: "Permission" suits; deeper practices still come after gentle ones.
    await fake.api.reflection.save({ barriers: ['medical'], style: 10 });
    await open(fake);
    expect(titles()).toEqual(['Permission', 'Arrive and breathe', 'Body first']);
    expect(text()).toContain('may suit you best come first, from what you shared under “About you”');
    const note = [...target.querySelectorAll('.notice')].find((n) => n.textContent!.includes(DOCTOR_NOTE))!;
    expect(note.getAttribute('role')).toBeNull();
  });

  it('falls back to the library order quietly when the suggestion cannot be had', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.reflection.save({ barriers: ['medical'], style: 10 });
    fake.spies.reflection.suggestOrder.mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong.' } });
    await open(fake);
    expect(titles()).toEqual(['Arrive and breathe', 'Permission', 'Body first']);
    expect(text()).not.toContain(DOCTOR_NOTE);
    expect(target.querySelector('[role="alert"]')).toBeNull();
  });
});

describe('inSuggestedOrder', () => {
  const p = (id: string) => ({ id }) as PracticeSummary;

  it('follows the order given and keeps practices it does not name after, in their own order', () => {
    const library = [p('a'), p('b'), p('c'), p('d')];
    expect(inSuggestedOrder(library, ['c', 'a']).map((x) => x.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(inSuggestedOrder(library, []).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(inSuggestedOrder(library, ['d', 'c', 'b', 'a', 'zz']).map((x) => x.id)).toEqual(['d', 'c', 'b', 'a']);
  });
});
