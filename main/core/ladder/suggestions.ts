import type { SuggestedLadderStep } from '../../../preload/contract/ladder.ts';
import type { LadderTrack } from '../../../preload/contract/practice.ts';

/**
 * Starting points for each track, gentlest first. The user adds them with one call and
 * then makes them their own: the words and the expected distress are only a first guess.
 * Keys are stable (never reuse or rename one): they stop a suggestion being added twice.
 */
export const SUGGESTED_STEPS: Readonly<Record<LadderTrack, readonly SuggestedLadderStep[]>> = {
  'letting-come': [
    { key: 'lc-imagine', text: 'Imagine, for a minute, that tears come, and that it is all right if they do.', expectedDistress: 15 },
    { key: 'lc-soften', text: 'Read or watch something tender on my own, and let my face soften.', expectedDistress: 25 },
    { key: 'lc-alone', text: 'Let myself cry alone, somewhere private, without stopping it.', expectedDistress: 35 },
    { key: 'lc-music', text: 'Play music that moves me and let the tears come with it.', expectedDistress: 45 },
    { key: 'lc-next-room', text: 'Let tears come while someone I trust is in the next room.', expectedDistress: 60 },
    { key: 'lc-same-room', text: 'Let tears come with someone I trust sitting nearby.', expectedDistress: 75 },
    { key: 'lc-tell', text: 'Tell someone I trust what the tears are about while they are still there.', expectedDistress: 85 },
  ],
  'staying-with': [
    { key: 'sw-phrase-alone', text: 'Say my steadying phrase out loud on my own: "I am teary, and I can keep going."', expectedDistress: 15 },
    { key: 'sw-breathe-read', text: 'When tears come on my own, breathe out slowly and keep reading aloud.', expectedDistress: 25 },
    { key: 'sw-record', text: 'Talk about something tender into a voice recorder, and keep talking as tears come.', expectedDistress: 35 },
    { key: 'sw-trusted', text: 'Tell someone I trust about something that moves me, pausing to breathe instead of stopping.', expectedDistress: 50 },
    { key: 'sw-ask-moment', text: 'With someone I trust, say "give me a moment, I want to finish", breathe, and finish.', expectedDistress: 60 },
    { key: 'sw-hard-talk', text: 'Stay in a short, real conversation about something hard, even with tears.', expectedDistress: 75 },
    { key: 'sw-speak-up', text: 'Speak up at an appointment or a meeting even if my eyes fill, using my breath and my phrase.', expectedDistress: 85 },
  ],
};

/** Where a new step goes so a track stays gentlest first: before the first step expected to be harder. */
export function insertionIndex(existingDistress: readonly number[], expectedDistress: number): number {
  const harder = existingDistress.findIndex((d) => d > expectedDistress);
  return harder === -1 ? existingDistress.length : harder;
}

/** The same words, ignoring case and spacing: a suggestion the user already typed in is not added again. */
export function sameWords(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a) === norm(b);
}
