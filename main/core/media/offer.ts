import type { HelpedSummary } from '../../../preload/contract/media.ts';

/**
 * Which item "Boost the signal" offers. A weighted draw, so it feels alive rather than
 * always the same: items that helped before weigh more, and so do items not tried for a
 * while (or never), and the one offered last time is skipped when there is another.
 * Pure and deterministic for a given random source.
 */

export interface OfferCandidate {
  id: number;
  helped: HelpedSummary;
}

export interface OfferContext {
  now: number;
  /** The item offered last time, if any. */
  lastOfferedId: number | null;
  /** A number in [0, 1), like Math.random. */
  random: () => number;
}

/** After this long an item counts as fully rested. */
export const REST_MS = 14 * 24 * 60 * 60 * 1000;
const BASE_WEIGHT = 1;
const HELPED_WEIGHT = 3;
const REST_WEIGHT = 2;
/** A mood lift this big (on the 1–5 scale) counts as fully helpful. */
const FULL_MOOD_LIFT = 2;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** 0 (never helped, or never tried) to 1: half from how often tears came, half from the mood lift. */
export function helpedScore(h: HelpedSummary): number {
  if (h.uses === 0) return 0;
  const tearShare = h.withTears / h.uses;
  const lift = h.moodChange === null ? 0 : clamp01(h.moodChange / FULL_MOOD_LIFT);
  return 0.5 * tearShare + 0.5 * lift;
}

/** 0 (used just now) to 1 (never used, or not for REST_MS). */
export function restScore(h: HelpedSummary, now: number): number {
  if (h.lastUsedAt === null) return 1;
  return clamp01((now - h.lastUsedAt) / REST_MS);
}

export function offerWeight(h: HelpedSummary, now: number): number {
  return BASE_WEIGHT + HELPED_WEIGHT * helpedScore(h) + REST_WEIGHT * restScore(h, now);
}

/** The id to offer, or null when the list is empty. */
export function chooseOffer(candidates: readonly OfferCandidate[], context: OfferContext): number | null {
  const sorted = [...candidates].sort((a, b) => a.id - b.id);
  const pool = sorted.length > 1 ? sorted.filter((c) => c.id !== context.lastOfferedId) : sorted;
  if (pool.length === 0) return null;
  const weights = pool.map((c) => offerWeight(c.helped, context.now));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const r = context.random();
  let point = (Number.isFinite(r) ? clamp01(r) : 0) * total;
  for (let i = 0; i < pool.length; i++) {
    point -= weights[i]!;
    if (point < 0) return pool[i]!.id;
  }
  return pool[pool.length - 1]!.id;
}
