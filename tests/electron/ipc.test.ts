import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../preload/contract/index.ts';
import { methodChannel } from '../../preload/channels.ts';
import { FakeWebContents } from './fake-electron.ts';
import { bootApp, type Booted } from './boot.ts';

/** main/app/ipc.ts through bootstrap(): exactly the contract on ipcMain, and only for our own page. */
describe('IPC registered by bootstrap()', () => {
  let app: Booted;
  beforeEach(async () => {
    app = await bootApp();
  });
  afterEach(() => app.dispose());

  it('registers one handler per contract method, on the channel preload invokes, and nothing else', () => {
    const registered = [...app.fake.ipcMain.handlers.keys()].sort();
    expect(registered).toEqual(methodNames.map(methodChannel).sort());
    // No fire-and-forget channels either: every call goes through the validating router.
    expect(app.fake.ipcMain.eventNames()).toEqual([]);
  });

  it('answers our own page through the router', async () => {
    expect(await app.call('vault.status')).toEqual({ ok: true, value: { state: 'new', retryAfterMs: 0 } });
    // Bad input is the router's typed error, not a thrown exception.
    expect(await app.call('vault.unlock', { passphrase: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  const refused = { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Refused.' } };

  it('refuses a call from a subframe of our page', async () => {
    const frame = { url: 'app://saltwater/index.html' };
    expect(await app.fake.ipcMain.invoke('saltwater:vault.status', { sender: app.win.webContents, frame })).toEqual(refused);
  });

  it('refuses a call from another webContents, even one showing our page', async () => {
    const other = new FakeWebContents();
    other.mainFrame.url = 'app://saltwater/index.html';
    expect(await app.fake.ipcMain.invoke('saltwater:vault.status', { sender: other, frame: other.mainFrame })).toEqual(refused);
  });

  it.each(['https://example.com/', 'app://saltwater.example.com/index.html', 'file:///index.html', 'devtools://devtools/'])(
    'refuses a call when our main frame shows %s',
    async (url) => {
      app.win.webContents.mainFrame.url = url;
      expect(await app.call('vault.status')).toEqual(refused);
    },
  );

  it('refuses a call whose frame is gone (senderFrame null)', async () => {
    expect(await app.fake.ipcMain.invoke('saltwater:vault.status', { sender: app.win.webContents, frame: null })).toEqual(refused);
  });

  it('has no handler for a channel outside the contract', async () => {
    await expect(app.fake.ipcMain.invoke('saltwater:vault.dropAll', { sender: app.win.webContents, frame: app.win.webContents.mainFrame })).rejects.toThrow(
      /No handler registered/,
    );
  });
});
