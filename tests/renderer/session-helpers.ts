import type { Practice } from '../../preload/contract/practice.ts';
import type { Clock, FrameLoop, RunAudio } from '../../renderer/features/session/session-run.svelte.ts';
import { vi } from 'vitest';
import type { Api } from '../../preload/create-api.ts';
import type { PracticesState } from '../../renderer/features/practices/practices.svelte.ts';
import { byButton, click, settle } from './dom-helpers.ts';
import { builtInPractices } from './fake-api.ts';
import { mountInBody } from './mount.ts';
import PracticesHarness from './PracticesHarness.svelte';

/** A clock the test moves by hand (seconds). */
export function fakeClock(start = 1000): Clock & { t: number; advance(seconds: number): void } {
  const clock = {
    t: start,
    now: () => clock.t,
    advance(seconds: number) {
      clock.t += seconds;
    },
  };
  return clock;
}

/** requestAnimationFrame by hand: `frame()` runs whatever asked for the next frame. */
export function fakeFrames(): FrameLoop & { frame(): void; pending(): number } {
  let next = 1;
  const callbacks = new Map<number, () => void>();
  return {
    request(cb) {
      const id = next++;
      callbacks.set(id, cb);
      return id;
    },
    cancel(id) {
      callbacks.delete(id);
    },
    frame() {
      const now = [...callbacks.values()];
      callbacks.clear();
      for (const cb of now) cb();
    },
    pending: () => callbacks.size,
  };
}

export function fakeAudio(): RunAudio & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    armBreath: vi.fn((_timeline, cycles: number, startAt: number) => void calls.push(`arm:${cycles}@${startAt}`)),
    clearCues: vi.fn(() => void calls.push('clear')),
    finish: vi.fn(() => void calls.push('finish')),
    stop: vi.fn(() => void calls.push('stop')),
    dispose: vi.fn(() => void calls.push('dispose')),
  };
}

export function practice(id: string): Practice {
  const p = builtInPractices.find((x) => x.id === id);
  if (!p) throw new Error(`no practice ${id}`);
  return structuredClone(p);
}

/**
 * The Practices page mounted over `practices` (refreshed first), with the practice titled `title`
 * begun from its start screen, as a person would: Start, then Begin.
 */
export async function beginInPage(practices: PracticesState, api: Api, title: string): Promise<HTMLElement> {
  await practices.refresh();
  const target = mountInBody(PracticesHarness, { api, practices });
  await settle();
  click(byButton(target, `Start ${title}`));
  await settle();
  click(byButton(target, 'Begin'));
  await settle();
  return target;
}
