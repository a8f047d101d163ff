/**
 * Child process of tests/electron/bundle-main.test.ts: imports the built out/main/index.js in
 * plain Node with 'electron' resolved to the fake, lets the app start, and prints one JSON report.
 * Run as: node --import tsx main-harness.ts (env: SALTWATER_FAKE_USER_DATA, SALTWATER_FAKE_APP_PATH).
 */
import { existsSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fake } from './electron-module.ts';

const root = resolve(import.meta.dirname, '../../..');

// Inside Electron, process.versions.electron names the runtime (main/app/native-binding.ts reads it).
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
Object.defineProperty(process.versions, 'electron', { value: electronVersion, enumerable: true });

register('./resolve-electron.mjs', import.meta.url, { data: { target: pathToFileURL(join(import.meta.dirname, 'electron-module.ts')).href } });

await import(pathToFileURL(join(root, 'out/main/index.js')).href);
fake.app.becomeReady();
for (let i = 0; i < 100 && fake.windows().length === 0; i++) await new Promise((r) => setTimeout(r, 20));

const win = fake.windows()[0];
const report: Record<string, unknown> = { windows: fake.windows().length };
if (win) {
  const preload = win.options.webPreferences?.preload ?? '';
  const page = await fake.protocol.fetch(win.loadedUrl ?? '');
  const html = await page.text();
  // Every script and stylesheet the built page names must be served too.
  const assets = [...html.matchAll(/(?:src|href)="(\.?\/?assets\/[^"]+)"/g)].map((m) => new URL(m[1]!, win.loadedUrl!).href);
  const served = await Promise.all(
    assets.map(async (url) => {
      const response = await fake.protocol.fetch(url);
      return { url, status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy') };
    }),
  );
  const trusted = { sender: win.webContents, frame: win.webContents.mainFrame };
  Object.assign(report, {
    loadedUrl: win.loadedUrl,
    preload,
    preloadExists: existsSync(preload),
    page: {
      status: page.status,
      type: page.headers.get('content-type'),
      nosniff: page.headers.get('x-content-type-options'),
      csp: page.headers.get('content-security-policy'),
      hasAppRoot: html.includes('<div id="app">'),
    },
    assets: served,
    channels: [...fake.ipcMain.handlers.keys()].sort(),
    // A wiring slip shows up as the test's diff, not as a crash of this process.
    status: await fake.ipcMain.invoke('saltwater:vault.status', trusted).catch((error: Error) => ({ thrown: error.message })),
    sandboxed: fake.app.sandboxed,
  });
  win.webContents.crashed = true; // skip the close handshake: there is no page to answer
}
fake.app.quit();
report.quit = fake.quitDone();
process.stdout.write(`${JSON.stringify(report)}\n`);
