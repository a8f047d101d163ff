import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANGE_SETTLE_MS, JournalState } from '../../renderer/features/journal/journal.svelte.ts';
import { Toasts } from '../../renderer/state/toasts.svelte.ts';
import { createFakeApi } from './fake-api.ts';

/** The journal list follows changes made anywhere: a practice's prompt writes through the same api. */
describe('the journal list hears of entries written elsewhere', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows an entry written in a practice as soon as the writing settles', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const journal = new JournalState(fake.api, new Toasts());
    await journal.refresh();
    expect(journal.entries).toHaveLength(0);

    // A prompt's writing: created, then autosaved a few times in a burst.
    const created = await fake.api.journal.create({ body: 'What is here', sessionId: 1 });
    if (!created.ok) throw new Error('create failed');
    await fake.api.journal.update({ id: created.value.id, body: 'What is here: a tight chest' });
    const listsBefore = fake.spies.journal.list.mock.calls.length;
    await vi.advanceTimersByTimeAsync(CHANGE_SETTLE_MS - 1);
    expect(journal.entries).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(journal.entries.map((e) => e.preview)).toEqual(['What is here: a tight chest']);
    // One refresh for the whole burst.
    expect(fake.spies.journal.list.mock.calls.length - listsBefore).toBe(1);
    journal.dispose();
  });

  it('leaves the list alone while the editor is open (it is the source), and stops listening once disposed', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const journal = new JournalState(fake.api, new Toasts());
    await journal.refresh();
    journal.open('new');
    const listsBefore = fake.spies.journal.list.mock.calls.length;
    await fake.api.journal.create({ body: 'typed in the editor' });
    await vi.advanceTimersByTimeAsync(CHANGE_SETTLE_MS * 2);
    expect(fake.spies.journal.list.mock.calls.length).toBe(listsBefore);

    journal.dispose();
    await fake.api.journal.create({ body: 'after locking' });
    await vi.advanceTimersByTimeAsync(CHANGE_SETTLE_MS * 2);
    expect(fake.spies.journal.list.mock.calls.length).toBe(listsBefore);
  });
});
