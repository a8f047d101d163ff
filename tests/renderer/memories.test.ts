/**
 * The "Memory box" tab of Your tools, against the in-memory fake api: putting memories away
 * (and a clear word for bad input), a list that never shows the words, changing an
 * extra-sealed memory only with its passphrase, removing with a gentle confirm, a memory's
 * history, and the strongest memory to suggest.
 */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import BoxPage from '../../renderer/features/memories/BoxPage.svelte';
import { texts } from '../../renderer/features/session/texts.ts';
import { byButton, byLabel, check, click, settle, type } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { mountWithApi, unmountAll } from './mount.ts';

const SEAL = 'the blue door at the end';

let target: HTMLElement;
afterEach(unmountAll);

async function openBox(fake: FakeApi): Promise<HTMLElement> {
  unmountAll();
  target = mountWithApi(BoxPage, fake.api);
  await settle();
  return target;
}

const unlocked = () => createFakeApi({ state: 'unlocked' });
const list = () => target.querySelector<HTMLElement>('[aria-label="Your memory box"]');
const alertText = (root: ParentNode) => root.querySelector('[role="alert"]')?.textContent ?? '';

/** The radio for this value in the fieldset led by this legend. */
function scaleChoice(root: ParentNode, legend: string, value: number): HTMLInputElement {
  for (const fieldset of root.querySelectorAll('fieldset')) {
    if (fieldset.querySelector('legend')?.textContent?.trim().startsWith(legend)) {
      const radio = fieldset.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`);
      if (radio) return radio;
    }
  }
  throw new Error(`No choice ${value} under "${legend}"`);
}

function tick(box: HTMLInputElement) {
  box.click();
  flushSync();
}

async function add(fake: FakeApi, title: string, text: string, intensity: number, passphrase?: string) {
  const result = await fake.api.memories.add({ title, text, intensity, ...(passphrase ? { passphrase } : {}) });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('Memory box', () => {
  it('says what the box is for, and that memories open one at a time in "Open one box"', async () => {
    const page = await openBox(unlocked());
    expect(page.textContent).toContain('never the words');
    expect(page.textContent).toContain('one at a time, inside the “Open one box” practice');
    expect(page.textContent).toContain('The box is empty');
  });

  it('puts a memory away; bad input gets a clear message and adds nothing', async () => {
    const fake = unlocked();
    const page = await openBox(fake);
    click(byButton(page, 'Put a memory away'));
    const form = page.querySelector('form')!;
    expect(document.activeElement).toBe(byLabel(form, 'A short title'));

    // No title yet.
    click(byButton(form, 'Put it in the box'));
    await settle();
    expect(alertText(form)).toContain('Please give this memory a short title.');

    // A title, but no strength chosen.
    type(byLabel(form, 'A short title') as HTMLInputElement, 'Grandad’s hands');
    type(byLabel(form, /A few words/) as HTMLTextAreaElement, 'the smell of sawdust in the shed');
    click(byButton(form, 'Put it in the box'));
    await settle();
    expect(alertText(form)).toContain('How strong is it?');

    // An extra seal whose two passphrases differ.
    check(scaleChoice(form, 'How strong is it?', 4));
    tick(byLabel(form, 'Seal these words with a passphrase of their own') as HTMLInputElement);
    expect(form.textContent).toContain('cannot get it back');
    type(byLabel(form, 'Passphrase for this memory') as HTMLInputElement, SEAL);
    type(byLabel(form, 'Type it again') as HTMLInputElement, 'the blue door');
    click(byButton(form, 'Put it in the box'));
    await settle();
    expect(alertText(form)).toContain('not the same yet');

    expect(fake.spies.memories.add).not.toHaveBeenCalled();
    expect(list()).toBeNull();

    type(byLabel(form, 'Type it again') as HTMLInputElement, SEAL);
    click(byButton(form, 'Put it in the box'));
    await settle();
    expect(fake.spies.memories.add).toHaveBeenCalledWith({
      title: 'Grandad’s hands',
      text: 'the smell of sawdust in the shed',
      intensity: 4,
      passphrase: SEAL,
    });
    expect(page.querySelector('form')).toBeNull();
    expect(list()!.textContent).toContain('Grandad’s hands');
    expect(list()!.textContent).toContain('(has an extra seal)');
    expect(page.textContent).toContain('It is in the box, sealed.');
    expect(document.activeElement).toBe(byButton(page, 'Put a memory away'));
  });

  it('shows titles, strength, status and when last opened, never the words', async () => {
    const fake = unlocked();
    const harbour = await add(fake, 'The harbour', 'the boat leaving at dusk', 2);
    await add(fake, 'The letter', 'what she wrote on the last page', 7, SEAL);
    await add(fake, 'First day at school', 'the blue coat, the gate', 5);
    const { value: opened } = (await fake.api.memories.open({ memoryId: harbour.id, moodBefore: 2 })) as { ok: true; value: { openingId: number } };
    await fake.api.memories.close({ openingId: opened.openingId, outcome: 'at-peace', moodAfter: 4, tears: 'welled' });

    const page = await openBox(fake);
    const items = [...list()!.querySelectorAll('li')].map((li) => li.querySelector('h3')!.textContent!.trim());
    expect(items).toEqual(['The harbour', 'First day at school', 'The letter (has an extra seal)']);
    const harbourItem = list()!.querySelector('li')!;
    expect(harbourItem.textContent).toContain('Strength 2 of 10');
    expect(harbourItem.textContent).toContain('At peace');
    expect(harbourItem.textContent).toMatch(/Last opened today at/);
    expect(list()!.textContent).toContain('Not opened yet');
    expect(list()!.textContent).toContain('Sealed');

    for (const words of ['boat leaving', 'last page', 'blue coat']) expect(page.textContent).not.toContain(words);
    expect(fake.spies.memories.readForEditing).not.toHaveBeenCalled();

    // Its history: when, how it ended, mood before → after, tears; still no words.
    const history = byButton(page, 'History of The harbour');
    expect(history.getAttribute('aria-expanded')).toBe('false');
    click(history);
    await settle();
    expect(history.getAttribute('aria-expanded')).toBe('true');
    const times = page.querySelector('[aria-label="Times “The harbour” was opened"]')!;
    expect(times.textContent).toMatch(/Today at/);
    expect(times.textContent).toContain('Marked at peace');
    expect(times.textContent).toContain(`Mood: ${texts.moodLabels[1]} → ${texts.moodLabels[3]}`);
    expect(times.textContent).toContain('Eyes welled up');
    expect(page.textContent).not.toContain('boat leaving');

    // Even the change form keeps the words hidden until asked.
    click(byButton(page, 'Change First day at school'));
    const form = page.querySelector('form')!;
    expect(form.querySelector('textarea')).toBeNull();
    expect(page.textContent).not.toContain('blue coat');
    click(byButton(form, 'Show the words to change them'));
    await settle();
    expect((byLabel(form, 'A few words') as HTMLTextAreaElement).value).toBe('the blue coat, the gate');
  });

  it('changes the title and strength of an extra-sealed memory freely, but its words only with its passphrase', async () => {
    const fake = unlocked();
    const letter = await add(fake, 'The letter', 'what she wrote on the last page', 7, SEAL);
    const page = await openBox(fake);

    click(byButton(page, 'Change The letter'));
    const form = page.querySelector('form')!;
    expect(form.querySelector('textarea')).toBeNull();

    // No passphrase, then a wrong one: a clear word, and the words stay sealed.
    click(byButton(form, 'Unseal to change the words'));
    await settle();
    expect(alertText(form)).toContain('Please type the passphrase for this memory.');
    type(byLabel(form, "This memory's passphrase") as HTMLInputElement, 'the red door');
    click(byButton(form, 'Unseal to change the words'));
    await settle();
    expect(alertText(form)).toContain("That passphrase doesn't open this memory, so it stays sealed.");
    expect(byLabel(form, "This memory's passphrase").getAttribute('aria-invalid')).toBe('true');
    expect(form.querySelector('textarea')).toBeNull();
    expect(page.textContent).not.toContain('last page');

    // Enter in the passphrase field unseals (it does not save the form).
    const field = byLabel(form, "This memory's passphrase") as HTMLInputElement;
    type(field, SEAL);
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await settle();
    expect(fake.spies.memories.edit).not.toHaveBeenCalled();
    const words = byLabel(form, 'A few words') as HTMLTextAreaElement;
    expect(words.value).toBe('what she wrote on the last page');

    type(byLabel(form, 'A short title') as HTMLInputElement, 'Her letter');
    check(scaleChoice(form, 'How strong is it?', 6));
    type(words, 'what she wrote, and that she meant it');
    click(byButton(form, 'Save changes'));
    await settle();
    expect(fake.spies.memories.edit).toHaveBeenLastCalledWith({
      memoryId: letter.id,
      title: 'Her letter',
      intensity: 6,
      text: 'what she wrote, and that she meant it',
      passphrase: SEAL,
    });
    expect(page.querySelector('form')).toBeNull();
    expect(list()!.textContent).toContain('Her letter');
    expect(list()!.textContent).toContain('Strength 6 of 10');
    expect(list()!.textContent).toContain('(has an extra seal)');
    expect(page.textContent).not.toContain('meant it');
    expect(document.activeElement).toBe(byButton(page, 'Change Her letter'));

    // Title and strength alone need no passphrase.
    click(byButton(page, 'Change Her letter'));
    type(byLabel(page.querySelector('form')!, 'A short title') as HTMLInputElement, 'The letter');
    click(byButton(page, 'Save changes'));
    await settle();
    expect(fake.spies.memories.edit).toHaveBeenLastCalledWith({ memoryId: letter.id, title: 'The letter', intensity: 6 });
    expect((await fake.api.memories.readForEditing({ memoryId: letter.id, passphrase: SEAL })).ok).toBe(true);
  });

  it('removes a memory only after a gentle confirm', async () => {
    const fake = unlocked();
    await add(fake, 'The harbour', 'the boat', 2);
    await add(fake, 'The letter', 'her words', 7);
    const page = await openBox(fake);

    click(byButton(page, 'Remove The letter'));
    const confirm = page.querySelector<HTMLElement>('[role="group"][aria-label="Remove The letter?"]')!;
    expect(confirm.textContent).toContain('cannot be undone');
    // The safe choice has focus, so a stray Enter keeps the memory.
    expect(document.activeElement).toBe(byButton(confirm, 'Keep it'));
    click(byButton(confirm, 'Keep it'));
    await settle();
    expect(fake.spies.memories.remove).not.toHaveBeenCalled();
    expect(list()!.textContent).toContain('The letter');
    expect(document.activeElement).toBe(byButton(page, 'Remove The letter'));

    click(byButton(page, 'Remove The letter'));
    click(byButton(page.querySelector<HTMLElement>('[aria-label="Remove The letter?"]')!, 'Yes, remove it'));
    await settle();
    expect(fake.spies.memories.remove).toHaveBeenCalledWith({ id: 2 });
    expect(list()!.textContent).not.toContain('The letter');
    expect(list()!.textContent).toContain('The harbour');
    expect(page.textContent).toContain('“The letter” was removed.');
    expect((await fake.api.memories.list()).ok && (await fake.api.memories.list())).toMatchObject({ value: [{ title: 'The harbour' }] });
  });

  it('a memory kept open can be sealed again or marked at peace; one at peace can be sealed again', async () => {
    const fake = unlocked();
    const dad = await add(fake, 'Dad', 'his laugh in the kitchen', 5);
    const sea = await add(fake, 'The sea', 'cold water, bright sky', 3);
    await add(fake, 'The harbour', 'the boat', 2);
    const end = async (memoryId: number, outcome: 'keep-open' | 'at-peace') => {
      const opened = await fake.api.memories.open({ memoryId, moodBefore: 3 });
      if (!opened.ok) throw new Error(opened.error.message);
      await fake.api.memories.close({ openingId: opened.value.openingId, outcome });
    };
    await end(dad.id, 'keep-open');
    await end(sea.id, 'at-peace');
    const page = await openBox(fake);
    const row = (title: string) => [...list()!.querySelectorAll('li')].find((li) => li.querySelector('h3')!.textContent!.trim() === title)!;

    // Kept open: both; at peace: seal again only; sealed: neither.
    expect(row('Dad').textContent).toContain('Kept open');
    byButton(row('Dad'), 'Mark Dad at peace');
    expect(byButton(row('The sea'), 'Seal The sea again').textContent!.trim()).toBe('Seal it again');
    expect(() => byButton(row('The sea'), /at peace$/)).toThrow();
    expect(() => byButton(row('The harbour'), /^(Seal|Mark) /)).toThrow();

    click(byButton(row('Dad'), 'Seal Dad again'));
    await settle();
    expect(fake.spies.memories.setStatus).toHaveBeenCalledWith({ memoryId: dad.id, status: 'sealed' });
    expect(row('Dad').textContent).toContain('Sealed');
    expect(() => byButton(row('Dad'), /^(Seal|Mark) /)).toThrow();
    expect(page.textContent).toContain('“Dad” is sealed again, and may be offered another time.');
    // The button is gone: the keyboard stays on the same memory.
    expect(document.activeElement).toBe(byButton(page, 'Change Dad'));

    click(byButton(row('The sea'), 'Seal The sea again'));
    await settle();
    expect(fake.spies.memories.setStatus).toHaveBeenLastCalledWith({ memoryId: sea.id, status: 'sealed' });
    expect(row('The sea').textContent).toContain('Sealed');
  });

  it('marks a kept-open memory at peace, and says so kindly when that cannot be done', async () => {
    const fake = unlocked();
    const dad = await add(fake, 'Dad', 'his laugh in the kitchen', 5);
    const opened = await fake.api.memories.open({ memoryId: dad.id, moodBefore: 3 });
    if (!opened.ok) throw new Error(opened.error.message);
    await fake.api.memories.close({ openingId: opened.value.openingId, outcome: 'keep-open' });
    const page = await openBox(fake);

    fake.spies.memories.setStatus.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'This memory is open in a practice right now.' },
    });
    click(byButton(page, 'Mark Dad at peace'));
    await settle();
    expect(alertText(page)).toContain('This memory is open in a practice right now.');
    expect(list()!.textContent).toContain('Kept open');

    click(byButton(page, 'Mark Dad at peace'));
    await settle();
    expect(fake.spies.memories.setStatus).toHaveBeenLastCalledWith({ memoryId: dad.id, status: 'at-peace' });
    expect(alertText(page)).toBe('');
    expect(list()!.textContent).toContain('At peace');
    expect(page.textContent).toContain('“Dad” is marked at peace.');
    byButton(page, 'Seal Dad again');
  });

  it('shows the strongest memory to suggest and saves a new choice at once', async () => {
    const fake = unlocked();
    await add(fake, 'The harbour', 'the boat', 2);
    await add(fake, 'First day at school', 'the gate', 5);
    const page = await openBox(fake);

    const legend = 'The strongest memory to suggest';
    expect(scaleChoice(page, legend, 6).checked).toBe(true);
    expect(page.textContent).not.toContain('Stronger than your chosen maximum');

    check(scaleChoice(page, legend, 4));
    await settle();
    expect(fake.spies.settings.update).toHaveBeenCalledWith({ memoryMaxIntensity: 4 });
    expect(page.textContent).toContain('suggests memories up to 4');
    const school = [...list()!.querySelectorAll('li')].find((li) => li.textContent!.includes('First day at school'))!;
    expect(school.textContent).toContain('Stronger than your chosen maximum');

    // Kept: it is there when the box is opened again.
    await openBox(fake);
    expect(scaleChoice(target, legend, 4).checked).toBe(true);
    expect(scaleChoice(target, legend, 6).checked).toBe(false);
  });
});
