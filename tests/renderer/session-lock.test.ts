/**
 * The whole app (App.svelte) with a session running: the top bar steps aside, and when the
 * vault locks mid-session the session view ends quietly (nothing more is recorded).
 */
import { mountApp } from './mount-app.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { byButton, click, settle } from './dom-helpers.ts';
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
