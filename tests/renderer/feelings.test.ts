/**
 * Naming feelings in the journal editor: the family list, the mood grid, "I can't name it
 * yet", the person's own words (placed and moved), and the gentle count of words so far.
 * The whole App is mounted against the fake api, so the words really reach the entry.
 */
import { mountApp } from './mount-app.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { byButton, byLabel, click, selectOption, settle, type } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { unmountAll } from './mount.ts';

let target: HTMLElement;

afterEach(unmountAll);

async function start(fake: FakeApi) {
  target = await mountApp(fake);
}

/** A new entry with the picker open. */
async function openPicker(fake: FakeApi) {
  await start(fake);
  click(byButton(target, 'Write your first entry'));
  await settle();
  click(byButton(target, 'Name a feeling'));
  await settle();
  return target.querySelector<HTMLElement>('section[aria-labelledby="picker-title"]')!;
}

/** Waits past the autosave pause, then returns what the entry holds. */
async function saved(fake: FakeApi) {
  await new Promise((r) => setTimeout(r, 500));
  await settle();
  return fake.entries.get(1)?.emotions.map((e) => e.word);
}

const pressed = (button: HTMLButtonElement) => button.getAttribute('aria-pressed');
const group = (root: ParentNode, name: string) => {
  const found = [...root.querySelectorAll<HTMLElement>('[role="group"]')].find((g) => g.getAttribute('aria-label') === name);
  if (!found) throw new Error(`No group named ${name}`);
  return found;
};

describe('the feeling picker', () => {
  it('picks a word from the family list, where each family says what it is about', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const picker = await openPicker(fake);
    const fear = picker.querySelector<HTMLElement>('[aria-labelledby="family-fear"]')!;
    expect(fear.querySelector('h4')!.textContent).toBe('Fear and worry');
    expect(document.getElementById(fear.getAttribute('aria-describedby')!)!.textContent).toBe('A sense that something could go wrong.');

    // The search narrows the list; the word is a real toggle button.
    type(byLabel(picker, 'Search feelings') as HTMLInputElement, 'wor');
    expect([...picker.querySelectorAll('.families button')].map((b) => b.textContent)).toEqual(['worried']);
    click(byButton(picker, 'worried'));
    expect(pressed(byButton(picker, 'worried'))).toBe('true');
    expect(await saved(fake)).toEqual(['worried']);
  });

  it('picks a word from the mood grid, where it sits by how pleasant and how energetic it feels', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const picker = await openPicker(fake);
    click(byButton(picker, 'Mood grid'));
    expect(pressed(byButton(picker, 'Mood grid'))).toBe('true');
    const corners = group(picker, 'Corners of the grid');
    expect([...corners.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'))).toEqual([
      'Lots of energy, unpleasant',
      'Lots of energy, pleasant',
      'Little energy, unpleasant',
      'Little energy, pleasant',
    ]);
    // Each corner says how many words live there (sad, lonely, hurt: heavy and low).
    const heavy = byButton(corners, 'Little energy, unpleasant');
    expect(document.getElementById(heavy.getAttribute('aria-describedby')!)!.textContent).toContain('3 words');

    click(heavy);
    expect(pressed(heavy)).toBe('true');
    const zoom = group(picker, 'Words in this corner: little energy, unpleasant');
    const cells = [...zoom.children] as HTMLElement[];
    expect(cells).toHaveLength(25);
    // sad and lonely sit at pleasantness -3, energy -2: middle column, second row from the top.
    expect(cells[7]!.getAttribute('aria-label')).toBe('unpleasant, low energy');
    expect([...cells[7]!.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['sad', 'lonely']);
    // hurt sits just above them (energy -1), and nothing from the other corners is here.
    expect(cells[2]!.getAttribute('aria-label')).toBe('unpleasant, slightly low energy');
    expect(zoom.textContent).not.toContain('anxious');

    click(byButton(zoom, 'lonely'));
    expect(pressed(byButton(zoom, 'lonely'))).toBe('true');
    expect(await saved(fake)).toEqual(['lonely']);
    // The same choice shows in the list view.
    click(byButton(picker, 'Word list'));
    expect(pressed(byButton(picker, 'lonely'))).toBe('true');
  });

  it('offers "I can\'t name it yet" as its own choice, and saves it like any feeling', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const picker = await openPicker(fake);
    const notYet = byButton(picker, "I can't name it yet");
    expect(document.getElementById(notYet.getAttribute('aria-describedby')!)!.textContent).toContain('no name yet');
    // It is not also tucked away as the last family, nor a family for one's own words.
    expect(picker.querySelector('[aria-labelledby="family-not-yet"]')).toBeNull();
    expect([...(byLabel(picker, 'Family') as HTMLSelectElement).options].map((o) => o.value)).not.toContain('not-yet');

    // It stays in reach while searching for something else.
    type(byLabel(picker, 'Search feelings') as HTMLInputElement, 'zzz');
    click(byButton(picker, "I can't name it yet"));
    expect(pressed(byButton(picker, "I can't name it yet"))).toBe('true');
    expect(await saved(fake)).toEqual(["can't name it yet"]);
    expect(target.textContent).toContain('No word for it yet');
    expect(target.textContent).toContain('That is a real answer.');
    // Intensity and body still work for a feeling without a name.
    byLabel(target, 'Intensity of the feeling without a name yet');
    click(byButton(target, 'Remove feeling without a name yet'));
    expect(await saved(fake)).toEqual([]);
  });

  it('adds a word of your own with a place on the grid; half a place gets a clear message and adds nothing', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const picker = await openPicker(fake);
    type(byLabel(picker, 'Your word') as HTMLInputElement, 'Unmoored');
    selectOption(byLabel(picker, 'Family') as HTMLSelectElement, 'sadness');
    selectOption(byLabel(picker, 'How pleasant it feels') as HTMLSelectElement, '-2');
    click(byButton(picker, 'Add word'));
    await settle();
    expect(picker.querySelector('[role="alert"]')!.textContent).toContain('choose both');
    expect(fake.spies.emotions.addWord).not.toHaveBeenCalled();

    selectOption(byLabel(picker, 'How much energy it has') as HTMLSelectElement, '-4');
    click(byButton(picker, 'Add word'));
    await settle();
    expect(fake.spies.emotions.addWord).toHaveBeenCalledWith({ word: 'Unmoored', family: 'sadness', placement: { pleasantness: -2, energy: -4 } });
    expect(picker.textContent).toContain('“Unmoored” is now in your words, placed as a little unpleasant, very little energy, and added to this entry.');
    expect(await saved(fake)).toEqual(['unmoored']);

    // It sits where it was put on the grid, chosen, like any other word.
    click(byButton(picker, 'Mood grid'));
    click(byButton(picker, 'Little energy, unpleasant'));
    const cells = [...group(picker, 'Words in this corner: little energy, unpleasant').children] as HTMLElement[];
    // pleasantness -2 is the fourth column; energy -4 the fourth row: 3 * 5 + 3.
    expect(cells[18]!.getAttribute('aria-label')).toBe('a little unpleasant, very little energy');
    expect(pressed(byButton(cells[18]!, 'unmoored'))).toBe('true');
  });

  it('an unplaced word of your own can be given a place later, and moved off the grid again', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.emotions.addWord({ word: 'adrift', family: 'sadness' });
    const picker = await openPicker(fake);
    const mine = picker.querySelector('details')!;
    expect(mine.querySelector('summary')!.textContent).toBe('Your own words (1)');
    expect(mine.textContent).toContain('Sadness and grief · not on the grid');

    click(byButton(mine, 'Change where adrift sits'));
    selectOption(byLabel(mine, 'How pleasant it feels') as HTMLSelectElement, '-1');
    selectOption(byLabel(mine, 'How much energy it has') as HTMLSelectElement, '-5');
    click(byButton(mine, 'Save place'));
    await settle();
    expect(fake.spies.emotions.placeWord).toHaveBeenLastCalledWith({ word: 'adrift', placement: { pleasantness: -1, energy: -5 } });
    expect(mine.textContent).toContain('“adrift” now sits as slightly unpleasant, almost no energy.');

    click(byButton(picker, 'Mood grid'));
    click(byButton(picker, 'Little energy, unpleasant'));
    const cells = [...group(picker, 'Words in this corner: little energy, unpleasant').children] as HTMLElement[];
    expect(byButton(cells[24]!, 'adrift').getAttribute('aria-pressed')).toBe('false');

    click(byButton(mine, 'Change where adrift sits'));
    // The fields start where the word is now.
    expect((byLabel(mine, 'How pleasant it feels') as HTMLSelectElement).value).toBe('-1');
    selectOption(byLabel(mine, 'How pleasant it feels') as HTMLSelectElement, '');
    selectOption(byLabel(mine, 'How much energy it has') as HTMLSelectElement, '');
    click(byButton(mine, 'Save place'));
    await settle();
    expect(fake.spies.emotions.placeWord).toHaveBeenLastCalledWith({ word: 'adrift', placement: null });
    expect(group(picker, 'Words in this corner: little energy, unpleasant').textContent).not.toContain('adrift');
    expect(mine.textContent).toContain('not on the grid');
  });
});

describe('words so far', () => {
  it('shows the gentle sentence above the journal, and a month-by-month view with a text table', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.journal.create({ body: 'a day', emotions: [{ word: 'sad', intensity: 4, bodyLocation: '' }] });
    const months = Array.from({ length: 12 }, (_, i) => ({
      month: `2025-${String(i + 1).padStart(2, '0')}`,
      newWords: i === 10 ? 20 : i === 11 ? 3 : 0,
      distinctSoFar: i < 10 ? 0 : i === 10 ? 20 : 23,
    }));
    fake.spies.emotions.granularity.mockResolvedValueOnce({
      ok: true,
      value: {
        distinctWords: 23,
        wordsLast30Days: 9,
        newLast30Days: 3,
        months,
        sentence: 'You have put 23 different words to your feelings so far, 3 of them new this past month.',
      },
    });
    await start(fake);
    const sentence = target.querySelector('[data-testid="granularity"]')!;
    expect(sentence.textContent).toBe('You have put 23 different words to your feelings so far, 3 of them new this past month.');
    // It sits above the search and the list, not in the way.
    expect(sentence.compareDocumentPosition(target.querySelector('ul.entries')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const details = sentence.closest('section')!.querySelector('details')!;
    expect(details.querySelector('summary')!.textContent).toBe('Month by month');
    expect(details.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    const rows = [...details.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toHaveLength(12);
    expect(rows[11]).toEqual([new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2025, 11, 1)), '3', '23']);
    // Bars grow with the words: the last is the tallest, empty months have none.
    const heights = [...details.querySelectorAll('rect')].map((r) => Number(r.getAttribute('height')));
    expect(heights[0]).toBe(0);
    expect(heights[11]).toBeGreaterThan(heights[10]!);
  });

  it('starts with a kind line and no chart, and counts again after coming back from an entry', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.journal.create({ body: 'nothing named yet' });
    await start(fake);
    const sentence = () => target.querySelector('[data-testid="granularity"]')!.textContent;
    expect(sentence()).toBe('Whenever you like, any word for a feeling is a good start.');
    expect(target.querySelector('[data-testid="granularity"]')!.closest('section')!.querySelector('details')).toBeNull();

    click(target.querySelector<HTMLButtonElement>('article button.open')!);
    await settle();
    click(byButton(target, 'Name a feeling'));
    await settle();
    click(byButton(target, 'sad'));
    click(byButton(target, 'Back to journal'));
    await settle();
    expect(fake.spies.emotions.granularity).toHaveBeenCalledTimes(2);
    expect(sentence()).toBe('You have put a word to a feeling. That is a real start.');
  });
});
