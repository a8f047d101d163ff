/** "About you" on Your tools: the barriers, the labelled slider, saving, the doctor note, and clearing. */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { BARRIERS, DOCTOR_NOTE, STYLE_ENDS } from '../../preload/contract/reflection.ts';
import ReflectionPage from '../../renderer/features/reflection/ReflectionPage.svelte';
import { styleWords } from '../../renderer/features/reflection/reflection.svelte.ts';
import { byButton, byLabel, check, click, settle, type } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { mountWithApi, unmountAll } from './mount.ts';

let target: HTMLElement;
afterEach(unmountAll);

async function openPage(fake: FakeApi) {
  target = mountWithApi(ReflectionPage, fake.api);
  await settle();
}

const label = (id: string) => BARRIERS.find((b) => b.id === id)!.label;
const text = () => target.textContent!.replace(/\s+/g, ' ');

function slide(range: HTMLInputElement, value: number) {
  range.value = String(value);
  range.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

describe('About you', () => {
  it('offers every barrier as a labelled checkbox and a slider labelled with its two ends', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openPage(fake);
    expect(text()).toContain('change which practices the Practices page suggests first');
    for (const barrier of BARRIERS) expect((byLabel(target, barrier.label) as HTMLInputElement).type).toBe('checkbox');

    const range = byLabel(target, 'Where do you sit between these two?') as HTMLInputElement;
    expect(range.type).toBe('range');
    expect([range.min, range.max]).toEqual(['0', '100']);
    const ends = document.getElementById(range.getAttribute('aria-describedby')!)!;
    expect(ends.textContent).toContain(STYLE_ENDS[0]);
    expect(ends.textContent).toContain(STYLE_ENDS[100]);
    expect(range.getAttribute('aria-valuetext')).toBe('Not answered');
    slide(range, 20);
    expect(range.getAttribute('aria-valuetext')).toBe(`Nearer “${STYLE_ENDS[0]}”`);
    click(byButton(target, 'Leave this one out'));
    expect(range.getAttribute('aria-valuetext')).toBe('Not answered');
  });

  it('nothing chosen gets a kind message and nothing is saved', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openPage(fake);
    click(byButton(target, 'Save my answers'));
    await settle();
    expect(target.querySelector('[role="alert"]')!.textContent).toContain('There is nothing to keep yet');
    expect(await fake.api.reflection.latest()).toEqual({ ok: true, value: null });
  });

  it('saves the answers, shows them with when, and shows the doctor note calmly for a medical reason', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openPage(fake);
    check(byLabel(target, label('numb')) as HTMLInputElement);
    expect(text()).not.toContain(DOCTOR_NOTE);
    check(byLabel(target, label('medical')) as HTMLInputElement);
    // Shown as soon as it is chosen, as a quiet aside, never an alert.
    const note = [...target.querySelectorAll('.notice')].find((n) => n.textContent!.includes(DOCTOR_NOTE))!;
    expect(note).toBeTruthy();
    expect(note.getAttribute('role')).toBeNull();
    slide(byLabel(target, 'Where do you sit between these two?') as HTMLInputElement, 15);
    type(byLabel(target, /^Anything else you'd like to remember/) as HTMLTextAreaElement, 'it has been like this since spring');
    click(byButton(target, 'Save my answers'));
    await settle();

    expect(fake.spies.reflection.save).toHaveBeenCalledWith({ barriers: ['numb', 'medical'], style: 15, note: 'it has been like this since spring' });
    expect(text()).toContain('Saved. The Practices page now suggests practices with these answers in mind.');
    const latest = target.querySelector('section')!;
    expect(latest.querySelector('h3')!.textContent).toBe('Your latest answers');
    expect(latest.querySelector('time')!.textContent).toMatch(/^Today at /);
    expect(latest.textContent).toContain(label('numb'));
    expect(latest.textContent).toContain(label('medical'));
    expect(latest.textContent).toContain(`Nearer “${STYLE_ENDS[0]}”`);
    expect(latest.textContent).toContain('it has been like this since spring');
    expect(latest.textContent).toContain(DOCTOR_NOTE);

    // Revisiting starts from the saved answers.
    click(byButton(target, 'Change my answers'));
    expect((byLabel(target, label('medical')) as HTMLInputElement).checked).toBe(true);
    check(byLabel(target, label('medical')) as HTMLInputElement, false);
    expect(text()).not.toContain(DOCTOR_NOTE);
    click(byButton(target, 'Save my answers'));
    await settle();
    expect(fake.spies.reflection.save).toHaveBeenLastCalledWith({ barriers: ['numb'], style: 15, note: 'it has been like this since spring' });
    expect(text()).not.toContain(DOCTOR_NOTE);
  });

  it('clears all answers only after a gentle confirm', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.reflection.save({ barriers: ['others-think'], style: 80 });
    await openPage(fake);
    expect(text()).toContain(`Nearer “${STYLE_ENDS[100]}”`);

    click(byButton(target, 'Clear my answers'));
    expect(text()).toContain('you can answer again any time');
    click(byButton(target, 'Keep them'));
    await settle();
    expect(fake.spies.reflection.deleteAll).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(byButton(target, 'Clear my answers'));

    click(byButton(target, 'Clear my answers'));
    click(byButton(target, 'Yes, clear them'));
    await settle();
    expect(fake.spies.reflection.deleteAll).toHaveBeenCalledTimes(1);
    expect(await fake.api.reflection.latest()).toEqual({ ok: true, value: null });
    expect(text()).toContain('Your answers are cleared.');
    // The button pressed is gone: the keyboard lands on what happened.
    expect(document.activeElement?.textContent).toContain('Your answers are cleared.');
    // The empty form is back, ready for another day.
    expect((byLabel(target, label('others-think')) as HTMLInputElement).checked).toBe(false);
  });

  it('puts the slider position into words', () => {
    expect(styleWords(null)).toBe('Not answered');
    expect(styleWords(0)).toBe(`Right by “${STYLE_ENDS[0]}”`);
    expect(styleWords(50)).toBe('Somewhere in between');
    expect(styleWords(75)).toBe(`Nearer “${STYLE_ENDS[100]}”`);
    expect(styleWords(100)).toBe(`Right by “${STYLE_ENDS[100]}”`);
  });
});
