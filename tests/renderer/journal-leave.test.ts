/**
 * Every way out of an open entry goes through the editor's own "Back to journal": the top bar, the
 * tray's quick note (and, through the same go(), reminders, notices and History). What was typed
 * is saved first; a save that fails keeps the entry open with its words, and says so.
 */
import { mountApp } from './mount-app.ts';
import type { Component } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import JournalPage from '../../renderer/features/journal/Page.svelte';
import { JournalState } from '../../renderer/features/journal/journal.svelte.ts';
import { Session } from '../../renderer/state/session.svelte.ts';
import { Toasts } from '../../renderer/state/toasts.svelte.ts';
import { byButton, byLabel, click, settle, type } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { mountInBody, unmountAll } from './mount.ts';
import WithApi from './WithApi.svelte';

let target: HTMLElement;
afterEach(unmountAll);

const heading = () => target.querySelector('h1')?.textContent?.trim();
const entryField = () => byLabel(target, 'Your entry') as HTMLTextAreaElement;
const diskFull = (fake: FakeApi) =>
  fake.spies.journal.update.mockImplementation(async () => ({ ok: false, error: { code: 'INTERNAL', message: 'The disk is full.' } }));

/** An entry written and saved, then open again in the editor. */
async function withOpenEntry(): Promise<FakeApi> {
  const fake = createFakeApi({ state: 'unlocked' });
  await fake.api.journal.create({ body: 'first words' });
  target = await mountApp(fake);
  click(target.querySelector<HTMLButtonElement>('.entries article button')!);
  await settle();
  expect(entryField().value).toBe('first words');
  return fake;
}

describe('leaving an open entry by the top bar', () => {
  it('saves the words typed a moment ago, then goes; the list is caught up, not loaded again', async () => {
    const fake = await withOpenEntry();
    const loadsBefore = fake.spies.journal.list.mock.calls.filter(([q]) => q?.beforeId === undefined && q?.limit === 51).length;
    type(entryField(), 'first words, and a few more');
    click(byButton(target, 'Settings'));
    await settle();
    expect(fake.entries.get(1)?.body).toBe('first words, and a few more');
    expect(heading()).toBe('Settings');

    click(byButton(target, 'Journal'));
    await settle();
    expect(target.querySelector('.entries')?.textContent).toContain('first words, and a few more');
    // Caught up on the one entry: the pages loaded were not asked for again.
    expect(fake.spies.journal.list.mock.calls.filter(([q]) => q?.beforeId === undefined && q?.limit === 51)).toHaveLength(loadsBefore);
  });

  it('stays on the entry with its words when they could not be saved, and says why; goes once they are', async () => {
    const fake = await withOpenEntry();
    diskFull(fake);
    type(entryField(), 'first words, and what must not be lost');
    click(byButton(target, 'Settings'));
    await settle();
    expect(heading()).not.toBe('Settings');
    expect(entryField().value).toBe('first words, and what must not be lost');
    expect(target.textContent).toContain('The disk is full.');
    expect(document.body.textContent).toContain("This entry stays open: its last changes aren't saved yet");

    fake.spies.journal.update.mockRestore();
    click(byButton(target, 'Settings'));
    await settle();
    expect(heading()).toBe('Settings');
    expect(fake.entries.get(1)?.body).toBe('first words, and what must not be lost');
  });

  it('does not keep a new entry left empty', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    target = await mountApp(fake);
    click(byButton(target, 'Write your first entry'));
    await settle();
    type(entryField(), 'x');
    type(entryField(), '');
    click(byButton(target, 'Reminders'));
    await settle();
    expect(heading()).toBe('Reminders');
    expect([...fake.entries.values()].filter((e) => !e.deleted)).toHaveLength(0);
  });
});

describe("the tray's quick note while an entry is open", () => {
  it('saves the entry open, then opens a new one', async () => {
    const fake = await withOpenEntry();
    type(entryField(), 'first words, then the tray');
    fake.emit('app.quickNote', {});
    await settle(8);
    expect(fake.entries.get(1)?.body).toBe('first words, then the tray');
    expect(entryField().value).toBe('');
    expect(heading()).toBe('New entry');
  });

  it('keeps the entry open when its words could not be saved', async () => {
    const fake = await withOpenEntry();
    diskFull(fake);
    type(entryField(), 'first words, not saved');
    fake.emit('app.quickNote', {});
    await settle(8);
    expect(entryField().value).toBe('first words, not saved');
    expect(target.textContent).toContain('The disk is full.');
  });
});

describe('locking with an entry open', () => {
  it('does not keep an entry made empty for "Write about it" and left empty', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const made = await fake.api.journal.create({ body: '', sessionId: 1 });
    if (!made.ok) throw new Error('create failed');
    const session = new Session(fake.api, { target: new EventTarget() });
    session.screen = 'unlocked';
    const journal = new JournalState(fake.api, new Toasts());
    await journal.refresh();
    journal.open(made.value.id, true);
    target = mountInBody(WithApi, { api: fake.api, session, component: JournalPage as Component<Record<string, unknown>>, props: { journal } });
    await settle();
    await session.lock();
    expect(fake.entries.get(made.value.id)?.deleted).toBe(true);
  });
});
