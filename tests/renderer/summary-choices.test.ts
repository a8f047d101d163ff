/** "A summary to bring to therapy": the choices, the preview that prints, and the two ways out. */
import { afterEach, describe, expect, it } from 'vitest';
import SummaryScreen from '../../renderer/features/summary/SummaryScreen.svelte';
import { MAX_LISTED } from '../../renderer/features/summary/summary.svelte.ts';
import { SUMMARY_NOT_ENCRYPTED } from '../../preload/contract/index.ts';
import { byButton, byLabel, click, settle, type } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { mountWithApi, unmountAll } from './mount.ts';

afterEach(unmountAll);

const CHOSEN = 'The harbour lights made me think of my grandmother';
const OTHER = 'A private line about my brother';

async function open(fake: FakeApi, maxListed?: number) {
  let closed = 0;
  const target = mountWithApi(SummaryScreen, fake.api, { onclose: () => closed++, maxListed });
  await settle();
  return { target, paper: () => target.querySelector('.summary-paper')!, closed: () => closed };
}

async function withEntries() {
  const fake = createFakeApi({ state: 'unlocked' });
  await fake.api.journal.create({ body: CHOSEN });
  await fake.api.journal.create({ body: OTHER });
  return fake;
}

const box = (target: HTMLElement, name: string | RegExp) => byLabel(target, name) as HTMLInputElement;
function toggle(input: HTMLInputElement) {
  input.click();
}

describe('the therapy summary', () => {
  // The app lists up to MAX_LISTED (5,000); a smaller limit here says the same in a fraction of the time.
  it('says so when a very long journal has more entries in the period than it lists', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    for (let i = 0; i < 51; i++) await fake.api.journal.create({ body: `note ${i}` });
    const { target } = await open(fake, 50);
    expect(target.querySelectorAll('.entries li')).toHaveLength(50);
    expect(target.textContent).toMatch(/Only your most recent 50 entries from this time are listed here/);
    expect(target.textContent).toContain('note 50');
    expect(target.textContent).not.toMatch(/note 0\b/);
  });

  it('says nothing of a cut when every entry is listed, even exactly as many as it lists', async () => {
    const { target } = await open(await withEntries());
    expect(target.textContent).not.toMatch(/Only your most recent/);
    const full = createFakeApi({ state: 'unlocked' });
    // A full page of the journal list (200), and nothing older.
    for (let i = 0; i < 200; i++) await full.api.journal.create({ body: `note ${i}` });
    const { target: all } = await open(full, 200);
    expect(all.querySelectorAll('.entries li')).toHaveLength(200);
    expect(all.textContent).not.toMatch(/Only your most recent/);
    expect(MAX_LISTED).toBe(5_000);
  });

  it('starts with nothing chosen: no entry, no section, only the heading and the period', async () => {
    const fake = await withEntries();
    const { target, paper } = await open(fake);
    expect(box(target, new RegExp(CHOSEN)).checked).toBe(false);
    expect(box(target, new RegExp(OTHER)).checked).toBe(false);
    expect(paper().textContent).toContain('Notes to bring to therapy');
    expect(paper().textContent).not.toContain(CHOSEN);
    expect(paper().textContent).not.toContain(OTHER);
    expect(paper().querySelectorAll('section')).toHaveLength(0);
    // The warning is on the page before anything is saved.
    expect(target.textContent).toContain(SUMMARY_NOT_ENCRYPTED);
  });

  it('the preview holds exactly what was chosen, and no word of what was left out', async () => {
    const fake = await withEntries();
    const { target, paper } = await open(fake);
    toggle(box(target, new RegExp(CHOSEN)));
    await settle();
    type(byLabel(target, 'What I want to talk about') as HTMLTextAreaElement, 'Crying at work');
    toggle(box(target, 'Feelings I named'));
    await settle();
    const text = paper().textContent!;
    expect(text).toContain(CHOSEN);
    expect(text).toContain('Crying at work');
    expect(text).toContain('Feelings I named');
    expect(text).toContain('No feelings named in this time. That is fine.');
    expect(text).not.toContain(OTHER);
    expect(text).not.toContain('Practice sessions');
    expect(text).not.toMatch(/left out|not included|other entr|more entr/i);
    // Letting the entry go takes it off the page.
    toggle(box(target, new RegExp(CHOSEN)));
    await settle();
    expect(paper().textContent).not.toContain(CHOSEN);
  });

  it('says "some of it felt like too much" only inside practice sessions, and only once they are chosen', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const query = { period: '4w' as const, weekStartsOn: 1 };
    const [mood, relief] = [await fake.api.insights.mood(query), await fake.api.insights.relief(query)];
    if (!mood.ok || !relief.ok) throw new Error('the fake’s views');
    fake.insights.set('mood', { ...mood.value, totals: { ...mood.value.totals, sessions: 3 } });
    fake.insights.set('relief', { ...relief.value, totals: { ...relief.value.totals, saidTooMuch: 2 } });
    const { target, paper } = await open(fake);
    toggle(box(target, 'Feelings I named'));
    await settle();
    expect(paper().textContent).not.toMatch(/too much/);
    toggle(box(target, 'Practice sessions'));
    await settle();
    expect(paper().textContent).toContain('After 2 sessions, I said some of it felt like too much.');
    toggle(box(target, 'Practice sessions'));
    await settle();
    expect(paper().textContent).not.toMatch(/too much/);
  });

  it('search narrows the list to choose from, not the page', async () => {
    const fake = await withEntries();
    const { target } = await open(fake);
    type(byLabel(target, 'Find an entry') as HTMLInputElement, 'harbour');
    await settle();
    const list = target.querySelector('[aria-label="Entries in this time"]')!;
    expect(list.textContent).toContain(CHOSEN);
    expect(list.textContent).not.toContain(OTHER);
  });

  it('saves a PDF after the warning was shown, and says where', async () => {
    const fake = await withEntries();
    const { target } = await open(fake);
    click(byButton(target, 'Save as PDF…'));
    await settle();
    expect(fake.spies.summary.savePdf).toHaveBeenCalledWith({ understood: true });
    expect(target.querySelector('[role="status"]')?.textContent).toContain('Saved to /home/me/Saltwater summary.pdf');
  });

  it('says plainly when saving did not work', async () => {
    const fake = await withEntries();
    fake.spies.summary.savePdf.mockResolvedValueOnce({ ok: false, error: { code: 'FILE_PROBLEM', message: "We couldn't save the summary. The disk is full." } });
    const { target } = await open(fake);
    click(byButton(target, 'Save as PDF…'));
    await settle();
    expect(target.querySelector('[role="alert"]')?.textContent).toContain('The disk is full');
  });

  it('prints, and goes back with onclose', async () => {
    const fake = await withEntries();
    const { target, closed } = await open(fake);
    click(byButton(target, 'Print…'));
    await settle();
    expect(fake.spies.summary.print).toHaveBeenCalled();
    click(byButton(target, 'Back to Over time'));
    expect(closed()).toBe(1);
  });
});
