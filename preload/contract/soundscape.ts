import { z } from 'zod';

/**
 * Background sounds for sessions, made on the computer while they play (Tone.js noise,
 * filters and slow swells): no audio files, nothing downloaded.
 */
export const soundscapeIds = ['rain', 'waves', 'brown-noise', 'drone'] as const;
export const SoundscapeId = z.enum(soundscapeIds);
export type SoundscapeId = z.infer<typeof SoundscapeId>;

/** A practice's own background sound; 'none' (or leaving it out) means the practice comes without one. */
export const PracticeSoundscape = z.enum(['none', ...soundscapeIds]);
export type PracticeSoundscape = z.infer<typeof PracticeSoundscape>;

/**
 * The person's choice in Settings, which always wins: 'none' (the default: no background sound),
 * one sound for every session, or 'practice': each practice's own sound, quiet where it has none.
 */
export const SoundscapeSetting = z.enum(['none', 'practice', ...soundscapeIds]);
export type SoundscapeSetting = z.infer<typeof SoundscapeSetting>;
