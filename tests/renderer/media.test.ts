/** "Moving media" on Your tools: adding, checking links, opening them only through main, and the helped summary in words. */
import { afterEach, describe, expect, it } from 'vitest';
import MediaPage from '../../renderer/features/media/MediaPage.svelte';
import { helpedWords, moodChangeWords } from '../../renderer/features/media/media.svelte.ts';
import { byButton, byLabel, check, click, settle, type } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { mountWithApi, unmountAll } from './mount.ts';

let target: HTMLElement;
afterEach(unmountAll);

async function openPage(fake: FakeApi) {
  target = mountWithApi(MediaPage, fake.api);
  await settle();
}

const list = () => target.querySelector('[aria-label="Things that moved you"]');
const alertText = () => target.querySelector('[role="alert"]')?.textContent ?? '';

describe('Moving media', () => {
  it('a link that is not a web address gets a clear message at the field and nothing is saved; a good one is added', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openPage(fake);
    expect(target.textContent).toContain('Boost the signal');
    expect(target.textContent).toMatch(/Nothing here yet/);

    click(byButton(target, 'Add something'));
    const form = target.querySelector('form')!;
    type(byLabel(form, 'Title') as HTMLInputElement, 'The lighthouse film');
    check(byLabel(form, 'A film') as HTMLInputElement);
    type(byLabel(form, /^What it stirred in you/) as HTMLTextAreaElement, 'the last scene on the pier');
    const link = byLabel(form, /^Link/) as HTMLInputElement;
    type(link, 'javascript:alert(1)');
    click(byButton(form, 'Save'));
    await settle();

    expect(alertText()).toContain('not "javascript:"');
    expect(link.getAttribute('aria-invalid')).toBe('true');
    // The message is tied to the field for screen readers.
    const problemId = link.getAttribute('aria-describedby')!.split(' ').at(-1)!;
    expect(document.getElementById(problemId)?.textContent).toContain('javascript');
    expect(await fake.api.media.list()).toEqual({ ok: true, value: [] });
    expect(list()).toBeNull();

    type(link, 'https://films.example/lighthouse');
    click(byButton(form, 'Save'));
    await settle();
    expect(fake.spies.media.add).toHaveBeenLastCalledWith({
      title: 'The lighthouse film',
      kind: 'film',
      note: 'the last scene on the pier',
      link: 'https://films.example/lighthouse',
    });
    expect(target.querySelector('form')).toBeNull();
    const item = list()!.querySelector('article')!;
    expect(item.querySelector('h3')!.textContent).toBe('The lighthouse film');
    expect(item.textContent).toContain('A film · films.example');
    expect(item.textContent).toContain('the last scene on the pier');
    expect(item.textContent).toContain('Not used in a practice yet.');
  });

  it('a missing title is refused before anything is sent', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openPage(fake);
    click(byButton(target, 'Add something'));
    const form = target.querySelector('form')!;
    type(byLabel(form, 'Title') as HTMLInputElement, '   ');
    click(byButton(form, 'Save'));
    await settle();
    expect(alertText()).toContain('Please give it a title.');
    expect((byLabel(form, 'Title') as HTMLInputElement).getAttribute('aria-invalid')).toBe('true');
    expect(fake.spies.media.add).not.toHaveBeenCalled();
  });

  it('"Open link" asks main to open it (the OS browser), and says so when it cannot', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const added = await fake.api.media.add({ title: 'Harbour song', kind: 'song', link: 'https://music.example/harbour' });
    await fake.api.media.add({ title: 'A book with no link', kind: 'book' });
    await openPage(fake);
    expect(target.textContent).toMatch(/open in your own web browser/);
    expect(() => byButton(target, 'Open the link for A book with no link')).toThrow();

    click(byButton(target, 'Open the link for Harbour song'));
    await settle();
    expect(fake.spies.media.openLink).toHaveBeenCalledWith({ id: added.ok && added.value.id });
    expect(alertText()).toBe('');

    fake.spies.media.openLink.mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: "The link didn't open." } });
    click(byButton(target, 'Open the link for Harbour song'));
    await settle();
    expect(alertText()).toContain("The link didn't open.");
  });

  it('edits an item, and removes one only after a gentle confirm', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.media.add({ title: 'Old video', kind: 'video' });
    await openPage(fake);

    click(byButton(target, 'Edit Old video'));
    const form = target.querySelector('form')!;
    expect((byLabel(form, 'Title') as HTMLInputElement).value).toBe('Old video');
    expect((byLabel(form, 'A video') as HTMLInputElement).checked).toBe(true);
    type(byLabel(form, 'Title') as HTMLInputElement, 'Grandad’s old video');
    click(byButton(form, 'Save'));
    await settle();
    expect(fake.spies.media.update).toHaveBeenCalledWith({ id: 1, item: { title: 'Grandad’s old video', kind: 'video', note: '', link: null } });

    click(byButton(target, 'Remove Grandad’s old video'));
    expect(target.textContent).toContain('Remove “Grandad’s old video” and the record of its uses?');
    click(byButton(target, 'Keep it'));
    await settle();
    expect(fake.spies.media.remove).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(byButton(target, 'Remove Grandad’s old video'));
    click(byButton(target, 'Remove Grandad’s old video'));
    click(byButton(target, 'Yes, remove it'));
    await settle();
    expect(fake.spies.media.remove).toHaveBeenCalledWith({ id: 1 });
    expect(list()).toBeNull();
  });

  it('shows how each item went over time, from its uses', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.media.add({ title: 'Harbour song', kind: 'song' });
    await fake.api.media.recordUse({ mediaId: 1, moodBefore: 2, moodAfter: 3, tears: 'cried' });
    await fake.api.media.recordUse({ mediaId: 1, moodBefore: 2, moodAfter: 2, tears: 'welled' });
    await fake.api.media.recordUse({ mediaId: 1, moodBefore: 3, moodAfter: 4, tears: 'none' });
    await openPage(fake);
    expect(list()!.textContent).toContain('Used 3 times · tears twice · mood a little lighter on average');
  });
});

describe('helped summary in words', () => {
  const summary = (over: Partial<Parameters<typeof helpedWords>[0]>) => ({ uses: 0, withTears: 0, moodChange: null, lastUsedAt: null, ...over });

  it('counts in words and leaves out what is not known', () => {
    expect(helpedWords(summary({}))).toBe('Not used in a practice yet.');
    expect(helpedWords(summary({ uses: 1, lastUsedAt: 1 }))).toBe('Used once');
    expect(helpedWords(summary({ uses: 2, withTears: 1, lastUsedAt: 1 }))).toBe('Used twice · tears once');
    expect(helpedWords(summary({ uses: 5, withTears: 3, moodChange: 1.2, lastUsedAt: 1 }))).toBe('Used 5 times · tears 3 times · mood lighter on average');
  });

  it('describes mood changes softly, both ways', () => {
    expect(moodChangeWords(0)).toBe('mood about the same');
    expect(moodChangeWords(0.2)).toBe('mood about the same');
    expect(moodChangeWords(0.5)).toBe('mood a little lighter on average');
    expect(moodChangeWords(-0.5)).toBe('mood a little heavier on average');
    expect(moodChangeWords(-2)).toBe('mood heavier on average');
  });
});
