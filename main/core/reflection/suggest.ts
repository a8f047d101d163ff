import type { BarrierId, Leaning, PracticeSuggestion, SelfReflection } from '../../../preload/contract/reflection.ts';

export type { Leaning, PracticeSuggestion };

/**
 * Which practices the home screen shows first, from the latest self-reflection. Gentle
 * always comes before deeper, for everyone (start with the gentlest material); within
 * each, practices that suit the person's answers move up, and otherwise the library's
 * order stands. Pure, and Node-free so the renderer could use it too.
 */

export interface PracticeRef {
  id: string;
  intensity: 'gentle' | 'deeper';
}

/** Below this the person leans to blocked crying; above 100 minus it, to over-crying. */
export const LEANING_EDGE = 40;

export function leaningOf(style: number | null): Leaning {
  if (style === null) return 'unsure';
  if (style < LEANING_EDGE) return 'blocked';
  if (style > 100 - LEANING_EDGE) return 'over';
  return 'between';
}

/** "Letting tears come": for people whose tears won't come. */
export const LETTING_TEARS_COME: readonly string[] = ['permission', 'ok-not-to-cry', 'boost-the-signal', 'open-one-box', 'body-first'];
/** "Staying with tears": for people whose tears come too easily and stop the talk. */
export const STAYING_WITH_TEARS: readonly string[] = ['keep-talking-through-tears', 'quiet-body', 'arrive-and-breathe', 'name-it-to-tame-it'];

const SUITS = 2;
const LESS_SUITED = -2;

/** Practices that fit the leaning move up; ones aimed the other way move down. */
const LEANING_WEIGHTS: Readonly<Record<Leaning, Readonly<Record<string, number>>>> = {
  blocked: { ...weights(LETTING_TEARS_COME, SUITS), 'keep-talking-through-tears': LESS_SUITED },
  over: { ...weights(STAYING_WITH_TEARS, SUITS), 'boost-the-signal': LESS_SUITED, 'open-one-box': LESS_SUITED, 'body-first': LESS_SUITED },
  between: {},
  unsure: {},
};

/** Small nudges from what gets in the way. */
const BARRIER_WEIGHTS: Readonly<Record<BarrierId, Readonly<Record<string, number>>>> = {
  'taught-not-to': { permission: 1, 'ok-not-to-cry': 1 },
  'others-think': { permission: 1, 'ladder-step': 1 },
  // Grounding first gives a sense of control before anything stronger.
  'wont-stop': { 'arrive-and-breathe': 1, 'quiet-body': 1 },
  numb: { 'body-first': 1, 'boost-the-signal': 1, 'name-it-to-tame-it': 1 },
  // Old hurts: steady ground first, and memories or body work later rather than sooner.
  'past-hurt': { 'arrive-and-breathe': 1, permission: 1, 'open-one-box': -1, 'body-first': -1 },
  medical: { 'ok-not-to-cry': 1 },
  'no-private-space': {},
  'tears-too-soon': { 'keep-talking-through-tears': 1, 'name-it-to-tame-it': 1 },
};

function weights(ids: readonly string[], weight: number): Record<string, number> {
  return Object.fromEntries(ids.map((id) => [id, weight]));
}

/** How well a practice suits these answers (0 when they say nothing about it). */
export function suitability(practiceId: string, reflection: Pick<SelfReflection, 'barriers' | 'style'>): number {
  let score = LEANING_WEIGHTS[leaningOf(reflection.style)][practiceId] ?? 0;
  for (const barrier of reflection.barriers) score += BARRIER_WEIGHTS[barrier]?.[practiceId] ?? 0;
  return score;
}

/**
 * The practices (id and intensity, in the library's default order) ordered for these
 * answers. No reflection: the library's order as given. Unknown ids simply stay put.
 */
export function suggestPracticeOrder(
  practices: readonly PracticeRef[],
  reflection: Pick<SelfReflection, 'barriers' | 'style'> | null,
): PracticeSuggestion {
  // Each id once, as it first appears.
  const unique = practices.filter((p, index) => practices.findIndex((q) => q.id === p.id) === index);
  if (reflection === null) return { order: unique.map((p) => p.id), leaning: null, talkWithDoctor: false };

  const ranked = unique.map((p, index) => ({ id: p.id, band: p.intensity === 'gentle' ? 0 : 1, score: suitability(p.id, reflection), index }));
  ranked.sort((a, b) => a.band - b.band || b.score - a.score || a.index - b.index);
  return {
    order: ranked.map((p) => p.id),
    leaning: leaningOf(reflection.style),
    talkWithDoctor: reflection.barriers.includes('medical'),
  };
}
