import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootApp, PASSPHRASE, type Booted } from './boot.ts';
import { createFakeElectron, type FakeElectron, type FakeNativeImage, type FakeTray } from './fake-electron.ts';

/** The tray / menu-bar icon: main/app/adapters/tray.ts on its own, then wired by bootstrap() to the real core. */
const trayIcons = resolve(import.meta.dirname, '../../resources/icons/tray');
const MENU = ['Open Saltwater', 'Quick note…', 'Lock', '---', 'Quit Saltwater'];
type TrayModule = typeof import('../../main/app/adapters/tray.ts');
const TRAY_LOCK_GRACE_MS = 1000; // main/app/bootstrap.ts (imported there only after the fake Electron is in place)

describe('the tray adapter', () => {
  let dir: string;
  let fake: FakeElectron;
  let handlers: { onOpen: () => void; onQuickNote: () => void; onLock: () => void; onQuit: () => void };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'saltwater-tray-'));
    fake = createFakeElectron({ userData: dir, appPath: dir });
    vi.resetModules();
    vi.doMock('electron', () => fake.module);
    fake.app.becomeReady();
    handlers = { onOpen: vi.fn(), onQuickNote: vi.fn(), onLock: vi.fn(), onQuit: vi.fn() };
  });
  afterEach(() => {
    vi.doUnmock('electron');
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  async function make(platform: NodeJS.Platform, iconDir = trayIcons) {
    const { createTray } = (await import('../../main/app/adapters/tray.ts')) as TrayModule;
    return createTray({ iconDir, platform, ...handlers });
  }
  const image = (tray: FakeTray) => tray.image as FakeNativeImage;

  it.each(['darwin', 'win32', 'linux'] as const)('on %s: one icon with the four choices, the tooltip "Saltwater" only', async (platform) => {
    const tray = await make(platform);
    expect(fake.trays).toEqual([]); // nothing until asked
    tray.apply(true);
    const [shown] = fake.liveTrays();
    expect(fake.liveTrays()).toHaveLength(1);
    expect(shown!.toolTip).toBe('Saltwater');
    expect(shown!.contextMenu?.labels()).toEqual(MENU);
    expect(image(shown!).isEmpty()).toBe(false); // the checked-in file is found and is an image
  });

  it('each choice does what it says', async () => {
    (await make('linux')).apply(true);
    const [shown] = fake.liveTrays();
    shown!.choose('Open Saltwater');
    expect(handlers.onOpen).toHaveBeenCalledTimes(1);
    shown!.choose('Quick note…');
    expect(handlers.onQuickNote).toHaveBeenCalledTimes(1);
    shown!.choose('Lock');
    expect(handlers.onLock).toHaveBeenCalledTimes(1);
    shown!.choose('Quit Saltwater');
    expect(handlers.onQuit).toHaveBeenCalledTimes(1);
    expect(handlers.onOpen).toHaveBeenCalledTimes(1);
  });

  it('macOS: a 16 px template image (with its @2x beside it), recoloured by macOS for the menu bar', async () => {
    (await make('darwin')).apply(true);
    const shown = image(fake.liveTrays()[0]!);
    expect(shown.path).toBe(join(trayIcons, 'trayTemplate.png'));
    expect(shown.isTemplateImage()).toBe(true);
    expect(shown.getSize()).toEqual({ width: 16, height: 16 });
  });

  it('Windows: an ICO, not a template, and a click on the icon opens Saltwater (the menu is on right-click)', async () => {
    (await make('win32')).apply(true);
    const [shown] = fake.liveTrays();
    expect(image(shown!).path).toBe(join(trayIcons, 'tray.ico'));
    expect(image(shown!).isTemplateImage()).toBe(false);
    shown!.click();
    expect(handlers.onOpen).toHaveBeenCalledTimes(1);
  });

  it('Linux: a 22 px PNG and the menu only; a click (which many Linux trays never send) does nothing of its own', async () => {
    (await make('linux')).apply(true);
    const [shown] = fake.liveTrays();
    expect(image(shown!).path).toBe(join(trayIcons, 'tray.png'));
    expect(image(shown!).getSize()).toEqual({ width: 22, height: 22 });
    expect(shown!.listenerCount('click')).toBe(0);
    shown!.click();
    expect(handlers.onOpen).not.toHaveBeenCalled();
  });

  it('macOS: the menu opens on click, so no click handler of its own', async () => {
    (await make('darwin')).apply(true);
    expect(fake.liveTrays()[0]!.listenerCount('click')).toBe(0);
  });

  it('applying "on" again keeps the one icon; "off" removes it; on again makes a fresh one', async () => {
    const tray = await make('linux');
    tray.apply(true);
    tray.apply(true);
    expect(fake.trays).toHaveLength(1);
    tray.apply(false);
    expect(fake.trays[0]!.isDestroyed()).toBe(true);
    expect(fake.liveTrays()).toEqual([]);
    tray.apply(false); // off twice is fine
    tray.apply(true);
    expect(fake.trays).toHaveLength(2);
    expect(fake.liveTrays()).toEqual([fake.trays[1]]);
  });

  it('dispose removes the icon, and is safe with none', async () => {
    const tray = await make('win32');
    expect(() => tray.dispose()).not.toThrow();
    tray.apply(true);
    tray.dispose();
    expect(fake.liveTrays()).toEqual([]);
    expect(fake.trays).toHaveLength(1);
  });

  it('shows no icon at all when its image is missing (rather than an invisible one)', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const tray = await make('linux', join(dir, 'nowhere'));
    expect(() => tray.apply(true)).not.toThrow();
    expect(fake.trays).toEqual([]);
    expect(error).toHaveBeenCalledTimes(1);
  });
});

describe('bootstrap wiring', () => {
  let app: Booted;
  beforeEach(async () => {
    app = await bootApp();
  });
  afterEach(() => app.dispose());

  const events = () => app.win.webContents.sent.filter((m) => m.channel === 'saltwater:event').map((m) => m.args);
  const state = async () => ((await app.call('vault.status')) as { value: { state: string } }).value.state;
  async function openWithTray(): Promise<FakeTray> {
    expect(await app.call('vault.create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await app.call('settings.update', { trayIcon: true })).toMatchObject({ ok: true, value: { trayIcon: true } });
    expect(app.fake.liveTrays()).toHaveLength(1);
    return app.fake.liveTrays()[0]!;
  }

  it('is off by default: no icon at start, nor after the first unlock', async () => {
    expect(app.fake.trays).toEqual([]);
    expect(await app.call('vault.create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await app.call('settings.get')).toMatchObject({ ok: true, value: { trayIcon: false } });
    expect(app.fake.trays).toEqual([]);
  });

  it('the setting turns the icon on (once, with the four choices) and off again', async () => {
    const tray = await openWithTray();
    expect(tray.contextMenu?.labels()).toEqual(MENU);
    expect(tray.toolTip).toBe('Saltwater');
    await app.call('settings.update', { contentProtection: false }); // another change: still the one icon
    expect(app.fake.trays).toHaveLength(1);
    await app.call('settings.update', { trayIcon: false });
    expect(tray.isDestroyed()).toBe(true);
    expect(app.fake.liveTrays()).toEqual([]);
  });

  it('the icon stays while locked (main keeps the last settings), as the global shortcut does', async () => {
    const tray = await openWithTray();
    await app.call('vault.lock');
    expect(tray.isDestroyed()).toBe(false);
  });

  it('Open brings the window forward', async () => {
    const tray = await openWithTray();
    app.win.minimize();
    tray.choose('Open Saltwater');
    expect(app.win.isVisible() && app.win.isFocused() && !app.win.isMinimized()).toBe(true);
  });

  it('Quick note brings the window forward and tells the page to show the quick-note form', async () => {
    const tray = await openWithTray();
    app.win.minimize();
    tray.choose('Quick note…');
    expect(app.win.isFocused() && !app.win.isMinimized()).toBe(true);
    expect(events()).toContainEqual(['app.quickNote', {}]);
  });

  it('Lock asks the page to save and lock, as the Lock button does', async () => {
    const tray = await openWithTray();
    tray.choose('Lock');
    expect(events()).toContainEqual(['app.lockRequested', {}]);
    // The page saves and locks through the contract.
    expect(await app.call('vault.lock')).toMatchObject({ ok: true });
    expect(await state()).toBe('locked');
  });

  it('Lock locks from main after a moment when the page does not answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const tray = await openWithTray();
      tray.choose('Lock');
      expect(await state()).toBe('unlocked'); // the page's moment to save
      vi.advanceTimersByTime(TRAY_LOCK_GRACE_MS);
      expect(await state()).toBe('locked');
      expect(events()).toContainEqual(['vault.locked', { reason: 'manual' }]);
      expect(() => tray.choose('Lock')).not.toThrow(); // locked already: nothing happens
      vi.advanceTimersByTime(TRAY_LOCK_GRACE_MS);
    } finally {
      vi.useRealTimers();
    }
  });

  it('Quit quits the app (the page may save first), and the icon goes at quit', async () => {
    const tray = await openWithTray();
    const quit = vi.spyOn(app.fake.app, 'quit');
    tray.choose('Quit Saltwater');
    expect(quit).toHaveBeenCalledTimes(1);
    expect(events()).toContainEqual(['app.closing', {}]); // the window's save-first handshake
    expect(tray.isDestroyed()).toBe(false);
    expect(await app.call('app.readyToClose')).toEqual({ ok: true, value: null });
    expect(app.fake.quitDone()).toBe(true);
    expect(tray.isDestroyed()).toBe(true);
  });
});

describe('after a restart', () => {
  it('the icon is there from the start, before any unlock (the privacy choices are copied beside the vault)', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'saltwater-restart-'));
    try {
      const first = await bootApp({ userData });
      expect(await first.call('vault.create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
      await first.call('settings.update', { trayIcon: true, contentProtection: false });
      first.dispose();

      const again = await bootApp({ userData });
      try {
        expect(((await again.call('vault.status')) as { value: { state: string } }).value.state).toBe('locked');
        expect(again.fake.liveTrays()).toHaveLength(1);
        // The window follows the last choice too: out of captures was turned off.
        expect(again.win.isContentProtected()).toBe(false);
      } finally {
        again.dispose();
      }
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
