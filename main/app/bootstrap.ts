import { join } from 'node:path';
import { app, powerMonitor, systemPreferences, type BrowserWindow } from 'electron';
import type { EventName, EventPayload } from '../../preload/contract/index.ts';
import { createCore } from '../core/services.ts';
import { registerIpc, sendEvent } from './ipc.ts';
import { nativeBindingForElectron } from './native-binding.ts';
import { serveRenderer } from './protocol.ts';
import { createMainWindow, hardenSession, showWindow } from './window.ts';
import { createSessionMode } from './adapters/session-mode.ts';
import { createReminderNotifier } from './adapters/notifications.ts';
import { watchClock } from './adapters/clock-watch.ts';
import { holdCloseForSave } from './adapters/close-handshake.ts';
import { openInOs, systemClipboard } from './adapters/hand-off.ts';
import { createDialogs } from './adapters/dialogs.ts';
import { createPagePrinter } from './adapters/printing.ts';
import { createDesktopPrivacy, desktopSupport, hideWindow } from './adapters/privacy.ts';
import { createKeyProtector } from './adapters/keychain.ts';
import { createTray } from './adapters/tray.ts';

/** How long the tray's Lock waits for the page to save and lock before main locks by itself. */
export const TRAY_LOCK_GRACE_MS = 1000;

/** Composition root for Electron: ports → services → router → window. */
export function bootstrap(): void {
  let win: BrowserWindow | null = null;
  let closing: { readyToClose: () => void } | null = null;
  const privacy = createDesktopPrivacy({
    window: () => win,
    inSession: () => sessionMode.active(),
    onQuickHide: () => core.quickHide(),
  });
  const sessionMode = createSessionMode({ alwaysProtected: () => privacy.protect() });
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => sendEvent(win, event, payload);
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
  // Off unless the person turns it on (setting trayIcon); from the next start on it shows before any unlock (core's desktop.json).
  const tray = createTray({
    iconDir: join(resourcesDir, 'icons/tray'),
    onOpen: () => showWindow(win),
    onQuickNote: () => {
      showWindow(win);
      emit('app.quickNote', {});
    },
    // As the Lock button does: the page saves what is being written and locks; main locks anyway
    // after a moment, in case the page can't (it is then locked without that last save).
    onLock: () => {
      emit('app.lockRequested', {});
      setTimeout(() => core.lockNow(), TRAY_LOCK_GRACE_MS);
    },
    onQuit: () => app.quit(),
  });
  const core = createCore({
    dataDir: join(app.getPath('userData'), 'vault'),
    nativeBinding: nativeBindingForElectron(),
    emit,
    resourcesDir,
    sessionMode: (active) => sessionMode.set(win, active),
    notify: (reminder) => notify(reminder),
    readyToClose: () => closing?.readyToClose(),
    // Webhook signals use the core's Node adapter: it is main's only network path, sends
    // no cookies, follows no redirects and never touches the renderer's session.
    openExternal: openInOs,
    clipboard: systemClipboard,
    // The OS region setting, not the UI language: English on a Norwegian computer still means Norway.
    region: () => app.getLocaleCountryCode() || null,
    // Regional formats, not the UI language: dates on an English UI set to UK formats read "3 December".
    formats: () => ({ locale: app.getSystemLocale() || null, hourCycle: macHourCycle() }),
    dialogs: createDialogs(() => win),
    // The therapy summary: main prints its own window; the page's print styles show only the summary.
    printer: createPagePrinter(() => win),
    hideWindow: () => hideWindow(win),
    applyDesktop: (settings) => {
      privacy.apply(settings);
      tray.apply(settings.trayIcon);
    },
    desktopSupport: () => desktopSupport(),
    // Optional, off until the person turns it on; refused where the keychain would be plain text.
    keyProtector: createKeyProtector(),
  });
  const notify = createReminderNotifier(() => win, emit);
  watchClock(() => core.recomputeSchedule());

  hardenSession();
  serveRenderer(join(import.meta.dirname, '../renderer'), () => core.vault.status().state === 'locked');
  registerIpc(core.router, () => win);

  // Lock whenever the person may be away from the screen.
  powerMonitor.on('suspend', () => core.lockForSystem());
  powerMonitor.on('lock-screen', () => core.lockForSystem());

  win = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'));
  win.on('closed', () => (win = null));
  // Out of screenshots and screen sharing from the first frame (the lock screen too), unless turned off.
  privacy.applyProtection();
  closing = holdCloseForSave(win, () => emit('app.closing', {}));
  // A session belongs to the page that started it: if the page reloads or crashes, end it
  // (full screen, keeping awake and the paused idle lock all go with it).
  win.webContents.on('render-process-gone', () => core.endSessionMode());
  win.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) core.endSessionMode();
  });

  // Opening Saltwater again brings the running window forward.
  app.on('second-instance', () => showWindow(win));

  app.on('window-all-closed', () => app.quit());
  // The vault closes last, after the window has had its chance to save (see holdCloseForSave).
  app.on('will-quit', () => {
    privacy.dispose();
    tray.dispose();
    core.close();
  });
}

/** macOS keeps the 24-hour choice apart from the region; elsewhere the region's own habit holds. */
function macHourCycle(): 'h12' | 'h23' | null {
  if (process.platform !== 'darwin') return null;
  if (systemPreferences.getUserDefault('AppleICUForce24HourTime', 'boolean')) return 'h23';
  if (systemPreferences.getUserDefault('AppleICUForce12HourTime', 'boolean')) return 'h12';
  return null;
}
