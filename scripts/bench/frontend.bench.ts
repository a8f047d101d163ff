import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { launchChromium } from '../chromium.ts';
import { measureEditor } from './frontend/editor.ts';
import { measureInitialBytes, measureUnlockFirstPaint } from './frontend/first-frame.ts';
import { measureList } from './frontend/list.ts';
import { measureSearch } from './frontend/search.ts';
import type { BenchResult, Figure } from './report.ts';

/** The test host in a child process (scripts/test-host/cli.ts) on a fresh vault folder. */
async function spawnHost(bridgeAtDocumentStart: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'saltwater-bench-frontend-'));
  const args = ['--import', 'tsx', join(import.meta.dirname, '../test-host/cli.ts'), '--json', '--fast-kdf', '--data-dir', join(dir, 'vault')];
  if (bridgeAtDocumentStart) args.push('--bridge-at-document-start');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the test host exited with ${code}`)));
  });
  const { url, appUrl } = JSON.parse(line) as { url: string; appUrl: string };
  const token = new URL(appUrl).searchParams.get('token');
  return {
    url,
    appUrl,
    async call(method: string, input?: unknown): Promise<void> {
      const response = await fetch(`${url}/__test-host/call/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ input }) });
      const result = (await response.json()) as { ok: boolean; error?: { message: string } };
      if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
    },
    async stop(): Promise<void> {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The lock screen's first paint against a blank page's (see measureUnlockFirstPaint). */
export async function measureFirstPaints(): Promise<Figure[]> {
  const figures: Figure[] = [];
  // Twice: the test host's preload stand-in as it serves pages to the tests (a script in the page),
  // and at document start in both pages, as Electron runs its preload (the target's figure). The
  // host runs in a process of its own, as main does, so its answers don't wait on this one.
  for (const bridgeAtDocumentStart of [false, true]) {
    const host = await spawnHost(bridgeAtDocumentStart);
    const browser = await launchChromium();
    try {
      // A locked vault: a cold start shows the lock screen.
      await host.call('vault.create', { passphrase: 'bench passphrase, not secret' });
      await host.call('vault.lock');
      const bridge = bridgeAtDocumentStart ? await (await fetch(`${host.url}/__test-host/bridge.js`)).text() : null;
      figures.push(...(await measureUnlockFirstPaint(browser, host, bridge)));
    } finally {
      await browser.close();
      await host.stop();
    }
  }
  return figures;
}

/**
 * The renderer at its first frame and at ten years of entries (issue #13), in the built app
 * (`npm run bench` builds first) through the test host in Chromium.
 */
export async function run(): Promise<BenchResult> {
  const figures: Figure[] = [...measureInitialBytes()];
  figures.push(...(await measureFirstPaints()));
  figures.push(...(await measureSearch()));
  figures.push(...(await measureEditor()));
  figures.push(...(await measureList()));
  return {
    benchmark: 'frontend',
    figures,
    notes: ['Sizes from out/renderer as built; paint times in headless Chromium, fresh context per load (no cache).'],
  };
}
