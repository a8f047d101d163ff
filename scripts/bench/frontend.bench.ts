import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../chromium.ts';
import { fastKdf, startTestHost } from '../test-host/server.ts';
import { measureEditor } from './frontend/editor.ts';
import { measureInitialBytes, measureUnlockFirstPaint } from './frontend/first-frame.ts';
import { measureList } from './frontend/list.ts';
import { measureSearch } from './frontend/search.ts';
import type { BenchResult, Figure } from './report.ts';

/**
 * The renderer at its first frame and at ten years of entries (issue #13), in the built app
 * (`npm run bench` builds first) through the test host in Chromium.
 */
export async function run(): Promise<BenchResult> {
  const figures: Figure[] = [...measureInitialBytes()];
  const dir = mkdtempSync(join(tmpdir(), 'saltwater-bench-frontend-'));
  const host = await startTestHost({ dataDir: dir, kdf: fastKdf });
  const browser = await launchChromium();
  try {
    // A locked vault: a cold start shows the lock screen.
    const created = await host.core.router.call('vault.create', { passphrase: 'bench passphrase, not secret' });
    if (!created.ok) throw new Error(created.error.message);
    await host.core.router.call('vault.lock', undefined);
    figures.push(...(await measureUnlockFirstPaint(browser, host)));
  } finally {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
  figures.push(...(await measureSearch()));
  figures.push(...(await measureEditor()));
  figures.push(...(await measureList()));
  return {
    benchmark: 'frontend',
    figures,
    notes: ['Sizes from out/renderer as built; paint times in headless Chromium, fresh context per load (no cache).'],
  };
}
