/** The breathing cue: animated by default, still when the person or the system asks for less motion. */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import BreathCue from '../../renderer/features/session/BreathCue.svelte';
import { BreathTimeline } from '../../renderer/features/session/breath-timeline.ts';
import { cueKind, ReducedMotion, type CueKind } from '../../renderer/features/session/motion.svelte.ts';
import { mountInBody, unmountAll } from './mount.ts';

describe('choosing the cue', () => {
  it('is still when the setting says reduce, or the system prefers reduced motion', () => {
    expect(cueKind('system', false)).toBe('animated');
    expect(cueKind('system', true)).toBe('still');
    expect(cueKind('reduce', false)).toBe('still');
    expect(cueKind('reduce', true)).toBe('still');
  });

  it('follows prefers-reduced-motion as it changes', () => {
    const listeners: Array<(e: MediaQueryListEvent) => void> = [];
    const media = {
      matches: true,
      addEventListener: (_: string, l: (e: MediaQueryListEvent) => void) => listeners.push(l),
      removeEventListener: () => {},
    };
    const queries: string[] = [];
    const motion = new ReducedMotion({
      matchMedia: (q: string) => {
        queries.push(q);
        return media as unknown as MediaQueryList;
      },
    });
    expect(queries).toEqual(['(prefers-reduced-motion: reduce)']);
    expect(motion.prefersReduced).toBe(true);
    listeners[0]!({ matches: false } as MediaQueryListEvent);
    expect(motion.prefersReduced).toBe(false);
    motion.dispose();
  });
});

describe('BreathCue', () => {
  let target: HTMLElement;
  afterEach(unmountAll);

  const timeline = new BreathTimeline('4-7-8');

  function show(kind: CueKind, t: number) {
    const props = $state({ moment: timeline.at(t), kind, phases: timeline.phases });
    target = mountInBody(BreathCue, props);
    flushSync();
    return {
      at(time: number) {
        props.moment = timeline.at(time);
        flushSync();
      },
      shape: () =>
        [...target.querySelectorAll('svg circle')]
          .map((c) => ['r', 'fill-opacity', 'stroke-width'].map((a) => c.getAttribute(a)).join('/'))
          .join(','),
      live: () => target.querySelector('[aria-live="polite"]')!.textContent!.trim(),
      cue: () => target.querySelector('[data-cue]')!.getAttribute('data-cue'),
      text: () => target.textContent!.replace(/\s+/g, ' '),
    };
  }

  it('animated: the shape grows with the breath in, frame by frame; the phase is named in a polite live region', () => {
    const view = show('animated', 0.5);
    expect(view.cue()).toBe('animated');
    expect(view.live()).toBe('Breathe in');
    const early = view.shape();
    view.at(2);
    expect(view.shape()).not.toBe(early);
    view.at(5);
    expect(view.live()).toBe('Hold');
    view.at(12);
    expect(view.live()).toBe('Breathe out');
    expect(view.text()).toContain('7 seconds'); // the breath out runs from 11 s to 19 s
  });

  it('still: nothing changes size within a phase; the ring changes only between phases, with a whole-second count', () => {
    const view = show('still', 0.2);
    expect(view.cue()).toBe('still');
    const first = view.shape();
    view.at(1.7);
    view.at(3.9);
    expect(view.shape()).toBe(first);
    expect(view.text()).toContain('1 second');
    view.at(4.1);
    expect(view.live()).toBe('Hold');
    expect(view.shape()).not.toBe(first);
    expect(view.text()).toContain('7 seconds');
  });
});
