/** Trusted people in Settings, the "Signal my person" control, and what the person is told about each signal. */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import SettingsPage from '../../renderer/features/settings/Page.svelte';
import { noteWords, SignalsState } from '../../renderer/features/signals/signals.svelte.ts';
import SignalButton from '../../renderer/features/signals/SignalButton.svelte';
import KindMessage from '../../renderer/features/session/KindMessage.svelte';
import { byButton, byLabel, check, click, settle, type } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { mountInBody, mountWithApi, unmountAll } from './mount.ts';

let target: HTMLElement;
afterEach(unmountAll);

async function openSettings(fake: FakeApi) {
  target = mountWithApi(SettingsPage, fake.api, { onshowhelp: () => {} });
  await settle();
  return target.querySelector<HTMLElement>('section[aria-labelledby="people-title"]')!;
}

describe('Settings: trusted people', () => {
  it('a bad webhook address gets a clear message and nothing is saved; a good one is added', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const section = await openSettings(fake);
    expect(section.textContent).toContain('nothing ever on its own');
    click(byButton(section, 'Add a trusted person'));
    const form = section.querySelector('form')!;
    type(byLabel(form, 'Their name') as HTMLInputElement, 'Sam');
    check(byLabel(form, 'My own notifier (webhook)') as HTMLInputElement);
    type(byLabel(form, 'Web address') as HTMLInputElement, 'file:///etc/passwd');
    click(byButton(form, 'Save'));
    await settle();
    expect(form.querySelector('[role="alert"]')!.textContent).toContain('only sends to https://');
    expect(fake.spies.contacts.add).toHaveBeenCalledTimes(1);
    expect(await fake.api.contacts.list()).toEqual({ ok: true, value: [] });

    // Half a header is a question for the person, not something to guess.
    type(byLabel(form, 'Web address') as HTMLInputElement, 'https://ntfy.example/sam');
    type(byLabel(form, /Header name/) as HTMLInputElement, 'Authorization');
    click(byButton(form, 'Save'));
    await settle();
    expect(form.querySelector('[role="alert"]')!.textContent).toContain('both its name and its value');
    expect(fake.spies.contacts.add).toHaveBeenCalledTimes(1);

    type(byLabel(form, /Header name/) as HTMLInputElement, '');
    click(byButton(form, 'Save'));
    await settle();
    expect(fake.spies.contacts.add).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: 'Sam', channel: { type: 'webhook', url: 'https://ntfy.example/sam', format: 'text' } }),
    );
    const list = section.querySelector('[aria-label="Your trusted people"]')!;
    expect(list.textContent).toContain('Sam');
    expect(list.textContent).toContain('ntfy.example');
  });

  it('a test that does not get through says so and offers the message to copy', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.contacts.add({ name: 'Sam', channel: { type: 'webhook', url: 'https://ntfy.example/sam', format: 'text' } });
    fake.setWebhookOutcome('not-delivered');
    const section = await openSettings(fake);
    click(byButton(section, 'Send a test to Sam'));
    await settle();
    expect(fake.spies.signals.send).toHaveBeenCalledWith({ contactId: 1, which: 'test' });
    const status = section.querySelector('[role="status"]')!;
    expect(status.textContent).toContain("The test message didn't get through to Sam");
    click(byButton(status as HTMLElement, 'Copy the message'));
    await settle();
    expect(fake.spies.signals.copy).toHaveBeenCalledWith({ contactId: 1, which: 'test' });
    expect(byButton(status as HTMLElement, 'Copied')).toBeTruthy();
    // The history shows it as not delivered.
    const history = target.querySelector('section[aria-labelledby="history-title"]')!;
    expect(history.textContent).toContain('Not delivered');
  });
});

describe('Signal my person', () => {
  it('is absent with nobody set up, one click with one person, a list with several', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const signals = new SignalsState(fake.api);
    await signals.load();
    const problems: string[] = [];
    target = mountInBody(SignalButton, { signals, onproblem: (m: string) => problems.push(m) });
    flushSync();
    expect(target.querySelector('button')).toBeNull();

    await fake.api.contacts.add({ name: 'Sam', channel: { type: 'messenger', kind: 'email', address: 'sam@example.org' } });
    await signals.load();
    flushSync();
    click(byButton(target, 'Signal my person'));
    await settle();
    expect(fake.spies.signals.send).toHaveBeenLastCalledWith({ contactId: 1, which: 'help' });
    expect(noteWords(signals.notes[0]!)).toContain('Your mail app should be open with your message to Sam');
    expect(signals.helpSent).toBe(true);

    await fake.api.contacts.add({ name: 'Robin', channel: { type: 'messenger', kind: 'sms', address: '+447700900123' } });
    await signals.load();
    flushSync();
    const toggle = byButton(target, 'Signal my person');
    click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const menu = target.querySelector('[aria-label="Who to signal"]')!;
    expect([...menu.querySelectorAll('button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).toEqual(['Sam e-mail', 'Robin text message']);
    click(byButton(menu as HTMLElement, /Robin/));
    await settle();
    expect(fake.spies.signals.send).toHaveBeenLastCalledWith({ contactId: 2, which: 'help' });
    expect(target.querySelector('[aria-label="Who to signal"]')).toBeNull();
    expect(problems).toEqual([]);
    signals.dispose();
  });
});

describe('what the person is told', () => {
  it('removing a person asks first and says what happens to messages on their way; focus stays on the page', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.contacts.add({ name: 'Sam', channel: { type: 'messenger', kind: 'email', address: 'sam@example.org' } });
    const section = await openSettings(fake);
    click(byButton(section, 'Remove Sam'));
    const confirm = section.querySelector<HTMLElement>('[role="group"][aria-label="Remove Sam?"]')!;
    expect(confirm.textContent).toContain('Your history stays, and anything still on its way to them will not be sent.');
    expect(document.activeElement).toBe(byButton(confirm, 'Keep Sam'));
    click(byButton(confirm, 'Keep Sam'));
    await settle();
    expect(fake.spies.contacts.remove).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(byButton(section, 'Remove Sam'));
    click(byButton(section, 'Remove Sam'));
    click(byButton(section, 'Yes, remove'));
    await settle();
    expect(fake.spies.contacts.remove).toHaveBeenCalledWith({ id: 1 });
    expect(section.querySelector('[aria-label="Your trusted people"]')).toBeNull();
    expect(section.textContent).toContain('Sam was removed.');
    expect(document.activeElement).toBe(byButton(section, 'Add a trusted person'));
  });

  it('never claims the message is on the clipboard when copying failed', () => {
    const base = { signalId: 1, contactId: 1, contactName: 'Sam', which: 'help', attempts: 1 } as const;
    expect(noteWords({ ...base, channel: 'email', outcome: 'handed-off', lastError: null })).toContain("It's on your clipboard too.");
    expect(noteWords({ ...base, channel: 'email', outcome: 'handed-off', lastError: 'copy_failed' })).not.toContain('clipboard');
    expect(noteWords({ ...base, channel: 'sms', outcome: 'not-delivered', lastError: 'open_failed' })).toContain('on your clipboard');
    expect(noteWords({ ...base, channel: 'sms', outcome: 'not-delivered', lastError: 'open_and_copy_failed' })).not.toContain('on your clipboard');
  });

  it('follows only signals sent from this screen, even when the news comes before the answer', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.contacts.add({ name: 'Sam', channel: { type: 'webhook', url: 'https://ntfy.example/sam', format: 'text' } });
    const signals = new SignalsState(fake.api);
    await signals.load();
    // An older signal settling after unlock is not news here.
    fake.emit('signal.changed', { signalId: 99, contactId: 1, contactName: 'Sam', channel: 'webhook', which: 'help', state: 'sent', outcome: 'delivered', attempts: 1, createdAt: 0, settledAt: 1, nextAttemptAt: null, givesUpAt: 1, lastError: null });
    expect(signals.notes).toEqual([]);
    expect(signals.helpSent).toBe(false);
    // The fake delivers on the next tick, after send() has answered; either order ends "delivered".
    await signals.send(1, 'help');
    await settle();
    expect(signals.notes.map((n) => [n.signalId, n.outcome])).toEqual([[1, 'delivered']]);

    // Main's event can overtake the answer: it is kept until the answer names the signal.
    fake.spies.signals.send.mockImplementationOnce(async () => {
      fake.emit('signal.changed', { signalId: 5, contactId: 1, contactName: 'Sam', channel: 'webhook', which: 'ok', state: 'sent', outcome: 'delivered', attempts: 1, createdAt: 0, settledAt: 1, nextAttemptAt: null, givesUpAt: 1, lastError: null });
      return { ok: true, value: { signalId: 5, channel: 'webhook', state: 'queued' } };
    });
    await signals.send(1, 'ok');
    expect(signals.notes.map((n) => [n.signalId, n.outcome])).toEqual([
      [5, 'delivered'],
      [1, 'delivered'],
    ]);
    signals.dispose();
  });

  it('offers "I\'m OK now" again when the first one did not get through', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.contacts.add({ name: 'Sam', channel: { type: 'webhook', url: 'https://ntfy.example/sam', format: 'text' } });
    const signals = new SignalsState(fake.api);
    await signals.load();
    // Two quick clicks send one message.
    await Promise.all([signals.send(1, 'help'), signals.send(1, 'help')]);
    await settle();
    expect(fake.spies.signals.send).toHaveBeenCalledTimes(1);
    expect(signals.okSentTo(1)).toBe(false);
    fake.setWebhookOutcome('not-delivered');
    await signals.send(1, 'ok');
    await settle();
    expect(signals.okSentTo(1)).toBe(false);
    fake.setWebhookOutcome('delivered');
    await signals.send(1, 'ok');
    await settle();
    expect(signals.okSentTo(1)).toBe(true);
    signals.dispose();
  });
});

describe('notes never go stale', () => {
  it('after the session, the "I\'m OK" area shows only what the "I\'m OK" message did, not the earlier help signal', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.contacts.add({ name: 'Sam', channel: { type: 'messenger', kind: 'email', address: 'sam@example.org' } });
    const signals = new SignalsState(fake.api);
    await signals.load();
    await signals.send(1, 'help');
    target = mountInBody(KindMessage, { signals, message: 'Thank you.', ideas: ['Rest'], problem: null, onwrite: () => {}, ondone: () => {} });
    flushSync();
    const followUp = target.querySelector('section.follow-up')!;
    expect(byButton(followUp as HTMLElement, "Tell Sam I'm OK now")).toBeTruthy();
    expect(followUp.textContent).not.toContain('mail app should be open');
    click(byButton(followUp as HTMLElement, "Tell Sam I'm OK now"));
    await settle();
    expect(followUp.textContent).toContain('Your mail app should be open with your “I’m OK” message to Sam');
    expect(followUp.textContent).not.toContain('with your message to Sam');
  });
});
