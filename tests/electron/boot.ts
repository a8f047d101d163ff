import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { vi } from 'vitest';
import { createFakeElectron, type FakeBrowserWindow, type FakeElectron } from './fake-electron.ts';

const root = resolve(import.meta.dirname, '../..');

export interface Booted {
  fake: FakeElectron;
  win: FakeBrowserWindow;
  /** Calls a contract method as our own page does (its webContents, its main frame). */
  call(method: string, input?: unknown): Promise<unknown>;
  dispose(): void;
}

/**
 * Runs main/app/bootstrap.ts against a fresh fake Electron, in a fresh module graph (each boot
 * registers its own ipcMain handlers, as a fresh Electron process would). The one module stubbed
 * besides 'electron' picks the SQLite build: Electron's own is not built here, Node's is.
 */
export async function bootApp(options: { userData?: string } = {}): Promise<Booted> {
  // A folder given by the test is a restart on the same computer: the test removes it.
  const dir = options.userData ?? mkdtempSync(join(tmpdir(), 'saltwater-electron-'));
  const fake = createFakeElectron({ userData: dir, appPath: root });
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  vi.doMock('../../main/app/native-binding.ts', () => ({ nativeBindingForElectron: () => undefined }));
  const { bootstrap } = await import('../../main/app/bootstrap.ts');
  fake.app.becomeReady();
  bootstrap();
  const win = fake.windows()[0];
  if (!win) throw new Error('bootstrap made no window');
  return {
    fake,
    win,
    call: (method, input) => fake.ipcMain.invoke(`saltwater:${method}`, { sender: win.webContents, frame: win.webContents.mainFrame }, input),
    dispose() {
      // Quitting closes the vault (will-quit), so the temp folder can go.
      if (!fake.quitDone()) {
        for (const w of fake.windows()) w.webContents.crashed = true;
        fake.app.quit();
      }
      vi.doUnmock('electron');
      vi.doUnmock('../../main/app/native-binding.ts');
      if (!options.userData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const PASSPHRASE = 'quiet water at dusk';
