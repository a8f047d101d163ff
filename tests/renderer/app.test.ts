/**
 * The whole renderer mounted in happy-dom against the in-memory fake api: the screens,
 * their labels and buttons, and the flows between them.
 */
import { mountApp } from './mount-app.ts';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { keyGroups } from '../../renderer/lib/recovery-key.ts';
import { byButton, byLabel, click, settle, type } from './dom-helpers.ts';
import { createFakeApi, FAKE_RECOVERY_KEY, type FakeApi } from './fake-api.ts';
import { unmountAll } from './mount.ts';

let target: HTMLElement;

async function start(fake: FakeApi) {
  target = await mountApp(fake);
  return target;
}

const heading = () => target.querySelector('h1')?.textContent?.trim();

afterEach(unmountAll);

describe('first run', () => {
  it('welcome → passphrase → recovery key → typing two groups back → an empty, kind journal', async () => {
    const fake = createFakeApi({ state: 'new' });
    await start(fake);
    expect(heading()).toBe('Welcome to Saltwater');
    expect(target.textContent).toMatch(/encrypted and kept on this computer/);
    expect(target.textContent).toMatch(/No account, no cloud/);

    click(byButton(target, "Let's begin"));
    expect(heading()).toBe('Choose a passphrase');
    type(byLabel(target, 'Passphrase') as HTMLInputElement, 'short');
    type(byLabel(target, 'Repeat passphrase') as HTMLInputElement, 'short');
    click(byButton(target, 'Create my journal'));
    await settle();
    expect(fake.spies.vault.create).not.toHaveBeenCalled();
    expect(target.textContent).toContain('at least 8 characters');

    type(byLabel(target, 'Passphrase') as HTMLInputElement, 'slow tide evening');
    type(byLabel(target, 'Repeat passphrase') as HTMLInputElement, 'slow tide evening');
    click(byButton(target, 'Create my journal'));
    await settle();
    expect(fake.spies.vault.create).toHaveBeenCalledWith({ passphrase: 'slow tide evening' });

    expect(heading()).toBe('Your recovery key');
    const shown = [...target.querySelectorAll('.key .group')].map((g) => g.textContent?.replace(/^Group \d+:\s*/, '').trim());
    expect(shown).toEqual(keyGroups(FAKE_RECOVERY_KEY));
    // The printable sheet exists (for window.print) and holds the key.
    expect(document.querySelector('.print-sheet')?.textContent).toContain('0A1B');
    byButton(target, 'Copy');
    byButton(target, 'Print');
    byButton(target, 'Save as a file');

    click(byButton(target, "I've saved it, continue"));
    expect(heading()).toBe('Check your saved key');
    // The key is no longer on screen, nor its print sheet.
    expect(target.textContent).not.toContain('0A1B');
    expect(document.querySelector('.print-sheet')).toBeNull();

    const labels = [...target.querySelectorAll('label')].map((l) => l.textContent!.trim());
    expect(labels).toHaveLength(2);
    const groups = keyGroups(FAKE_RECOVERY_KEY);
    const wanted = labels.map((l) => groups[Number(l.replace('Group ', '')) - 1]!);
    expect(target.textContent).toContain(`${labels[0]!.toLowerCase()} and ${labels[1]!.toLowerCase()}`);

    type(byLabel(target, labels[0]!) as HTMLInputElement, 'zzzz');
    type(byLabel(target, labels[1]!) as HTMLInputElement, wanted[1]!);
    click(byButton(target, 'Open my journal'));
    await settle();
    expect(heading()).toBe('Check your saved key');
    expect(target.textContent).toMatch(/doesn't match/);

    type(byLabel(target, labels[0]!) as HTMLInputElement, ` ${wanted[0]!.toLowerCase()} `);
    click(byButton(target, 'Open my journal'));
    await settle();
    expect(heading()).toBe('Journal');
    expect(target.textContent).toContain("Nothing here yet, and that's fine");
    byButton(target, 'Write your first entry');
    byButton(target, 'Lock');
  });
});

describe('lock and unlock', () => {
  it('clears the journal from the page when the vault locks itself, with a gentle line', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.journal.create({ body: 'a very private line', emotions: [], tags: [] });
    await start(fake);
    expect(target.textContent).toContain('a very private line');

    fake.lockFromMain('idle');
    await settle();
    expect(heading()).toBe('Welcome back');
    expect(target.textContent).not.toContain('a very private line');
    expect(target.textContent).toMatch(/locked itself after a quiet while/);

    type(byLabel(target, 'Passphrase') as HTMLInputElement, 'wrong');
    click(byButton(target, 'Unlock'));
    await settle();
    expect(target.textContent).toContain("That passphrase doesn't open this journal.");

    type(byLabel(target, 'Passphrase') as HTMLInputElement, 'correct horse battery');
    click(byButton(target, 'Unlock'));
    await settle();
    expect(heading()).toBe('Journal');
    expect(target.textContent).toContain('a very private line');
  });

  it('the Lock button saves the entry being written, then locks', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await start(fake);
    click(byButton(target, 'Write your first entry'));
    await settle();
    type(byLabel(target, 'Your entry') as HTMLTextAreaElement, 'typed just before locking');
    click(byButton(target, 'Lock'));
    await settle();
    expect(fake.entries.get(1)?.body).toBe('typed just before locking');
    expect(heading()).toBe('Welcome back');
    expect(target.querySelector('textarea')).toBeNull();
  });

  it('saves the last keystrokes when the window is closing, then lets it close', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await start(fake);
    click(byButton(target, 'Write your first entry'));
    await settle();
    type(byLabel(target, 'Your entry') as HTMLTextAreaElement, 'typed just before closing');
    fake.emit('app.closing', {});
    await settle();
    expect(fake.entries.get(1)?.body).toBe('typed just before closing');
    expect(fake.spies.app.readyToClose).toHaveBeenCalledTimes(1);
  });

  it('offers the recovery key when the passphrase is lost', async () => {
    const fake = createFakeApi({ state: 'locked' });
    await start(fake);
    click(byButton(target, "I've lost my passphrase"));
    // The recovery form loads when asked for (renderer/screens.ts).
    await settle();
    expect(heading()).toBe('Unlock with your recovery key');
    type(byLabel(target, 'Recovery key') as HTMLTextAreaElement, FAKE_RECOVERY_KEY.toLowerCase().replace(/-/g, ' '));
    type(byLabel(target, 'New passphrase') as HTMLInputElement, 'a brand new one');
    type(byLabel(target, 'Repeat new passphrase') as HTMLInputElement, 'a brand new one');
    click(byButton(target, 'Unlock with recovery key'));
    await settle();
    expect(fake.spies.vault.unlockWithRecoveryKey).toHaveBeenCalledTimes(1);
    expect(heading()).toBe('Journal');
    expect(target.textContent).toContain('Your new passphrase is set');
  });
});

describe('journal', () => {
  async function withEntries() {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.journal.create({ body: 'first: the <b>rain</b> again', emotions: [{ word: 'sad', intensity: 4, bodyLocation: 'chest' }], tags: ['weather'] });
    await fake.api.journal.create({ body: 'second: a quiet walk', emotions: [], tags: ['walks'] });
    await start(fake);
    return fake;
  }

  it('lists entries with their feelings and tags', async () => {
    await withEntries();
    const items = [...target.querySelectorAll('.entries > li')];
    expect(items).toHaveLength(2);
    expect(target.textContent).toContain('sad');
    expect(target.textContent).toContain('#weather');
  });

  it('search highlights matches as text and says so when nothing matches', async () => {
    const fake = await withEntries();
    type(byLabel(target, 'Search your entries') as HTMLInputElement, 'rain');
    await new Promise((r) => setTimeout(r, 350));
    await settle();
    expect(fake.spies.journal.search).toHaveBeenCalledWith(expect.objectContaining({ text: 'rain' }));
    expect(target.querySelector('mark')?.textContent).toBe('rain');
    // The entry's own HTML stays text.
    expect(target.querySelector('.entries b')).toBeNull();
    expect(target.textContent).toContain('1 entry matches.');

    type(byLabel(target, 'Search your entries') as HTMLInputElement, 'thunder');
    await new Promise((r) => setTimeout(r, 350));
    await settle();
    expect(target.textContent).toContain('No entries match');
    click(byButton(target, 'Clear search'));
    await settle();
    expect(target.querySelectorAll('.entries > li')).toHaveLength(2);
  });

  it('deletes at once and brings the entry back with Undo', async () => {
    const fake = await withEntries();
    const open = [...target.querySelectorAll<HTMLButtonElement>('.entries button')].find((b) =>
      b.getAttribute('aria-describedby') && document.getElementById(b.getAttribute('aria-describedby')!)?.textContent?.includes('quiet walk'),
    )!;
    click(open);
    await settle();
    expect((byLabel(target, 'Your entry') as HTMLTextAreaElement).value).toBe('second: a quiet walk');
    click(byButton(target, 'Delete this entry'));
    await settle();
    expect(fake.spies.journal.delete).toHaveBeenCalledWith({ id: 2 });
    expect(heading()).toBe('Journal');
    expect(target.querySelectorAll('.entries > li')).toHaveLength(1);
    expect(target.textContent).toContain('Entry deleted.');
    click(byButton(target, 'Undo'));
    await settle();
    expect(fake.spies.journal.restore).toHaveBeenCalledWith({ id: 2 });
    expect(target.querySelectorAll('.entries > li')).toHaveLength(2);
  });

  it('Back does not leave text behind that could not be saved', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await start(fake);
    click(byButton(target, 'Write your first entry'));
    await settle();
    type(byLabel(target, 'Your entry') as HTMLTextAreaElement, 'first words');
    await new Promise((r) => setTimeout(r, 500));
    await settle();
    expect(fake.entries.get(1)?.body).toBe('first words');

    fake.spies.journal.update.mockImplementation(async () => ({ ok: false, error: { code: 'INTERNAL', message: 'The disk is full.' } }));
    type(byLabel(target, 'Your entry') as HTMLTextAreaElement, 'first words, and more');
    click(byButton(target, 'Back to journal'));
    await settle();
    expect(target.querySelector('textarea')?.value).toBe('first words, and more');
    expect(target.textContent).toContain('The disk is full.');
  });

  it('names a feeling with intensity and body location, and adds tags with Enter or a comma', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await start(fake);
    click(byButton(target, 'Write your first entry'));
    await settle();
    click(byButton(target, 'Name a feeling'));
    await settle();
    click(byButton(target, 'anxious'));
    expect(byButton(target, 'anxious').getAttribute('aria-pressed')).toBe('true');
    const intensity = byLabel(target, 'Intensity of anxious') as HTMLInputElement;
    intensity.value = '8';
    intensity.dispatchEvent(new Event('input', { bubbles: true }));
    type(byLabel(target, 'Where in the body for anxious') as HTMLInputElement, 'throat');
    const tags = byLabel(target, 'Add a tag') as HTMLInputElement;
    type(tags, 'Work');
    tags.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    flushSync();
    type(tags, 'night,');
    await new Promise((r) => setTimeout(r, 500));
    await settle();
    expect(fake.entries.get(1)).toMatchObject({
      emotions: [{ word: 'anxious', intensity: 8, bodyLocation: 'throat' }],
      tags: ['work', 'night'],
    });
    byButton(target, 'Remove tag work');
    byButton(target, 'Remove feeling anxious');
  });
});
