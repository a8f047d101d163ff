import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchHit, limits } from '../../preload/contract/index.ts';
import { toFtsQuery } from '../../main/core/journal/fts-query.ts';
import { Journal } from '../../main/core/journal/journal.ts';
import { matchClose, matchOpen, snippetParts } from '../../main/core/journal/snippet.ts';
import type { Db } from '../../main/core/vault/database.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import { expectAppError, openTestDatabase } from '../helpers/vault-fixtures.ts';

let cleanup: () => void;
let db: Db;
let clock: FakeClock;
let journal: Journal;

beforeEach(() => {
  ({ db, clock, cleanup } = openTestDatabase());
  journal = new Journal(() => db, clock);
});

afterEach(() => cleanup());

type Fields = Parameters<Journal['create']>[0];
function add(fields: Fields): number {
  clock.advance(60_000);
  return journal.create(fields).id;
}

function ids(text: string, filters: Omit<Parameters<Journal['search']>[0], 'text'> = {}): number[] {
  return journal.search({ text, ...filters }).hits.map((hit) => hit.id);
}

function matchedWords(hit: SearchHit): string[] {
  return hit.snippet.filter((p) => p.match).map((p) => p.text);
}

describe('words', () => {
  it('finds entries containing every word, newest first', () => {
    const a = add({ body: 'The tide came in and I felt calm by the water.' });
    const b = add({ body: 'Water everywhere; the kettle boiled over.' });
    add({ body: 'Nothing about the sea today.' });
    const c = add({ body: 'I sat by the WATER and felt nothing at all.' });

    expect(ids('water')).toEqual([c, b, a]);
    expect(ids('water felt')).toEqual([c, a]);
    expect(ids('felt water tide')).toEqual([a]);
    expect(ids('water zebra')).toEqual([]);
  });

  it('matches the last word as a prefix while it is being typed', () => {
    const a = add({ body: 'I am grateful for small things.' });
    const b = add({ body: 'Grateful and tired.' });
    add({ body: 'A grey day.' });

    expect(ids('gratef')).toEqual([b, a]);
    expect(ids('small gra')).toEqual([a]);
    // A trailing space means the word is finished: no prefix.
    expect(ids('gratef ')).toEqual([]);
    expect(ids('grateful ')).toEqual([b, a]);
    // Only the last word is a prefix.
    expect(ids('gra small')).toEqual([]);
  });

  it('ignores case and diacritics both ways (café finds cafe and cafe finds café)', () => {
    const accented = add({ body: 'Coffee at the café, naïve hope, Ärger und Übermut.' });
    const plain = add({ body: 'The cafe was loud and I felt naive.' });
    expect(ids('cafe')).toEqual([plain, accented]);
    expect(ids('café')).toEqual([plain, accented]);
    expect(ids('CAFÉ NAÏVE')).toEqual([plain, accented]);
    expect(ids('arger')).toEqual([accented]);
    expect(ids('übermut')).toEqual([accented]);
  });

  it('finds Hebrew, Arabic and Cyrillic words and words next to emoji', () => {
    const hebrew = add({ body: 'היום בכיתי קצת, וזה היה טוב' });
    const arabic = add({ body: 'شعرت بالحزن اليوم لكن بعدها ارتحت' });
    const cyrillic = add({ body: 'Сегодня ПЛАКАЛ у моря' });
    const emoji = add({ body: 'tears💧finally came 😢 after the film' });

    expect(ids('בכיתי')).toEqual([hebrew]);
    expect(ids('טו')).toEqual([hebrew]);
    expect(ids('بالحزن')).toEqual([arabic]);
    expect(ids('ارتح')).toEqual([arabic]);
    expect(ids('плакал')).toEqual([cyrillic]);
    expect(ids('tears')).toEqual([emoji]);
    expect(ids('finally film')).toEqual([emoji]);
    // An emoji alone is not a word the index holds: it finds nothing rather than everything.
    expect(ids('😢')).toEqual([]);
  });

  it('finds HTML and script text as plain words and returns it as plain text', () => {
    const id = add({ body: 'before <script>alert("boo")</script> after <b>bold</b>' });
    const [hit] = journal.search({ text: 'alert' }).hits;
    expect(hit?.id).toBe(id);
    expect(hit?.snippet.map((p) => p.text).join('')).toBe('before <script>alert("boo")</script> after <b>bold</b>');
    expect(matchedWords(hit!)).toEqual(['alert']);
    expect(ids('script')).toEqual([id]);
  });

  it('finds a word at the very end of a 1 MB entry and snips around it', () => {
    const filler = 'quiet waves under a low sky, ';
    const body = `${filler.repeat(Math.ceil(1_048_576 / filler.length))}and then the albatross.`;
    const id = add({ body });
    add({ body: 'a small one with waves' });
    const [hit] = journal.search({ text: 'albatross' }).hits;
    expect(hit?.id).toBe(id);
    expect(matchedWords(hit!)).toEqual(['albatross']);
    expect(hit!.snippet[0]?.text.startsWith('…')).toBe(true);
    expect(hit!.snippet.map((p) => p.text).join('').length).toBeLessThan(300);
  });

  it('follows edits: old words leave the index and new ones arrive', () => {
    const id = add({ body: 'first draft mentions a walrus' });
    journal.update(id, { body: 'second draft mentions a pelican' });
    expect(ids('walrus')).toEqual([]);
    expect(ids('pelican')).toEqual([id]);
  });

  it('respects the limit and refuses bad queries', async () => {
    for (let i = 0; i < 8; i++) add({ body: `same word ${i}` });
    expect(ids('same', { limit: 3 })).toHaveLength(3);
    expect(ids('same')).toHaveLength(8);
    await expectAppError(() => journal.search({ text: 'x'.repeat(limits.searchQueryMax + 1) }), 'INVALID_INPUT');
    await expectAppError(() => journal.search({ text: 'same', limit: 0 }), 'INVALID_INPUT');
  });
});

describe('hostile query text', () => {
  const hostile = [
    '"',
    '""',
    '"unclosed phrase',
    '*',
    '**',
    'sea*',
    '*sea',
    'AND',
    'OR',
    'NOT',
    'sea AND',
    'AND sea',
    'sea OR',
    'NOT sea',
    'sea NOT',
    'NEAR(',
    'NEAR(sea tide',
    'NEAR(sea tide, 2)',
    'NEAR',
    '-',
    '-sea',
    'sea -tide',
    ':',
    'body:',
    'body:sea',
    'entries_fts:sea',
    '{body}: sea',
    '^sea',
    '(',
    ')',
    '(sea',
    'sea)',
    '+',
    '\\',
    "'",
    "sea'; DROP TABLE entries; --",
    '\u0000',
    'sea\u0000tide',
    `${matchOpen}sea${matchClose}`,
    '. , ; ! ? @ # $ % & = ~ ` | < > [ ] { }',
    '      ',
    '\n\t',
  ];

  it.each(hostile)('does not throw on %j', (text) => {
    add({ body: 'The sea and the tide, NOT calm; body: sea AND tide OR storm.' });
    const { hits, total } = journal.search({ text });
    expect(Array.isArray(hits)).toBe(true);
    expect(total).toBe(hits.length);
    for (const hit of hits) expect(SearchHit.parse(hit)).toEqual(hit);
    expect(journal.list()).toHaveLength(1);
  });

  it('treats operator words as plain words, never as syntax', () => {
    const withAnd = add({ body: 'salt and water' });
    const withoutAnd = add({ body: 'salt water' });
    // FTS5 syntax would read these as "salt" alone, "salt but not water" or a NEAR group.
    expect(ids('salt AND')).toEqual([withAnd]);
    expect(ids('salt NOT water')).toEqual([]);
    expect(ids('salt -water')).toEqual([withoutAnd, withAnd]);
    expect(ids('"salt water"')).toEqual([withoutAnd, withAnd]);
    // NEAR is a word like any other: only an entry that says "near" matches.
    expect(ids('NEAR(salt water)')).toEqual([]);
    const withNear = add({ body: 'we swam near salt water' });
    expect(ids('NEAR(salt water)')).toEqual([withNear]);
  });

  it('finds nothing for text with no searchable word, instead of everything', () => {
    add({ body: 'anything' });
    for (const text of ['"', '*', '-', ':', '()', '😢 💧', '. , ;']) expect(ids(text)).toEqual([]);
  });
});

describe('safe FTS query text', () => {
  it('quotes each word, escapes quotes, ANDs the words and prefixes the last one', () => {
    expect(toFtsQuery('salt water')).toBe('"salt" AND "water"*');
    expect(toFtsQuery('say "hi"')).toBe('"say" AND """hi"""*');
    expect(toFtsQuery('NEAR(a b')).toBe('"NEAR(a" AND "b"');
    expect(toFtsQuery('tide ')).toBe('"tide"');
    expect(toFtsQuery('a')).toBe('"a"');
    expect(toFtsQuery('" * - :')).toBeNull();
    expect(toFtsQuery('')).toBeNull();
  });

  it('caps the number of words', () => {
    const query = toFtsQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '));
    expect(query?.split(' AND ')).toHaveLength(16);
  });
});

describe('deleted entries', () => {
  it('never appear, by text or by filter, and come back when restored', () => {
    const live = add({ body: 'harbour lights', emotions: [{ word: 'calm', intensity: 3 }], tags: ['night'] });
    const gone = add({ body: 'harbour fog', emotions: [{ word: 'calm', intensity: 5 }], tags: ['night'] });
    journal.delete(gone);

    expect(ids('harbour')).toEqual([live]);
    expect(ids('fog')).toEqual([]);
    expect(ids('', { emotion: 'calm' })).toEqual([live]);
    expect(ids('', { tag: 'night' })).toEqual([live]);
    expect(ids('harbour', { emotion: 'calm', tag: 'night' })).toEqual([live]);
    expect(ids('')).toEqual([live]);

    journal.restore(gone);
    expect(ids('harbour')).toEqual([gone, live]);
    expect(ids('', { emotion: 'calm' })).toEqual([gone, live]);
  });

  it('are not findable after a purge, even by asking the index directly', () => {
    const gone = add({ body: 'a confession about the marmalade' });
    journal.delete(gone);
    journal.purgeDeleted();
    expect(ids('marmalade')).toEqual([]);
    expect(db.prepare(`SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'marmalade'`).all()).toEqual([]);
  });
});

describe('filters', () => {
  let sadWork: number;
  let sadHome: number;
  let calmWork: number;
  let plain: number;
  beforeEach(() => {
    sadWork = add({ body: 'meeting ran late', emotions: [{ word: 'sad', intensity: 6 }], tags: ['work'] });
    sadHome = add({
      body: 'dinner was quiet, the meeting at school',
      emotions: [
        { word: 'Sad', intensity: 4 },
        { word: 'tired', intensity: 7 },
      ],
      tags: ['home'],
    });
    calmWork = add({ body: 'a calm meeting for once', emotions: [{ word: 'calm', intensity: 3 }], tags: ['work', 'good'] });
    plain = add({ body: 'no feelings named, no tags, still a meeting' });
  });

  it('filter by emotion alone, case-insensitively, newest first', () => {
    expect(ids('', { emotion: 'sad' })).toEqual([sadHome, sadWork]);
    expect(ids('', { emotion: 'SAD' })).toEqual([sadHome, sadWork]);
    expect(ids('', { emotion: ' tired ' })).toEqual([sadHome]);
    expect(ids('', { emotion: 'furious' })).toEqual([]);
  });

  it('filter by tag alone, and by emotion and tag together', () => {
    expect(ids('', { tag: 'work' })).toEqual([calmWork, sadWork]);
    expect(ids('', { tag: 'Work' })).toEqual([calmWork, sadWork]);
    expect(ids('', { emotion: 'sad', tag: 'work' })).toEqual([sadWork]);
    expect(ids('', { emotion: 'calm', tag: 'home' })).toEqual([]);
  });

  it('combine with words', () => {
    expect(ids('meeting')).toEqual([plain, calmWork, sadHome, sadWork]);
    expect(ids('meeting', { emotion: 'sad' })).toEqual([sadHome, sadWork]);
    expect(ids('meeting', { tag: 'work' })).toEqual([calmWork, sadWork]);
    expect(ids('meeting', { emotion: 'sad', tag: 'home' })).toEqual([sadHome]);
    expect(ids('dinner', { emotion: 'sad', tag: 'work' })).toEqual([]);
    expect(ids('meet', { tag: 'good' })).toEqual([calmWork]);
  });

  it('blank filters are no filters; blank text with no filters lists everything newest first', () => {
    expect(ids('', { emotion: '  ', tag: '' })).toEqual([plain, calmWork, sadHome, sadWork]);
    expect(ids('meeting', { emotion: ' ' })).toEqual([plain, calmWork, sadHome, sadWork]);
  });

  it('return summaries with emotions, tags and a preview as the snippet when there is no text', () => {
    const [hit] = journal.search({ text: '', emotion: 'tired' }).hits;
    expect(hit).toMatchObject({
      id: sadHome,
      emotions: ['sad', 'tired'],
      tags: ['home'],
      preview: 'dinner was quiet, the meeting at school',
      snippet: [{ text: 'dinner was quiet, the meeting at school', match: false }],
    });
    expect(SearchHit.parse(hit)).toEqual(hit);
  });
});

describe('snippets', () => {
  it('mark exactly the matched words, as plain-text parts', () => {
    const id = add({ body: 'My chest felt tight.\n\nThen the tightness eased and my chest was soft.' });
    const [hit] = journal.search({ text: 'chest tight' }).hits;
    expect(hit?.id).toBe(id);
    expect(matchedWords(hit!)).toEqual(['chest', 'tight', 'tightness', 'chest']);
    expect(hit!.snippet.map((p) => p.text).join('')).toBe(
      'My chest felt tight. Then the tightness eased and my chest was soft.',
    );
    for (const part of hit!.snippet) {
      expect(part.text).not.toContain(matchOpen);
      expect(part.text).not.toContain(matchClose);
    }
  });

  it('mark accented and RTL words as they were written', () => {
    add({ body: 'Un café noir, puis שלום לך' });
    expect(matchedWords(journal.search({ text: 'cafe' }).hits[0]!)).toEqual(['café']);
    expect(matchedWords(journal.search({ text: 'שלום' }).hits[0]!)).toEqual(['שלום']);
  });

  it('show a window around the match in a long entry, with ellipses', () => {
    const before = Array.from({ length: 200 }, (_, i) => `before${i}`).join(' ');
    const after = Array.from({ length: 200 }, (_, i) => `after${i}`).join(' ');
    add({ body: `${before} the lantern ${after}` });
    const [hit] = journal.search({ text: 'lantern' }).hits;
    const text = hit!.snippet.map((p) => p.text).join('');
    expect(matchedWords(hit!)).toEqual(['lantern']);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThan(400);
  });

  it('parse marker text defensively: stray markers never leak, whitespace collapses', () => {
    expect(snippetParts(`a  ${matchOpen}b${matchClose}\n c`)).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c', match: false },
    ]);
    expect(snippetParts(`${matchClose}x${matchOpen}${matchOpen}y${matchClose}${matchClose}`)).toEqual([
      { text: 'x', match: false },
      { text: 'y', match: true },
    ]);
    expect(snippetParts('')).toEqual([]);
  });

  it('read as plain text, like the list: no Markdown syntax in a snippet', () => {
    expect(snippetParts(`### ${matchOpen}What${matchClose} is here?\n\n- a **tight** chest\n> and \`held\` breath`)).toEqual([
      { text: 'What', match: true },
      { text: ' is here? a tight chest and held breath', match: false },
    ]);
    expect(snippetParts(`the **${matchOpen}harbour${matchClose}** at [night](https://example.org)`)).toEqual([
      { text: 'the ', match: false },
      { text: 'harbour', match: true },
      { text: ' at night', match: false },
    ]);
  });

  it('survive a body that itself contains the marker characters', () => {
    const id = add({ body: `pasted ${matchOpen}odd${matchClose} characters near the word beacon` });
    const [hit] = journal.search({ text: 'beacon' }).hits;
    expect(hit?.id).toBe(id);
    expect(matchedWords(hit!)).toContain('beacon');
    for (const part of hit!.snippet) expect(part.text).not.toMatch(/[\uE000\uE001]/u);
  });
});

describe('pages and the true total', () => {
  type Query = Parameters<Journal['search']>[0];

  /** Follows `next` to the end; every page must hold something (no empty last load). */
  function everyPage(query: Query): { ids: number[]; totals: number[]; pages: number } {
    const seen: number[] = [];
    const totals: number[] = [];
    let before: Query['before'];
    let pages = 0;
    for (;;) {
      const page = journal.search({ ...query, ...(before ? { before } : {}) });
      pages++;
      totals.push(page.total);
      expect(page.hits.length).toBeGreaterThan(0);
      expect(page.hits.length).toBeLessThanOrEqual(query.limit ?? 50);
      seen.push(...page.hits.map((h) => h.id));
      if (page.next === null) break;
      expect(page.next).toEqual({ id: page.hits.at(-1)!.id, createdAt: page.hits.at(-1)!.createdAt });
      before = page.next;
      expect(pages).toBeLessThan(100);
    }
    return { ids: seen, totals, pages };
  }

  const setWritten = (id: number, at: number) => db.prepare('UPDATE entries SET created_at = ? WHERE id = ?').run(at, id);
  const written = (id: number) => (db.prepare('SELECT created_at FROM entries WHERE id = ?').pluck().get(id) as number);
  /** The list's order: by when written, newest first, ties by the later-added first. */
  const byWritten = (ids: number[]) => [...ids].sort((a, b) => written(b) - written(a) || b - a);

  it('counts every match, not just the first page', () => {
    for (let i = 0; i < 7; i++) add({ body: `tide ${i}` });
    add({ body: 'something else' });
    const first = journal.search({ text: 'tide', limit: 3 });
    expect(first.hits).toHaveLength(3);
    expect(first.total).toBe(7);
    expect(first.next).not.toBeNull();
    expect(journal.search({ text: 'zebra', limit: 3 })).toEqual({ hits: [], total: 0, next: null });
    expect(journal.search({ text: '😢' })).toEqual({ hits: [], total: 0, next: null });
  });

  it('reaches every match exactly once, ordered by when written (ties by id), with or without filters', () => {
    const day = 86_400_000;
    const all: { id: number; words: string; sad: boolean; work: boolean }[] = [];
    for (let i = 0; i < 23; i++) {
      const sad = i % 2 === 0;
      const work = i % 3 !== 2;
      const words = i % 4 === 3 ? 'nothing in common' : `harbour walk number ${i}`;
      const id = add({
        body: words,
        emotions: sad ? [{ word: 'sad', intensity: 4 }] : [],
        tags: work ? ['work'] : ['home'],
      });
      all.push({ id, words, sad, work });
    }
    // Imported entries: added last, written long before; and runs of entries written at the same millisecond.
    const base = clock.now();
    all.forEach(({ id }, i) => {
      if (i % 5 === 0) setWritten(id, base - 3 * 365 * day + (i % 2) * day);
      else if (i % 5 === 1) setWritten(id, base - 10 * day);
      else if (i % 7 === 0) setWritten(id, base - 2 * day);
    });
    // A deleted match is neither counted nor shown.
    const gone = add({ body: 'harbour walk, deleted', emotions: [{ word: 'sad', intensity: 1 }], tags: ['work'] });
    journal.delete(gone);

    const expected = (keep: (e: (typeof all)[number]) => boolean) => byWritten(all.filter(keep).map((e) => e.id));
    const text = (e: (typeof all)[number]) => e.words.includes('harbour');
    const cases: [Query, number[]][] = [
      [{ text: 'harbour' }, expected(text)],
      [{ text: 'harb' }, expected(text)],
      [{ text: '', emotion: 'sad' }, expected((e) => e.sad)],
      [{ text: '', tag: 'work' }, expected((e) => e.work)],
      [{ text: '', emotion: 'sad', tag: 'work' }, expected((e) => e.sad && e.work)],
      [{ text: 'walk', tag: 'work' }, expected((e) => text(e) && e.work)],
      [{ text: 'harbour walk', emotion: 'SAD' }, expected((e) => text(e) && e.sad)],
      [{ text: 'harbour', emotion: 'sad', tag: 'work' }, expected((e) => text(e) && e.sad && e.work)],
      [{ text: '' }, expected(() => true)],
    ];
    for (const [query, want] of cases) {
      expect(want.length).toBeGreaterThan(3);
      for (const limit of [1, 2, 3, 50]) {
        const { ids: seen, totals, pages } = everyPage({ ...query, limit });
        expect(seen, JSON.stringify({ query, limit })).toEqual(want);
        expect(new Set(totals)).toEqual(new Set([want.length]));
        expect(pages).toBe(Math.ceil(want.length / limit));
      }
    }
  });

  it('ends exactly when the matches are an exact multiple of the page size', () => {
    for (let i = 0; i < 6; i++) add({ body: `lantern ${i}` });
    const first = journal.search({ text: 'lantern', limit: 3 });
    expect(first.next).not.toBeNull();
    const second = journal.search({ text: 'lantern', limit: 3, before: first.next! });
    expect(second.hits).toHaveLength(3);
    expect(second.next).toBeNull();
    expect(journal.search({ text: 'lantern', limit: 6 }).next).toBeNull();
  });

  it('a page after a cursor from before an edit still starts where the person left off', () => {
    const ids = Array.from({ length: 5 }, (_, i) => add({ body: `pebble ${i}` }));
    const first = journal.search({ text: 'pebble', limit: 2 });
    expect(first.hits.map((h) => h.id)).toEqual([ids[4], ids[3]]);
    // The cursor's own entry is deleted meanwhile: the next page is still the older ones.
    journal.delete(ids[3]!);
    const second = journal.search({ text: 'pebble', limit: 2, before: first.next! });
    expect(second.hits.map((h) => h.id)).toEqual([ids[2], ids[1]]);
    expect(second.total).toBe(4);
  });

  it('refuses a malformed cursor', async () => {
    await expectAppError(() => journal.search({ text: 'x', before: { createdAt: 1, id: 0 } }), 'INVALID_INPUT');
    await expectAppError(() => journal.search({ text: 'x', before: { createdAt: 1.5, id: 1 } } as Query), 'INVALID_INPUT');
  });
});
