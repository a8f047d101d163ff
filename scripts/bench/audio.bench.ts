import { join } from 'node:path';
import { build } from 'esbuild';
import type { BenchResult, Figure } from './report.ts';
import { launchChromium } from '../chromium.ts';

/**
 * Session timing, measured in Chromium with the app's own audio modules:
 * 1. a 30-minute breathing track rendered with Tone.Offline: every cue onset vs. its intended time;
 * 2. realtime for 5 minutes: the visual's clock each frame vs. the audio being heard then, and a
 *    naive setInterval timer's drift against the audio clock over the same run.
 */
const OFFLINE_MINUTES = Number(process.env.BENCH_AUDIO_OFFLINE_MINUTES ?? 30);
const REALTIME_SECONDS = Number(process.env.BENCH_AUDIO_REALTIME_SECONDS ?? 300);
const SAMPLE_RATE = 48_000;

export async function run(): Promise<BenchResult> {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'audio/page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body>bench</body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const off = await page.evaluate(
      ([m, sr]) => (window as unknown as { benchOffline(m: number, sr: number): Promise<Record<string, number>> }).benchOffline(m!, sr!),
      [OFFLINE_MINUTES, SAMPLE_RATE],
    );
    const rt = await page.evaluate(
      (s) => (window as unknown as { benchRealtime(s: number): Promise<Record<string, number>> }).benchRealtime(s),
      REALTIME_SECONDS,
    );
    const frameMs = 1000 / 60;
    const figures: Figure[] = [
      { name: `offline ${OFFLINE_MINUTES} min: cues checked`, value: off.cues!, unit: 'cues' },
      { name: 'offline: cues not found', value: off.missing!, unit: 'cues', target: '0' },
      { name: 'offline: max |onset − intended|', value: off.maxAbsErrorMs!, unit: 'ms', target: '≤ 0.05 ms' },
      { name: 'offline: mean onset error', value: off.meanErrorMs!, unit: 'ms' },
      { name: 'offline: drift (last 10 − first 10 cues)', value: off.driftMs!, unit: 'ms', target: '0' },
      { name: 'offline: one sample', value: off.sampleMs!, unit: 'ms' },
      { name: `realtime ${REALTIME_SECONDS} s: frames`, value: rt.frames!, unit: 'frames' },
      { name: 'realtime: visual vs heard audio, p50', value: rt.visualVsAudioP50Ms!, unit: 'ms' },
      { name: 'realtime: visual vs heard audio, p95', value: rt.visualVsAudioP95Ms!, unit: 'ms', target: `≤ one frame (${frameMs.toFixed(1)} ms)` },
      { name: 'realtime: visual vs heard audio, max', value: rt.visualVsAudioMaxMs!, unit: 'ms' },
      { name: 'realtime: raw currentTime vs heard audio, p50 (why the clock projects)', value: rt.currentTimeVsAudioP50Ms!, unit: 'ms' },
      { name: 'realtime: output latency reported', value: rt.outputLatencyMs!, unit: 'ms' },
      { name: 'naive setInterval timer: drift at end', value: rt.naiveDriftEndMs!, unit: 'ms' },
      { name: 'naive setInterval timer: max |drift|', value: rt.naiveDriftMaxAbsMs!, unit: 'ms' },
    ];
    return {
      benchmark: 'session-audio-timing',
      figures,
      notes: [
        `Offline: ${SAMPLE_RATE} Hz, coherent 5.5/5.5 breathing, onset = first non-zero sample after ≥ 200 ms of silence (the cue's gain ramp starts from exactly 0 at the cue time, so +1 sample is the floor).`,
        'Realtime: headless Chromium; "heard" = AudioContext.getOutputTimestamp() projected to each frame time.',
      ],
    };
  } finally {
    await browser.close();
  }
}
