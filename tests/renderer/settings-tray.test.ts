/** Settings → Privacy on this computer: the tray / menu-bar icon's switch. */
import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopSupport } from '../../preload/contract/index.ts';
import PrivacyForm from '../../renderer/features/settings/PrivacyForm.svelte';
import { SettingsState } from '../../renderer/features/settings/settings.svelte.ts';
import { byLabel, check, settle } from './dom-helpers.ts';
import { createFakeApi } from './fake-api.ts';
import { mountWithApi, unmountAll } from './mount.ts';

afterEach(unmountAll);

const support = (over: Partial<DesktopSupport>): DesktopSupport => ({ mac: false, contentProtection: true, openAtLogin: true, globalShortcut: true, tray: true, ...over });

async function privacySection(desktop: DesktopSupport) {
  const fake = createFakeApi({ state: 'unlocked' });
  fake.spies.app.desktopSupport.mockResolvedValue({ ok: true, value: desktop } as never);
  // The form on its own, as Settings → Privacy on this computer holds it (with the page's settings state).
  const settings = new SettingsState(fake.api);
  await settings.load();
  const section = mountWithApi(PrivacyForm, fake.api, { settings });
  await settle();
  return { fake, section };
}

describe('Settings: the tray icon', () => {
  it('is off by default, and turning it on and off saves at once and says so', async () => {
    const { fake, section } = await privacySection(support({}));
    const box = byLabel(section, 'Show Saltwater in the tray') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(section.textContent).toContain('Open, a quick note, Lock and Quit, one click away. Off unless you turn it on.');
    check(box, true);
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ trayIcon: true });
    expect(section.textContent).toContain('Saved. Saltwater is in the tray now.');
    check(box, false);
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ trayIcon: false });
    expect(section.textContent).toContain('Saved. Saltwater is no longer in the tray.');
  });

  it('is called the menu bar on a Mac', async () => {
    const { section } = await privacySection(support({ mac: true }));
    expect((byLabel(section, 'Show Saltwater in the menu bar') as HTMLInputElement).checked).toBe(false);
    expect(() => byLabel(section, 'Show Saltwater in the tray')).toThrow();
  });

  it('is not offered where main has no tray (the browser preview)', async () => {
    const { section } = await privacySection(support({ tray: false }));
    expect(section.textContent).not.toContain('Show Saltwater in');
    expect(section.textContent).toContain('Hide Saltwater from screen sharing and screenshots'); // the rest is there
  });
});
