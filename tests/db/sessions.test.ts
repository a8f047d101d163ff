import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PracticeLibrary } from '../../main/core/practices/library.ts';
import { SessionsService } from '../../main/core/sessions/sessions.ts';
import type { Db } from '../../main/core/vault/database.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import { expectAppError, makeTempDir, openTestDatabase } from '../helpers/vault-fixtures.ts';

const resources = resolve(import.meta.dirname, '../../resources');

describe('SessionsService', () => {
  let db: Db;
  let cleanup: () => void;
  let clock: FakeClock;
  let sessions: SessionsService;
  const library = new PracticeLibrary(resources);

  beforeEach(() => {
    ({ db, clock, cleanup } = openTestDatabase(1_800_000_000_000));
    sessions = new SessionsService(() => db, clock, library);
  });
  afterEach(() => cleanup());

  it('records a finished run as it happens: start, steps, check-ins, end, reflection', () => {
    const { sessionId } = sessions.start({ practiceId: 'permission', readiness: 4, moodBefore: 2 });
    clock.advance(60_000);
    sessions.stepReached({ sessionId, stepIndex: 1 });
    sessions.checkIn({ sessionId, stepIndex: 1, question: 'distress', value: 3 });
    const last = library.get('permission').steps.length - 1;
    sessions.end({ sessionId, stepIndex: last, outcome: 'finished' });
    sessions.reflect({ sessionId, moodAfter: 4, tears: 'tear', relief: 6, notes: 'lighter' });

    expect(sessions.get(sessionId)).toMatchObject({
      practiceId: 'permission',
      practiceTitle: library.get('permission').title,
      outcome: 'finished',
      stepReached: last,
      readiness: 4,
      moodBefore: 2,
      moodAfter: 4,
      tears: 'tear',
      relief: 6,
      notes: 'lighter',
      tooMuch: false,
      startedAt: 1_800_000_000_000,
      endedAt: 1_800_000_060_000,
      checkIns: [{ stepIndex: 1, question: 'distress', value: 3, at: 1_800_000_060_000 }],
    });
  });

  it('"some of this felt like too much" is kept when said, and a later check-in without it takes it back', () => {
    const { sessionId } = sessions.start({ practiceId: 'arrive-and-breathe' });
    sessions.end({ sessionId, stepIndex: 1, outcome: 'stopped' });
    sessions.reflect({ sessionId, notes: '', tooMuch: true });
    expect(sessions.get(sessionId).tooMuch).toBe(true);
    expect(sessions.list(10)[0]).toMatchObject({ id: sessionId, tooMuch: true });
    expect(db.prepare('SELECT too_much FROM sessions WHERE id = ?').pluck().get(sessionId)).toBe(1);
    sessions.reflect({ sessionId, notes: '', moodAfter: 3 });
    expect(sessions.get(sessionId)).toMatchObject({ tooMuch: false, moodAfter: 3 });
    // Nothing said is stored as nothing, never as a "no".
    expect(db.prepare('SELECT too_much FROM sessions WHERE id = ?').pluck().get(sessionId)).toBeNull();
  });

  it('a stopped run keeps the step it was stopped at', () => {
    const { sessionId } = sessions.start({ practiceId: 'arrive-and-breathe' });
    sessions.stepReached({ sessionId, stepIndex: 1 });
    sessions.end({ sessionId, stepIndex: 1, outcome: 'stopped' });
    expect(sessions.get(sessionId)).toMatchObject({ outcome: 'stopped', stepReached: 1 });
  });

  it('what was answered before a crash is kept: an unended run reads back with its check-ins', () => {
    const { sessionId } = sessions.start({ practiceId: 'body-first', moodBefore: 3 });
    sessions.stepReached({ sessionId, stepIndex: 2 });
    sessions.checkIn({ sessionId, stepIndex: 2, question: 'distress', value: 7 });
    // A new service on the same file stands in for the restarted app.
    const after = new SessionsService(() => db, clock, library);
    expect(after.list(10)).toMatchObject([{ id: sessionId, outcome: null, stepReached: 2, checkIns: [{ value: 7 }] }]);
  });

  it('a journal entry can be linked to the session it was written about', async () => {
    const { Journal } = await import('../../main/core/journal/journal.ts');
    const journal = new Journal(() => db, clock);
    const { sessionId } = sessions.start({ practiceId: 'permission' });
    const entry = journal.create({ body: 'after the session', sessionId });
    expect(journal.get(entry.id).sessionId).toBe(sessionId);
    expect(journal.create({ body: 'plain' }).sessionId).toBeNull();
    await expectAppError(() => journal.create({ body: 'orphan', sessionId: sessionId + 99 }), 'NOT_FOUND');
    expect(journal.list({ limit: 10 })).toHaveLength(2);
  });

  it('lists newest first', () => {
    const a = sessions.start({ practiceId: 'permission' }).sessionId;
    clock.advance(1000);
    const b = sessions.start({ practiceId: 'quiet-body' }).sessionId;
    expect(sessions.list(10).map((s) => s.id)).toEqual([b, a]);
    expect(sessions.list(1).map((s) => s.id)).toEqual([b]);
  });

  it('a listed session carries its own check-ins, in the order given, the same as get()', () => {
    const a = sessions.start({ practiceId: 'permission' }).sessionId;
    clock.advance(1000);
    const b = sessions.start({ practiceId: 'permission' }).sessionId;
    const c = sessions.start({ practiceId: 'permission' }).sessionId;
    sessions.checkIn({ sessionId: a, stepIndex: 1, question: 'distress', value: 5 });
    sessions.checkIn({ sessionId: b, stepIndex: 0, question: 'mood', value: 2 });
    sessions.checkIn({ sessionId: a, stepIndex: 0, question: 'tears', value: 1 });
    const listed = sessions.list(10);
    expect(listed.map((s) => s.id)).toEqual([c, b, a]);
    expect(listed).toEqual([c, b, a].map((id) => sessions.get(id)));
    expect(listed.map((s) => s.checkIns.map((x) => x.value))).toEqual([[], [2], [5, 1]]);
    expect(sessions.list(1)).toEqual([sessions.get(c)]);
  });

  it('refuses what does not fit, changing nothing', async () => {
    await expectAppError(() => sessions.start({ practiceId: 'no-such-practice' }), 'NOT_FOUND');
    const { sessionId } = sessions.start({ practiceId: 'permission' });
    const steps = library.get('permission').steps.length;
    await expectAppError(() => sessions.stepReached({ sessionId, stepIndex: steps }), 'INVALID_INPUT');
    await expectAppError(() => sessions.checkIn({ sessionId, stepIndex: 0, question: 'mood', value: 9 }), 'INVALID_INPUT');
    await expectAppError(() => sessions.end({ sessionId: sessionId + 1, stepIndex: 0, outcome: 'stopped' }), 'NOT_FOUND');
    sessions.end({ sessionId, stepIndex: 0, outcome: 'stopped' });
    await expectAppError(() => sessions.end({ sessionId, stepIndex: 0, outcome: 'finished' }), 'INVALID_INPUT');
    expect(sessions.get(sessionId)).toMatchObject({ outcome: 'stopped', checkIns: [] });
  });
});

describe('PracticeLibrary', () => {
  it('loads every built-in practice, gentle ones first, shortest first within each', () => {
    const list = new PracticeLibrary(resources).list();
    expect(list.length).toBeGreaterThanOrEqual(7);
    const firstDeeper = list.findIndex((p) => p.intensity === 'deeper');
    expect(list.slice(firstDeeper).every((p) => p.intensity === 'deeper')).toBe(true);
    expect(list[0]!.id).toBe('arrive-and-breathe');
  });

  it('leaves out an invalid file and says which', async () => {
    const { mkdirSync, writeFileSync, copyFileSync } = await import('node:fs');
    const tmp = makeTempDir();
    try {
      mkdirSync(join(tmp.dir, 'practices'));
      copyFileSync(join(resources, 'practices/permission.json'), join(tmp.dir, 'practices/permission.json'));
      writeFileSync(join(tmp.dir, 'practices/broken.json'), '{"id":"broken","version":1,"steps":[]}');
      const problems: string[] = [];
      const library = new PracticeLibrary(tmp.dir, (p) => problems.push(p));
      expect(library.list().map((p) => p.id)).toEqual(['permission']);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/broken\.json/);
    } finally {
      tmp.cleanup();
    }
  });
});
