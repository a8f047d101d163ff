import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { soundscapeIds, type SoundscapeId } from '../../preload/contract/soundscape.ts';
import { callApi, createVault } from '../../tests/e2e/fixtures.ts';
import type { RenderPlan, RenderStats } from '../../tests/helpers/soundscape-page.ts';
import { launchChromium } from '../chromium.ts';
import { fastKdf, startTestHost } from '../test-host/server.ts';
import { pressStopAndMeasure } from './press-stop.ts';
import { percentile, type BenchResult, type Figure } from './report.ts';

/**
 * The background sounds' cost and their Stop, measured in Chromium with the app's own modules:
 * 1. offline: the time spent rendering one second of each soundscape (in the session's mix),
 *    against one second of real time, median of a few renders; with its level and peak;
 * 2. in the real app (test host at speed 1, real audio clock, sound on, a soundscape playing):
 *    from the Escape key event to the master gain at 0 and to the mix's output being silent.
 */
const RENDER_SECONDS = Number(process.env.BENCH_SOUNDSCAPE_SECONDS ?? 30);
const RENDERS = Number(process.env.BENCH_SOUNDSCAPE_RENDERS ?? 5);
const TRIES = Number(process.env.BENCH_STOP_TRIES ?? 20);
const SAMPLE_RATE = 48_000;
const PASSPHRASE = 'bench passphrase, not secret';

async function bundle(entry: string): Promise<string> {
  const out = await build({ entryPoints: [join(import.meta.dirname, entry)], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

async function offline(): Promise<Figure[]> {
  const scripts = [await bundle('soundscape/page.ts'), await bundle('../../tests/helpers/soundscape-page.ts')];
  const browser = await launchChromium();
  const figures: Figure[] = [];
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body>bench</body></html>');
    for (const content of scripts) await page.addScriptTag({ content: `window.TONE_SILENCE_LOGGING = true;\n${content}` });
    const cost = (id: SoundscapeId | null) =>
      page.evaluate(
        ([s, seconds, sr]) => (window as unknown as { renderCost(s: unknown, seconds: number, sr: number): Promise<number> }).renderCost(s, seconds as number, sr as number),
        [id, RENDER_SECONDS, SAMPLE_RATE] as const,
      );
    await cost('rain'); // warm up: the noise buffers are made once
    const median = async (id: SoundscapeId | null) => {
      const runs: number[] = [];
      for (let i = 0; i < RENDERS; i++) runs.push((await cost(id)) / RENDER_SECONDS);
      return percentile(runs, 50);
    };
    const silent = await median(null);
    figures.push({ name: 'the mix alone (no soundscape): ms to render 1 s', value: silent, unit: 'ms' });
    for (const id of soundscapeIds) {
      const ms = await median(id);
      const stats = await page.evaluate(
        (plan) => (window as unknown as { renderMix(p: RenderPlan): Promise<RenderStats> }).renderMix(plan),
        { soundscape: id, seconds: 12, sampleRate: SAMPLE_RATE, volume: 1 } satisfies RenderPlan,
      );
      figures.push(
        { name: `${id}: ms to render 1 s`, value: ms, unit: 'ms' },
        { name: `${id}: share of real time`, value: (ms / 1000) * 100, unit: '%', target: '≪ 100 %' },
        { name: `${id}: level at full volume (RMS)`, value: stats.rmsDb, unit: 'dBFS', target: '−32 … −20' },
        { name: `${id}: peak at full volume`, value: stats.peak, unit: '× full scale', target: '< 0.5' },
      );
    }
  } finally {
    await browser.close();
  }
  return figures;
}

/** Installed before each Escape (a plain string: tsx's helpers do not exist inside the page). */
const PROBE = `
  delete window.__stopResult;
  addEventListener('keydown', function (event) {
    var t0 = event.timeStamp, gainAt = -1, quietAt = -1;
    (function check() {
      var now = performance.now(), a = window.__saltwaterAudio;
      if (gainAt < 0 && a.gain() === 0) gainAt = now;
      if (quietAt < 0 && a.level() === 0) quietAt = now;
      if (gainAt >= 0 && quietAt >= 0) window.__stopResult = { gain: gainAt - t0, quiet: quietAt - t0 };
      else setTimeout(check, 1);
    })();
  }, { capture: true, once: true });
`;

async function stopWithSoundscape(): Promise<{ figures: Figure[]; playing: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'saltwater-bench-soundscape-'));
  const host = await startTestHost({ dataDir: dir, kdf: fastKdf, sessionSpeed: 1 });
  const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  const gain: number[] = [];
  const quiet: number[] = [];
  const playing: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(host.appUrl);
    await createVault(page, PASSPHRASE);
    for (let i = 0; i < TRIES; i++) {
      const soundscape = soundscapeIds[i % soundscapeIds.length]!;
      await callApi(page, 'settings.update', { audioEnabled: true, soundscape });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Practices' }).click();
      await page.getByRole('button', { name: 'Start Arrive and breathe' }).click();
      await page.getByRole('button', { name: 'Begin' }).click();
      // Playing and heard: past the start of its fade-in, the mix's output carries it.
      await page.waitForFunction(() => {
        const a = (window as unknown as { __saltwaterAudio?: { gain(): number; level(): number; soundscape(): string | null } }).__saltwaterAudio;
        return a !== undefined && a.gain() > 0.5 && a.soundscape() !== null && a.level() > 0.002;
      });
      await page.waitForTimeout(500 + Math.random() * 1500);
      playing.push(String(await page.evaluate(() => (window as unknown as { __saltwaterAudio: { soundscape(): string } }).__saltwaterAudio.soundscape())));
      const result = await pressStopAndMeasure<{ gain: number; quiet: number }>(page, PROBE);
      gain.push(result.gain);
      quiet.push(result.quiet);
    }
  } finally {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    playing,
    figures: [
      { name: `Esc → master gain at 0, p95 (${TRIES} tries, soundscape playing)`, value: percentile(gain, 95), unit: 'ms' },
      { name: 'Esc → output silent (every sample of the last ~5 ms at 0), p95', value: percentile(quiet, 95), unit: 'ms', target: '≤ 100 ms' },
      { name: 'Esc → output silent, max', value: Math.max(...quiet), unit: 'ms' },
    ],
  };
}

export async function run(): Promise<BenchResult> {
  const cost = await offline();
  const stop = await stopWithSoundscape();
  return {
    benchmark: 'soundscape',
    figures: [...cost, ...stop.figures],
    notes: [
      `Cost: ${RENDER_SECONDS} s rendered offline at ${SAMPLE_RATE} Hz, stereo, in the session's mix at 50 % volume (tones bus idle), median of ${RENDERS}; only the rendering is timed, on this machine's Chromium.`,
      `Stop: the real app through the test host, headless Chromium, real audio clock, sound on, each try with a soundscape playing (${[...new Set(stop.playing)].join(', ')}); "output silent" is read from an analyser after the master gain (256 samples).`,
    ],
  };
}
