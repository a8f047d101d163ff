import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Entry, EntrySummary, limits } from '../../preload/contract/index.ts';
import { Journal } from '../../main/core/journal/journal.ts';
import { preview } from '../../main/core/journal/preview.ts';
import { openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
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

/** Creates entries one minute apart, so creation order is visible in the timestamps too. */
function createMany(count: number, body = (i: number) => `entry number ${i}`): number[] {
  const ids: number[] = [];
  for (let i = 1; i <= count; i++) {
    clock.advance(60_000);
    ids.push(journal.create({ body: body(i) }).id);
  }
  return ids;
}

function rowCount(table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('create and get', () => {
  it('stores body, emotions and tags and gives them back', () => {
    const created = journal.create({
      body: '# Today\nI felt **heavy** after the call.',
      emotions: [
        { word: 'sad', intensity: 7, bodyLocation: 'chest' },
        { word: 'tired', intensity: 4 },
      ],
      tags: ['Family', 'evening'],
    });

    expect(Entry.parse(created)).toEqual(created);
    expect(created).toMatchObject({
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      body: '# Today\nI felt **heavy** after the call.',
      emotions: [
        { word: 'sad', intensity: 7, bodyLocation: 'chest' },
        { word: 'tired', intensity: 4, bodyLocation: '' },
      ],
      tags: ['family', 'evening'],
    });
    expect(journal.get(created.id)).toEqual(created);
  });

  it('creates an empty entry when given nothing (the editor opens before the first word)', () => {
    const created = journal.create({});
    expect(journal.get(created.id)).toEqual({ ...created, body: '', emotions: [], tags: [] });
  });

  it('keeps emotion order, stores words lowercase, and lets the last of a repeated word win', () => {
    const created = journal.create({
      emotions: [
        { word: 'Angry', intensity: 3 },
        { word: 'afraid', intensity: 5 },
        { word: 'angry', intensity: 9, bodyLocation: 'jaw' },
      ],
      tags: ['work', 'Work', 'home'],
    });
    expect(journal.get(created.id).emotions).toEqual([
      { word: 'afraid', intensity: 5, bodyLocation: '' },
      { word: 'angry', intensity: 9, bodyLocation: 'jaw' },
    ]);
    expect(journal.get(created.id).tags).toEqual(['work', 'home']);
  });

  it('reports a missing entry as NOT_FOUND', async () => {
    await expectAppError(() => journal.get(12345), 'NOT_FOUND');
  });

  it('refuses input the contract would refuse, and stores nothing', async () => {
    await expectAppError(() => journal.create({ body: 'x'.repeat(limits.entryBodyMax + 1) }), 'INVALID_INPUT');
    await expectAppError(() => journal.create({ emotions: [{ word: 'sad', intensity: 11 }] }), 'INVALID_INPUT');
    await expectAppError(() => journal.create({ emotions: [{ word: '   ', intensity: 2 }] }), 'INVALID_INPUT');
    await expectAppError(() => journal.create({ tags: ['x'.repeat(limits.tagMax + 1)] }), 'INVALID_INPUT');
    await expectAppError(
      () => journal.create({ tags: Array.from({ length: limits.tagsPerEntry + 1 }, (_, i) => `t${i}`) }),
      'INVALID_INPUT',
    );
    await expectAppError(() => journal.get(0), 'INVALID_INPUT');
    await expectAppError(() => journal.get(-3), 'INVALID_INPUT');
    await expectAppError(() => journal.get(1.5), 'INVALID_INPUT');
    expect(rowCount('entries')).toBe(0);
    expect(rowCount('entry_emotions')).toBe(0);
    expect(rowCount('entry_tags')).toBe(0);
  });

  it('stores Unicode, emoji and right-to-left text exactly as written', () => {
    const body = 'שלום, היום היה קשה 💧\nمرحبا، شعرت بالحزن 😢\n👩🏽‍🦱 e\u0301 café \u200f mixed ← →';
    const created = journal.create({
      body,
      emotions: [{ word: 'עצוב', intensity: 6, bodyLocation: 'בחזה' }],
      tags: ['Ärger', 'حزن'],
    });
    const read = journal.get(created.id);
    expect(read.body).toBe(body);
    expect(read.emotions[0]).toEqual({ word: 'עצוב', intensity: 6, bodyLocation: 'בחזה' });
    expect(read.tags).toEqual(['ärger', 'حزن']);
  });

  it('stores HTML and script text verbatim: making it inert is the renderer’s job', () => {
    const body = '<script>alert("hi")</script><img src=x onerror="alert(1)"> & &amp; <b>bold</b>';
    const created = journal.create({ body });
    expect(journal.get(created.id).body).toBe(body);
    expect(journal.list()[0]?.preview).toContain('<script>alert("hi")</script>');
  });

  it('round-trips a 1 MB entry and lists it with a short preview', () => {
    const line = 'The sea was grey and I could not cry, but I wrote it down anyway. ';
    const body = line.repeat(Math.ceil(1_048_576 / line.length));
    expect(body.length).toBeGreaterThanOrEqual(1_048_576);
    const created = journal.create({ body });
    expect(journal.get(created.id).body).toBe(body);
    const edited = `${body}One more line.`;
    journal.update(created.id, { body: edited });
    expect(journal.get(created.id).body).toBe(edited);
    const [summary] = journal.list();
    expect(summary?.preview.length).toBeLessThanOrEqual(161);
    expect(summary?.preview.startsWith('The sea was grey')).toBe(true);
  });
});

describe('list', () => {
  it('returns entries newest first, with previews, emotions and tags', () => {
    const [first, second] = createMany(2);
    journal.update(first!, { emotions: [{ word: 'calm', intensity: 2 }], tags: ['morning'] });
    const list = journal.list();
    expect(list.map((s) => s.id)).toEqual([second, first]);
    for (const summary of list) expect(EntrySummary.parse(summary)).toEqual(summary);
    expect(list[1]).toMatchObject({ preview: 'entry number 1', emotions: ['calm'], tags: ['morning'] });
    expect(list[0]).toMatchObject({ preview: 'entry number 2', emotions: [], tags: [] });
  });

  it('pages by id without gaps or repeats', () => {
    const ids = createMany(7);
    const seen: number[] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = journal.list({ limit: 3, beforeId });
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(3);
      seen.push(...page.map((s) => s.id));
      beforeId = page.at(-1)!.id;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  /** Every id the list gives, page after page of `limit`, as "Show older entries" asks for them. */
  function pageThrough(limit: number): number[] {
    const seen: number[] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = journal.list({ limit, beforeId });
      if (page.length === 0) return seen;
      seen.push(...page.map((s) => s.id));
      beforeId = page.at(-1)!.id;
    }
  }

  it('lists by when entries were written, so older entries added later (an import) sit where their dates put them', () => {
    const recent = createMany(3);
    const insert = db.prepare('INSERT INTO entries (created_at, updated_at, body) VALUES (?, ?, ?)');
    const day = 86_400_000;
    // Added after the recent ones, written years before them, and not in date order among themselves.
    const old = [3, 1, 2].map((years) => Number(insert.run(clock.now() - years * 365 * day, clock.now(), `old ${years}`).lastInsertRowid));
    const seen = pageThrough(2);
    expect(seen).toEqual([...[...recent].reverse(), old[1], old[2], old[0]]);
  });

  it('pages through entries written at the same moment without gaps or repeats (ties go by id)', () => {
    const ids = createMany(7);
    // Three written at one millisecond, two at another, added out of date order.
    const at = db.prepare('UPDATE entries SET created_at = ? WHERE id = ?');
    for (const i of [0, 3, 5]) at.run(5_000, ids[i]);
    for (const i of [1, 6]) at.run(1_000, ids[i]);
    const seen = pageThrough(2);
    const [a, b, c, d, e, f, g] = ids;
    expect(seen).toEqual([e, c, f, d, a, g, b]);
  });

  it('defaults to pages of 50 and refuses silly page sizes', async () => {
    createMany(55);
    expect(journal.list()).toHaveLength(50);
    await expectAppError(() => journal.list({ limit: 0 }), 'INVALID_INPUT');
    await expectAppError(() => journal.list({ limit: limits.listPageMax + 1 }), 'INVALID_INPUT');
    await expectAppError(() => journal.list({ limit: 10, beforeId: -1 }), 'INVALID_INPUT');
  });
});

describe('preview', () => {
  it('strips light Markdown and collapses whitespace', () => {
    expect(
      preview('## A *hard* day\n\n> I said **no** to [my boss](https://example.com/x)\n- ~~ran~~ walked\n`code`'),
    ).toBe('A hard day I said no to my boss ran walked code');
    expect(preview('![a wave](wave.png) and __underlined__ and snake_case_word')).toBe(
      'a wave and underlined and snake_case_word',
    );
    expect(preview('1. first\n2. second\n\n---\n\n```js\nlet x\n```')).toBe('first second let x');
  });

  it('cuts long text at about 160 characters on a word boundary, with an ellipsis', () => {
    const text = 'word '.repeat(100);
    const p = preview(text);
    expect(p.endsWith('…')).toBe(true);
    expect(p.length).toBeLessThanOrEqual(161);
    expect(p.length).toBeGreaterThan(100);
    expect(p.slice(0, -1).endsWith('word')).toBe(true);
  });

  it('never splits an emoji in half', () => {
    const p = preview(`${'a'.repeat(159)}😢😢😢`);
    expect(p).toBe(`${'a'.repeat(159)}…`);
    // encodeURIComponent throws on a lone surrogate.
    expect(() => encodeURIComponent(preview('😢'.repeat(100)))).not.toThrow();
  });
});

describe('update', () => {
  it('changes only the body when only the body is given (autosave)', () => {
    const created = journal.create({ body: 'first', emotions: [{ word: 'sad', intensity: 4 }], tags: ['a'] });
    clock.advance(1_000);
    const result = journal.update(created.id, { body: 'first draft, longer' });
    expect(result).toEqual({ id: created.id, updatedAt: created.createdAt + 1_000 });
    expect(journal.get(created.id)).toEqual({
      ...created,
      body: 'first draft, longer',
      updatedAt: created.createdAt + 1_000,
    });
  });

  it('replaces the whole emotion set or tag set, leaving the rest alone', () => {
    const created = journal.create({
      body: 'body stays',
      emotions: [
        { word: 'sad', intensity: 4 },
        { word: 'tired', intensity: 2 },
      ],
      tags: ['a', 'b'],
    });
    journal.update(created.id, { emotions: [{ word: 'relieved', intensity: 6, bodyLocation: 'shoulders' }] });
    expect(journal.get(created.id)).toMatchObject({
      body: 'body stays',
      emotions: [{ word: 'relieved', intensity: 6, bodyLocation: 'shoulders' }],
      tags: ['a', 'b'],
    });
    journal.update(created.id, { tags: ['c'] });
    expect(journal.get(created.id)).toMatchObject({ body: 'body stays', tags: ['c'] });
    expect(journal.get(created.id).emotions).toHaveLength(1);
    journal.update(created.id, { emotions: [], tags: [] });
    expect(journal.get(created.id)).toMatchObject({ body: 'body stays', emotions: [], tags: [] });
  });

  it('with an empty patch changes nothing, not even the time', () => {
    const created = journal.create({ body: 'x' });
    clock.advance(5_000);
    expect(journal.update(created.id, {})).toEqual({ id: created.id, updatedAt: created.updatedAt });
    expect(journal.get(created.id)).toEqual(created);
  });

  it('is all or nothing: a failure half way leaves the entry as it was', () => {
    const created = journal.create({ body: 'before', emotions: [{ word: 'sad', intensity: 3 }], tags: ['old'] });
    // A stand-in for any failure after the first write (disk full, constraint, crash).
    db.exec(`CREATE TRIGGER fail_on_boom BEFORE INSERT ON entry_tags WHEN new.tag = 'boom'
             BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    expect(() =>
      journal.update(created.id, {
        body: 'after',
        emotions: [{ word: 'calm', intensity: 1 }],
        tags: ['boom'],
      }),
    ).toThrow();
    expect(journal.get(created.id)).toEqual(created);
  });

  it('refuses missing and deleted entries with NOT_FOUND', async () => {
    await expectAppError(() => journal.update(999, { body: 'x' }), 'NOT_FOUND');
    await expectAppError(() => journal.update(999, { tags: ['x'] }), 'NOT_FOUND');
    await expectAppError(() => journal.update(999, {}), 'NOT_FOUND');
    const created = journal.create({ body: 'soon gone' });
    journal.delete(created.id);
    await expectAppError(() => journal.update(created.id, { body: 'edited while deleted' }), 'NOT_FOUND');
    journal.restore(created.id);
    expect(journal.get(created.id).body).toBe('soon gone');
  });

  it('refuses invalid patches without touching the entry', async () => {
    const created = journal.create({ body: 'keep me', tags: ['keep'] });
    await expectAppError(
      () => journal.update(created.id, { body: 'changed', emotions: [{ word: 'sad', intensity: 0 }] }),
      'INVALID_INPUT',
    );
    await expectAppError(
      () => journal.update(created.id, { body: 'y'.repeat(limits.entryBodyMax + 1) }),
      'INVALID_INPUT',
    );
    expect(journal.get(created.id)).toEqual(created);
  });
});

describe('delete, restore and purge', () => {
  it('hides a deleted entry everywhere until it is restored', async () => {
    const [a, b] = createMany(2);
    journal.update(a!, { tags: ['only-on-a'] });
    journal.delete(a!);
    await expectAppError(() => journal.get(a!), 'NOT_FOUND');
    expect(journal.list().map((s) => s.id)).toEqual([b]);
    expect(journal.tags()).toEqual([]);

    journal.restore(a!);
    expect(journal.get(a!).tags).toEqual(['only-on-a']);
    expect(journal.list().map((s) => s.id)).toEqual([b, a]);
    expect(journal.tags()).toEqual(['only-on-a']);
  });

  it('treats a repeated delete or restore as done, and a missing id as NOT_FOUND', async () => {
    const { id } = journal.create({ body: 'x' });
    journal.delete(id);
    journal.delete(id);
    journal.restore(id);
    journal.restore(id);
    expect(journal.get(id).body).toBe('x');
    await expectAppError(() => journal.delete(4242), 'NOT_FOUND');
    await expectAppError(() => journal.restore(4242), 'NOT_FOUND');
    await expectAppError(() => journal.delete(-1), 'INVALID_INPUT');
  });

  it('purges only deleted entries, with their emotions, tags and index rows', async () => {
    const keep = journal.create({ body: 'keep the lighthouse', emotions: [{ word: 'calm', intensity: 2 }], tags: ['sea'] });
    const gone = journal.create({
      body: 'forget the zeppelin',
      emotions: [{ word: 'ashamed', intensity: 8 }],
      tags: ['secret'],
    });
    journal.delete(gone.id);

    expect(journal.purgeDeleted()).toBe(1);

    expect(db.prepare('SELECT id FROM entries').all()).toEqual([{ id: keep.id }]);
    expect(db.prepare('SELECT entry_id FROM entry_emotions').all()).toEqual([{ entry_id: keep.id }]);
    expect(db.prepare('SELECT entry_id FROM entry_tags').all()).toEqual([{ entry_id: keep.id }]);
    // Straight at the index, not through the journal's own filtering.
    const hits = (word: string) => db.prepare('SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?').all(word);
    expect(hits('zeppelin')).toEqual([]);
    expect(hits('lighthouse')).toEqual([{ rowid: keep.id }]);
    db.exec(`INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)`);

    await expectAppError(() => journal.restore(gone.id), 'NOT_FOUND');
    expect(journal.purgeDeleted()).toBe(0);
  });
});

describe('tags', () => {
  it('lists distinct tags of live entries, sorted', () => {
    journal.create({ tags: ['work', 'Sleep'] });
    journal.create({ tags: ['family', 'work'] });
    const hidden = journal.create({ tags: ['zz-hidden'] });
    journal.delete(hidden.id);
    expect(journal.tags()).toEqual(['family', 'sleep', 'work']);
  });
});

describe('connections', () => {
  it('follows the database getter on every call, as the vault reopens it on unlock', () => {
    journal.create({ body: 'in the first vault' });
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saltwater-journal-'));
    const other = openEncryptedDatabase(path.join(otherDir, 'v.db'), randomBytes(32));
    let current = db;
    const switching = new Journal(() => current, clock);
    try {
      expect(switching.list()).toHaveLength(1);
      current = other;
      expect(switching.list()).toHaveLength(0);
      switching.create({ body: 'in the second vault' });
      // Statements prepared for the first connection must not be reused after it closes.
      db.close();
      expect(switching.list().map((s) => s.preview)).toEqual(['in the second vault']);
    } finally {
      other.close();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
