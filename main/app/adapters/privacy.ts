import { app, globalShortcut, type BrowserWindow } from 'electron';
import type { DesktopSettings, DesktopSupport, QuickHideKey } from '../../../preload/contract/index.ts';
import { defaultSettings } from '../../../preload/contract/index.ts';

type Platform = NodeJS.Platform;

/** Electron accelerators for the quick-hide choices ("mod": Cmd on macOS, Ctrl elsewhere). */
export const accelerators: Record<Exclude<QuickHideKey, 'off'>, string> = {
  'mod+shift+h': 'CommandOrControl+Shift+H',
  'mod+shift+space': 'CommandOrControl+Shift+Space',
  'ctrl+alt+h': 'Control+Alt+H',
};

/** What this platform supports: content protection and login items are Windows and macOS only in Electron. */
export function desktopSupport(platform: Platform = process.platform): DesktopSupport {
  const winOrMac = platform === 'win32' || platform === 'darwin';
  return { mac: platform === 'darwin', contentProtection: winOrMac, openAtLogin: winOrMac, globalShortcut: true, tray: true };
}

/**
 * Quick hide: out of sight at once. macOS hides the app as Cmd+H does (the Dock icon brings it
 * back); Windows and Linux minimise it, so it stays in the taskbar to come back to (a hidden window
 * there would have no way back short of starting Saltwater again).
 */
export function hideWindow(win: BrowserWindow | null, platform: Platform = process.platform): void {
  if (platform === 'darwin') {
    app.hide();
    return;
  }
  if (win && !win.isDestroyed()) win.minimize();
}

/**
 * The window's and the OS's side of "Privacy on this computer": content protection (on when the
 * setting is on or a session runs), the global quick-hide shortcut, and launch at login. Until the
 * vault is first unlocked, the defaults hold: protected, no global shortcut, login item untouched.
 */
export function createDesktopPrivacy(options: {
  window: () => BrowserWindow | null;
  /** True while a session runs (session mode protects the window as well). */
  inSession: () => boolean;
  /** The global shortcut was pressed. */
  onQuickHide: () => void;
  platform?: Platform;
}) {
  const platform = options.platform ?? process.platform;
  const support = desktopSupport(platform);
  let current: DesktopSettings = {
    quickHideKey: defaultSettings.quickHideKey,
    quickHideGlobal: defaultSettings.quickHideGlobal,
    contentProtection: defaultSettings.contentProtection,
    openAtLogin: defaultSettings.openAtLogin,
    trayIcon: defaultSettings.trayIcon,
  };
  let registered: string | null = null;

  const protect = () => current.contentProtection || options.inSession();

  function applyProtection(): void {
    const win = options.window();
    if (win && !win.isDestroyed()) win.setContentProtection(protect());
  }

  function applyShortcut(): void {
    const wanted = current.quickHideGlobal && current.quickHideKey !== 'off' ? accelerators[current.quickHideKey] : null;
    if (wanted === registered) return;
    if (registered !== null) globalShortcut.unregister(registered);
    registered = null;
    // register() is false when another app holds the combination: then only the in-app shortcut works.
    if (wanted !== null && globalShortcut.register(wanted, options.onQuickHide)) registered = wanted;
  }

  function applyLoginItem(): void {
    if (!support.openAtLogin) return;
    if (app.getLoginItemSettings().openAtLogin !== current.openAtLogin) app.setLoginItemSettings({ openAtLogin: current.openAtLogin });
  }

  return {
    /** Whether the window is to be kept out of captures now (session mode asks too). */
    protect,
    /** The vault's settings, after an unlock or a change. */
    apply(settings: DesktopSettings): void {
      current = { ...settings };
      applyProtection();
      applyShortcut();
      applyLoginItem();
    },
    /** A new window: protected as the settings say. */
    applyProtection,
    /** The global shortcut that is registered now, if any. */
    registered: () => registered,
    /** At quit: the OS gets its shortcut back. */
    dispose(): void {
      if (registered !== null) globalShortcut.unregister(registered);
      registered = null;
    },
  };
}
