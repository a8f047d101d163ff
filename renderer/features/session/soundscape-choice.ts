import type { PracticeSoundscape, SoundscapeId, SoundscapeSetting } from '../../../preload/contract/soundscape.ts';

/** The background sounds, named as the person sees them. */
export const soundscapeNames: Record<SoundscapeId, string> = {
  rain: 'Rain',
  waves: 'Waves',
  'brown-noise': 'Brown noise',
  drone: 'Low drone',
};

/** One line each, for Settings. */
export const soundscapeDescriptions: Record<SoundscapeId, string> = {
  rain: 'Soft rain on a roof.',
  waves: 'Slow surf that comes and goes.',
  'brown-noise': 'A deep, even hush.',
  drone: 'A low, warm hum that breathes slowly.',
};

/**
 * The background sound a session begins with. The person's own choice in Settings always
 * wins, so nothing plays that they did not ask for ('none' is the default); "each practice's
 * own" lets the practice choose, and a practice without one stays quiet.
 */
export function soundscapeFor(setting: SoundscapeSetting, practice: { soundscape?: PracticeSoundscape | undefined } | null): SoundscapeId | null {
  if (setting === 'none') return null;
  if (setting !== 'practice') return setting;
  const own = practice?.soundscape;
  return own === undefined || own === 'none' ? null : own;
}
