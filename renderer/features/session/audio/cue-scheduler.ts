import type { BreathPhaseKind } from '../../../../preload/contract/practice.ts';
import type { BreathTimeline } from '../breath-timeline.ts';

/** What the scheduler needs from a Tone Transport (the live one, or Tone.Offline's). */
export interface CueTransport {
  schedule(callback: (time: number) => void, time: number): number;
}

/** Something that makes the sound of a phase change at an exact audio-clock time. */
export interface CueVoice {
  trigger(phase: BreathPhaseKind, time: number): void;
}

/**
 * Schedules every phase change of `cycles` breaths on the audio timeline, ahead of time.
 * `start` is the transport time (seconds) the breathing begins at. Each callback hands the
 * exact time Tone gives it to the voice, so the sound lands on the sample, whatever the
 * look-ahead or the main thread is doing. Works the same inside Tone.Offline.
 * Returns the event ids (for transport.clear).
 */
export function scheduleCues(transport: CueTransport, timeline: BreathTimeline, cycles: number, start: number, voice: CueVoice): number[] {
  return timeline.cues(cycles).map((cue) => transport.schedule((time) => voice.trigger(cue.phase, time), start + cue.at));
}
