import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AfterSession from '../../renderer/features/session/AfterSession.svelte';
import { byButton, click, settle } from './dom-helpers.ts';
import { mountInBody, unmountAll } from './mount.ts';

afterEach(unmountAll);

const legends = (root: HTMLElement) => [...root.querySelectorAll('legend')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());

describe('after the session', () => {
  it('asks mood and tears once: what was answered when putting a memory away is kept, not asked again', async () => {
    const onsave = vi.fn(async () => null);
    const target = mountInBody(AfterSession, { outcome: 'finished', answered: { moodAfter: 4, tears: 'tear' }, onsave, onskip: () => {} });
    flushSync();
    expect(legends(target).some((l) => l.startsWith('How do you feel now?'))).toBe(false);
    expect(legends(target).some((l) => l.startsWith('Did any tears come?'))).toBe(false);
    expect(target.textContent).toContain('You already said how you were when you put the memory away');
    click(byButton(target, 'Save'));
    await settle();
    expect(onsave).toHaveBeenCalledWith({ moodAfter: 4, tears: 'tear', notes: '' });
  });

  it('offers "some of this felt like too much", unticked; saved only when ticked, and unticking takes it back', async () => {
    const onsave = vi.fn(async () => null);
    const target = mountInBody(AfterSession, { outcome: 'stopped', onsave, onskip: () => {} });
    flushSync();
    const box = target.ownerDocument.getElementById(
      [...target.querySelectorAll('label')].find((l) => l.textContent === 'Some of this felt like too much for me')!.htmlFor,
    ) as HTMLInputElement;
    expect(box.type).toBe('checkbox');
    expect(box.checked).toBe(false);
    // Its hint says what ticking it does, and is read with it.
    expect(target.ownerDocument.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toMatch(/Only if you'd like to say so\..*suggest someone to talk to/);
    click(byButton(target, 'Save'));
    await settle();
    expect(onsave).toHaveBeenLastCalledWith({ notes: '' });

    click(box);
    click(byButton(target, 'Save'));
    await settle();
    expect(onsave).toHaveBeenLastCalledWith({ notes: '', tooMuch: true });

    click(box);
    click(byButton(target, 'Save'));
    await settle();
    expect(onsave).toHaveBeenLastCalledWith({ notes: '' });
  });

  it('asks everything when nothing was answered before, and shows no relief until it is chosen', () => {
    const target = mountInBody(AfterSession, { outcome: 'stopped', onsave: async () => null, onskip: () => {} });
    flushSync();
    expect(legends(target).filter((l) => /How do you feel now\?|Did any tears come\?|Felt relief/.test(l))).toHaveLength(3);
    expect([...target.querySelectorAll<HTMLInputElement>('input[type=radio]')].some((r) => r.checked)).toBe(false);
  });
});
