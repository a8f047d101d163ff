/**
 * What the vault has to tell right after an unlock: a recovery key never confirmed (the app
 * closed during the first run) is shown again until confirmed, and a gentle note when recent
 * changes did not survive an unclean exit.
 */
import { mountApp } from './mount-app.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { keyGroups } from '../../renderer/lib/recovery-key.ts';
import { byButton, byLabel, click, settle, type } from './dom-helpers.ts';
import { createFakeApi, FAKE_RECOVERY_KEY } from './fake-api.ts';
import { unmountAll } from './mount.ts';

let target: HTMLElement;
const heading = () => target.querySelector('h1')?.textContent?.trim();
afterEach(unmountAll);

async function unlock(passphrase = 'correct horse battery') {
  type(byLabel(target, 'Passphrase') as HTMLInputElement, passphrase);
  click(byButton(target, /^Unlock/));
  await settle();
}

describe('a recovery key never confirmed', () => {
  it('is shown again after unlock, and the journal opens once two groups are typed back', async () => {
    const fake = createFakeApi({ state: 'locked', keyToConfirm: true });
    target = await mountApp(fake);
    await unlock();
    expect(heading()).toBe('Your recovery key');
    expect(target.textContent).toMatch(/closed last time before you could confirm/);
    const shown = [...target.querySelectorAll('.key .group')].map((g) => g.textContent?.replace(/^Group \d+:\s*/, '').trim());
    expect(shown).toEqual(keyGroups(FAKE_RECOVERY_KEY));

    click(byButton(target, "I've saved it, continue"));
    expect(heading()).toBe('Check your saved key');
    const labels = [...target.querySelectorAll('label')].map((l) => l.textContent!.trim());
    const groups = keyGroups(FAKE_RECOVERY_KEY);
    for (const label of labels) type(byLabel(target, label) as HTMLInputElement, groups[Number(label.replace('Group ', '')) - 1]!);
    expect(fake.spies.vault.confirmKey).not.toHaveBeenCalled();
    click(byButton(target, 'Open my journal'));
    await settle();
    expect(fake.spies.vault.confirmKey).toHaveBeenCalledTimes(1);
    expect(heading()).toBe('Journal');
  });

  it('is not shown when the key was confirmed', async () => {
    const fake = createFakeApi({ state: 'locked' });
    target = await mountApp(fake);
    await unlock();
    expect(heading()).toBe('Journal');
    expect(fake.spies.vault.keyToConfirm).not.toHaveBeenCalled();
  });

  it('is confirmed at the end of the first run, so it is not asked for again', async () => {
    const fake = createFakeApi({ state: 'new' });
    target = await mountApp(fake);
    click(byButton(target, "Let's begin"));
    type(byLabel(target, 'Passphrase') as HTMLInputElement, 'slow tide evening');
    type(byLabel(target, 'Repeat passphrase') as HTMLInputElement, 'slow tide evening');
    click(byButton(target, 'Create my journal'));
    await settle();
    click(byButton(target, "I've saved it, continue"));
    const labels = [...target.querySelectorAll('label')].map((l) => l.textContent!.trim());
    const groups = keyGroups(FAKE_RECOVERY_KEY);
    for (const label of labels) type(byLabel(target, label) as HTMLInputElement, groups[Number(label.replace('Group ', '')) - 1]!);
    click(byButton(target, 'Open my journal'));
    await settle();
    expect(fake.spies.vault.confirmKey).toHaveBeenCalledTimes(1);
    expect(heading()).toBe('Journal');
  });
});

describe('recent changes lost after an unclean exit', () => {
  it('are named gently once after unlock, with the way to the backups', async () => {
    const fake = createFakeApi({ state: 'locked', changesMayBeMissing: true });
    target = await mountApp(fake);
    await unlock();
    expect(heading()).toBe('Journal');
    expect(target.textContent).toMatch(/didn't close properly last time, and the most recent changes may be missing/);
    click(byButton(target, 'Open backups'));
    await settle();
    expect(target.textContent).not.toMatch(/didn't close properly/);
    expect(heading()).toBe('Settings');
  });

  it('say nothing when nothing was lost', async () => {
    const fake = createFakeApi({ state: 'locked' });
    target = await mountApp(fake);
    await unlock();
    expect(target.textContent).not.toMatch(/didn't close properly/);
  });
});
