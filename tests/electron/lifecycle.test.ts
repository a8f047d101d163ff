import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootApp, PASSPHRASE, type Booted } from './boot.ts';

/** bootstrap()'s wiring of the OS's events: sleep and screen lock, closing, quitting, sessions. */
describe('with an open vault', () => {
  let app: Booted;
  beforeEach(async () => {
    app = await bootApp();
    expect(await app.call('vault.create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await app.call('vault.status')).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });
  afterEach(() => {
    vi.useRealTimers();
    app.dispose();
  });

  const state = async () => ((await app.call('vault.status')) as { value: { state: string } }).value.state;
  const events = () => app.win.webContents.sent.filter((m) => m.channel === 'saltwater:event').map((m) => m.args[0]);

  it.each(['suspend', 'lock-screen'])('locks the vault on %s, and tells the page', async (osEvent) => {
    app.fake.powerMonitor.emit(osEvent);
    expect(await state()).toBe('locked');
    expect(app.win.webContents.sent).toContainEqual({ channel: 'saltwater:event', args: ['vault.locked', { reason: 'system' }] });
  });

  it('does not lock on resume or unlock-screen (those only re-plan reminders)', async () => {
    app.fake.powerMonitor.emit('resume');
    app.fake.powerMonitor.emit('unlock-screen');
    expect(await state()).toBe('unlocked');
  });

  it('closing the window asks the page to save first, and quits once it has', async () => {
    app.win.close();
    expect(app.win.isDestroyed()).toBe(false);
    expect(events()).toContain('app.closing');
    expect(app.fake.quitDone()).toBe(false);
    expect(await state()).toBe('unlocked'); // the page can still save

    // The page saves what was pending, then says so.
    expect(await app.call('app.readyToClose')).toEqual({ ok: true, value: null });
    expect(app.win.isDestroyed()).toBe(true);
    expect(app.fake.quitDone()).toBe(true);
    expect(app.fake.app.listenerCount('will-quit')).toBe(1);
  });

  it('still closes and quits when the page never answers', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    app.win.close();
    vi.advanceTimersByTime(1_400);
    expect(app.win.isDestroyed()).toBe(false);
    vi.advanceTimersByTime(200);
    expect(app.win.isDestroyed()).toBe(true);
    expect(app.fake.quitDone()).toBe(true);
  });

  it('quits (and closes the vault, on will-quit) only after the window has gone', () => {
    const order: string[] = [];
    app.win.on('closed', () => order.push('window closed'));
    app.fake.app.on('will-quit', () => order.push(`will-quit with ${app.fake.windows().length} windows`));
    app.win.close();
    app.win.close(); // a second click while the page saves changes nothing
    void app.call('app.readyToClose');
    expect(order).toEqual(['window closed', 'will-quit with 0 windows']);
  });

  it('a crashed page does not hold the window open', () => {
    app.win.webContents.crashed = true;
    app.win.close();
    expect(app.win.isDestroyed()).toBe(true);
  });

  it('session mode turns full screen, keep-awake and content protection on and off together', async () => {
    const blockers = () => [...app.fake.powerSaveBlocker.active.values()];
    // Content protection for the whole app is on by default; here it is off, so the session's own shows.
    await app.call('settings.update', { contentProtection: false });
    expect(app.win.isContentProtected()).toBe(false);
    expect(await app.call('app.sessionMode', { active: true })).toEqual({ ok: true, value: null });
    expect(app.win.isFullScreen()).toBe(true);
    expect(app.win.isContentProtected()).toBe(true);
    expect(blockers()).toEqual(['prevent-display-sleep']);

    await app.call('app.sessionMode', { active: true }); // twice is still one blocker
    expect(blockers()).toHaveLength(1);

    await app.call('app.sessionMode', { active: false });
    expect(app.win.isFullScreen()).toBe(false);
    expect(app.win.isContentProtected()).toBe(false);
    expect(blockers()).toEqual([]);
  });

  it.each([
    ['the page crashes', (a: Booted) => a.win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })],
    ['the page reloads', (a: Booted) => a.win.webContents.emit('did-start-navigation', { url: 'app://saltwater/index.html', isMainFrame: true, isSameDocument: false })],
    ['the system sleeps', (a: Booted) => a.fake.powerMonitor.emit('suspend')],
  ])('session mode ends when %s', async (_what, happen) => {
    await app.call('settings.update', { contentProtection: false });
    await app.call('app.sessionMode', { active: true });
    happen(app);
    expect(app.win.isFullScreen()).toBe(false);
    expect(app.win.isContentProtected()).toBe(false);
    expect(app.fake.powerSaveBlocker.active.size).toBe(0);
  });

  it('a locked vault never enters session mode', async () => {
    await app.call('vault.lock');
    expect(await app.call('app.sessionMode', { active: true })).toMatchObject({ ok: false });
    expect(app.win.isFullScreen()).toBe(false);
    expect(app.fake.powerSaveBlocker.active.size).toBe(0);
  });

  it('content protection is on from the start, and on whenever the setting is on or a session runs', async () => {
    expect(app.win.isContentProtected()).toBe(true);
    await app.call('app.sessionMode', { active: true });
    await app.call('app.sessionMode', { active: false });
    expect(app.win.isContentProtected()).toBe(true); // the setting is still on
    await app.call('settings.update', { contentProtection: false });
    expect(app.win.isContentProtected()).toBe(false);
    await app.call('app.sessionMode', { active: true });
    expect(app.win.isContentProtected()).toBe(true);
    await app.call('settings.update', { contentProtection: false }); // a change mid-session keeps the session's
    expect(app.win.isContentProtected()).toBe(true);
    await app.call('settings.update', { contentProtection: true });
    await app.call('app.sessionMode', { active: false });
    expect(app.win.isContentProtected()).toBe(true);
  });

  it('quick hide takes the window out of sight and locks the vault', async () => {
    app.win.show();
    expect(await app.call('app.quickHide')).toEqual({ ok: true, value: null });
    expect(await state()).toBe('locked');
    expect(app.win.webContents.sent).toContainEqual({ channel: 'saltwater:event', args: ['vault.locked', { reason: 'hidden' }] });
    if (process.platform === 'darwin') expect(app.fake.app.hiddenCount).toBe(1);
    else expect(app.win.isMinimized()).toBe(true);
  });

  it('the global shortcut is registered only when turned on, locks from any app, and is given back at quit', async () => {
    expect(app.fake.globalShortcut.registered.size).toBe(0);
    await app.call('settings.update', { quickHideGlobal: true });
    expect([...app.fake.globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Shift+H']);
    app.fake.globalShortcut.press('CommandOrControl+Shift+H');
    expect(await state()).toBe('locked');
    app.win.close();
    void app.call('app.readyToClose');
    expect(app.fake.quitDone()).toBe(true);
    expect(app.fake.globalShortcut.registered.size).toBe(0);
  });
});
