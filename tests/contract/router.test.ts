import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, limits, methodNames, type MethodName, type Result } from '../../preload/contract/index.ts';
import { createCore, type Core } from '../../main/core/services.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { PASSPHRASE, cheapKdf } from '../helpers/vault-fixtures.ts';

const resourcesDir = path.join(import.meta.dirname, '../../resources');
const NEW_PASSPHRASE = 'a different long passphrase';

let dir: string;
let clock: FakeClock;
let core: Core;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saltwater-router-'));
  clock = new FakeClock(1_700_000_000_000);
  // The fake clock is also the timer source, so the idle lock never fires on its own here.
  core = createCore({
    dataDir: path.join(dir, 'vault'),
    resourcesDir,
    clock,
    timers: clock,
    kdf: cheapKdf,
    openExternal: () => {},
    clipboard: { writeText: () => {} },
    httpPost: () => Promise.reject(new Error('no network in the router test')),
  });
});

afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function call(method: unknown, input?: unknown): Promise<Result<unknown>> {
  return core.router.call(method, input);
}

async function ok<T = unknown>(method: MethodName, input?: unknown): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

interface Seeded {
  contactId: number;
  entryId: number;
  sessionId: number;
  practiceId: string;
}

/** A vault with something in every table, so "nothing changed" means something. */
async function seed(): Promise<Seeded> {
  await ok('vault.create', { passphrase: PASSPHRASE });
  const entry = await ok<{ id: number }>('journal.create', {
    body: 'the harbour at night',
    emotions: [{ word: 'calm', intensity: 3, bodyLocation: 'chest' }],
    tags: ['sea'],
  });
  const deleted = await ok<{ id: number }>('journal.create', { body: 'deleted but not purged' });
  await ok('journal.delete', { id: deleted.id });
  await ok('emotions.addWord', { word: 'adrift', family: 'numb' });
  await ok('settings.update', { idleLockMinutes: 12 });
  const practices = await ok<{ id: string }[]>('practices.list');
  const practiceId = practices[0]!.id;
  const { sessionId } = await ok<{ sessionId: number }>('sessions.start', { practiceId, readiness: 3 });
  await ok('sessions.checkIn', { sessionId, stepIndex: 0, question: 'distress', value: 4 });
  const contact = await ok<{ id: number }>('contacts.add', { name: 'Sam', channel: { type: 'messenger', kind: 'email', address: 'sam@example.org' } });
  await ok('signals.send', { contactId: contact.id, which: 'test' });
  return { contactId: contact.id, entryId: entry.id, sessionId, practiceId };
}

/** Every row of every table (FTS shadow tables included), the schema version, and the key file. */
function snapshot(): unknown {
  const db = core.vault.db();
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[];
  const rows = Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT * FROM "${t.replaceAll('"', '""')}"`).all()]),
  );
  const keyFile = fs.readFileSync(core.vault.paths.keyFile);
  return {
    rows,
    userVersion: db.pragma('user_version', { simple: true }),
    keyFile: createHash('sha256').update(keyFile).digest('hex'),
  };
}

const long = (n: number) => 'x'.repeat(n);
const distinctTags = (n: number) => Array.from({ length: n }, (_, i) => `tag${i}`);

/**
 * Malformed input per method: wrong types, missing fields, too long, negative or
 * fractional ids. Each one, if accepted, would do something (several would write), so
 * "nothing changed" afterwards also proves no handler ran.
 */
function malformed(s: Seeded): Record<MethodName, unknown[]> {
  const sid = s.sessionId;
  return {
    'vault.status': [{}, { state: 'unlocked' }],
    'vault.create': [{}, { passphrase: 'short' }, { passphrase: 12345678 }, { passphrase: long(limits.passphraseMax + 1) }],
    'vault.unlock': [{}, { passphrase: '' }, { passphrase: 5 }, { passphrase: long(limits.passphraseMax + 1) }],
    'vault.unlockWithRecoveryKey': [
      {},
      { recoveryKey: 'ABCD' },
      { recoveryKey: 'ABCD', newPassphrase: 'short' },
      { recoveryKey: long(401), newPassphrase: NEW_PASSPHRASE },
      { recoveryKey: 1234, newPassphrase: NEW_PASSPHRASE },
    ],
    'vault.lock': [{}, { reason: 'manual' }],
    'vault.changePassphrase': [
      {},
      { current: PASSPHRASE },
      { current: PASSPHRASE, next: 'short' },
      { current: '', next: NEW_PASSPHRASE },
      { current: PASSPHRASE, next: long(limits.passphraseMax + 1) },
      { current: PASSPHRASE, next: 123456789 },
    ],
    'journal.list': [
      { limit: 0 },
      { limit: -1 },
      { limit: limits.listPageMax + 1 },
      { limit: 1.5 },
      { limit: '10' },
      { beforeId: -1 },
      { beforeId: 0 },
      { beforeId: 'last' },
    ],
    'journal.get': [{}, { id: -1 }, { id: 0 }, { id: 1.5 }, { id: '1' }, { id: null }, { id: Number.NaN }, { id: Infinity }],
    'journal.create': [
      { body: 5 },
      { body: long(limits.entryBodyMax + 1) },
      { emotions: 'sad' },
      { emotions: [{ word: 'sad' }] },
      { emotions: [{ word: 'sad', intensity: 0 }] },
      { emotions: [{ word: 'sad', intensity: 11 }] },
      { emotions: [{ word: 'sad', intensity: 2.5 }] },
      { emotions: [{ word: '', intensity: 3 }] },
      { emotions: [{ word: long(limits.wordMax + 1), intensity: 3 }] },
      { emotions: [{ word: 'sad', intensity: 3, bodyLocation: long(limits.bodyLocationMax + 1) }] },
      { emotions: Array.from({ length: limits.emotionsPerEntry + 1 }, (_, i) => ({ word: `w${i}`, intensity: 1 })) },
      { tags: 'work' },
      { tags: [1] },
      { tags: [''] },
      { tags: [long(limits.tagMax + 1)] },
      { tags: distinctTags(limits.tagsPerEntry + 1) },
    ],
    'journal.update': [
      { body: 'no id' },
      { id: -1, body: 'x' },
      { id: 0, body: 'x' },
      { id: '1', body: 'x' },
      { id: s.entryId, body: long(limits.entryBodyMax + 1) },
      { id: s.entryId, body: null },
      { id: s.entryId, emotions: [{ word: 'sad', intensity: 99 }] },
      { id: s.entryId, tags: [5] },
      { id: s.entryId, tags: distinctTags(limits.tagsPerEntry + 1) },
    ],
    'journal.delete': [{}, { id: -1 }, { id: 0 }, { id: 'all' }, { id: 1.5 }],
    'journal.restore': [{}, { id: -1 }, { id: 'all' }, { id: 2.5 }],
    'journal.search': [
      { text: 5 },
      { text: long(limits.searchQueryMax + 1) },
      { limit: 0 },
      { limit: limits.listPageMax + 1 },
      { emotion: 5 },
      { emotion: long(limits.wordMax + 1) },
      { tag: long(limits.tagMax + 1) },
      { tag: ['sea'] },
    ],
    'journal.tags': [{}],
    'emotions.vocabulary': [{}],
    'emotions.addWord': [
      {},
      { word: 'unmoored' },
      { family: 'numb' },
      { word: '', family: 'numb' },
      { word: '   ', family: 'numb' },
      { word: long(limits.wordMax + 1), family: 'numb' },
      { word: 'unmoored', family: long(41) },
      { word: 5, family: 'numb' },
      { word: 'unmoored', family: '' },
      // Passes the schema, fails the service: still INVALID_INPUT, still nothing stored.
      { word: 'unmoored', family: 'no-such-family' },
    ],
    'settings.get': [{}],
    'settings.update': [
      { idleLockMinutes: 0 },
      { idleLockMinutes: -5 },
      { idleLockMinutes: 241 },
      { idleLockMinutes: '10' },
      { idleLockMinutes: 2.5 },
      { audioVolume: 1.5 },
      { motion: 'fast' },
      { breathPattern: 'nope' },
      { breathPattern: { custom: { inhale: 0, exhale: 4 } } },
      { crisisCountry: 'gb' },
      { crisisCountry: 'GBR' },
      { safetyEntries: [{ name: 'Dr Lee' }] },
      { safetyEntries: [{ name: '', phone: '123' }] },
      { safetyEntries: [{ name: 'Dr Lee', website: 'javascript:alert(1)' }] },
      { safetyEntries: [{ name: 'Dr Lee', website: 'file:///etc/passwd' }] },
      { safetyEntries: Array.from({ length: 9 }, (_, i) => ({ name: `n${i}`, phone: '123' })) },
    ],
    'practices.list': [{}],
    'practices.get': [{}, { id: '' }, { id: '../../package' }, { id: long(65) }, { id: 5 }, { id: 'UPPER' }],
    'sessions.start': [
      {},
      { practiceId: 5 },
      { practiceId: '../x' },
      { practiceId: s.practiceId, readiness: 0 },
      { practiceId: s.practiceId, readiness: 6 },
      { practiceId: s.practiceId, moodBefore: 2.5 },
    ],
    'sessions.stepReached': [
      {},
      { sessionId: sid },
      { sessionId: -1, stepIndex: 1 },
      { sessionId: sid, stepIndex: -1 },
      { sessionId: sid, stepIndex: 201 },
      { sessionId: String(sid), stepIndex: 1 },
    ],
    'sessions.checkIn': [
      { sessionId: sid, stepIndex: 1, question: 'pain', value: 3 },
      { sessionId: sid, stepIndex: 1, question: 'distress', value: 11 },
      { sessionId: sid, stepIndex: 1, question: 'distress', value: -1 },
      { sessionId: sid, stepIndex: 1, question: 'distress' },
      { sessionId: 0, stepIndex: 1, question: 'distress', value: 3 },
    ],
    'sessions.end': [
      { sessionId: sid, stepIndex: 1, outcome: 'abandoned' },
      { sessionId: sid, stepIndex: 1 },
      { sessionId: 0, stepIndex: 1, outcome: 'finished' },
    ],
    'sessions.reflect': [
      {},
      { sessionId: -1 },
      { sessionId: sid, notes: long(20_001) },
      { sessionId: sid, moodAfter: 6 },
      { sessionId: sid, tears: 'buckets' },
      { sessionId: sid, relief: 11 },
    ],
    'sessions.list': [{ limit: 0 }, { limit: limits.listPageMax + 1 }, { limit: 'all' }],
    'sessions.get': [{}, { id: -1 }, { id: 'x' }],
    'schedules.list': [{}],
    'schedules.create': [
      {},
      { practiceId: s.practiceId },
      { practiceId: s.practiceId, recurrence: { kind: 'hourly', start: '2026-01-01', time: '20:00' } },
      { practiceId: s.practiceId, recurrence: { kind: 'once', date: '2026-02-30', time: '20:00' } },
      { practiceId: s.practiceId, recurrence: { kind: 'once', date: '2026-02-03', time: '25:00' } },
      { practiceId: s.practiceId, recurrence: { kind: 'weekly', start: '2026-01-01', time: '20:00', days: [] } },
      { practiceId: s.practiceId, recurrence: { kind: 'once', date: '2026-02-03', time: '20:00' }, leadMinutes: 7 },
      { practiceId: s.practiceId, recurrence: { kind: 'once', date: '2026-02-03', time: '20:00' }, tzid: 'Mars/Olympus' },
      { practiceId: s.practiceId, recurrence: { kind: 'once', date: '2026-02-03', time: '20:00' }, text: long(121) },
      { practiceId: s.practiceId, recurrence: { kind: 'once', date: '2026-02-03', time: '20:00' }, text: 'two\nlines' },
      { practiceId: s.practiceId, recurrence: { kind: 'once', date: '2026-02-03', time: '20:00' }, extra: true },
    ],
    'schedules.update': [{}, { id: -1, patch: {} }, { id: 1, patch: { leadMinutes: 3 } }, { id: 1, patch: { nope: 1 } }],
    'schedules.setPaused': [{}, { id: 1 }, { id: 1, paused: 'yes' }],
    'schedules.delete': [{}, { id: 0 }, { id: 'x' }],
    'schedules.preview': [{}, { recurrence: { kind: 'daily', start: 'tomorrow', time: '20:00' } }, { recurrence: { kind: 'once', date: '2026-02-03', time: '20:00' }, count: 50 }],
    'schedules.upcoming': [{}, { id: 1, count: 0 }, { id: 1, count: 21 }],
    'schedules.quietHours': [{}],
    'schedules.setQuietHours': [
      {},
      { enabled: true, start: '22:00', end: '22:00', policy: 'move' },
      { enabled: true, start: '10pm', end: '08:00', policy: 'move' },
      { enabled: true, start: '22:00', end: '08:00', policy: 'later' },
    ],
    'schedules.pendingMissed': [{}],
    'schedules.exportIcs': [{}],
    'reminders.snooze': [{}, { scheduleId: 1, occurrence: '2026-02-03T20:00', minutes: 15 }, { scheduleId: 1, occurrence: 'soon', minutes: 10 }],
    'reminders.skip': [{}, { scheduleId: 1, occurrence: '2026-02-03 20:00' }, { scheduleId: 0, occurrence: '2026-02-03T20:00' }],
    'reminders.started': [{}, { scheduleId: 1 }, { scheduleId: 1, occurrence: '' }],
    'contacts.list': [{}],
    'contacts.add': [
      {},
      { name: 'Sam' },
      { name: '', channel: { type: 'messenger', kind: 'email', address: 'sam@example.org' } },
      { name: 'Sam', channel: { type: 'messenger', kind: 'email', address: 'not an address' } },
      { name: 'Sam', channel: { type: 'messenger', kind: 'sms', address: 'call me' } },
      { name: 'Sam', channel: { type: 'webhook', url: 'javascript:alert(1)', format: 'text' } },
      { name: 'Sam', channel: { type: 'webhook', url: 'file:///etc/passwd', format: 'text' } },
      { name: 'Sam', channel: { type: 'webhook', url: 'http://example.org/t', format: 'text' } },
      { name: 'Sam', channel: { type: 'webhook', url: `https://example.org/${long(2100)}`, format: 'text' } },
      { name: 'Sam', channel: { type: 'messenger', kind: 'email', address: 'sam@example.org' }, message: long(281) },
    ],
    'contacts.update': [{}, { id: s.contactId }, { id: 0, contact: { name: 'Sam', channel: { type: 'messenger', kind: 'sms', address: '+441234567' } } }],
    'contacts.remove': [{}, { id: -1 }, { id: 'Sam' }],
    'signals.send': [{}, { contactId: s.contactId }, { contactId: s.contactId, which: 'panic' }, { contactId: 0, which: 'help' }],
    'signals.copy': [{}, { contactId: s.contactId, which: 'all' }, { contactId: 1.5, which: 'help' }],
    'signals.status': [{}, { signalId: 0 }, { signalId: 'last' }],
    'signals.history': [{}],
    'signals.deleteHistory': [{}],
    'app.sessionMode': [{}, { active: 'yes' }, { active: 1 }],
    'app.activity': [{}, { at: 1 }],
    'app.openLink': [{}, { url: 'javascript:alert(1)' }, { url: 'file:///etc/passwd' }, { url: 'mailto:a@b.org' }, { url: 'https://user:pw@x.org' }, { url: 5 }],
    'app.readyToClose': [{}, { now: true }],
  };
}

/** Wrong at the top level for any object-or-nothing input. */
const wrongShapes: unknown[] = [null, 42, 'text', [], true, [{}]];

/** Valid input for every method that needs an unlocked vault. */
function validWhileUnlocked(s: Seeded): Partial<Record<MethodName, unknown>> {
  return {
    'vault.changePassphrase': { current: PASSPHRASE, next: NEW_PASSPHRASE },
    'journal.list': {},
    'journal.get': { id: s.entryId },
    'journal.create': { body: 'written while locked?' },
    'journal.update': { id: s.entryId, body: 'edited while locked?' },
    'journal.delete': { id: s.entryId },
    'journal.restore': { id: s.entryId },
    'journal.search': { text: 'harbour' },
    'journal.tags': undefined,
    'emotions.vocabulary': undefined,
    'emotions.addWord': { word: 'unmoored', family: 'numb' },
    'settings.get': undefined,
    'settings.update': { idleLockMinutes: 30 },
    'sessions.start': { practiceId: s.practiceId },
    'sessions.stepReached': { sessionId: s.sessionId, stepIndex: 1 },
    'sessions.checkIn': { sessionId: s.sessionId, stepIndex: 1, question: 'mood', value: 3 },
    'sessions.end': { sessionId: s.sessionId, stepIndex: 1, outcome: 'stopped' },
    'sessions.reflect': { sessionId: s.sessionId, notes: 'reflected while locked?' },
    'sessions.list': {},
    'sessions.get': { id: s.sessionId },
    'app.sessionMode': { active: true },
    'schedules.list': undefined,
    'schedules.create': { practiceId: s.practiceId, recurrence: { kind: 'once', date: '2030-02-03', time: '20:00' } },
    'schedules.update': { id: 1, patch: { paused: true } },
    'schedules.setPaused': { id: 1, paused: true },
    'schedules.delete': { id: 1 },
    'schedules.upcoming': { id: 1 },
    'schedules.quietHours': undefined,
    'schedules.setQuietHours': { enabled: true, start: '22:00', end: '08:00', policy: 'move' },
    'schedules.pendingMissed': undefined,
    'schedules.exportIcs': undefined,
    'reminders.started': { scheduleId: 1, occurrence: '2030-02-03T20:00' },
    'contacts.list': undefined,
    'contacts.add': { name: 'Robin', channel: { type: 'messenger', kind: 'sms', address: '+44 7700 900123' } },
    'contacts.update': { id: s.contactId, contact: { name: 'Sam B', channel: { type: 'messenger', kind: 'email', address: 'sam@example.org' } } },
    'contacts.remove': { id: s.contactId },
    'signals.send': { contactId: s.contactId, which: 'help' },
    'signals.copy': { contactId: s.contactId, which: 'ok' },
    'signals.status': { signalId: 1 },
    'signals.history': undefined,
    'signals.deleteHistory': undefined,
  };
}

/** Methods that need no open vault: status and unlocking, built-in content, activity pings. */
const openWhileLocked = new Set<MethodName>([
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.unlockWithRecoveryKey',
  'vault.lock',
  'practices.list',
  'practices.get',
  'app.activity',
  'app.readyToClose',
  // Only hands a web page to the OS browser; crisis lines' sites must open from anywhere.
  'app.openLink',
  // Rules can be previewed without the vault; a reminder can be snoozed or skipped from the
  // lock screen (kept in the sealed log until the next unlock).
  'schedules.preview',
  'reminders.snooze',
  'reminders.skip',
]);

describe('router', () => {
  it('has malformed-input cases for every contract method', async () => {
    const s = await seed();
    const cases = malformed(s);
    for (const method of methodNames) {
      expect(cases[method]?.length ?? 0, `add malformed cases for ${method}`).toBeGreaterThan(0);
    }
    expect(Object.keys(cases).sort()).toEqual([...methodNames].sort());
  });

  it('rejects malformed input to every method with INVALID_INPUT and changes nothing', async () => {
    const s = await seed();
    const cases = malformed(s);
    const before = snapshot();
    for (const method of methodNames) {
      const inputs = [...(cases[method] ?? []), ...wrongShapes.filter((v) => !contract[method].input.safeParse(v).success)];
      for (const input of inputs) {
        const result = await call(method, input);
        const label = `${method} ${JSON.stringify(input)?.slice(0, 120)}`;
        expect(result.ok, label).toBe(false);
        if (!result.ok) {
          expect(result.error.code, label).toBe('INVALID_INPUT');
          expect(result.error.message.length, label).toBeGreaterThan(0);
        }
      }
    }
    expect(core.vault.isUnlocked()).toBe(true);
    expect(snapshot()).toEqual(before);
    // Still working afterwards, and still holding exactly the seeded data.
    const list = await ok<{ id: number; preview: string }[]>('journal.list', {});
    expect(list.map((e) => [e.id, e.preview])).toEqual([[s.entryId, 'the harbour at night']]);
    expect((await ok<{ idleLockMinutes: number }>('settings.get')).idleLockMinutes).toBe(12);
  });

  it('refuses unknown methods with UNKNOWN_METHOD', async () => {
    await seed();
    const before = snapshot();
    for (const method of [
      'journal.drop',
      'vault.export',
      'JOURNAL.LIST',
      'journal.list ',
      '',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      42,
      null,
      undefined,
      {},
      ['journal.list'],
    ]) {
      const result = await call(method, {});
      expect(result, String(method)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(snapshot()).toEqual(before);
  });

  it('answers LOCKED to every data method while locked, and changes nothing', async () => {
    const s = await seed();
    const valid = validWhileUnlocked(s);
    for (const method of methodNames) {
      expect(openWhileLocked.has(method) || method in valid, `classify ${method} for the locked test`).toBe(true);
    }
    // Every lock purges soft-deleted entries; settle that first so the comparison is exact.
    await ok('vault.lock');
    await ok('vault.unlock', { passphrase: PASSPHRASE });
    const before = snapshot();
    await ok('vault.lock');
    expect(core.vault.isUnlocked()).toBe(false);

    for (const method of methodNames) {
      if (openWhileLocked.has(method)) continue;
      const result = await call(method, valid[method]);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    }

    await ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(snapshot()).toEqual(before);
  });

  it('accepts the valid inputs used above when unlocked (so LOCKED above means locked)', async () => {
    const s = await seed();
    const valid = validWhileUnlocked(s);
    for (const method of Object.keys(valid) as MethodName[]) {
      if (method === 'app.sessionMode') continue; // would only toggle a flag; checked by LOCKED above
      const result = await call(method, valid[method]);
      expect(result.ok ? 'ok' : result.error.code, method).not.toBe('INVALID_INPUT');
      expect(result.ok ? 'ok' : result.error.code, method).not.toBe('LOCKED');
    }
  });
});
