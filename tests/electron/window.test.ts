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
    // A voice note played from bytes the page holds: only a blob: of our own origin.
    ['blob:app://saltwater/5b1c2d3e-0f4a-4b6c-9d7e-8f9a0b1c2d3e', false],
    ['blob:https://example.com/5b1c2d3e-0f4a-4b6c-9d7e-8f9a0b1c2d3e', true],
    ['blob:app://saltwater.example.com/5b1c2d3e', true],
  ])('request to %s cancelled: %s', async (url, cancel) => {
    expect(await app.fake.session.webRequest.request(url)).toEqual({ cancel });
  });

  it('grants clipboard writing and the microphone (audio only) to our own page, and nothing else', async () => {
    const contents = app.win.webContents;
    const ask = (permission: string, url: string, extra?: Partial<Electron.MediaAccessPermissionRequest>) =>
      app.fake.session.requestPermission(contents, permission, url, extra);
    const page = 'app://saltwater/index.html';
    expect(await ask('clipboard-sanitized-write', page)).toBe(true);
    // Record in a voice note: getUserMedia({ audio: true }) asks for 'media' with the microphone alone.
    expect(await ask('media', page, { mediaTypes: ['audio'], securityOrigin: 'app://saltwater/' })).toBe(true);
    expect(await ask('media', page, { mediaTypes: ['audio'] })).toBe(true);
    // Never the camera, with or without the microphone, nor a request that names no device.
    expect(await ask('media', page, { mediaTypes: ['video'] })).toBe(false);
    expect(await ask('media', page, { mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(await ask('media', page, { mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(await ask('media', page, { mediaTypes: [] })).toBe(false);
    expect(await ask('media', page)).toBe(false);
    // Only our own page, from its top frame.
    expect(await ask('media', 'https://example.com/', { mediaTypes: ['audio'] })).toBe(false);
    expect(await ask('media', 'app://saltwater.example.com/', { mediaTypes: ['audio'] })).toBe(false);
    expect(await ask('media', page, { mediaTypes: ['audio'], securityOrigin: 'https://example.com/' })).toBe(false);
    expect(await ask('media', page, { mediaTypes: ['audio'], isMainFrame: false })).toBe(false);
    for (const permission of ['notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'display-capture', 'hid', 'serial', 'usb']) {
      expect(await ask(permission, page, { mediaTypes: ['audio'] }), permission).toBe(false);
    }
    expect(await ask('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(await ask('clipboard-sanitized-write', 'app://saltwater.example.com/')).toBe(false);
  });

  it('answers permission checks the same way', () => {
    const check = (permission: string, origin: string, extra?: Partial<Electron.PermissionCheckHandlerHandlerDetails>) =>
      app.fake.session.checkPermission(app.win.webContents, permission, origin, extra);
    expect(check('clipboard-sanitized-write', 'app://saltwater')).toBe(true);
    expect(check('media', 'app://saltwater', { mediaType: 'audio', securityOrigin: 'app://saltwater/' })).toBe(true);
    expect(check('media', 'app://saltwater', { mediaType: 'audio', isMainFrame: true })).toBe(true);
    expect(check('media', 'app://saltwater', { mediaType: 'audio', isMainFrame: false })).toBe(false);
    expect(check('media', 'app://saltwater', { mediaType: 'video' })).toBe(false);
    expect(check('media', 'app://saltwater', { mediaType: 'unknown' })).toBe(false);
    expect(check('media', 'app://saltwater')).toBe(false);
    expect(check('media', 'https://example.com', { mediaType: 'audio' })).toBe(false);
    expect(check('media', 'app://saltwater.example.com', { mediaType: 'audio' })).toBe(false);
    expect(check('media', 'app://saltwater', { mediaType: 'audio', securityOrigin: 'https://example.com/' })).toBe(false);
    expect(check('display-capture', 'app://saltwater', { mediaType: 'audio' })).toBe(false);
    expect(check('clipboard-sanitized-write', 'https://example.com')).toBe(false);
    expect(check('clipboard-sanitized-write', 'app://saltwater.example.com')).toBe(false);
  });
});
