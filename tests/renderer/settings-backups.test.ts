/** Settings → Backups (Back up now, where they go, the list) and Appearance (theme, clock, dim sessions). */
import { afterEach, describe, expect, it } from 'vitest';
import SettingsPage from '../../renderer/features/settings/Page.svelte';
import { formatPrefs } from '../../renderer/lib/format.svelte.ts';
import { byButton, byLabel, click, settle, type } from './dom-helpers.ts';
import { createFakeApi } from './fake-api.ts';
import { mountWithApi, unmountAll } from './mount.ts';

let target: HTMLElement;
afterEach(unmountAll);

describe('Settings: Backups', () => {
  it('says where backups go, makes one on request, says it was checked, and lists it', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    target = mountWithApi(SettingsPage, fake.api, { onshowhelp: () => {} });
    await settle();
    const section = target.querySelector<HTMLElement>('section[aria-labelledby="backups-title"]')!;
    expect(section.textContent).toContain('/home/me/.config/Saltwater/backups');
    expect(section.textContent).toContain('No backups yet.');

    const button = byButton(section, 'Back up now');
    button.focus();
    click(button);
    await settle();
    expect(fake.spies.backup.now).toHaveBeenCalledTimes(1);
    expect(section.textContent).toContain('Backed up and checked: Saltwater backup 1.swbackup (1.2 MB).');
    const items = [...section.querySelectorAll('ul[aria-labelledby="backups-list-title"] li')];
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('1.2 MB');
    // The button stays where it was, ready again; focus never leaves it.
    expect(document.activeElement).toBe(byButton(section, 'Back up now'));
  });

  it('shows the reason when a backup cannot be made, and nothing else changes', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    fake.spies.backup.now.mockResolvedValueOnce({ ok: false, error: { code: 'FILE_PROBLEM', message: "We couldn't make a backup. The disk is full. Make some room, then try again." } } as never);
    target = mountWithApi(SettingsPage, fake.api, { onshowhelp: () => {} });
    await settle();
    const section = target.querySelector<HTMLElement>('section[aria-labelledby="backups-title"]')!;
    click(byButton(section, 'Back up now'));
    await settle();
    expect(section.textContent).toContain('The disk is full.');
    expect(section.textContent).toContain('No backups yet.');
  });
});

describe('Settings: Appearance', () => {
  it('saves the theme, the clock and dim sessions at once, and the clock changes how times read', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    target = mountWithApi(SettingsPage, fake.api, { onshowhelp: () => {} });
    await settle();
    const section = target.querySelector<HTMLElement>('section[aria-labelledby="appearance-title"]')!;
    click(byLabel(section, /^Dark/) as HTMLInputElement);
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ theme: 'dark' });
    expect(document.documentElement.dataset.theme).toBe('dark');

    click(byLabel(section, /^12-hour/) as HTMLInputElement);
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ clock: 'h12' });
    expect(formatPrefs().hourCycle).toBe('h12');
    expect(section.textContent).toMatch(/Saved\. Times now read like \d{1,2}:\d\d\s?[AP]M\./);

    click(byLabel(section, 'Keep sessions dim') as HTMLInputElement);
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ sessionLook: 'theme' });
  });
});

describe('Settings: Recovery key', () => {
  it('shows the key again after the right passphrase, says so when it is wrong, and hides it back to the button', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    target = mountWithApi(SettingsPage, fake.api, { onshowhelp: () => {} });
    await settle();
    const section = target.querySelector<HTMLElement>('section[aria-labelledby="recovery-title"]')!;
    click(byButton(section, 'Show my recovery key again'));
    await settle();
    const field = byLabel(section, 'Your passphrase') as HTMLInputElement;
    expect(document.activeElement).toBe(field);

    type(field, 'a wrong guess');
    click(byButton(section, 'Show the key'));
    await settle();
    expect(section.textContent).toContain("That passphrase doesn't match.");
    expect(section.querySelector('ol')).toBeNull();

    type(byLabel(section, 'Your passphrase') as HTMLInputElement, 'correct horse battery');
    click(byButton(section, 'Show the key'));
    await settle();
    expect(fake.spies.vault.showRecoveryKey).toHaveBeenLastCalledWith({ passphrase: 'correct horse battery' });
    expect(section.querySelectorAll('ol li')).toHaveLength(17);
    expect(section.textContent).toContain('K016');

    click(byButton(section, 'Hide it'));
    await settle();
    expect(section.querySelector('ol')).toBeNull();
    expect(document.activeElement).toBe(byButton(section, 'Show my recovery key again'));
  });
});
