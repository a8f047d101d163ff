import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Reminder } from '../../main/core/scheduler/scheduler.ts';
import { createFakeElectron, type FakeBrowserWindow, type FakeElectron } from './fake-electron.ts';

/** Each adapter in main/app/adapters against the fake, on its own. */
let dir: string;
let fake: FakeElectron;
let win: FakeBrowserWindow;

async function load<T>(path: string): Promise<T> {
  return (await import(path)) as T;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'saltwater-adapters-'));
  fake = createFakeElectron({ userData: dir, appPath: dir });
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  fake.app.becomeReady();
  win = new fake.module.BrowserWindow({ show: false });
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('reminder notifications', () => {
  const reminder = { title: 'Saltwater', body: 'Time for your practice', target: { scheduleId: 's1', occurrence: 1_700_000_000_000 } } as unknown as Reminder;
  type Notifier = typeof import('../../main/app/adapters/notifications.ts');
  type Ipc = typeof import('../../main/app/ipc.ts');

  it('shows only the words the scheduler chose, and a click brings the window forward and opens the practice', async () => {
    const { createReminderNotifier } = await load<Notifier>('../../main/app/adapters/notifications.ts');
    const { sendEvent } = await load<Ipc>('../../main/app/ipc.ts');
    win.minimize();
    const notify = createReminderNotifier(() => win as never, (event, payload) => sendEvent(win as never, event, payload));
    notify(reminder);
    const [shown] = fake.notifications;
    expect(shown).toMatchObject({ title: 'Saltwater', body: 'Time for your practice' });
    shown!.click();
    expect(win.isVisible() && win.isFocused() && !win.isMinimized()).toBe(true);
    // The page gets it whether or not the vault is open: a locked page keeps it until unlock
    // (tests/renderer/schedules.test.ts, "a clicked notification … opens the practice right after unlock").
    expect(win.webContents.sent).toEqual([{ channel: 'saltwater:event', args: ['reminder.open', reminder.target] }]);
  });

  it('a click after the window has gone does nothing', async () => {
    const { createReminderNotifier } = await load<Notifier>('../../main/app/adapters/notifications.ts');
    const emit = vi.fn();
    createReminderNotifier(() => null, emit)(reminder);
    expect(() => fake.notifications[0]!.click()).not.toThrow();
    expect(emit).toHaveBeenCalledWith('reminder.open', reminder.target);
  });

  it('shows nothing where the OS has no notifications', async () => {
    fake = createFakeElectron({ userData: dir, appPath: dir, supportsNotifications: false });
    vi.resetModules();
    vi.doMock('electron', () => fake.module);
    const { createReminderNotifier } = await load<Notifier>('../../main/app/adapters/notifications.ts');
    createReminderNotifier(() => null, vi.fn())(reminder);
    expect(fake.notifications).toEqual([]);
  });
});

describe('session mode', () => {
  it('does nothing to a window that has gone, but still lets the display sleep again', async () => {
    const { createSessionMode } = await load<typeof import('../../main/app/adapters/session-mode.ts')>('../../main/app/adapters/session-mode.ts');
    const mode = createSessionMode();
    mode.set(win as never, true);
    win.close();
    mode.set(null, false);
    expect(fake.powerSaveBlocker.active.size).toBe(0);
  });
});

describe('hand-off to the OS', () => {
  type HandOff = typeof import('../../main/app/adapters/hand-off.ts');

  it.each(['mailto:a@example.com', 'sms:+4712345678', 'tel:116123', 'https://example.com/', 'http://example.com/'])('opens %s', async (uri) => {
    const { openInOs } = await load<HandOff>('../../main/app/adapters/hand-off.ts');
    await openInOs(uri);
    expect(fake.opened).toEqual([uri]);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-msdt:/id', 'app://saltwater/index.html'])('refuses %s', async (uri) => {
    const { openInOs } = await load<HandOff>('../../main/app/adapters/hand-off.ts');
    await expect(openInOs(uri)).rejects.toThrow(/refused/);
    expect(fake.opened).toEqual([]);
  });

  it('copies text to the system clipboard', async () => {
    const { systemClipboard } = await load<HandOff>('../../main/app/adapters/hand-off.ts');
    await systemClipboard.writeText('ABCD-1234');
    expect(fake.copied).toEqual(['ABCD-1234']);
  });
});

describe('clock watch', () => {
  it('re-plans on resume and on unlocking the screen, and when the wall clock jumps', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date', 'performance'] });
    const { watchClock } = await load<typeof import('../../main/app/adapters/clock-watch.ts')>('../../main/app/adapters/clock-watch.ts');
    const onChange = vi.fn();
    const stop = watchClock(onChange);
    fake.powerMonitor.emit('resume');
    fake.powerMonitor.emit('unlock-screen');
    expect(onChange).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(60_000); // time passes evenly: no change
    expect(onChange).toHaveBeenCalledTimes(2);
    vi.setSystemTime(Date.now() + 3_600_000); // the clock is set an hour ahead
    vi.advanceTimersByTime(60_000);
    expect(onChange).toHaveBeenCalledTimes(3);
    stop();
  });
});

describe('file dialogs', () => {
  it('gives the chosen path, or null when cancelled', async () => {
    const { createDialogs } = await load<typeof import('../../main/app/adapters/dialogs.ts')>('../../main/app/adapters/dialogs.ts');
    const dialogs = createDialogs(() => win as never);
    fake.dialogAnswers.push('/home/me/backups', null);
    expect(await dialogs.chooseFolder()).toBe('/home/me/backups');
    expect(await dialogs.chooseFolder()).toBeNull();
  });
});

describe('privacy on this computer', () => {
  type Privacy = typeof import('../../main/app/adapters/privacy.ts');
  const settings = { quickHideKey: 'mod+shift+h', quickHideGlobal: false, contentProtection: true, openAtLogin: false, trayIcon: false } as const;

  it('hides the app on macOS, minimises the window elsewhere', async () => {
    const { hideWindow } = await load<Privacy>('../../main/app/adapters/privacy.ts');
    win.show();
    hideWindow(win as never, 'darwin');
    expect(fake.app.hiddenCount).toBe(1);
    expect(win.isVisible()).toBe(false);
    win.show();
    for (const platform of ['win32', 'linux'] as const) {
      hideWindow(win as never, platform);
      expect(win.isMinimized()).toBe(true);
      win.restore();
    }
    win.close();
    expect(() => hideWindow(win as never, 'linux')).not.toThrow();
  });

  it('registers the global shortcut only when asked, changes it, and gives it back at quit', async () => {
    const { createDesktopPrivacy } = await load<Privacy>('../../main/app/adapters/privacy.ts');
    const onQuickHide = vi.fn();
    const privacy = createDesktopPrivacy({ window: () => win as never, inSession: () => false, onQuickHide, platform: 'linux' });
    privacy.apply(settings);
    expect(fake.globalShortcut.registered.size).toBe(0);
    privacy.apply({ ...settings, quickHideGlobal: true });
    expect([...fake.globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Shift+H']);
    fake.globalShortcut.press('CommandOrControl+Shift+H');
    expect(onQuickHide).toHaveBeenCalledTimes(1);
    privacy.apply({ ...settings, quickHideGlobal: true, quickHideKey: 'ctrl+alt+h' });
    expect([...fake.globalShortcut.registered.keys()]).toEqual(['Control+Alt+H']);
    privacy.apply({ ...settings, quickHideGlobal: true, quickHideKey: 'off' });
    expect(fake.globalShortcut.registered.size).toBe(0);
    privacy.apply({ ...settings, quickHideGlobal: true, quickHideKey: 'mod+shift+space' });
    privacy.dispose();
    expect(fake.globalShortcut.registered.size).toBe(0);
  });

  it('carries on without the global shortcut when another app holds the keys', async () => {
    const { createDesktopPrivacy } = await load<Privacy>('../../main/app/adapters/privacy.ts');
    fake.globalShortcut.heldElsewhere.add('CommandOrControl+Shift+H');
    const privacy = createDesktopPrivacy({ window: () => win as never, inSession: () => false, onQuickHide: vi.fn() });
    expect(() => privacy.apply({ ...settings, quickHideGlobal: true })).not.toThrow();
    expect(privacy.registered()).toBeNull();
  });

  it('content protection is on when the setting is on or a session runs', async () => {
    const { createDesktopPrivacy } = await load<Privacy>('../../main/app/adapters/privacy.ts');
    let inSession = false;
    const privacy = createDesktopPrivacy({ window: () => win as never, inSession: () => inSession, onQuickHide: vi.fn() });
    privacy.applyProtection();
    expect(win.isContentProtected()).toBe(true); // the default, before any unlock
    privacy.apply({ ...settings, contentProtection: false });
    expect(win.isContentProtected()).toBe(false);
    inSession = true;
    privacy.apply({ ...settings, contentProtection: false });
    expect(win.isContentProtected()).toBe(true);
  });

  it('sets the login item on Windows and macOS only, and only when it changes', async () => {
    const { createDesktopPrivacy, desktopSupport } = await load<Privacy>('../../main/app/adapters/privacy.ts');
    const linux = createDesktopPrivacy({ window: () => win as never, inSession: () => false, onQuickHide: vi.fn(), platform: 'linux' });
    linux.apply({ ...settings, openAtLogin: true });
    expect(fake.app.loginItemCalls).toEqual([]);
    const windows = createDesktopPrivacy({ window: () => win as never, inSession: () => false, onQuickHide: vi.fn(), platform: 'win32' });
    windows.apply(settings);
    windows.apply({ ...settings, openAtLogin: true });
    windows.apply({ ...settings, openAtLogin: true });
    windows.apply(settings);
    expect(fake.app.loginItemCalls).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
    expect(desktopSupport('linux')).toEqual({ mac: false, contentProtection: false, openAtLogin: false, globalShortcut: true, tray: true });
    expect(desktopSupport('darwin')).toEqual({ mac: true, contentProtection: true, openAtLogin: true, globalShortcut: true, tray: true });
  });
});
