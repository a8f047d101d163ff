import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, type FakeElectron } from './fake-electron.ts';

/** main/index.ts: what must happen before ready, and the single-instance rule. */
describe('the Electron entry', () => {
  let dir: string;
  let fake: FakeElectron;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'saltwater-entry-'));
    fake = createFakeElectron({ userData: dir, appPath: resolve(import.meta.dirname, '../..') });
    vi.resetModules();
    vi.doMock('electron', () => fake.module);
    vi.doMock('../../main/app/native-binding.ts', () => ({ nativeBindingForElectron: () => undefined }));
  });
  afterEach(() => {
    for (const w of fake.windows()) w.webContents.crashed = true;
    fake.app.quit();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers app:// and turns on the sandbox before ready, then opens the window once ready', async () => {
    await import('../../main/index.ts');
    // The fake throws if these come after ready, as Electron requires.
    expect(fake.protocol.privileged?.map((s) => s.scheme)).toEqual(['app']);
    expect(fake.app.sandboxed).toBe(true);
    expect(fake.windows()).toHaveLength(0);
    fake.app.becomeReady();
    await vi.waitFor(() => expect(fake.windows()).toHaveLength(1));
    expect(fake.windows()[0]!.loadedUrl).toBe('app://saltwater/index.html');
  });

  it('quits at once, without a window, when another instance is running', async () => {
    fake.app.singleInstanceLockFree = false;
    await import('../../main/index.ts');
    expect(fake.quitDone()).toBe(true);
    fake.app.becomeReady();
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.windows()).toHaveLength(0);
  });
});
