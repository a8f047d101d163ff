/**
 * Practices History past its first page (happy-dom, fake api): "Show older sessions", and an
 * entry's "See that session in History" reaching a session beyond the first page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, PracticesState } from '../../renderer/features/practices/practices.svelte.ts';
import { byButton, click, settle } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { mountInBody, unmountAll } from './mount.ts';
import PracticesHarness from './PracticesHarness.svelte';

afterEach(unmountAll);

/** A fake vault with `count` sessions, one a minute; their ids, oldest first. */
async function withSessions(count: number): Promise<{ fake: FakeApi; ids: number[] }> {
  let t = new Date(2026, 0, 5, 9, 0).getTime();
  const fake = createFakeApi({ state: 'unlocked', now: () => (t += 60_000) });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = await fake.api.sessions.start({ practiceId: 'permission' });
    if (!started.ok) throw new Error(started.error.message);
    ids.push(started.value.sessionId);
  }
  return { fake, ids };
}

async function open(fake: FakeApi) {
  const practices = new PracticesState(fake.api, { loadAudio: async () => null, speed: null });
  await practices.refresh();
  const target = mountInBody(PracticesHarness, { api: fake.api, practices });
  await settle();
  const shown = () => [...target.querySelectorAll<HTMLElement>('.sessions > li')].map((li) => Number(li.id.replace('history-session-', '')));
  const olderButton = () => [...target.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Show older sessions') ?? null;
  return { practices, target, shown, olderButton };
}

const focusedSession = () => Number(document.activeElement?.id.replace('history-session-', ''));

describe('Practices History pages', () => {
  it('an older page that comes back after the list was reloaded is let go (no gap), and focus stays where the person moved it', async () => {
    const { fake, ids } = await withSessions(HISTORY_LIMIT * 3);
    const { practices, olderButton, target } = await open(fake);
    const list = fake.api.sessions.list.bind(fake.api.sessions);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    fake.api.sessions.list = async (input) => {
      if (input?.beforeId !== undefined) await held;
      return list(input);
    };
    olderButton()!.focus();
    click(olderButton()!);
    // Meanwhile the person moves on, and the page reloads its newest sessions.
    const title = target.querySelector<HTMLElement>('#history-title')!;
    title.focus();
    await practices.loadHistory();
    release();
    await settle();
    const newest = [...ids].reverse().slice(0, HISTORY_LIMIT);
    expect(practices.history.map((r) => r.id)).toEqual(newest);
    expect(document.activeElement).toBe(title);
  });

  it('shows the newest page, and "Show older sessions" adds the rest with the focus on the first one added', async () => {
    const { fake, ids } = await withSessions(HISTORY_LIMIT + 1);
    const { shown, olderButton } = await open(fake);
    const newestFirst = [...ids].reverse();
    expect(shown()).toEqual(newestFirst.slice(0, HISTORY_LIMIT));

    // As a press does: the button has the focus.
    olderButton()!.focus();
    click(olderButton()!);
    await settle();
    expect(shown()).toEqual(newestFirst);
    // The one older session, focused; nothing older, so no button (and no empty load was ever needed).
    expect(focusedSession()).toBe(ids[0]);
    expect(olderButton()).toBeNull();
    expect(fake.spies.sessions.list).toHaveBeenLastCalledWith({ limit: HISTORY_LIMIT + 1, beforeId: newestFirst[HISTORY_LIMIT - 1] });
  });

  it('offers no "Show older sessions" when every session is already shown', async () => {
    const { fake } = await withSessions(HISTORY_LIMIT);
    const { shown, olderButton } = await open(fake);
    expect(shown()).toHaveLength(HISTORY_LIMIT);
    expect(olderButton()).toBeNull();
  });

  it('"See that session in History" loads older pages until that session is shown, and focuses it', async () => {
    const { fake, ids } = await withSessions(2 * HISTORY_LIMIT + 1);
    const { practices, shown } = await open(fake);
    practices.focusSession = ids[0]!;
    await settle(10);
    expect(shown()).toHaveLength(2 * HISTORY_LIMIT + 1);
    expect(focusedSession()).toBe(ids[0]);
    expect(practices.focusSession).toBeNull();
  });

  it('says plainly when the session asked for is not in History, with the focus on those words', async () => {
    const { fake } = await withSessions(HISTORY_LIMIT + 1);
    const { practices, target } = await open(fake);
    practices.focusSession = 999;
    await settle(10);
    const problem = target.querySelector('#history-problem');
    expect(problem?.textContent).toMatch(/That session couldn't be found in your History/);
    expect(document.activeElement).toBe(problem);
  });

  it('an older page that cannot be loaded says so, and the button stays to try again', async () => {
    const { fake } = await withSessions(HISTORY_LIMIT + 1);
    const { target, olderButton } = await open(fake);
    fake.spies.sessions.list.mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong.' } } as never);
    click(byButton(target, 'Show older sessions'));
    await settle();
    expect(target.querySelector('#history-problem')?.textContent).toMatch(/We couldn't load the older sessions just now/);
    expect(olderButton()).not.toBeNull();
  });
});
