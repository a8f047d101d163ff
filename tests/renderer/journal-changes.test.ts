import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANGE_SETTLE_MS, JournalState, PAGE_SIZE } from '../../renderer/features/journal/journal.svelte.ts';
import { Toasts } from '../../renderer/state/toasts.svelte.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';

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

  it('shows an entry written elsewhere while the editor was closing (a quick note from the tray)', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const journal = new JournalState(fake.api, new Toasts());
    await journal.refresh();
    const opened = await fake.api.journal.create({ body: 'the one being closed' });
    if (!opened.ok) throw new Error('create failed');
    await vi.advanceTimersByTimeAsync(CHANGE_SETTLE_MS);
    journal.open(opened.value.id);
    // Closing catches up first; a note arrives while it waits.
    const closing = journal.close(opened.value.id);
    await fake.api.journal.create({ body: 'a quick note, written meanwhile' });
    await closing;
    await vi.advanceTimersByTimeAsync(CHANGE_SETTLE_MS);
    expect(journal.entries.map((e) => e.preview)).toContain('a quick note, written meanwhile');
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

/**
 * Written elsewhere, deep in a long journal: the list catches up on just the entries the event
 * names. The pages loaded stay (so the place on screen does too), the search stays, and the cost
 * is a few small queries whatever the number of entries loaded.
 */
describe('catching up on changes made elsewhere', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  async function seeded(count: number, body = (i: number) => `tide note ${i}`) {
    let t = 1_700_000_000_000;
    const fake = createFakeApi({ state: 'unlocked', now: () => (t += 1000) });
    const ids: number[] = [];
    for (let i = 0; i < count; i++) ids.push(await made(fake, body(i)));
    const toasts = new Toasts();
    const journal = new JournalState(fake.api, toasts);
    await journal.refresh();
    while (journal.hasMore) await journal.loadMore();
    return { fake, journal, ids, toasts };
  }

  async function made(fake: FakeApi, body: string): Promise<number> {
    const result = await fake.api.journal.create({ body });
    if (!result.ok) throw new Error('create failed');
    return result.value.id;
  }

  const settled = () => vi.advanceTimersByTimeAsync(CHANGE_SETTLE_MS);
  /** What journal.list was asked since `from`: the query of each call. */
  const listedSince = (fake: FakeApi, from: number) => fake.spies.journal.list.mock.calls.slice(from).map(([q]) => q ?? {});

  it('puts a new entry on top, replaces a changed one in place, drops a deleted one and puts a restored one back, every page kept', async () => {
    const { fake, journal, ids } = await seeded(PAGE_SIZE * 3 + 4);
    const before = fake.spies.journal.list.mock.calls.length;

    const fresh = await made(fake, 'written in a practice');
    await settled();
    expect(journal.entries[0]!.id).toBe(fresh);
    expect(journal.entries).toHaveLength(PAGE_SIZE * 3 + 5);

    const deep = ids[3]!; // near the end of the list, newest first
    const place = journal.entries.findIndex((e) => e.id === deep);
    expect(place).toBe(PAGE_SIZE * 3 + 5 - 4);
    await fake.api.journal.update({ id: deep, body: 'changed from a practice', tags: ['sea'] });
    await settled();
    expect(journal.entries[place]).toMatchObject({ id: deep, preview: 'changed from a practice', tags: ['sea'] });

    await fake.api.journal.delete({ id: deep });
    await settled();
    expect(journal.entries.some((e) => e.id === deep)).toBe(false);
    expect(journal.entries).toHaveLength(PAGE_SIZE * 3 + 4);

    await fake.api.journal.restore({ id: deep });
    await settled();
    expect(journal.entries.map((e) => e.id)).toEqual([fresh, ...[...ids].reverse()]);

    // Never the pages again (a page load asks for one more than a page), only small asks.
    const asked = listedSince(fake, before);
    expect(asked.every((q) => (q.limit ?? 50) <= PAGE_SIZE)).toBe(true);
    expect(asked.length).toBeLessThanOrEqual(5);
    journal.dispose();
  });

  it('Undo of a delete puts the entry back where it was, in the list and in the results', async () => {
    const { fake, journal, ids, toasts } = await seeded(PAGE_SIZE * 2 + 10);
    journal.filters.text = 'tide';
    await journal.search();
    await journal.loadMoreResults();
    const deep = ids[15]!;
    const place = journal.entries.findIndex((e) => e.id === deep);
    const hitPlace = journal.results!.findIndex((h) => h.id === deep);
    expect(hitPlace).toBeGreaterThan(PAGE_SIZE); // on the second page of results
    const before = fake.spies.journal.list.mock.calls.length;

    expect(await journal.remove(deep)).toBeNull();
    expect(journal.resultsTotal).toBe(PAGE_SIZE * 2 + 9);
    expect(journal.entries).toHaveLength(PAGE_SIZE * 2 + 9);
    await toasts.items[0]!.action!.run();

    expect(journal.entries.findIndex((e) => e.id === deep)).toBe(place);
    expect(journal.entries).toHaveLength(PAGE_SIZE * 2 + 10);
    expect(journal.results!.findIndex((h) => h.id === deep)).toBe(hitPlace);
    expect(journal.resultsTotal).toBe(PAGE_SIZE * 2 + 10);
    expect(listedSince(fake, before).every((q) => (q.limit ?? 50) <= PAGE_SIZE)).toBe(true);
    journal.dispose();
  });

  it('a search showing its first page only is asked again, so a new match shows with the right total', async () => {
    const { fake, journal } = await seeded(20);
    journal.filters.text = 'tide';
    await journal.search();
    expect(journal.resultsTotal).toBe(20);
    const fresh = await made(fake, 'tide written in a practice');
    await made(fake, 'nothing to do with the search');
    await settled();
    expect(journal.results![0]!.id).toBe(fresh);
    expect(journal.results).toHaveLength(21);
    expect(journal.resultsTotal).toBe(21);
    journal.dispose();
  });

  it('a search with more pages loaded keeps them: what changed is updated or dropped, a new match shows in its place', async () => {
    const { fake, journal, ids } = await seeded(PAGE_SIZE + 20);
    journal.filters.text = 'tide';
    await journal.search();
    await journal.loadMoreResults();
    expect(journal.results).toHaveLength(PAGE_SIZE + 20);
    const searchesBefore = fake.spies.journal.search.mock.calls.length;

    const fresh = await made(fake, 'tide written in a practice');
    await fake.api.journal.delete({ id: ids[2]! });
    await fake.api.journal.update({ id: ids[5]!, body: 'tide, and a gull', tags: ['gull'] });
    await settled();
    // The pages being read stay, and the new match is among them (on top: it is the newest), so
    // every match counted can be reached.
    expect(journal.results).toHaveLength(PAGE_SIZE + 20);
    expect(journal.results![0]!.id).toBe(fresh);
    expect(journal.results!.some((h) => h.id === ids[2])).toBe(false);
    expect(journal.results!.find((h) => h.id === ids[5])!.tags).toEqual(['gull']);
    expect(journal.resultsTotal).toBe(PAGE_SIZE + 20);
    expect(journal.resultsTotal).toBe(journal.results!.length);
    expect(journal.filters.text).toBe('tide');
    // Never the pages again: a small ask for the new entry's own place.
    expect(fake.spies.journal.search.mock.calls.slice(searchesBefore).every(([q]) => (q.limit ?? 50) === 1)).toBe(true);
    journal.dispose();
  });

  it('an older entry changed to match goes into its place among the results loaded, or comes with "Show more results"', async () => {
    const { fake, journal, ids } = await seeded(PAGE_SIZE * 2 + 20, (i) => (i % 2 ? `tide note ${i}` : `gull note ${i}`));
    journal.filters.text = 'tide';
    await journal.search();
    await journal.loadMoreResults();
    expect(journal.results).toHaveLength(PAGE_SIZE + 10);
    expect(journal.resultsNext).toBeNull();

    // All matches loaded: one changed to match, anywhere, is shown where its date puts it.
    const mid = ids[40]!;
    await fake.api.journal.update({ id: mid, body: 'a gull, and the tide' });
    await settled();
    expect(journal.results).toHaveLength(PAGE_SIZE + 11);
    expect(journal.resultsTotal).toBe(PAGE_SIZE + 11);
    const order = journal.results!.map((h) => h.id);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(order).toContain(mid);
    journal.dispose();

    // Only the first pages loaded: one further back is counted and reached with "Show more results".
    const other = await seeded(PAGE_SIZE * 5, (i) => (i % 2 ? `tide note ${i}` : `gull note ${i}`));
    other.journal.filters.text = 'tide';
    await other.journal.search();
    await other.journal.loadMoreResults();
    expect(other.journal.results).toHaveLength(PAGE_SIZE * 2);
    expect(other.journal.resultsTotal).toBe((PAGE_SIZE * 5) / 2);
    await other.fake.api.journal.update({ id: other.ids[0]!, body: 'the oldest, now with the tide' });
    const fresh = await made(other.fake, 'tide, just now');
    await settled();
    expect(other.journal.results).toHaveLength(PAGE_SIZE * 2 + 1);
    expect(other.journal.results![0]!.id).toBe(fresh);
    expect(other.journal.results!.some((h) => h.id === other.ids[0])).toBe(false);
    expect(other.journal.resultsTotal).toBe((PAGE_SIZE * 5) / 2 + 2);
    expect(other.journal.resultsNext).not.toBeNull();
    while (other.journal.resultsNext) await other.journal.loadMoreResults();
    expect(other.journal.results).toHaveLength((PAGE_SIZE * 5) / 2 + 2);
    expect(other.journal.results!.at(-1)!.id).toBe(other.ids[0]);
    other.journal.dispose();
  });

  it('catches up at Back on what was heard while the editor was open', async () => {
    const { fake, journal, ids } = await seeded(PAGE_SIZE + 10);
    journal.open(ids[20]!);
    await fake.api.journal.delete({ id: ids[10]! });
    const fresh = await made(fake, 'written meanwhile');
    await vi.advanceTimersByTimeAsync(CHANGE_SETTLE_MS * 2);
    expect(journal.entries.some((e) => e.id === ids[10])).toBe(true);

    await journal.close(ids[20]!);
    expect(journal.entries[0]!.id).toBe(fresh);
    expect(journal.entries.some((e) => e.id === ids[10])).toBe(false);
    expect(journal.entries).toHaveLength(PAGE_SIZE + 10);
    journal.dispose();
  });

  it('reads everything again when the change names no entries (an import, a restored backup)', async () => {
    const { fake, journal } = await seeded(PAGE_SIZE + 10);
    const before = fake.spies.journal.list.mock.calls.length;
    fake.emit('journal.changed', {});
    await settled();
    expect(listedSince(fake, before)).toEqual([{ limit: PAGE_SIZE + 1 }]);
    journal.dispose();
  });

  it('stays a few small queries with 10,000 entries loaded', async () => {
    const { fake, journal, ids } = await seeded(10_000, (i) => `day ${i}`);
    expect(journal.entries).toHaveLength(10_000);
    const before = fake.spies.journal.list.mock.calls.length;
    const gets = fake.spies.journal.get.mock.calls.length;

    const fresh = await made(fake, 'a new evening');
    await fake.api.journal.update({ id: ids[1]!, body: 'the second day, again' });
    await fake.api.journal.delete({ id: ids[5_000]! });
    await settled();

    expect(journal.entries[0]!.id).toBe(fresh);
    expect(journal.entries.at(-2)).toMatchObject({ id: ids[1], preview: 'the second day, again' });
    expect(journal.entries.some((e) => e.id === ids[5_000])).toBe(false);
    expect(journal.entries).toHaveLength(10_000);
    // The top of the list, and each changed entry by its place: never a page of the 200 loaded again.
    expect(listedSince(fake, before)).toHaveLength(3);
    expect(listedSince(fake, before).every((q) => (q.limit ?? 50) <= PAGE_SIZE)).toBe(true);
    expect(fake.spies.journal.get.mock.calls.length).toBe(gets);
    journal.dispose();
  });
});
