import { readFileSync, writeFileSync } from 'node:fs';
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

  let tmpDir: string;

  /** A core on a fresh folder, or on `dataDir` again (a restart). */
  function make(withPorts = true, dataDir?: string): Core {
    if (!dataDir) {
      const tmp = makeTempDir();
      cleanup = tmp.cleanup;
      tmpDir = tmp.dir;
    }
    return createCore({
      dataDir: dataDir ?? resolve(tmpDir, 'vault'),
      kdf: cheapKdf,
      resourcesDir: resolve(import.meta.dirname, '../../resources'),
      emit: (event, payload) => {
        if (event === 'vault.locked') order.push(`locked:${(payload as { reason: string }).reason}`);
      },
      ...(withPorts
        ? {
            hideWindow: () => void order.push('hidden'),
            applyDesktop: (settings: DesktopSettings) => void applied.push(settings),
            desktopSupport: () => ({ mac: true, contentProtection: true, openAtLogin: true, globalShortcut: true, tray: true }),
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
    const defaults = { quickHideKey: 'mod+shift+h', quickHideGlobal: false, contentProtection: true, openAtLogin: false, trayIcon: false };
    expect(defaultSettings).toMatchObject(defaults);
    expect(applied).toEqual([defaults]);
    const result = await core.router.call('settings.update', { quickHideKey: 'ctrl+alt+h', quickHideGlobal: true, contentProtection: false });
    expect(result).toMatchObject({ ok: true, value: { quickHideKey: 'ctrl+alt+h', quickHideGlobal: true, contentProtection: false, openAtLogin: false, trayIcon: false } });
    expect(applied.at(-1)).toEqual({ quickHideKey: 'ctrl+alt+h', quickHideGlobal: true, contentProtection: false, openAtLogin: false, trayIcon: false });
    // Locked and unlocked again: the desktop hears the vault's settings once more.
    await core.router.call('vault.lock', undefined);
    await core.router.call('vault.unlock', { passphrase: PASSPHRASE });
    expect(applied.at(-1)).toMatchObject({ quickHideKey: 'ctrl+alt+h', contentProtection: false });
  });

  it('after a restart, the window and the OS get the last privacy choices before any unlock (a copy beside the vault)', async () => {
    core = make();
    await core.router.call('vault.create', { passphrase: PASSPHRASE });
    await core.router.call('settings.update', { trayIcon: true, contentProtection: false, quickHideKey: 'ctrl+alt+h' });
    const dataDir = resolve(tmpDir, 'vault');
    const copy = readFileSync(resolve(dataDir, 'desktop.json'), 'utf8');
    // Only those few choices: nothing from the journal.
    expect(Object.keys(JSON.parse(copy)).sort()).toEqual(['contentProtection', 'openAtLogin', 'quickHideGlobal', 'quickHideKey', 'trayIcon']);
    core.close();
    applied = [];
    core = make(true, dataDir);
    expect(core.vault.status().state).toBe('locked');
    expect(applied).toEqual([{ quickHideKey: 'ctrl+alt+h', quickHideGlobal: false, contentProtection: false, openAtLogin: false, trayIcon: true }]);
    // The lock screen's own shortcut is the one chosen too.
    expect(await core.router.call('app.quickHideKey', undefined)).toEqual({ ok: true, value: 'ctrl+alt+h' });
    // A damaged copy is ignored: the safe defaults hold until the next unlock.
    core.close();
    writeFileSync(resolve(dataDir, 'desktop.json'), '{"trayIcon": "yes"');
    applied = [];
    core = make(true, dataDir);
    expect(applied).toEqual([]);
    expect(await core.router.call('app.quickHideKey', undefined)).toEqual({ ok: true, value: 'mod+shift+h' });
  });

  it('says what the desktop supports; the browser preview supports none of it and quick hide still locks', async () => {
    core = make();
    expect(await core.router.call('app.desktopSupport', undefined)).toEqual({ ok: true, value: { mac: true, contentProtection: true, openAtLogin: true, globalShortcut: true, tray: true } });
    core.close();
    cleanup();
    core = make(false);
    expect(await core.router.call('app.desktopSupport', undefined)).toEqual({ ok: true, value: { mac: false, contentProtection: false, openAtLogin: false, globalShortcut: false, tray: false } });
    await core.router.call('vault.create', { passphrase: PASSPHRASE });
    await core.router.call('app.quickHide', undefined);
    expect(order).toEqual(['locked:hidden']);
  });
});
