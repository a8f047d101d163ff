/**
 * The whole app (App.svelte) with a session running: the top bar steps aside, and when the
 * vault locks mid-session the session view ends quietly (nothing more is recorded).
 */
import { mountApp } from './mount-app.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { byButton, byLabel, click, settle, type } from './dom-helpers.ts';
import { createFakeApi } from './fake-api.ts';
import { unmountAll } from './mount.ts';

let target: HTMLElement;

afterEach(() => {
  unmountAll();
  delete document.documentElement.dataset.sessionSpeed;
});

describe('a session inside the app', () => {
  it('hides the app chrome; a lock mid-session ends the view quietly, leaving the session as it was', async () => {
    document.documentElement.dataset.sessionSpeed = '30';
    const fake = createFakeApi({ state: 'unlocked' });
    target = await mountApp(fake);

    click(byButton(target, 'Practices'));
    await settle();
    expect(target.querySelector('h1')?.textContent).toBe('Practices');
    click(byButton(target, 'Start Arrive and breathe'));
    await settle();
    click(byButton(target, 'Begin'));
    await settle(10);
    expect(fake.spies.app.sessionMode).toHaveBeenCalledWith({ active: true });
    expect(target.querySelector('nav[aria-label="Main"]')).toBeNull();
    byButton(target, 'Stop');

    fake.lockFromMain('idle');
    await settle(10);
    expect(target.querySelector('h1')?.textContent).toBe('Welcome back');
    expect(target.textContent).not.toContain('Arrive and breathe');
    expect(fake.spies.app.sessionMode).toHaveBeenLastCalledWith({ active: false });
    expect(fake.spies.sessions.end).not.toHaveBeenCalled();
    expect(fake.sessions.get(1)!.outcome).toBeNull();
  });
});

describe('words that could not be saved before a lock', () => {
  it('are named on the lock screen, and only then', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    target = await mountApp(fake);
    click(byButton(target, 'New entry'));
    await settle();
    // The disk is full: every save fails.
    fake.spies.journal.create.mockResolvedValue({ ok: false, error: { code: 'FILE_PROBLEM', message: 'Your disk is full.' } });
    type(byLabel(target, 'Your entry') as HTMLTextAreaElement, 'Words the disk had no room for');
    await new Promise((r) => setTimeout(r, 400));
    await settle();
    fake.lockFromMain('idle');
    await settle(10);
    expect(target.querySelector('h1')?.textContent).toBe('Welcome back');
    expect(target.textContent).toContain("The last words you typed before Saltwater locked couldn't be saved");
  });

  it('say nothing when everything was saved', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    target = await mountApp(fake);
    click(byButton(target, 'New entry'));
    await settle();
    type(byLabel(target, 'Your entry') as HTMLTextAreaElement, 'Saved in time');
    await new Promise((r) => setTimeout(r, 400));
    await settle();
    fake.lockFromMain('idle');
    await settle(10);
    expect(target.querySelector('h1')?.textContent).toBe('Welcome back');
    expect(target.textContent).not.toContain("couldn't be saved");
  });
});
