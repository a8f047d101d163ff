import { app, BrowserWindow, Menu, session, type WebContents } from 'electron';
import { mayCheck, mayRequest } from './permissions.ts';
import { APP_ORIGIN } from './protocol.ts';

/** A BrowserWindow locked down from day one: no Node, sandboxed, isolated, no navigation. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  // The default menu brings Reload and developer tools; Saltwater needs neither (macOS keeps
  // a minimal menu so Quit, copy and paste work as people expect there).
  Menu.setApplicationMenu(process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]) : null);
  const win = new BrowserWindow({
    width: 1100,
    height: 780,
    minWidth: 560,
    minHeight: 480,
    show: false,
    backgroundColor: '#14171f',
    title: 'Saltwater',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  guardContents(win.webContents);
  // Entry text must never reach the window title (task switchers, screen readers announce it).
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** Brings the window forward (restored, shown, focused), if it is still there. */
export function showWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Session-wide rules: no permissions but two (permissions.ts), and no network except our own files. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) => callback(mayRequest(permission, details, contents.getURL())));
  ses.setPermissionCheckHandler((_contents, permission, origin, details) => mayCheck(permission, origin, details));
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      details.url.startsWith(`${APP_ORIGIN}/`) ||
      // A voice note being played: bytes the page itself holds (a blob: URL of our own origin), never a file or the network.
      details.url.startsWith(`blob:${APP_ORIGIN}/`) ||
      details.url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });
}
