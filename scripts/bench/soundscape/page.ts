/**
 * Runs inside Chromium for the `soundscape` bench: the audio cost of each background sound,
 * built with the app's own session mix in an offline context and timed over the rendering
 * alone (Tone's JavaScript clock is not involved: nothing is scheduled by callback).
 */
import 'tone/build/esm/core/clock/Transport.js';
import 'tone/build/esm/core/context/Destination.js';
import { getContext, setContext } from 'tone/build/esm/core/context/GlobalContext.js';
import { OfflineContext } from 'tone/build/esm/core/context/OfflineContext.js';
import type { SoundscapeId } from '../../../preload/contract/soundscape.ts';
import { createSessionMix } from '../../../renderer/features/session/audio/session-mix.ts';

/** Milliseconds spent rendering `seconds` of the mix with `soundscape` (null: the mix alone, silent). */
async function renderCost(soundscape: SoundscapeId | null, seconds: number, sampleRate: number): Promise<number> {
  const previous = getContext();
  const context = new OfflineContext(2, seconds, sampleRate);
  setContext(context);
  const mix = createSessionMix(context.destination, { cueVolume: 0.5, soundscapeVolume: 0.5 });
  mix.setEnabled(true, 0, 0.005);
  if (soundscape) mix.setSoundscape(soundscape, 0);
  setContext(previous);
  const raw = context.rawContext as unknown as OfflineAudioContext;
  const started = performance.now();
  await raw.startRendering();
  const ms = performance.now() - started;
  mix.dispose();
  return ms;
}

Object.assign(window, { renderCost });
