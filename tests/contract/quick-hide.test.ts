import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, type DesktopSettings } from '../../preload/contract/index.ts';
import { createCore, type Core } from '../../main/core/services.ts';
import { cheapKdf, makeTempDir, PASSPHRASE } from '../helpers/vault-fixtures.ts';

/** Quick hide and the "Privacy on this computer" settings, through the router as the page calls them. */
describe('quick hide and privacy on this computer', () => {
  let core: Core;
  let cleanup: () => void;
  let order: string[];
  let applied: DesktopSettings[];

  function make(withPorts = true): Core {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    return createCore({
      dataDir: resolve(tmp.dir, 'vault'),
      kdf: cheapKdf,
      resourcesDir: resolve(import.meta.dirname, '../../resources'),
      emit: (event, payload) => {
        if (event === 'vault.locked') order.push(`locked:${(payload as { reason: string }).reason}`);
      },
      ...(withPorts
        ? {
            hideWindow: () => void order.push('hidden'),
            applyDesktop: (settings: DesktopSettings) => void applied.push(settings),
            desktopSupport: () => ({ mac: true, contentProtection: true, openAtLogin: true, globalShortcut: true }),
          }
        : {}),
    });
  }

  beforeEach(() => {
    order = [];
    applied = [];
  });
  afterEach(() => {
    core.close();
    cleanup();
  });

  it('hides the window first, then locks with the reason "hidden"', async () => {
    core = make();
    expect((await core.router.call('vault.create', { passphrase: PASSPHRASE })).ok).toBe(true);
    expect(await core.router.call('app.quickHide', undefined)).toEqual({ ok: true, value: null });
    expect(order).toEqual(['hidden', 'locked:hidden']);
    expect(core.vault.status().state).toBe('locked');
  });

  it('on the lock screen it only hides the window', async () => {
    core = make();
    await core.router.call('vault.create', { passphrase: PASSPHRASE });
    await core.router.call('vault.lock', undefined);
    order = [];
    expect((await core.router.call('app.quickHide', undefined)).ok).toBe(true);
    expect(order).toEqual(['hidden']);
  });

  it('the privacy settings have safe defaults and reach the desktop after unlock and after each change', async () => {
    core = make();
    await core.router.call('vault.create', { passphrase: PASSPHRASE });
    const defaults = { quickHideKey: 'mod+shift+h', quickHideGlobal: false, contentProtection: true, openAtLogin: false };
    expect(defaultSettings).toMatchObject(defaults);
    expect(applied).toEqual([defaults]);
    const result = await core.router.call('settings.update', { quickHideKey: 'ctrl+alt+h', quickHideGlobal: true, contentProtection: false });
    expect(result).toMatchObject({ ok: true, value: { quickHideKey: 'ctrl+alt+h', quickHideGlobal: true, contentProtection: false, openAtLogin: false } });
    expect(applied.at(-1)).toEqual({ quickHideKey: 'ctrl+alt+h', quickHideGlobal: true, contentProtection: false, openAtLogin: false });
    // Locked and unlocked again: the desktop hears the vault's settings once more.
    await core.router.call('vault.lock', undefined);
    await core.router.call('vault.unlock', { passphrase: PASSPHRASE });
    expect(applied.at(-1)).toMatchObject({ quickHideKey: 'ctrl+alt+h', contentProtection: false });
  });

  it('says what the desktop supports; the browser preview supports none of it and quick hide still locks', async () => {
    core = make();
    expect(await core.router.call('app.desktopSupport', undefined)).toEqual({ ok: true, value: { mac: true, contentProtection: true, openAtLogin: true, globalShortcut: true } });
    core.close();
    cleanup();
    core = make(false);
    expect(await core.router.call('app.desktopSupport', undefined)).toEqual({ ok: true, value: { mac: false, contentProtection: false, openAtLogin: false, globalShortcut: false } });
    await core.router.call('vault.create', { passphrase: PASSPHRASE });
    await core.router.call('app.quickHide', undefined);
    expect(order).toEqual(['locked:hidden']);
  });
});
