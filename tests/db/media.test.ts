import fs from 'node:fs';
import path from 'node:path';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MediaService } from '../../main/core/media/media-service.ts';
import type { MediaInput } from '../../preload/contract/media.ts';
import { PracticeLibrary } from '../../main/core/practices/library.ts';
import { SessionsService } from '../../main/core/sessions/sessions.ts';
import type { Vault } from '../../main/core/vault/vault.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { createTestVault, expectAppError, PASSPHRASE } from '../helpers/vault-fixtures.ts';

const T0 = 1_700_000_000_000;
const DAY = 24 * 60 * 60 * 1000;
const library = new PracticeLibrary(resolve(import.meta.dirname, '../../resources'));

let dir: string;
let cleanup: () => void;
let clock: FakeClock;
let vault: Vault;
let opened: string[];
let openFails: boolean;
let media: MediaService;
let sessions: SessionsService;

/** A fixed sequence of draws, repeated. */
function draws(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length]!;
}

function service(random: () => number = draws(0.5)): MediaService {
  return new MediaService({
    db: () => vault.db(),
    clock,
    random,
    openExternal: async (url) => {
      if (openFails) throw new Error('no browser');
      opened.push(url);
    },
  });
}

beforeEach(async () => {
  ({ dir, clock, vault, cleanup } = await createTestVault(T0));
  opened = [];
  openFails = false;
  media = service();
  sessions = new SessionsService(() => vault.db(), clock, library);
});
afterEach(() => cleanup());

const film = (title = 'Big Fish', more: Partial<MediaInput> = {}): MediaInput => ({ title, kind: 'film', ...more });
const count = (table: string) => (vault.db().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const NOTHING = { uses: 0, withTears: 0, moodChange: null, lastUsedAt: null };

describe('the moving-media list', () => {
  it('adds, lists, updates and removes, keeping the link in its normal form', () => {
    const added = media.add(film('  Big Fish ', { note: 'the ending', link: 'HTTPS://Example.org/big-fish' }));
    expect(added).toEqual({ id: added.id, title: 'Big Fish', kind: 'film', note: 'the ending', link: 'https://example.org/big-fish', createdAt: T0, updatedAt: T0 });
    const song = media.add({ title: 'Hallelujah', kind: 'song' });
    expect(song).toMatchObject({ note: '', link: null });

    clock.advance(1_000);
    const updated = media.update(added.id, { title: 'Big Fish (2003)', kind: 'film', note: '', link: '' });
    expect(updated).toEqual({ ...added, title: 'Big Fish (2003)', note: '', link: null, updatedAt: T0 + 1_000 });
    expect(media.list()).toEqual([
      { ...updated, helped: NOTHING },
      { ...song, helped: NOTHING },
    ]);
    expect(media.get(song.id)).toEqual({ ...song, helped: NOTHING });

    media.remove(added.id);
    expect(media.list().map((i) => i.id)).toEqual([song.id]);
  });

  it('keeps up to 200 things', async () => {
    for (let i = 1; i <= 200; i++) media.add(film(`Film ${i}`));
    const error = await expectAppError(() => media.add(film('One more')), 'INVALID_INPUT');
    expect(error.message).toMatch(/up to 200/);
    expect(count('media_items')).toBe(200);
    media.remove(media.list()[0]!.id);
    media.add(film('One more'));
  });

  it('refuses bad input without changing anything, and unknown ids with NOT_FOUND', async () => {
    const item = media.add(film('Up', { link: 'https://example.org/up' }));
    for (const bad of [
      film('Up', { link: 'javascript:alert(1)' }),
      film('Up', { link: 'https://me:secret@example.org/' }),
      film(''),
      { title: 'Up', kind: 'podcast' } as unknown as MediaInput,
      film('Up', { note: 'n'.repeat(281) }),
    ]) {
      await expectAppError(() => media.add(bad), 'INVALID_INPUT');
      await expectAppError(() => media.update(item.id, bad), 'INVALID_INPUT');
    }
    expect(media.list()).toEqual([{ ...item, helped: NOTHING }]);
    await expectAppError(() => media.get(999), 'NOT_FOUND');
    await expectAppError(() => media.update(999, film()), 'NOT_FOUND');
    await expectAppError(() => media.remove(999), 'NOT_FOUND');
    await expectAppError(() => media.uses(999), 'NOT_FOUND');
    await expectAppError(() => media.recordUse({ mediaId: 999 }), 'NOT_FOUND');
    await expectAppError(media.openLink(999), 'NOT_FOUND');
    await expectAppError(() => media.get(-1), 'INVALID_INPUT');
  });

  it('is kept encrypted, and needs the vault unlocked', async () => {
    media.add(film('A title nobody should read', { note: 'a note nobody should read' }));
    vault.lock();
    for (const name of fs.readdirSync(dir)) {
      const bytes = fs.readFileSync(path.join(dir, name));
      expect(bytes.includes('nobody should read'), name).toBe(false);
    }
    await expectAppError(() => media.list(), 'LOCKED');
    await vault.unlock(PASSPHRASE);
    expect(media.list().map((i) => i.title)).toEqual(['A title nobody should read']);
  });
});

describe('uses and whether they helped', () => {
  it("reads mood and tears from the session's own check-in, made after the use was recorded", () => {
    const item = media.add(film());
    const { sessionId } = sessions.start({ practiceId: 'permission', moodBefore: 2 });
    clock.advance(60_000);
    const recorded = media.recordUse({ mediaId: item.id, sessionId });
    expect(recorded.helped).toEqual({ uses: 1, withTears: 0, moodChange: null, lastUsedAt: T0 + 60_000 });

    sessions.reflect({ sessionId, moodAfter: 4, tears: 'cried', notes: '' });
    expect(media.get(item.id).helped).toEqual({ uses: 1, withTears: 1, moodChange: 2, lastUsedAt: T0 + 60_000 });
    expect(media.uses(item.id)).toEqual([
      { id: recorded.useId, mediaId: item.id, sessionId, usedAt: T0 + 60_000, moodBefore: 2, moodAfter: 4, tears: 'cried' },
    ]);
  });

  it('values given when recording win over the session; recording again for the same session updates that one use', () => {
    const item = media.add(film());
    const { sessionId } = sessions.start({ practiceId: 'permission', moodBefore: 3 });
    sessions.reflect({ sessionId, moodAfter: 3, tears: 'none', notes: '' });
    const first = media.recordUse({ mediaId: item.id, sessionId, moodBefore: 1 });
    clock.advance(5_000);
    const again = media.recordUse({ mediaId: item.id, sessionId, tears: 'welled' });
    expect(again.useId).toBe(first.useId);
    expect(media.uses(item.id)).toEqual([{ id: first.useId, mediaId: item.id, sessionId, usedAt: T0, moodBefore: 1, moodAfter: 3, tears: 'welled' }]);
    expect(again.helped).toEqual({ uses: 1, withTears: 1, moodChange: 2, lastUsedAt: T0 });
  });

  it('counts each use without a session on its own, and sums them up per item', () => {
    const a = media.add(film('A'));
    const b = media.add(film('B'));
    media.recordUse({ mediaId: a.id, moodBefore: 2, moodAfter: 5, tears: 'deep' });
    clock.advance(DAY);
    media.recordUse({ mediaId: a.id, moodBefore: 3, moodAfter: 2, tears: 'none' });
    media.recordUse({ mediaId: a.id });
    media.recordUse({ mediaId: b.id, tears: 'tear' });
    const [listedA, listedB] = media.list();
    expect(listedA!.helped).toEqual({ uses: 3, withTears: 1, moodChange: 1, lastUsedAt: T0 + DAY });
    expect(listedB!.helped).toEqual({ uses: 1, withTears: 1, moodChange: null, lastUsedAt: T0 + DAY });
    expect(media.uses(a.id).map((u) => u.usedAt)).toEqual([T0 + DAY, T0 + DAY, T0]);
  });

  it('refuses an unknown session or bad answers, recording nothing', async () => {
    const item = media.add(film());
    await expectAppError(() => media.recordUse({ mediaId: item.id, sessionId: 999 }), 'NOT_FOUND');
    await expectAppError(() => media.recordUse({ mediaId: item.id, moodBefore: 0 }), 'INVALID_INPUT');
    await expectAppError(() => media.recordUse({ mediaId: item.id, moodAfter: 6 }), 'INVALID_INPUT');
    await expectAppError(() => media.recordUse({ mediaId: item.id, tears: 'sobbed' as 'deep' }), 'INVALID_INPUT');
    expect(count('media_uses')).toBe(0);
  });

  it("a deleted session only unlinks its uses (what was given stays); a removed item takes its uses along", () => {
    const item = media.add(film());
    const other = media.add(film('Other'));
    const { sessionId } = sessions.start({ practiceId: 'permission', moodBefore: 1 });
    sessions.reflect({ sessionId, moodAfter: 5, tears: 'deep', notes: '' });
    media.recordUse({ mediaId: item.id, sessionId, tears: 'welled' });
    media.recordUse({ mediaId: other.id, sessionId });
    vault.db().prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
    expect(media.uses(item.id)).toEqual([expect.objectContaining({ sessionId: null, moodBefore: null, moodAfter: null, tears: 'welled' })]);

    media.remove(item.id);
    expect(count('media_uses')).toBe(1);
    expect(media.get(other.id).helped.uses).toBe(1);
  });
});

describe('offering one for "Boost the signal"', () => {
  it('offers nothing from an empty list, and the only item every time', () => {
    expect(media.offerOne()).toBeNull();
    const only = media.add(film());
    for (let i = 0; i < 3; i++) expect(media.offerOne()?.id).toBe(only.id);
  });

  it('never offers the same one twice in a row, also after the vault was locked and opened again', async () => {
    const ids = [media.add(film('A')).id, media.add(film('B')).id, media.add(film('C')).id];
    media = service(() => 0); // the lowest draw: the first item still in the pool
    const offered = Array.from({ length: 6 }, () => media.offerOne()!.id);
    expect(offered).toEqual([ids[0], ids[1], ids[0], ids[1], ids[0], ids[1]]);
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(service(() => 0).offerOne()!.id).toBe(ids[0]);

    const random = service(Math.random);
    let last = random.offerOne()!.id;
    for (let i = 0; i < 50; i++) {
      const next = random.offerOne()!.id;
      expect(next).not.toBe(last);
      last = next;
    }
  });

  it('is the same for the same random draws', () => {
    for (const t of ['A', 'B', 'C', 'D']) media.add(film(t));
    const sequence = draws(0.13, 0.71, 0.42, 0.99, 0.05);
    const first = service(sequence);
    const firstRun = Array.from({ length: 10 }, () => first.offerOne()!.title);
    vault.db().prepare('UPDATE media_items SET last_offered = 0').run();
    const again = service(draws(0.13, 0.71, 0.42, 0.99, 0.05));
    expect(Array.from({ length: 10 }, () => again.offerOne()!.title)).toEqual(firstRun);
  });

  it('offers what helped more often than what did not, and still offers the rest', () => {
    const helped = media.add(film('Moved me'));
    const flat = media.add(film('Left me flat'));
    const untried = media.add(film('Not tried yet'));
    for (let i = 0; i < 3; i++) {
      media.recordUse({ mediaId: helped.id, moodBefore: 2, moodAfter: 4, tears: 'cried' });
      media.recordUse({ mediaId: flat.id, moodBefore: 3, moodAfter: 3, tears: 'none' });
      clock.advance(DAY);
    }
    let seed = 12345;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const offering = service(random);
    const tally = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const id = offering.offerOne()!.id;
      tally.set(id, (tally.get(id) ?? 0) + 1);
    }
    expect(tally.get(helped.id)!).toBeGreaterThan(tally.get(untried.id)!);
    expect(tally.get(untried.id)!).toBeGreaterThan(tally.get(flat.id)!);
    expect(tally.get(flat.id)!).toBeGreaterThan(15);
  });

  it('returns the item with its helped summary', () => {
    const item = media.add(film());
    media.recordUse({ mediaId: item.id, tears: 'tear' });
    expect(media.offerOne()).toEqual({ ...item, helped: { uses: 1, withTears: 1, moodChange: null, lastUsedAt: T0 } });
  });
});

describe('opening a link', () => {
  it('hands the checked link to the OS browser', async () => {
    const item = media.add(film('Up', { link: 'https://Example.org/up?t=42#scene' }));
    await media.openLink(item.id);
    expect(opened).toEqual(['https://example.org/up?t=42#scene']);
  });

  it('refuses an item without a link, and a link changed outside Saltwater, without opening anything', async () => {
    const plain = media.add(film('No link'));
    expect((await expectAppError(media.openLink(plain.id), 'INVALID_INPUT')).message).toMatch(/no link/);
    const item = media.add(film('Up', { link: 'https://example.org/up' }));
    for (const tampered of ['https://me:secret@example.org/up', 'https://example.org/a b', 'https://@example.org/up']) {
      vault.db().prepare('UPDATE media_items SET link = ? WHERE id = ?').run(tampered, item.id);
      const error = await expectAppError(media.openLink(item.id), 'INVALID_INPUT');
      expect(error.message).toMatch(/cannot be opened safely/);
      expect(error.message).not.toContain('secret');
    }
    expect(opened).toEqual([]);
  });

  it('says so plainly when the OS could not open it', async () => {
    const item = media.add(film('Up', { link: 'https://example.org/up' }));
    openFails = true;
    const error = await expectAppError(media.openLink(item.id), 'INTERNAL');
    expect(error.message).toMatch(/didn't open/);
  });
});
