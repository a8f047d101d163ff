/**
 * The "Ladder" tab of Your tools, against the in-memory fake api: suggestions added with one
 * click, reordering by keyboard, two calm tries that make step 1 feel steady, and bad input.
 */
import { afterEach, describe, expect, it } from 'vitest';
import LadderPage from '../../renderer/features/ladder/LadderPage.svelte';
import { localDateTime } from '../../renderer/features/ladder/ladder.svelte.ts';
import { byButton, byLabel, check, chooseDate, chooseTime, click, settle, type } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { mountWithApi, unmountAll } from './mount.ts';

let target: HTMLElement;

afterEach(unmountAll);

async function open(fake: FakeApi) {
  target = mountWithApi(LadderPage, fake.api);
  await settle();
}

/** A fake with the three suggested "Letting tears come" steps on it already. */
async function withSuggestedSteps() {
  const fake = createFakeApi({ state: 'unlocked' });
  await fake.api.ladder.addSuggested({ track: 'letting-come' });
  return fake;
}

const lettingCome = () => target.querySelector<HTMLElement>('section[aria-labelledby="ladder-letting-come"]')!;
const stepList = () => lettingCome().querySelector('ol[aria-label="Steps of Letting tears come, in order"]')!;
const stepTexts = () => [...stepList().querySelectorAll(':scope > li .text')].map((p) => p.textContent?.trim());
const stepItem = (text: string) => [...stepList().querySelectorAll<HTMLElement>(':scope > li')].find((li) => li.querySelector('.text')?.textContent?.trim() === text)!;
const alertText = (root: ParentNode) => root.querySelector('[role="alert"]')?.textContent ?? '';

async function press(button: HTMLButtonElement) {
  // A button is pressed from the keyboard by focusing it and activating it (Enter or Space).
  button.focus();
  click(button);
  await settle();
}

async function noteTry(step: string, t: { before: string; peak: string; after: string; tears?: string; when?: string }) {
  click(byButton(lettingCome(), `Note a try at '${step}'`));
  const form = stepItem(step).querySelector('form')!;
  if (t.when) {
    chooseDate(form, 'When did you try it?', t.when.slice(0, 10));
    chooseTime(form, 'At what time', t.when.slice(11));
  }
  type(byLabel(form, 'Distress just before (0–100)') as HTMLInputElement, t.before);
  type(byLabel(form, 'Highest distress during it (0–100)') as HTMLInputElement, t.peak);
  type(byLabel(form, 'Distress afterwards (0–100)') as HTMLInputElement, t.after);
  if (t.tears) check(byLabel(form, t.tears) as HTMLInputElement);
  click(byLabel(form, 'I breathed slowly before') as HTMLInputElement);
  click(byLabel(form, 'I breathed slowly afterwards') as HTMLInputElement);
  click(byButton(form, 'Save this try'));
  await settle();
  return form;
}

describe('the ladder tab', () => {
  it('shows both tracks with who they are for, and the calm level in plain words', async () => {
    await open(createFakeApi({ state: 'unlocked' }));
    const headings = [...target.querySelectorAll('h2')].map((h) => h.textContent?.trim());
    expect(headings).toEqual(['Your calm level', 'Letting tears come', 'Staying with tears']);
    expect(lettingCome().textContent).toContain('For when tears are hard to reach');
    expect(target.querySelector('section[aria-labelledby="ladder-staying-with"]')!.textContent).toContain('For when tears come easily');
    expect(target.textContent).toContain('stays below 50 out of 100');
    expect(target.textContent).toContain('“Ladder step” practice: slow breathing first');
    expect(lettingCome().textContent).toContain('No steps yet.');
  });

  it('adds the suggested steps with one click; they are then the person’s own to change', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await open(fake);
    // An empty track shows its suggestions straight away.
    const suggested = lettingCome().querySelector('ul[aria-label="Suggested steps for Letting tears come"]')!;
    expect(suggested.textContent).toContain('Cry with a friend in the next room');
    expect(fake.spies.ladder.addSuggested).not.toHaveBeenCalled();

    click(byButton(lettingCome(), 'Add the suggested steps to Letting tears come'));
    await settle();
    expect(fake.spies.ladder.addSuggested).toHaveBeenCalledWith({ track: 'letting-come' });
    expect(stepTexts()).toEqual(['Imagine tears coming', 'Cry alone', 'Cry with a friend in the next room']);
    expect(lettingCome().textContent).toContain('Take these steps in your own time');
    expect(lettingCome().textContent).toContain('Added 3 steps');
    // All added: the button goes, each suggestion says it is on the ladder.
    expect(() => byButton(lettingCome(), 'Add the suggested steps to Letting tears come')).toThrow();
    expect(lettingCome().querySelectorAll('ul[aria-label^="Suggested steps"] li.added')).toHaveLength(3);
    // The first step is the next one, highlighted in words too.
    expect(stepItem('Imagine tears coming').getAttribute('aria-current')).toBe('step');
    expect(stepItem('Imagine tears coming').textContent).toContain('Your next step');
    expect(stepItem('Cry alone').getAttribute('aria-current')).toBeNull();

    click(byButton(lettingCome(), "Edit 'Cry alone'"));
    const form = stepItem('Cry alone').querySelector('form')!;
    expect((byLabel(form, 'Expected distress (0–100)') as HTMLInputElement).value).toBe('35');
    type(byLabel(form, 'Your step') as HTMLInputElement, 'Cry alone, door shut');
    type(byLabel(form, 'Expected distress (0–100)') as HTMLInputElement, '30');
    click(byButton(form, 'Save changes'));
    await settle();
    expect(fake.spies.ladder.updateStep).toHaveBeenCalledWith({ id: 2, changes: { text: 'Cry alone, door shut', expectedDistress: 30 } });
    expect(stepTexts()).toEqual(['Imagine tears coming', 'Cry alone, door shut', 'Cry with a friend in the next room']);
    expect(stepItem('Cry alone, door shut').textContent).toContain('Expected distress: 30 of 100.');
  });

  it('reorders by keyboard, and focus stays with the step that moved', async () => {
    const fake = await withSuggestedSteps();
    await open(fake);
    expect(byButton(lettingCome(), "Move 'Imagine tears coming' up").disabled).toBe(true);
    expect(byButton(lettingCome(), "Move 'Cry with a friend in the next room' down").disabled).toBe(true);

    await press(byButton(lettingCome(), "Move 'Imagine tears coming' down"));
    expect(fake.spies.ladder.reorder).toHaveBeenLastCalledWith({ track: 'letting-come', orderedIds: [2, 1, 3] });
    expect(stepTexts()).toEqual(['Cry alone', 'Imagine tears coming', 'Cry with a friend in the next room']);
    expect(document.activeElement).toBe(byButton(lettingCome(), "Move 'Imagine tears coming' down"));

    // Once more: now at the bottom, "down" is gone, so focus lands on its "up".
    await press(document.activeElement as HTMLButtonElement);
    expect(stepTexts()).toEqual(['Cry alone', 'Cry with a friend in the next room', 'Imagine tears coming']);
    expect(document.activeElement).toBe(byButton(lettingCome(), "Move 'Imagine tears coming' up"));

    await press(document.activeElement as HTMLButtonElement);
    expect(fake.spies.ladder.reorder).toHaveBeenLastCalledWith({ track: 'letting-come', orderedIds: [2, 1, 3] });
    expect(stepTexts()).toEqual(['Cry alone', 'Imagine tears coming', 'Cry with a friend in the next room']);
  });

  it('two calm tries in a row make step 1 feel steady, and the next step moves on', async () => {
    const fake = await withSuggestedSteps();
    await open(fake);
    click(byButton(lettingCome(), "Tries at 'Imagine tears coming'"));
    await settle();
    expect(byButton(lettingCome(), "Tries at 'Imagine tears coming'").getAttribute('aria-expanded')).toBe('true');
    expect(stepItem('Imagine tears coming').textContent).toContain('No tries yet.');

    await noteTry('Imagine tears coming', { before: '40', peak: '30', after: '10', tears: 'My eyes welled up' });
    expect(fake.spies.ladder.recordAttempt).toHaveBeenLastCalledWith(
      expect.objectContaining({ stepId: 1, distressBefore: 40, distressPeak: 30, distressAfter: 10, tears: 1, breathedBefore: true, breathedAfter: true }),
    );
    const first = stepItem('Imagine tears coming');
    expect(first.textContent).toContain('Saved. This try stayed below your calm level of 50.');
    const tries = first.querySelector("ol[aria-label=\"Tries at 'Imagine tears coming'\"]")!;
    expect(tries.querySelectorAll('li')).toHaveLength(1);
    expect(tries.textContent).toContain('Distress before 40, highest 30, after 10.');
    expect(tries.textContent).toContain('Tears: eyes welled; slow breathing before and after.');
    expect(first.textContent).toContain('1 try so far. The last one stayed calm');
    expect(lettingCome().textContent).toContain('Take these steps in your own time');

    await noteTry('Imagine tears coming', { before: '35', peak: '20', after: '5', tears: 'No tears' });
    expect(stepItem('Imagine tears coming').textContent).toContain('Two calm tries in a row: this step feels steady now.');
    expect(stepItem('Imagine tears coming').textContent).toContain('Feels steady now.');
    expect(stepItem('Imagine tears coming').classList.contains('steady')).toBe(true);
    expect(lettingCome().textContent).toContain('One step feels steady already.');
    expect(stepItem('Imagine tears coming').getAttribute('aria-current')).toBeNull();
    expect(stepItem('Cry alone').getAttribute('aria-current')).toBe('step');
    expect(stepItem('Imagine tears coming').querySelectorAll("ol[aria-label^='Tries at'] li")).toHaveLength(2);
  });

  it('bad input gets a clear message and changes nothing', async () => {
    const fake = await withSuggestedSteps();
    await open(fake);
    click(byButton(lettingCome(), "Tries at 'Imagine tears coming'"));
    await settle();

    // Missing the highest distress: caught before anything is sent.
    const form = await noteTry('Imagine tears coming', { before: '40', peak: '', after: '10', tears: 'No tears' });
    expect(alertText(form)).toContain('Please give the highest distress as a whole number from 0 to 100.');
    expect(fake.spies.ladder.recordAttempt).not.toHaveBeenCalled();

    type(byLabel(form, 'Highest distress during it (0–100)') as HTMLInputElement, '150');
    click(byButton(form, 'Save this try'));
    await settle();
    expect(alertText(form)).toContain('Please give the highest distress as a whole number from 0 to 100.');
    expect(fake.spies.ladder.recordAttempt).not.toHaveBeenCalled();

    // A time in the future is refused by the api; its message is shown and nothing is kept.
    type(byLabel(form, 'Highest distress during it (0–100)') as HTMLInputElement, '30');
    const later = localDateTime(Date.now() + 2 * 86_400_000);
    chooseDate(form, 'When did you try it?', later.slice(0, 10));
    click(byButton(form, 'Save this try'));
    await settle();
    expect(fake.spies.ladder.recordAttempt).toHaveBeenCalledTimes(1);
    expect(alertText(form)).toContain('later than now');
    expect(await fake.api.ladder.attempts({ stepId: 1 })).toEqual({ ok: true, value: [] });

    // A step needs words; the calm level is from 1 to 100.
    click(byButton(lettingCome(), 'Add a step to Letting tears come'));
    const add = lettingCome().querySelector('form[aria-labelledby]:not(.attempt-form)')!;
    type(byLabel(add, 'Expected distress (0–100)') as HTMLInputElement, '20');
    click(byButton(add, 'Add this step'));
    await settle();
    expect(alertText(add)).toContain('Please write a few words for this step.');
    expect(fake.spies.ladder.addStep).not.toHaveBeenCalled();

    const calm = target.querySelector<HTMLElement>('section[aria-labelledby="ladder-calm-title"]')!;
    type(byLabel(calm, 'Calm means staying below (1–100)') as HTMLInputElement, '0');
    click(byButton(calm, 'Save calm level'));
    await settle();
    expect(alertText(calm)).toContain('Please choose a calm-enough level from 1 to 100.');
    expect(fake.spies.ladder.setThreshold).not.toHaveBeenCalled();

    type(byLabel(calm, 'Calm means staying below (1–100)') as HTMLInputElement, '40');
    click(byButton(calm, 'Save calm level'));
    await settle();
    expect(fake.spies.ladder.setThreshold).toHaveBeenCalledWith({ threshold: 40 });
    expect(calm.textContent).toContain('stays below 40 out of 100');
    expect(alertText(calm)).toBe('');
  });

  it('a step with tries is removed only after a second yes', async () => {
    const fake = await withSuggestedSteps();
    await fake.api.ladder.recordAttempt({
      stepId: 2,
      distressBefore: 50,
      distressPeak: 70,
      distressAfter: 30,
      tears: 2,
      breathedBefore: true,
      breathedAfter: false,
      startedAt: Date.now() - 3_600_000,
    });
    await open(fake);
    expect(stepItem('Cry alone').textContent).toContain('1 try so far. Each one counts, however it went.');

    click(byButton(lettingCome(), "Remove 'Cry alone'"));
    expect(stepItem('Cry alone').textContent).toContain('Remove this step and its one try?');
    // The safe choice has focus, so a stray Enter keeps the step and its tries.
    expect(document.activeElement).toBe(byButton(lettingCome(), 'Keep it'));
    const question = stepItem('Cry alone').querySelector<HTMLElement>('[role="group"]')!;
    expect(document.getElementById(question.getAttribute('aria-labelledby')!)!.textContent).toContain('Remove this step and its one try?');
    click(byButton(lettingCome(), 'Keep it'));
    await settle();
    expect(fake.spies.ladder.removeStep).not.toHaveBeenCalled();
    // Kept: the keyboard is back where the question came from.
    expect(document.activeElement).toBe(byButton(lettingCome(), "Remove 'Cry alone'"));

    click(byButton(lettingCome(), "Remove 'Cry alone'"));
    click(byButton(lettingCome(), 'Yes, remove it'));
    await settle();
    expect(fake.spies.ladder.removeStep).toHaveBeenCalledWith({ id: 2 });
    expect(stepTexts()).toEqual(['Imagine tears coming', 'Cry with a friend in the next room']);
    expect(document.activeElement).toBe(lettingCome().querySelector('h2'));
  });
});
