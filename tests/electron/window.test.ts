import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootApp, type Booted } from './boot.ts';

/** main/app/window.ts through bootstrap(): the window, its page and the session are locked down. */
describe('the main window', () => {
  let app: Booted;
  beforeEach(async () => {
    app = await bootApp();
  });
  afterEach(() => app.dispose());

  it('loads app://saltwater/index.html, sandboxed, isolated, without Node, and shows when painted', () => {
    expect(app.win.loadedUrl).toBe('app://saltwater/index.html');
    expect(app.win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(app.win.options.webPreferences?.preload).toMatch(/preload[/\\]index\.cjs$/);
    expect(app.win.isVisible()).toBe(false);
    app.win.finishFirstPaint();
    expect(app.win.isVisible()).toBe(true);
  });

  it('never takes its title from the page (entry text must not reach task switchers)', () => {
    app.win.pageSetsTitle('Dear diary, today I cried');
    expect(app.win.getTitle()).toBe('Saltwater');
  });

  it('stays on our own page: navigation elsewhere, redirects, webviews and new windows are refused', () => {
    const contents = app.win.webContents;
    expect(contents.navigate('https://example.com/')).toBe(false);
    expect(contents.navigate('app://saltwater.example.com/index.html')).toBe(false);
    expect(contents.navigate('file:///etc/passwd')).toBe(false);
    expect(contents.redirect('app://saltwater/index.html')).toBe(false);
    expect(contents.attachWebview('app://saltwater/index.html')).toBe(false);
    expect(contents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(contents.openWindow('app://saltwater/index.html')).toEqual({ action: 'deny' });
    expect(app.fake.windows()).toHaveLength(1);
    // Moving within our own page is fine.
    expect(contents.navigate('app://saltwater/index.html#journal')).toBe(true);
  });

  it('sets no application menu (no Reload, no developer tools) outside macOS', () => {
    expect(app.fake.menus.current).toBeNull();
  });

  it('brings the window forward when Saltwater is opened again', () => {
    app.win.minimize();
    app.fake.app.startSecondInstance(['saltwater']);
    expect(app.win.isMinimized()).toBe(false);
    expect(app.win.isVisible()).toBe(true);
    expect(app.win.isFocused()).toBe(true);
  });
});

describe('the session', () => {
  let app: Booted;
  beforeEach(async () => {
    app = await bootApp();
  });
  afterEach(() => app.dispose());

  it.each([
    ['https://example.com/track.js', true],
    ['http://127.0.0.1:8080/', true],
    ['file:///etc/passwd', true],
    ['ws://localhost:1234/', true],
    ['app://saltwater.example.com/index.html', true],
    ['app://other/index.html', true],
    ['app://saltwater/index.html', false],
    ['app://saltwater/assets/index-abc.js', false],
  ])('request to %s cancelled: %s', async (url, cancel) => {
    expect(await app.fake.session.webRequest.request(url)).toEqual({ cancel });
  });

  it('grants only clipboard writing, and only to our own page', async () => {
    const contents = app.win.webContents;
    const ask = (permission: string, url: string) => app.fake.session.requestPermission(contents, permission, url);
    expect(await ask('clipboard-sanitized-write', 'app://saltwater/index.html')).toBe(true);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'display-capture', 'hid', 'serial', 'usb']) {
      expect(await ask(permission, 'app://saltwater/index.html'), permission).toBe(false);
    }
    expect(await ask('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(await ask('clipboard-sanitized-write', 'app://saltwater.example.com/')).toBe(false);
  });

  it('answers permission checks the same way', () => {
    const check = (permission: string, origin: string) => app.fake.session.checkPermission(app.win.webContents, permission, origin);
    expect(check('clipboard-sanitized-write', 'app://saltwater')).toBe(true);
    expect(check('media', 'app://saltwater')).toBe(false);
    expect(check('clipboard-sanitized-write', 'https://example.com')).toBe(false);
    expect(check('clipboard-sanitized-write', 'app://saltwater.example.com')).toBe(false);
  });
});
