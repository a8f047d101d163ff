import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Practice, REMOVED_PRACTICE, type PracticeSummary, type Schedule, type SessionRecord } from '../../preload/contract/index.ts';
import { createCore, type Core } from '../../main/core/services.ts';
import { PracticeLibrary } from '../../main/core/practices/library.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { callOrThrow } from '../helpers/router-call.ts';
import { cheapKdf, makeTempDir, PASSPHRASE } from '../helpers/vault-fixtures.ts';

/** The person's own practices through the router, as the page uses them, in a real encrypted vault. */
const resourcesDir = path.join(import.meta.dirname, '../../resources');
let root: string;
let cleanup: () => void;
let core: Core;
let answers: (string | null)[];

const mine = {
  id: 'permission',
  version: 1,
  title: 'Evening letting go',
  summary: 'A breath, a kind word, and rest.',
  suits: ['before sleep'],
  intensity: 'gentle',
  steps: [
    { kind: 'breathe', pattern: { custom: { inhale: 4, exhale: 6 } }, cycles: 3 },
    { kind: 'permission', statement: 'It is safe to feel this now.', handOnHeart: true, seconds: 30 },
    { kind: 'close', text: 'Rest now.', aftercare: ['A glass of water'] },
  ],
} as const;

beforeEach(async () => {
  ({ dir: root, cleanup } = makeTempDir());
  answers = [];
  const next = async () => {
    if (answers.length === 0) throw new Error('no answer for the dialog');
    return answers.shift() ?? null;
  };
  core = createCore({
    dataDir: path.join(root, 'vault'),
    resourcesDir,
    clock: new FakeClock(new Date(2026, 11, 4, 9, 0).getTime()),
    timers: new FakeClock(0),
    kdf: cheapKdf,
    dialogs: { choosePracticeFile: next, choosePracticeSaveAs: next },
  });
  await call('vault.create', { passphrase: PASSPHRASE });
});
afterEach(() => {
  core.close();
  cleanup();
});

const call = <T = unknown>(method: string, input?: unknown) => callOrThrow<T>(core, method, input);
async function failure(method: string, input?: unknown) {
  const result = await core.router.call(method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

describe('own practices', () => {
  it('are saved under a fresh own id, never a built-in’s, and listed beside the built-ins, marked', async () => {
    const saved = await call<Practice>('ownPractices.create', { practice: mine });
    expect(saved.id).toMatch(/^own-[0-9a-f-]{36}$/);
    const again = await call<Practice>('ownPractices.create', { practice: mine });
    expect(again.id).not.toBe(saved.id);
    // The built-in it was copied from is untouched.
    expect((await call<Practice>('practices.get', { id: 'permission' })).title).toBe('Permission');

    const list = await call<PracticeSummary[]>('practices.list');
    const builtIns = new PracticeLibrary(resourcesDir).list();
    expect(list.slice(0, builtIns.length)).toEqual(builtIns);
    expect(list.slice(builtIns.length)).toEqual([
      { id: saved.id, title: 'Evening letting go', summary: mine.summary, suits: ['before sleep'], intensity: 'gentle', minutes: 2, own: true },
      expect.objectContaining({ id: again.id, own: true }),
    ]);
    expect(await call<Practice>('practices.get', { id: saved.id })).toEqual(Practice.parse({ ...mine, id: saved.id }));
  });

  it('are only there while the vault is open', async () => {
    const saved = await call<Practice>('ownPractices.create', { practice: mine });
    await call('vault.lock');
    expect((await call<PracticeSummary[]>('practices.list')).some((p) => p.own)).toBe(false);
    expect(await failure('practices.get', { id: saved.id })).toMatchObject({ code: 'LOCKED' });
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await call<PracticeSummary[]>('practices.list')).filter((p) => p.own).map((p) => p.id)).toEqual([saved.id]);
  });

  it('can be changed, and run as a session like any practice', async () => {
    const saved = await call<Practice>('ownPractices.create', { practice: mine });
    await call('ownPractices.update', { practice: { ...saved, title: 'Evening, slowly' } });
    const { sessionId } = await call<{ sessionId: number }>('sessions.start', { practiceId: saved.id, readiness: 4 });
    await call('sessions.checkIn', { sessionId, stepIndex: 1, question: 'distress', value: 2 });
    await call('sessions.end', { sessionId, stepIndex: 2, outcome: 'finished' });
    expect(await call<SessionRecord>('sessions.get', { id: sessionId })).toMatchObject({ practiceId: saved.id, practiceTitle: 'Evening, slowly', stepCount: 3 });
    expect(await failure('ownPractices.update', { practice: { ...saved, id: 'own-not-there' } })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('removed: History and a schedule that used it stay whole, it is said kindly, and Undo brings it back', async () => {
    const saved = await call<Practice>('ownPractices.create', { practice: mine });
    const { sessionId } = await call<{ sessionId: number }>('sessions.start', { practiceId: saved.id });
    await call('sessions.end', { sessionId, stepIndex: 0, outcome: 'stopped' });
    const schedule = await call<Schedule>('schedules.create', { practiceId: saved.id, recurrence: { kind: 'once', date: '2026-12-10', time: '20:00' } });

    await call('ownPractices.remove', { id: saved.id });
    expect((await call<PracticeSummary[]>('practices.list')).some((p) => p.id === saved.id)).toBe(false);
    expect(await failure('practices.get', { id: saved.id })).toEqual({ code: 'NOT_FOUND', message: REMOVED_PRACTICE });
    expect(await failure('sessions.start', { practiceId: saved.id })).toEqual({ code: 'NOT_FOUND', message: REMOVED_PRACTICE });
    // History keeps the session with the practice's name; the schedule is still there, pointing at it.
    expect((await call<SessionRecord[]>('sessions.list', {}))[0]).toMatchObject({ practiceId: saved.id, practiceTitle: 'Evening letting go' });
    expect((await call<Schedule[]>('schedules.list')).map((s) => [s.id, s.practiceId])).toEqual([[schedule.id, saved.id]]);

    await call('ownPractices.restore', { id: saved.id });
    expect((await call<Practice>('practices.get', { id: saved.id })).title).toBe('Evening letting go');
    expect(await failure('ownPractices.restore', { id: saved.id })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a removed practice goes for good when the vault locks', async () => {
    const saved = await call<Practice>('ownPractices.create', { practice: mine });
    await call('ownPractices.remove', { id: saved.id });
    await call('vault.lock');
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(core.vault.db().prepare('SELECT count(*) FROM own_practices').pluck().get()).toBe(0);
    expect(await failure('ownPractices.restore', { id: saved.id })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shares through a file and imports it on another computer as a new practice', async () => {
    const saved = await call<Practice>('ownPractices.create', { practice: mine });
    const folder = path.join(root, 'shared');
    fs.mkdirSync(folder);
    answers.push(path.join(folder, 'for Sam'));
    const exported = await call<{ outcome: string; where: string }>('ownPractices.export', { id: saved.id });
    expect(exported).toEqual({ outcome: 'saved', where: path.join(folder, 'for Sam.json') });
    const text = fs.readFileSync(exported.where, 'utf8');
    const { id: _id, version: _version, ...shared } = saved;
    expect(JSON.parse(text)).toEqual({ 'saltwater-practice': 1, practice: shared });
    expect(text).not.toContain(saved.id);

    answers.push(exported.where);
    const imported = await call<{ fileName: string; practice: Practice }>('ownPractices.chooseImport');
    expect(imported.fileName).toBe('for Sam.json');
    expect(imported.practice).toEqual({ ...saved, id: 'own-new' });
    // Reading it saved nothing; keeping it gives it an id of its own.
    expect((await call<PracticeSummary[]>('practices.list')).filter((p) => p.own)).toHaveLength(1);
    const kept = await call<Practice>('ownPractices.create', { practice: imported.practice });
    expect(kept.id).not.toBe(saved.id);
  });

  it('export and import: a closed dialog does nothing; a bad or huge file is refused with its reason', async () => {
    const saved = await call<Practice>('ownPractices.create', { practice: mine });
    answers.push(null);
    expect(await call('ownPractices.export', { id: saved.id })).toEqual({ outcome: 'cancelled' });
    answers.push(null);
    expect(await call('ownPractices.chooseImport')).toBeNull();

    const huge = path.join(root, 'huge.json');
    fs.writeFileSync(huge, `{"saltwater-practice": 1, "practice": {"summary": "${'x'.repeat(600_000)}"}}`);
    answers.push(huge);
    expect(await failure('ownPractices.chooseImport')).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/too big to be a practice/) });
    answers.push(root);
    expect(await failure('ownPractices.chooseImport')).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/Please choose a practice file/) });
    answers.push(path.join(root, 'gone.json'));
    expect(await failure('ownPractices.chooseImport')).toMatchObject({ code: 'FILE_PROBLEM', message: expect.stringMatching(/isn’t there any more/) });
    expect((await call<PracticeSummary[]>('practices.list')).filter((p) => p.own)).toHaveLength(1);
  });
});
