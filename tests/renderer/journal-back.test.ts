/**
 * "Back to journal" comes back to the list as it was: the pages loaded and the search stay, only
 * what the editor changed is fetched again, and focus goes to the entry just closed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import ListView from '../../renderer/features/journal/ListView.svelte';
import { JournalState, PAGE_SIZE } from '../../renderer/features/journal/journal.svelte.ts';
import { Toasts } from '../../renderer/state/toasts.svelte.ts';
import { settle } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { mountWithApi, unmountAll } from './mount.ts';
import { seededJournal } from './journal-seed.ts';

afterEach(unmountAll);

async function seeded(count: number): Promise<{ fake: FakeApi; journal: JournalState; ids: number[] }> {
  let t = 1_700_000_000_000;
  const fake = createFakeApi({ state: 'unlocked', now: () => (t += 1000) });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const made = await fake.api.journal.create({ body: `tide note ${i}` });
    if (!made.ok) throw new Error('create failed');
    ids.push(made.value.id);
  }
  const journal = new JournalState(fake.api, new Toasts());
  await journal.refresh();
  while (journal.hasMore) await journal.loadMore();
  return { fake, journal, ids };
}

describe('back to journal', () => {
  it('keeps every page loaded and updates only the entry that was edited', async () => {
    const { fake, journal, ids } = await seeded(PAGE_SIZE * 3 + 4);
    const deep = ids[3]!; // near the end of the list, newest first
    journal.open(deep);
    await fake.api.journal.update({ id: deep, body: 'the tide came back in', tags: ['sea'] });
    const listsBefore = fake.spies.journal.list.mock.calls.length;

    await journal.close(deep);

    expect(journal.editing).toBeNull();
    expect(journal.returnFocusTo).toBe(deep);
    expect(journal.entries).toHaveLength(PAGE_SIZE * 3 + 4);
    expect(journal.entries.map((e) => e.id)).toEqual([...ids].reverse());
    const edited = journal.entries.find((e) => e.id === deep)!;
    expect(edited.preview).toContain('the tide came back in');
    expect(edited.tags).toEqual(['sea']);
    // The top of the list and the entry's own place: never the pages again from the first.
    expect(fake.spies.journal.list.mock.calls.length - listsBefore).toBeLessThanOrEqual(2);
    expect(fake.spies.journal.list.mock.calls.slice(listsBefore).every(([q]) => (q?.limit ?? 50) <= PAGE_SIZE)).toBe(true);
  });

  it('puts a new entry on top and drops one that was deleted', async () => {
    const { fake, journal, ids } = await seeded(PAGE_SIZE + 10);
    journal.open('new');
    const made = await fake.api.journal.create({ body: 'a brand new morning' });
    if (!made.ok) throw new Error('create failed');
    await journal.close(made.value.id);
    expect(journal.entries[0]!.id).toBe(made.value.id);
    expect(journal.entries).toHaveLength(PAGE_SIZE + 11);

    const gone = ids[5]!;
    journal.open(gone);
    await fake.api.journal.delete({ id: gone });
    await journal.close(null);
    expect(journal.entries.some((e) => e.id === gone)).toBe(false);
    expect(journal.entries).toHaveLength(PAGE_SIZE + 10);
  });

  it('keeps the search and its pages, with the edited result updated', async () => {
    const { fake, journal, ids } = await seeded(PAGE_SIZE + 20);
    journal.filters.text = 'tide';
    await journal.search();
    await journal.loadMoreResults();
    expect(journal.results).toHaveLength(PAGE_SIZE + 20);
    const searchesBefore = fake.spies.journal.search.mock.calls.length;

    const deep = ids[2]!;
    journal.open(deep);
    await fake.api.journal.update({ id: deep, body: 'tide and a gull', tags: ['gull'] });
    await journal.close(deep);
    expect(fake.spies.journal.search.mock.calls.length).toBe(searchesBefore);
    expect(journal.results).toHaveLength(PAGE_SIZE + 20);
    expect(journal.results!.find((h) => h.id === deep)!.tags).toEqual(['gull']);
    expect(journal.filters.text).toBe('tide');
  });

  it('shows the list with focus on the entry just closed, deep in the list, and only a few cards in the page', async () => {
    const { fake, journal, ids } = await seeded(PAGE_SIZE * 4);
    mountWithApi(ListView, fake.api, { journal });
    await settle();
    const deep = ids[7]!;
    journal.open(deep);
    unmountAll(); // the editor takes the list's place (Page.svelte)

    await journal.close(deep);
    const target = mountWithApi(ListView, fake.api, { journal });
    flushSync();
    const button = target.querySelector<HTMLElement>(`#entry-${deep}-title button`);
    expect(button).not.toBeNull();
    expect(document.activeElement).toBe(button);
    const rows = target.querySelectorAll('.entries > li');
    expect(rows.length).toBeLessThan(PAGE_SIZE);
    const row = button!.closest('li')!;
    expect(row.getAttribute('aria-posinset')).toBe(String(journal.entries.findIndex((e) => e.id === deep) + 1));
    expect(row.getAttribute('aria-setsize')).toBe(String(PAGE_SIZE * 4));
  });
});

describe('how many the list says it holds (aria-setsize)', () => {
  const setsizes = (target: HTMLElement) => new Set([...target.querySelectorAll('.entries > li')].map((li) => li.getAttribute('aria-setsize')));

  it('is unknown (-1) while older pages remain, never the count loaded so far; the true number once all are loaded', async () => {
    const { fake, journal } = await seeded(PAGE_SIZE * 2 + 5);
    await journal.refresh(); // back to the first page only
    const target = mountWithApi(ListView, fake.api, { journal });
    await settle();
    expect(journal.hasMore).toBe(true);
    expect(setsizes(target)).toEqual(new Set(['-1']));
    await journal.loadMore();
    await settle();
    expect(setsizes(target)).toEqual(new Set(['-1']));
    await journal.loadMore();
    await settle();
    expect(setsizes(target)).toEqual(new Set([String(PAGE_SIZE * 2 + 5)]));
  });

  it('is the true number of matches for search results, loaded or not', async () => {
    const { fake, journal } = await seeded(PAGE_SIZE + 12);
    journal.filters.text = 'tide';
    await journal.search();
    const target = mountWithApi(ListView, fake.api, { journal });
    await settle();
    expect(journal.results).toHaveLength(PAGE_SIZE);
    expect(setsizes(target)).toEqual(new Set([String(PAGE_SIZE + 12)]));
  });
});

/**
 * A search reaches entries the list has not loaded yet (the list shows its first page only).
 * Opening such a result and coming back must find it still there: it is not "gone" just because
 * the list's pages do not hold it.
 */
describe('back to a search result older than the list pages loaded', () => {
  const firstPageOnly = (count: number, body: (i: number) => string) => {
    let t = 1_700_000_000_000;
    return seededJournal(count, body, () => (t += 1000));
  };

  it('keeps the only match, says so, and puts focus on it', async () => {
    const { fake, journal, ids } = await firstPageOnly(PAGE_SIZE + 11, (i) => (i === 0 ? 'an albatross over the bay' : `tide note ${i}`));
    expect(journal.hasMore).toBe(true);
    journal.filters.text = 'albatross';
    await journal.search();
    const oldest = ids[0]!;
    expect(journal.results!.map((h) => h.id)).toEqual([oldest]);
    mountWithApi(ListView, fake.api, { journal });
    await settle();
    journal.open(oldest);
    unmountAll(); // the editor takes the list's place

    await journal.close(oldest);
    expect(journal.results!.map((h) => h.id)).toEqual([oldest]);
    expect(journal.resultsTotal).toBe(1);
    // Not slipped into the list's pages: it comes there with "Show older entries".
    expect(journal.entries.some((e) => e.id === oldest)).toBe(false);
    const target = mountWithApi(ListView, fake.api, { journal });
    flushSync();
    expect(target.querySelector('.status[role="status"]')?.textContent?.trim()).toBe('1 entry matches.');
    expect(document.activeElement).toBe(target.querySelector(`#entry-${oldest}-title button`));
  });

  it('keeps a result deep in a long search, edited or not, with the total as it was', async () => {
    const { fake, journal, ids } = await firstPageOnly(120, (i) => `tide note ${i}`);
    journal.filters.text = 'tide';
    await journal.search();
    while (journal.resultsNext) await journal.loadMoreResults();
    expect(journal.results).toHaveLength(120);
    const deep = journal.results![109]!.id;

    journal.open(deep);
    await journal.close(deep);
    expect(journal.results).toHaveLength(120);
    expect(journal.results![109]!.id).toBe(deep);
    expect(journal.resultsTotal).toBe(120);

    journal.open(deep);
    await fake.api.journal.update({ id: deep, body: 'tide note, and a heron', tags: ['heron'] });
    await journal.close(deep);
    expect(journal.results![109]).toMatchObject({ id: deep, tags: ['heron'] });
    expect(journal.resultsTotal).toBe(120);
    expect(ids).toContain(deep);
  });
});

describe('back to a search from a new entry', () => {
  async function searching(word: string) {
    const fake = createFakeApi({ state: 'unlocked' });
    for (let i = 0; i < 5; i++) await fake.api.journal.create({ body: `tide ${i}` });
    const journal = new JournalState(fake.api, new Toasts());
    await journal.refresh();
    journal.filters.text = word;
    await journal.search();
    return { fake, journal };
  }

  async function writeNew(fake: FakeApi, journal: JournalState, body: string): Promise<HTMLElement> {
    journal.open('new');
    const made = await fake.api.journal.create({ body });
    if (!made.ok) throw new Error('create failed');
    await journal.close(made.value.id);
    const target = mountWithApi(ListView, fake.api, { journal });
    flushSync();
    return target;
  }

  it('shows it among the results when it matches, with focus on it', async () => {
    const { fake, journal } = await searching('tide');
    const target = await writeNew(fake, journal, 'a tide pool at dawn');
    expect(journal.results![0]!.preview).toBe('a tide pool at dawn');
    expect(journal.resultsTotal).toBe(6);
    expect(document.activeElement).toBe(target.querySelector(`#entry-${journal.results![0]!.id}-title button`));
  });

  it('says so, with focus on those words, when it does not match (never the page body)', async () => {
    const { fake, journal } = await searching('tide');
    const target = await writeNew(fake, journal, 'a gull on the roof');
    expect(journal.results).toHaveLength(5);
    const note = target.querySelector('.outside');
    expect(note?.textContent).toContain("It doesn't match this search");
    expect(document.activeElement).toBe(note);
  });
});
