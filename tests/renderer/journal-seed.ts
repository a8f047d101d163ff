import { JournalState } from '../../renderer/features/journal/journal.svelte.ts';
import { Toasts } from '../../renderer/state/toasts.svelte.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';

/**
 * A fake vault with `count` entries and the journal page's state over it, refreshed (the first
 * page loaded). `now` is the fake's clock: one reading for all makes order fall to ties by id.
 */
export async function seededJournal(
  count: number,
  body: (i: number) => string,
  now: () => number = () => 1_700_000_000_000,
): Promise<{ fake: FakeApi; journal: JournalState; ids: number[] }> {
  const fake = createFakeApi({ state: 'unlocked', now });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const made = await fake.api.journal.create({ body: body(i) });
    if (!made.ok) throw new Error('create failed');
    ids.push(made.value.id);
  }
  const journal = new JournalState(fake.api, new Toasts());
  await journal.refresh();
  return { fake, journal, ids };
}
