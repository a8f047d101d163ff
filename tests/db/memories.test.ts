import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoriesService } from '../../main/core/memories/memories-service.ts';
import type { MemoryInput } from '../../preload/contract/memories.ts';
import { PracticeLibrary } from '../../main/core/practices/library.ts';
import { SessionsService } from '../../main/core/sessions/sessions.ts';
import type { Db } from '../../main/core/vault/database.ts';
import { vaultErrors } from '../../main/core/vault/vault-errors.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import { cheapKdf, expectAppError, openTestDatabase } from '../helpers/vault-fixtures.ts';

const T0 = 1_800_000_000_000;
const MINUTE = 60_000;
const PASS = 'blue door at the end';
const library = new PracticeLibrary(resolve(import.meta.dirname, '../../resources'));

let db: Db;
let cleanup: () => void;
let clock: FakeClock;
let box: MemoriesService;
let sessions: SessionsService;

beforeEach(() => {
  ({ db, clock, cleanup } = openTestDatabase(T0));
  box = new MemoriesService({ db: () => db, clock, kdf: cheapKdf });
  sessions = new SessionsService(() => db, clock, library);
});
afterEach(() => cleanup());

const add = (title: string, intensity: number, more: Partial<MemoryInput> = {}) => box.add({ title, intensity, text: `words of ${title}`, ...more });
const openingRows = () => db.prepare('SELECT count(*) AS n FROM memory_openings').get() as { n: number };
const startPractice = () => sessions.start({ practiceId: 'permission', moodBefore: 2 }).sessionId;

describe('the box', () => {
  it('lists titles, intensity, status and extra seal, gentlest first, and never the words', async () => {
    const strong = await add('Leaving home', 8);
    clock.advance(MINUTE);
    const gentle = await add('The old kitchen', 2, { passphrase: PASS });
    const list = box.list();
    expect(list.map((m) => m.id)).toEqual([gentle.id, strong.id]);
    expect(list[0]).toEqual({
      id: gentle.id,
      title: 'The old kitchen',
      intensity: 2,
      status: 'sealed',
      extraSealed: true,
      lastOpenedAt: null,
      openings: 0,
      createdAt: T0 + MINUTE,
      updatedAt: T0 + MINUTE,
    });
    expect(list[1]).toMatchObject({ extraSealed: false, createdAt: T0 });
    expect(JSON.stringify(list)).not.toMatch(/words of/);
    expect(JSON.stringify(box.get(strong.id))).not.toMatch(/words of/);
  });

  it('refuses bad input with a clear message and adds nothing', async () => {
    expect((await expectAppError(add('x'.repeat(81), 3), 'INVALID_INPUT')).message).toMatch(/at most 80 characters/);
    expect((await expectAppError(add('Too much', 3, { text: 'w'.repeat(4001) }), 'INVALID_INPUT')).message).toMatch(/4000/);
    expect((await expectAppError(add('Short seal', 3, { passphrase: 'abc' }), 'INVALID_INPUT')).message).toMatch(/at least 8/);
    await expectAppError(add('Too strong', 11), 'INVALID_INPUT');
    expect(box.list()).toEqual([]);
    await expectAppError(() => box.get(42), 'NOT_FOUND');
  });

  it('edits title and intensity without the passphrase, even with an extra seal', async () => {
    const m = await add('Grandad', 6, { passphrase: PASS });
    clock.advance(MINUTE);
    const edited = await box.edit({ memoryId: m.id, title: 'Grandad’s garden', intensity: 4 });
    expect(edited).toMatchObject({ title: 'Grandad’s garden', intensity: 4, extraSealed: true, updatedAt: T0 + MINUTE, createdAt: T0 });
    expect((await box.readForEditing({ memoryId: m.id, passphrase: PASS })).text).toBe('words of Grandad');
  });

  it('edits the words of a plain memory; reading them for the edit form logs no opening', async () => {
    const m = await add('The dog', 3);
    await box.edit({ memoryId: m.id, text: 'her paws on the wooden floor' });
    expect(await box.readForEditing({ memoryId: m.id })).toEqual({ text: 'her paws on the wooden floor' });
    expect(box.openings(m.id)).toEqual([]);
    expect(openingRows().n).toBe(0);
  });

  it('the words or the seal of an extra-sealed memory change only with its current passphrase', async () => {
    const m = await add('Hospital', 7, { passphrase: PASS });
    expect((await expectAppError(box.edit({ memoryId: m.id, text: 'new words' }), 'INVALID_INPUT')).message).toMatch(/current passphrase/);
    await expectAppError(box.edit({ memoryId: m.id, text: 'new words', passphrase: 'not the one' }), 'WRONG_PASSPHRASE');
    await expectAppError(box.edit({ memoryId: m.id, newPassphrase: null, passphrase: 'not the one' }), 'WRONG_PASSPHRASE');
    await expectAppError(box.edit({ memoryId: m.id, newPassphrase: 'a brand new one' }), 'INVALID_INPUT');
    expect((await box.readForEditing({ memoryId: m.id, passphrase: PASS })).text).toBe('words of Hospital');

    // New words under the same seal.
    await box.edit({ memoryId: m.id, text: 'the long corridor', passphrase: PASS });
    expect((await box.readForEditing({ memoryId: m.id, passphrase: PASS })).text).toBe('the long corridor');

    // A new passphrase: the old one no longer opens it.
    await box.edit({ memoryId: m.id, passphrase: PASS, newPassphrase: 'green gate by the sea' });
    await expectAppError(box.readForEditing({ memoryId: m.id, passphrase: PASS }), 'WRONG_PASSPHRASE');
    expect((await box.readForEditing({ memoryId: m.id, passphrase: 'green gate by the sea' })).text).toBe('the long corridor');

    // The extra seal removed: the words open without a passphrase.
    const plain = await box.edit({ memoryId: m.id, passphrase: 'green gate by the sea', newPassphrase: null });
    expect(plain.extraSealed).toBe(false);
    expect((await box.readForEditing({ memoryId: m.id })).text).toBe('the long corridor');

    // And sealed again: no current passphrase is needed to add a seal.
    expect((await box.edit({ memoryId: m.id, newPassphrase: PASS })).extraSealed).toBe(true);
    await expectAppError(box.readForEditing({ memoryId: m.id }), 'INVALID_INPUT');
    expect((await box.readForEditing({ memoryId: m.id, passphrase: PASS })).text).toBe('the long corridor');
  });

  it('removes a memory with its history of openings, without its passphrase', async () => {
    const keep = await add('Keep', 2);
    const gone = await add('Gone', 3, { passphrase: PASS });
    const { openingId } = await box.openMemory({ memoryId: gone.id, moodBefore: 3, passphrase: PASS });
    box.closeOpening({ openingId, outcome: 'reseal' });
    await box.openMemory({ memoryId: keep.id, moodBefore: 3 });
    box.remove(gone.id);
    expect(box.list().map((m) => m.id)).toEqual([keep.id]);
    expect(db.prepare('SELECT memory_id AS m FROM memory_openings').all()).toEqual([{ m: keep.id }]);
    await expectAppError(() => box.openings(gone.id), 'NOT_FOUND');
    await expectAppError(() => box.remove(gone.id), 'NOT_FOUND');
  });
});

describe('opening a memory', () => {
  it('inside a practice: gives the words, logs the opening, and the chosen ending', async () => {
    const m = await add('The old kitchen', 2);
    const sessionId = startPractice();
    clock.advance(MINUTE);
    const { openingId, memory } = await box.openMemory({ memoryId: m.id, sessionId, moodBefore: 2 });
    expect(memory).toMatchObject({ id: m.id, title: 'The old kitchen', text: 'words of The old kitchen', status: 'open', openings: 1, lastOpenedAt: T0 + MINUTE });
    expect(box.unfinishedOpening()).toEqual({
      id: openingId,
      memoryId: m.id,
      sessionId,
      openedAt: T0 + MINUTE,
      moodBefore: 2,
      moodAfter: null,
      tears: null,
      outcome: null,
      endedAt: null,
    });

    clock.advance(5 * MINUTE);
    const closed = box.closeOpening({ openingId, outcome: 'reseal', moodAfter: 4, tears: 'welled' });
    expect(closed).toMatchObject({ outcome: 'resealed', moodAfter: 4, tears: 'welled', endedAt: T0 + 6 * MINUTE });
    expect(box.get(m.id).status).toBe('sealed');
    expect(box.unfinishedOpening()).toBeNull();
    expect((await expectAppError(() => box.closeOpening({ openingId, outcome: 'at-peace' }), 'INVALID_INPUT')).message).toMatch(/already ended/);
    expect(box.get(m.id).status).toBe('sealed');
  });

  it('keep open and at peace set the memory’s status; the history shows each opening, newest first', async () => {
    const m = await add('Dad', 5);
    const first = await box.openMemory({ memoryId: m.id, moodBefore: 2 });
    box.closeOpening({ openingId: first.openingId, outcome: 'keep-open', moodAfter: 3, tears: 'tear' });
    expect(box.get(m.id).status).toBe('open');
    clock.advance(MINUTE);
    const second = await box.openMemory({ memoryId: m.id, moodBefore: 3 });
    clock.advance(MINUTE);
    box.closeOpening({ openingId: second.openingId, outcome: 'at-peace', moodAfter: 5, tears: 'cried' });
    expect(box.get(m.id)).toMatchObject({ status: 'at-peace', openings: 2, lastOpenedAt: T0 + MINUTE });
    expect(box.openings(m.id).map((o) => [o.id, o.moodBefore, o.moodAfter, o.tears, o.outcome])).toEqual([
      [second.openingId, 3, 5, 'cried', 'at-peace'],
      [first.openingId, 2, 3, 'tear', 'kept-open'],
    ]);
  });

  it('one memory at a time', async () => {
    const a = await add('A', 2);
    const b = await add('B', 3);
    const { openingId } = await box.openMemory({ memoryId: a.id, moodBefore: 3 });
    const error = await expectAppError(box.openMemory({ memoryId: b.id, moodBefore: 3 }), 'INVALID_INPUT');
    expect(error.message).toMatch(/Another memory is still open/);
    await expectAppError(box.openMemory({ memoryId: a.id, moodBefore: 3 }), 'INVALID_INPUT');
    expect(openingRows().n).toBe(1);
    expect(box.get(b.id).status).toBe('sealed');
    box.closeOpening({ openingId, outcome: 'reseal' });
    await box.openMemory({ memoryId: b.id, moodBefore: 3 });
  });

  it('an opening abandoned by another session (a reload, a crash) never blocks the box: the next practice seals it', async () => {
    const a = await add('A', 2);
    const b = await add('B', 3);
    const first = startPractice();
    const abandoned = await box.openMemory({ memoryId: a.id, sessionId: first, moodBefore: 3 });
    clock.advance(MINUTE);
    const second = startPractice();
    await expectAppError(box.openMemory({ memoryId: b.id, sessionId: first, moodBefore: 3 }), 'INVALID_INPUT');
    const opened = await box.openMemory({ memoryId: b.id, sessionId: second, moodBefore: 3 });
    expect(box.openings(a.id)[0]).toMatchObject({ id: abandoned.openingId, outcome: 'stopped', endedAt: T0 + MINUTE });
    expect(box.get(a.id).status).toBe('sealed');
    expect(box.unfinishedOpening()).toMatchObject({ id: opened.openingId, memoryId: b.id });
  });

  it('outside a practice, a kept-open or at-peace memory can be sealed again (and is offered again)', async () => {
    const m = await add('Dad', 5);
    const opening = await box.openMemory({ memoryId: m.id, moodBefore: 2 });
    box.closeOpening({ openingId: opening.openingId, outcome: 'keep-open' });
    expect(box.suggest({ maxIntensity: 10 }).memory).toBeNull();
    expect(box.setStatus({ memoryId: m.id, status: 'sealed' }).status).toBe('sealed');
    expect(box.suggest({ maxIntensity: 10 }).memory?.id).toBe(m.id);
    expect(box.setStatus({ memoryId: m.id, status: 'at-peace' }).status).toBe('at-peace');
    expect(box.suggest({ maxIntensity: 10 }).memory).toBeNull();
    await expectAppError(() => box.setStatus({ memoryId: m.id, status: 'open' as 'sealed' }), 'INVALID_INPUT');
    // Left open by a practice that crashed: sealing it from the box closes that opening as stopped.
    const abandoned = await box.openMemory({ memoryId: m.id, moodBefore: 2 });
    expect(box.setStatus({ memoryId: m.id, status: 'sealed' }).status).toBe('sealed');
    expect(box.openings(m.id)[0]).toMatchObject({ id: abandoned.openingId, outcome: 'stopped' });
    expect(box.unfinishedOpening()).toBeNull();
  });

  it('two opens started together: one opens, the other is told to wait', async () => {
    const a = await add('A', 2, { passphrase: PASS });
    const b = await add('B', 3);
    const results = await Promise.allSettled([
      box.openMemory({ memoryId: a.id, moodBefore: 3, passphrase: PASS }),
      box.openMemory({ memoryId: b.id, moodBefore: 3 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(openingRows().n).toBe(1);
  });

  it('stop (Esc) mid-way reseals the memory and logs the opening as stopped; a second stop is harmless', async () => {
    const m = await add('The old kitchen', 2);
    const sessionId = startPractice();
    const { openingId } = await box.openMemory({ memoryId: m.id, sessionId, moodBefore: 2 });
    clock.advance(90_000);
    const stopped = box.stopOpening(openingId);
    expect(stopped).toMatchObject({ outcome: 'stopped', endedAt: T0 + 90_000, sessionId, moodAfter: null });
    expect(box.get(m.id).status).toBe('sealed');
    clock.advance(MINUTE);
    expect(box.stopOpening(openingId)).toEqual(stopped);
    await expectAppError(() => box.stopOpening(999), 'NOT_FOUND');
  });

  it('stopping an opening that already ended does not undo the person’s choice', async () => {
    const m = await add('Dad', 5);
    const { openingId } = await box.openMemory({ memoryId: m.id, moodBefore: 2 });
    box.closeOpening({ openingId, outcome: 'at-peace' });
    expect(box.stopOpening(openingId).outcome).toBe('at-peace');
    expect(box.get(m.id).status).toBe('at-peace');
  });

  it('after a crash, the unfinished opening is settled as stopped and the memory resealed', async () => {
    const m = await add('The old kitchen', 2);
    await box.openMemory({ memoryId: m.id, moodBefore: 2 });
    expect(box.get(m.id).status).toBe('open');

    // The app restarts: a new service over the same vault.
    clock.advance(3 * 60 * MINUTE);
    const restarted = new MemoriesService({ db: () => db, clock, kdf: cheapKdf });
    expect(restarted.settleUnfinished()).toEqual({ settled: 1 });
    expect(restarted.get(m.id).status).toBe('sealed');
    expect(restarted.openings(m.id)[0]).toMatchObject({ outcome: 'stopped', endedAt: T0 + 3 * 60 * MINUTE });
    expect(restarted.settleUnfinished()).toEqual({ settled: 0 });
    // And a memory can be opened again.
    await restarted.openMemory({ memoryId: m.id, moodBefore: 3 });
  });

  it('settling while the vault is locked does nothing and does not throw', () => {
    const locked = new MemoriesService({
      db: () => {
        throw vaultErrors.locked();
      },
      clock,
    });
    expect(locked.settleUnfinished()).toEqual({ settled: 0 });
  });

  it('is linked to a running practice only; the history outlives a deleted session', async () => {
    const m = await add('A', 2);
    await expectAppError(box.openMemory({ memoryId: m.id, sessionId: 999, moodBefore: 3 }), 'NOT_FOUND');
    const ended = startPractice();
    sessions.end({ sessionId: ended, stepIndex: 0, outcome: 'finished' });
    expect((await expectAppError(box.openMemory({ memoryId: m.id, sessionId: ended, moodBefore: 3 }), 'INVALID_INPUT')).message).toMatch(
      /already ended/,
    );
    await expectAppError(box.openMemory({ memoryId: 999, moodBefore: 3 }), 'NOT_FOUND');
    expect(openingRows().n).toBe(0);
    expect(box.get(m.id).status).toBe('sealed');

    const running = startPractice();
    const { openingId } = await box.openMemory({ memoryId: m.id, sessionId: running, moodBefore: 3 });
    box.closeOpening({ openingId, outcome: 'reseal' });
    db.prepare('DELETE FROM sessions WHERE id = ?').run(running);
    expect(box.openings(m.id)[0]).toMatchObject({ id: openingId, sessionId: null, outcome: 'resealed' });
  });
});

describe('the extra seal when opening', () => {
  it('a wrong passphrase: a gentle message, the memory stays closed, nothing is logged', async () => {
    const m = await add('Hospital', 7, { passphrase: PASS });
    const before = box.get(m.id);
    const error = await expectAppError(box.openMemory({ memoryId: m.id, moodBefore: 2, passphrase: 'not the one' }), 'WRONG_PASSPHRASE');
    expect(error.message).toMatch(/doesn't open this memory, so it stays sealed/);
    expect(error.message).not.toMatch(/Hospital|not the one/);
    const missing = await expectAppError(box.openMemory({ memoryId: m.id, moodBefore: 2 }), 'INVALID_INPUT');
    expect(missing.message).toMatch(/extra seal/);
    expect(box.get(m.id)).toEqual(before);
    expect(box.unfinishedOpening()).toBeNull();
    expect(openingRows().n).toBe(0);

    const { memory } = await box.openMemory({ memoryId: m.id, moodBefore: 2, passphrase: PASS });
    expect(memory.text).toBe('words of Hospital');
  });

  it('paces wrong tries like the vault: a few free, then a wait; the right one afterwards clears the count', async () => {
    const m = await add('Hospital', 7, { passphrase: PASS });
    const tryWrong = () => box.openMemory({ memoryId: m.id, moodBefore: 2, passphrase: 'not the one' });
    for (let i = 0; i < 4; i++) expect((await expectAppError(tryWrong(), 'WRONG_PASSPHRASE')).retryAfterMs).toBeUndefined();
    expect((await expectAppError(tryWrong(), 'WRONG_PASSPHRASE')).retryAfterMs).toBe(1_000);
    // Even the right passphrase waits until the pause is over.
    const paused = await expectAppError(box.openMemory({ memoryId: m.id, moodBefore: 2, passphrase: PASS }), 'THROTTLED');
    expect(paused.retryAfterMs).toBe(1_000);
    clock.advance(1_000);
    await box.openMemory({ memoryId: m.id, moodBefore: 2, passphrase: PASS });
    expect(db.prepare('SELECT failed_tries AS n, last_failed_at AS at FROM memories WHERE id = ?').get(m.id)).toEqual({ n: 0, at: null });
  });

  it('a plain memory opens without a passphrase (one given is ignored)', async () => {
    const m = await add('The dog', 3);
    expect((await box.openMemory({ memoryId: m.id, moodBefore: 4, passphrase: 'anything at all' })).memory.text).toBe('words of The dog');
  });
});

describe('suggestion', () => {
  it('offers the gentlest sealed memory within the maximum, and says how many stronger ones wait', async () => {
    const three = await add('Three', 3);
    await add('Eight', 8);
    const peaceful = await add('At peace', 1);
    const { openingId } = await box.openMemory({ memoryId: peaceful.id, moodBefore: 3 });
    box.closeOpening({ openingId, outcome: 'at-peace' });
    const five = await add('Five', 5, { passphrase: PASS });

    expect(box.suggest({ maxIntensity: 5 })).toEqual({ memory: box.get(three.id), aboveMaximum: 1 });
    expect(box.suggest({ maxIntensity: 2 })).toEqual({ memory: null, aboveMaximum: 3 });
    expect(box.suggest({ maxIntensity: 2, allowAbove: true })).toEqual({ memory: box.get(three.id), aboveMaximum: 0 });

    // Kept open: not offered again by the suggestion.
    const opened = await box.openMemory({ memoryId: three.id, moodBefore: 3 });
    box.closeOpening({ openingId: opened.openingId, outcome: 'keep-open' });
    expect(box.suggest({ maxIntensity: 5 }).memory?.id).toBe(five.id);
  });
});
