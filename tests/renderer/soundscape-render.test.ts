/**
 * The background sounds, rendered offline in real Chromium (Tone.Offline) through the session's
 * own mix: loud enough to be there and never clipping, fading in gently, and silent within
 * 100 ms of Stop — the same master gain and the same call as Esc in a session.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { soundscapeIds } from '../../preload/contract/soundscape.ts';
import type { RenderPlan, RenderStats } from '../helpers/soundscape-page.ts';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const SAMPLE_RATE = 48_000;
/** The level a soundscape may sit at, at full volume (dBFS, RMS): clearly there, well below the tones' peaks. */
const LEVEL_RANGE = { min: -32, max: -20 };

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, '../helpers/soundscape-page.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  browser = await chromium.launch({
    ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  page = await browser.newPage();
  // Generated, not fetched: nothing may reach the network.
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html><body>soundscapes</body></html>');
  await page.addScriptTag({ content: `window.TONE_SILENCE_LOGGING = true;\n${bundle.outputFiles[0]!.text}` });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function render(plan: Omit<RenderPlan, 'sampleRate'>): Promise<RenderStats> {
  return page.evaluate(
    (p) => (window as unknown as { renderMix(p: RenderPlan): Promise<RenderStats> }).renderMix(p),
    { ...plan, sampleRate: SAMPLE_RATE },
  );
}

// Each render takes a moment on a busy machine (Tone's offline clock runs in JavaScript).
describe('soundscapes, rendered offline', { timeout: 20_000 }, () => {
  it.each(soundscapeIds)('%s: level in range, no clipping, a gentle start, silent within 100 ms of Stop', async (soundscape) => {
    const stopAt = 7;
    const r = await render({ soundscape, seconds: 8, stopAt });
    expect(r.rmsDb).toBeGreaterThanOrEqual(LEVEL_RANGE.min);
    expect(r.rmsDb).toBeLessThanOrEqual(LEVEL_RANGE.max);
    expect(r.peak).toBeLessThan(0.5);
    // Fading in: the first half-second is far quieter than the steady sound.
    expect(r.startDb).toBeLessThan(r.rmsDb - 12);
    // Still playing right up to Stop (nothing faded early)…
    expect(r.beforeEndDb).toBeGreaterThan(r.rmsDb - 10);
    // …then silent within 100 ms (the fade takes 40), and nothing after.
    expect(r.soundAfterMs).toBeGreaterThan(0);
    expect(r.soundAfterMs).toBeLessThanOrEqual(100);
    expect(r.peakAfterQuiet).toBe(0);
  });

  it.each(soundscapeIds)('%s with the tones, both at full volume: the mix never clips', async (soundscape) => {
    // Tones at 0.5 s and 6 s, the second over the steady soundscape.
    const r = await render({ soundscape, seconds: 8, cueVolume: 1, volume: 1 });
    expect(r.peak).toBeLessThan(0.9);
  });

  it('its own volume scales it: at 50% it sits about 6 dB lower', async () => {
    const full = await render({ soundscape: 'brown-noise', seconds: 7, volume: 1 });
    const half = await render({ soundscape: 'brown-noise', seconds: 7, volume: 0.5 });
    expect(full.rmsDb - half.rmsDb).toBeGreaterThan(4.5);
    expect(full.rmsDb - half.rmsDb).toBeLessThan(7.5);
  });

  it('at the end of a practice it fades out gently over seconds, not at once', async () => {
    const r = await render({ soundscape: 'drone', seconds: 11, finishAt: 6 });
    // Sound goes on for most of the three seconds after the end (a Stop would be silent in 40 ms)…
    expect(r.soundAfterMs).toBeGreaterThan(2000);
    // …and silent once the three-second fade is over.
    expect(r.soundAfterMs).toBeLessThanOrEqual(3100);
    expect(r.peakAfterQuiet).toBe(0);
  });

  it('a change hands over with a crossfade, and Stop during it silences both', async () => {
    const r = await render({ soundscape: 'rain', seconds: 8, changeTo: { soundscape: 'waves', at: 5 }, stopAt: 6 });
    expect(r.peak).toBeLessThan(0.5);
    expect(r.beforeEndDb).toBeGreaterThan(LEVEL_RANGE.min - 10);
    expect(r.soundAfterMs).toBeLessThanOrEqual(100);
    expect(r.peakAfterQuiet).toBe(0);
  });
});
