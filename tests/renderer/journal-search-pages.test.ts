/**
 * Search shows the true number of matches and reaches every one of them, a page at a time; the
 * list's "Show older entries" never loads an empty page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import ListView from '../../renderer/features/journal/ListView.svelte';
import { PAGE_SIZE } from '../../renderer/features/journal/journal.svelte.ts';
import { byButton, click, settle } from './dom-helpers.ts';
import type { FakeApi } from './fake-api.ts';
import { mountWithApi, unmountAll } from './mount.ts';
import { seededJournal } from './journal-seed.ts';

afterEach(unmountAll);

// One clock reading for all: every entry is written at the same moment, so order falls to ties by id.
const seeded = (count: number, body = (i: number) => `harbour walk ${i}`) => seededJournal(count, body);

/** The next journal.search answer waits until the returned release is called (a slow page). */
function holdNextSearch(fake: FakeApi): () => void {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const real = fake.spies.journal.search.getMockImplementation()!;
  fake.spies.journal.search.mockImplementationOnce(async (q) => {
    await gate;
    return real(q);
  });
  return () => release();
}

/** Every answer journal.list gave, in call order. */
async function listAnswers(fake: FakeApi): Promise<unknown[][]> {
  const answers = await Promise.all(fake.spies.journal.list.mock.results.map((r) => r.value as Promise<{ ok: boolean; value: unknown[] }>));
  return answers.map((a) => a.value);
}

describe('search results, a page at a time', () => {
  it('reports the true total and reaches every match exactly once, newest first', async () => {
    const { journal, ids } = await seeded(PAGE_SIZE * 2 + 7);
    journal.filters.text = 'harbour';
    await journal.search();
    expect(journal.results).toHaveLength(PAGE_SIZE);
    expect(journal.resultsTotal).toBe(PAGE_SIZE * 2 + 7);

    const firstNew: (number | null)[] = [];
    while (journal.resultsNext) firstNew.push(await journal.loadMoreResults());
    expect(journal.results!.map((h) => h.id)).toEqual([...ids].reverse());
    expect(firstNew).toEqual([ids.at(-PAGE_SIZE - 1), ids.at(-2 * PAGE_SIZE - 1)]);
    expect(journal.resultsTotal).toBe(PAGE_SIZE * 2 + 7);
  });

  it('ends at an exact multiple of the page size without an empty load', async () => {
    const { fake, journal } = await seeded(PAGE_SIZE * 2);
    journal.filters.text = 'harbour';
    await journal.search();
    await journal.loadMoreResults();
    expect(journal.results).toHaveLength(PAGE_SIZE * 2);
    expect(journal.resultsNext).toBeNull();
    expect(fake.spies.journal.search).toHaveBeenCalledTimes(2);
    expect(await journal.loadMoreResults()).toBeNull();
    expect(fake.spies.journal.search).toHaveBeenCalledTimes(2);
  });

  it('drops a late page of an older search: the newer search wins', async () => {
    const { fake, journal } = await seeded(PAGE_SIZE + 5, (i) => (i % 2 ? `harbour ${i}` : `harbour lights ${i}`));
    journal.filters.text = 'harbour';
    await journal.search();
    expect(journal.resultsNext).not.toBeNull();

    // The next page of "harbour" is slow; meanwhile the person searches for "lights".
    const release = holdNextSearch(fake);
    const more = journal.loadMoreResults();
    journal.filters.text = 'lights';
    await journal.search();
    const lights = journal.results!.map((h) => h.id);
    release();
    expect(await more).toBeNull();
    expect(journal.results!.map((h) => h.id)).toEqual(lights);
    expect(journal.results!.every((h) => h.preview.includes('lights'))).toBe(true);
    expect(journal.resultsTotal).toBe(Math.ceil((PAGE_SIZE + 5) / 2));
    expect(journal.loadingMoreResults).toBe(false);
  });

  it('asks for more of the search it shows, not of text typed since', async () => {
    const { fake, journal } = await seeded(PAGE_SIZE + 3);
    journal.filters.text = 'harbour';
    await journal.search();
    journal.filters.text = 'harbour walk 1'; // typed, its search not run yet
    await journal.loadMoreResults();
    expect(fake.spies.journal.search).toHaveBeenLastCalledWith(expect.objectContaining({ text: 'harbour', before: expect.any(Object) }));
    expect(journal.results).toHaveLength(PAGE_SIZE + 3);
  });

  it('shows "N entries match" from the total, and "Show more results" moves focus to the first new result', async () => {
    const { fake, journal, ids } = await seeded(PAGE_SIZE + 12);
    const target = mountWithApi(ListView, fake.api, { journal });
    journal.setFilter('text', 'harbour');
    journal.scheduleSearch(0);
    await new Promise((r) => setTimeout(r, 10));
    await settle();
    expect(target.querySelector('.status[role="status"]')?.textContent?.trim()).toBe(`${PAGE_SIZE + 12} entries match.`);
    // The list is virtual: only cards near the screen are in the page, and each says how many there are.
    const rows = () => [...target.querySelectorAll('.entries > li')];
    expect(journal.results).toHaveLength(PAGE_SIZE);
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(PAGE_SIZE);
    expect(rows().every((li) => li.getAttribute('aria-setsize') === String(PAGE_SIZE + 12))).toBe(true);
    expect(rows()[0]?.getAttribute('aria-posinset')).toBe('1');

    click(byButton(target, 'Show more results'));
    await settle();
    expect(journal.results).toHaveLength(PAGE_SIZE + 12);
    const firstNew = ids.at(-PAGE_SIZE - 1)!;
    expect(document.activeElement).toBe(target.querySelector(`#entry-${firstNew}-title button`));
    expect([...target.querySelectorAll('button')].some((b) => b.textContent?.includes('Show more results'))).toBe(false);
    expect(target.querySelector('.status[role="status"]')?.textContent?.trim()).toBe(`${PAGE_SIZE + 12} entries match.`);
  });

  it('a page that comes after the person searched for something else moves nothing and says nothing', async () => {
    const { fake, journal } = await seeded(PAGE_SIZE + 12, (i) => (i % 2 ? `harbour lights ${i}` : `harbour ${i}`));
    const target = mountWithApi(ListView, fake.api, { journal });
    journal.filters.text = 'harbour';
    await journal.search();
    await settle();
    const release = holdNextSearch(fake);
    const more = byButton(target, 'Show more results');
    more.focus();
    click(more);
    // Meanwhile: back to the search box, and a narrower search.
    const box = target.querySelector<HTMLInputElement>('#search-text')!;
    box.focus();
    journal.filters.text = 'lights';
    await journal.search();
    release();
    await settle();
    expect(document.activeElement).toBe(box);
    expect(target.querySelector('#list-end')).toBeNull();
  });

  it('says "1 entry matches." for one', async () => {
    const { fake, journal } = await seeded(3, (i) => (i === 1 ? 'a lone pelican' : `harbour ${i}`));
    const target = mountWithApi(ListView, fake.api, { journal });
    journal.filters.text = 'pelican';
    await journal.search();
    await settle();
    expect(target.querySelector('.status[role="status"]')?.textContent?.trim()).toBe('1 entry matches.');
    expect([...target.querySelectorAll('button')].some((b) => b.textContent?.includes('Show more results'))).toBe(false);
  });
});

describe('"Show older entries"', () => {
  it('is not offered when the entries are an exact multiple of the page size, so no load comes back empty', async () => {
    const { fake, journal, ids } = await seeded(PAGE_SIZE * 2);
    expect(journal.entries).toHaveLength(PAGE_SIZE);
    expect(journal.hasMore).toBe(true);
    await journal.loadMore();
    expect(journal.entries.map((e) => e.id)).toEqual([...ids].reverse());
    expect(journal.hasMore).toBe(false);
    for (const answer of await listAnswers(fake)) expect(answer.length).toBeGreaterThan(0);
  });

  it('is not offered for exactly one page', async () => {
    const { journal } = await seeded(PAGE_SIZE);
    expect(journal.entries).toHaveLength(PAGE_SIZE);
    expect(journal.hasMore).toBe(false);
    const { journal: more } = await seeded(PAGE_SIZE + 1);
    expect(more.entries).toHaveLength(PAGE_SIZE);
    expect(more.hasMore).toBe(true);
  });
});

describe('"Show older entries", focus and staleness', () => {
  const olderButton = (target: HTMLElement) => [...target.querySelectorAll('button')].find((b) => b.textContent?.includes('Show older entries'));

  it('moves focus to the first entry it loaded, on every page, the last one too', async () => {
    const { fake, journal, ids } = await seeded(PAGE_SIZE * 2 + 5);
    const target = mountWithApi(ListView, fake.api, { journal });
    await settle();
    const newestFirst = [...ids].reverse();

    olderButton(target)!.focus();
    click(olderButton(target)!);
    await settle();
    expect(document.activeElement).toBe(target.querySelector(`#entry-${newestFirst[PAGE_SIZE]}-title button`));

    click(olderButton(target)!); // the last page: the button goes
    await settle();
    expect(olderButton(target)).toBeUndefined();
    expect(document.activeElement).toBe(target.querySelector(`#entry-${newestFirst[PAGE_SIZE * 2]}-title button`));
  });

  it('is no longer offered once the only older entry is deleted from a search result', async () => {
    const { journal, ids } = await seeded(PAGE_SIZE + 1, (i) => (i === 0 ? 'the oldest, a heron' : `harbour walk ${i}`));
    expect(journal.hasMore).toBe(true);
    journal.filters.text = 'heron';
    await journal.search();
    journal.open(ids[0]!);
    expect(await journal.remove(ids[0]!)).toBeNull();
    await journal.close(null);
    expect(journal.hasMore).toBe(false);
    journal.filters.text = '';
    await journal.search();
    expect(journal.entries).toHaveLength(PAGE_SIZE);
  });

  it('is no longer offered once the older entries are deleted elsewhere', async () => {
    const { fake, journal, ids } = await seeded(PAGE_SIZE + 1);
    expect(journal.hasMore).toBe(true);
    journal.open(ids[5]!);
    await fake.api.journal.delete({ id: ids[0]! }); // heard while the editor is open
    await journal.close(ids[5]!);
    expect(journal.hasMore).toBe(false);
  });

  it('a load that brings nothing after all puts focus on a plain note, not the heading', async () => {
    const { fake, journal, ids } = await seeded(PAGE_SIZE + 1);
    const target = mountWithApi(ListView, fake.api, { journal });
    await settle();
    // Deleted elsewhere a moment ago; the list has not caught up yet.
    await fake.api.journal.delete({ id: ids[0]! });
    olderButton(target)!.focus();
    click(olderButton(target)!);
    await settle();
    expect(olderButton(target)).toBeUndefined();
    const note = target.querySelector('#list-end');
    expect(note?.textContent).toContain('Nothing older to show');
    expect(document.activeElement).toBe(note);
    journal.dispose();
  });

  it('a load that fails says so and leaves focus on the button to try again', async () => {
    const { fake, journal } = await seeded(PAGE_SIZE + 3);
    const target = mountWithApi(ListView, fake.api, { journal });
    await settle();
    fake.spies.journal.list.mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong.' } } as never);
    olderButton(target)!.focus();
    click(olderButton(target)!);
    await settle();
    expect(target.textContent).toContain("We couldn't load older entries just now.");
    expect(document.activeElement).toBe(olderButton(target));
    click(olderButton(target)!);
    await settle();
    expect(journal.entries).toHaveLength(PAGE_SIZE + 3);
    expect(target.textContent).not.toContain("We couldn't load older entries just now.");
  });
});
