/**
 * The lock screen's "Unlock with this computer's keychain": offered only when it is on, never
 * pressed for the person, and a failure said where a wrong passphrase is, focus back in the field.
 */
import { mountApp } from './mount-app.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { byButton, click, settle } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { unmountAll } from './mount.ts';

const LABEL = "Unlock with this computer's keychain";
let target: HTMLElement;
const heading = () => target.querySelector('h1')?.textContent?.trim();
const keychainButton = () => [...target.querySelectorAll('button')].find((b) => b.textContent?.trim() === LABEL) ?? null;

async function lockedWithKeychain(): Promise<FakeApi> {
  const fake = createFakeApi({ state: 'unlocked' });
  await fake.api.keychain.enable();
  fake.lockFromMain('manual');
  target = await mountApp(fake);
  return fake;
}

afterEach(unmountAll);

describe('keychain unlock on the lock screen', () => {
  it('is not offered while it is off', async () => {
    const fake = createFakeApi({ state: 'locked' });
    target = await mountApp(fake);
    expect(heading()).toBe('Welcome back');
    expect(keychainButton()).toBeNull();
  });

  it('when on, waits for a press (focus stays in the passphrase field), then unlocks', async () => {
    const fake = await lockedWithKeychain();
    expect(heading()).toBe('Welcome back');
    expect(keychainButton()).not.toBeNull();
    expect(fake.spies.vault.unlockWithKeychain).not.toHaveBeenCalled();
    expect(document.activeElement?.id).toBe('unlock-passphrase');
    click(byButton(target, LABEL));
    await settle();
    expect(fake.spies.vault.unlockWithKeychain).toHaveBeenCalledTimes(1);
    expect(heading()).toBe('Journal');
  });

  it('a failure shows the message in the unlock form, the button goes, and the passphrase field has focus', async () => {
    const fake = await lockedWithKeychain();
    const message = "This computer's keychain couldn't open Saltwater this time, so unlocking with it is off now. Your passphrase still works — you can turn it back on in Settings.";
    fake.spies.vault.unlockWithKeychain.mockImplementationOnce(async () => {
      await fake.api.keychain.disable();
      return { ok: false, error: { code: 'KEYCHAIN_FAILED', message } } as never;
    });
    click(byButton(target, LABEL));
    await settle();
    expect(heading()).toBe('Welcome back');
    expect(target.querySelector('#unlock-message')?.textContent).toContain(message);
    expect(keychainButton()).toBeNull();
    expect(document.activeElement?.id).toBe('unlock-passphrase');
  });
});
