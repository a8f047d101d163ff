import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fastKdf, startTestHost } from '../test-host/server.ts';
import { createVault } from '../../tests/e2e/fixtures.ts';
import { launchChromium } from '../chromium.ts';
import { pressStopAndMeasure } from './press-stop.ts';
import { percentile, type BenchResult } from './report.ts';

/**
 * Stop latency in the real app (test host + Chromium, real audio clock and sound on): from the
 * Escape key event to the stop screen shown, and to the master gain reading 0. 20 tries.
 * Needs a built renderer (`npm run build`, which `npm run bench` does first).
 */
const TRIES = Number(process.env.BENCH_STOP_TRIES ?? 20);
const PASSPHRASE = 'bench passphrase, not secret';

/**
 * Installed before each Escape. A plain string, because functions compiled by tsx carry helper
 * calls (__name) that do not exist inside the page.
 */
const PROBE = `
  delete window.__stopResult;
  addEventListener('keydown', function (event) {
    var t0 = event.timeStamp, screenAt = -1, silentAt = -1;
    (function check() {
      var now = performance.now();
      if (screenAt < 0 && Array.from(document.querySelectorAll('h1, h2')).some(function (h) { return (h.textContent || '').indexOf('You stopped') >= 0; })) screenAt = now;
      if (silentAt < 0 && window.__saltwaterAudio.gain() === 0) silentAt = now;
      if (screenAt >= 0 && silentAt >= 0) window.__stopResult = { screen: screenAt - t0, silent: silentAt - t0 };
      else setTimeout(check, 1);
    })();
  }, { capture: true, once: true });
`;

export async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'saltwater-bench-stop-'));
  const host = await startTestHost({ dataDir: dir, kdf: fastKdf, sessionSpeed: 1 });
  const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  const screen: number[] = [];
  const silent: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(host.appUrl);
    await createVault(page, PASSPHRASE);

    for (let i = 0; i < TRIES; i++) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Practices' }).click();
      await page.getByRole('button', { name: 'Start Arrive and breathe' }).click();
      await page.getByRole('button', { name: 'Begin' }).click();
      const sound = page.getByRole('button', { name: 'Sound' });
      if ((await sound.getAttribute('aria-pressed')) !== 'true') await sound.click();
      await page.waitForFunction(() => {
        const hooks = (window as unknown as { __saltwaterAudio?: { gain(): number } }).__saltwaterAudio;
        return hooks !== undefined && hooks.gain() > 0.01;
      });
      await page.waitForTimeout(300 + Math.random() * 700);
      // Timestamps are taken in the page: from the key event to what the person sees and hears.
      const result = await pressStopAndMeasure<{ screen: number; silent: number }>(page, PROBE);
      screen.push(result.screen);
      silent.push(result.silent);
    }
  } finally {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const both = screen.map((s, i) => Math.max(s, silent[i]!));
  return {
    benchmark: 'stop-latency',
    figures: [
      { name: `Esc → stop screen shown, p95 (${TRIES} tries)`, value: percentile(screen, 95), unit: 'ms' },
      { name: 'Esc → master gain at 0, p95', value: percentile(silent, 95), unit: 'ms' },
      { name: 'Esc → both, p95', value: percentile(both, 95), unit: 'ms', target: '≤ 100 ms' },
      { name: 'Esc → both, max', value: Math.max(...both), unit: 'ms' },
    ],
    notes: ['Real audio clock and sound on (test host at speed 1), headless Chromium; gain read from the master GainNode.'],
  };
}
