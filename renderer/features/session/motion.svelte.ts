import type { Settings } from '../../../preload/contract/schemas.ts';

export type CueKind = 'animated' | 'still';

/** The still cue when the person asked for calmer visuals, here or in their system settings. */
export function cueKind(motion: Settings['motion'], systemPrefersReduced: boolean): CueKind {
  return motion === 'reduce' || systemPrefersReduced ? 'still' : 'animated';
}

const QUERY = '(prefers-reduced-motion: reduce)';

/** Follows the system's reduced-motion preference as it changes. */
export class ReducedMotion {
  prefersReduced = $state(false);
  readonly #media: MediaQueryList | null;
  readonly #onChange = (e: MediaQueryListEvent) => (this.prefersReduced = e.matches);

  constructor(win: Pick<Window, 'matchMedia'> | null = typeof window === 'undefined' ? null : window) {
    this.#media = win?.matchMedia ? win.matchMedia(QUERY) : null;
    this.prefersReduced = this.#media?.matches ?? false;
    this.#media?.addEventListener?.('change', this.#onChange);
  }

  dispose(): void {
    this.#media?.removeEventListener?.('change', this.#onChange);
  }
}
