import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKOFF_MS, SEND_WINDOW_MS } from '../../main/core/signal/outbox.ts';
import type { HttpPost, HttpRequest } from '../../main/core/signal/ports.ts';
import { SignalService } from '../../main/core/signal/signal-service.ts';
import type { SignalStatus } from '../../preload/contract/signals.ts';
import { openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { makeTempDir } from '../helpers/vault-fixtures.ts';
import { vaultErrors } from '../../main/core/vault/vault-errors.ts';

const T0 = 1_700_000_000_000;
const MIN = 60_000;

interface Call extends HttpRequest {
  at: number;
  url: string;
}

let dir: string;
let cleanup: () => void;
let key: Buffer;
let db: Db;
let clock: FakeClock;
let calls: Call[];
let answer: (n: number) => Promise<{ status: number }>;
let changes: SignalStatus[];
const services: SignalService[] = [];

const fakePost: HttpPost = (url, request) => {
  calls.push({ at: clock.now(), url, ...request });
  return answer(calls.length);
};

/** A service over the connection open now (a later reopen does not reach it, like a dead process). */
function service(post: HttpPost = fakePost, timers = clock): SignalService {
  const connection = db;
  const s = new SignalService({
    db: () => connection,
    clock,
    timers,
    httpPost: post,
    openExternal: () => undefined,
    clipboard: { writeText: () => undefined },
    onChange: (status) => changes.push(status),
  });
  services.push(s);
  return s;
}

const reopen = () => {
  db.close();
  db = openEncryptedDatabase(path.join(dir, 'vault.db'), key);
};

/** Moves fake time in steps, letting each attempt's promise settle; bounded by the steps given. */
async function advance(s: SignalService, ms: number, step = 1_000): Promise<void> {
  await s.whenIdle();
  for (let left = ms; left > 0; left -= step) {
    clock.advance(Math.min(step, left));
    await s.whenIdle();
  }
}

const webhookContact = (s: SignalService) =>
  s.addContact({ name: 'Sam', channel: { type: 'webhook', url: 'https://ntfy.example/sam-topic', format: 'text' }, message: '🫂 check on me?' }).id;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  key = randomBytes(32);
  db = openEncryptedDatabase(path.join(dir, 'vault.db'), key);
  clock = new FakeClock(T0);
  calls = [];
  changes = [];
  answer = async () => ({ status: 200 });
});
afterEach(() => {
  for (const s of services.splice(0)) s.stop();
  if (db.open) db.close();
  cleanup();
});

describe('the outbox state machine', () => {
  it('queued → sending → sent on the first answer', async () => {
    const s = service();
    s.resume();
    const id = webhookContact(s);
    const sent = await s.send(id, 'help');
    expect(sent).toMatchObject({ channel: 'webhook', state: 'queued' });
    await s.whenIdle();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ at: T0, url: 'https://ntfy.example/sam-topic', body: '🫂 check on me?' });
    expect(s.status(sent.signalId)).toMatchObject({ state: 'sent', outcome: 'delivered', attempts: 1, settledAt: T0, lastError: null, givesUpAt: T0 + SEND_WINDOW_MS });
    expect(changes.filter((c) => c.signalId === sent.signalId).map((c) => c.state)).toEqual(['queued', 'sending', 'sent']);
    expect(s.nextWakeAt()).toBeNull();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('server errors are retried with backoff (5 s, 15 s, 30 s …), always with the same key, until sent', async () => {
    answer = async (n) => ({ status: n <= 3 ? 503 : 200 });
    const s = service();
    s.resume();
    const { signalId } = await s.send(webhookContact(s), 'help');
    await s.whenIdle();
    expect(s.status(signalId)).toMatchObject({ state: 'queued', outcome: 'pending', attempts: 1, nextAttemptAt: T0 + 5_000, lastError: 'http_503' });
    await advance(s, 2 * MIN);
    expect(calls.map((c) => c.at - T0)).toEqual([0, 5_000, 20_000, 50_000]);
    expect(new Set(calls.map((c) => c.headers['Idempotency-Key'])).size).toBe(1);
    expect(calls[0]!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.status(signalId)).toMatchObject({ state: 'sent', attempts: 4, settledAt: T0 + 50_000 });
  });

  it('a network error or a hung request is retried too', async () => {
    answer = async (n) => {
      if (n === 1) throw new Error('ECONNREFUSED');
      if (n === 2) return new Promise(() => undefined); // never answers
      return { status: 204 };
    };
    const s = service();
    s.resume();
    const { signalId } = await s.send(webhookContact(s), 'help');
    await s.whenIdle();
    expect(s.status(signalId)).toMatchObject({ state: 'queued', lastError: 'network' });
    clock.advance(5_000); // attempt 2 starts and hangs
    expect(s.status(signalId).state).toBe('sending');
    clock.advance(15_000); // its timeout
    await s.whenIdle();
    expect(s.status(signalId)).toMatchObject({ state: 'queued', lastError: 'timeout', nextAttemptAt: T0 + 20_000 + 15_000 });
    await advance(s, 20_000);
    expect(s.status(signalId)).toMatchObject({ state: 'sent', attempts: 3 });
  });

  it('a server that never comes back: not delivered within 30 minutes, and nothing is tried after', async () => {
    answer = async () => {
      throw new Error('ECONNREFUSED');
    };
    const s = service();
    s.resume();
    const { signalId } = await s.send(webhookContact(s), 'help');
    await advance(s, 40 * MIN, 5_000);
    const times = calls.map((c) => c.at - T0);
    let expected = 0;
    const schedule = [0];
    for (let n = 1; ; n++) {
      expected += BACKOFF_MS[Math.min(n, BACKOFF_MS.length) - 1]!;
      if (expected >= SEND_WINDOW_MS) break;
      schedule.push(expected);
    }
    expect(times).toEqual(schedule);
    expect(Math.max(...times)).toBeLessThan(SEND_WINDOW_MS);
    const status = s.status(signalId);
    expect(status).toMatchObject({ state: 'failed', outcome: 'not-delivered', lastError: 'network', attempts: schedule.length });
    expect(status.settledAt!).toBeLessThanOrEqual(T0 + SEND_WINDOW_MS);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a refusal that will not fix itself (401) stops at once', async () => {
    answer = async () => ({ status: 401 });
    const s = service();
    s.resume();
    const { signalId } = await s.send(webhookContact(s), 'help');
    await advance(s, 5 * MIN);
    expect(calls).toHaveLength(1);
    expect(s.status(signalId)).toMatchObject({ state: 'failed', lastError: 'http_401' });
  });

  it('after a restart, a queued signal 31 minutes old is expired and never sent', async () => {
    answer = async () => {
      throw new Error('offline');
    };
    const first = service();
    first.resume();
    const { signalId } = await first.send(webhookContact(first), 'help');
    await first.whenIdle();
    first.stop(); // the app quits while offline
    expect(s0(signalId)).toBe('queued');
    reopen();
    clock.advance(31 * MIN);
    answer = async () => ({ status: 200 });
    const callsBefore = calls.length;
    const second = service();
    expect(second.resume()).toEqual({ pending: 0, expired: 1 });
    await advance(second, 5 * MIN);
    expect(calls.length).toBe(callsBefore);
    expect(second.status(signalId)).toMatchObject({ state: 'expired', outcome: 'not-delivered', settledAt: T0 + 31 * MIN });
    expect(db.prepare('SELECT url, body, header_value FROM signals WHERE id = ?').get(signalId)).toEqual({ url: null, body: null, header_value: null });
  });

  it('after a crash mid-request, a recent "sending" signal is retried with the same key; an old one is expired', async () => {
    answer = () => new Promise(() => undefined); // the process dies before any answer
    const first = service(fakePost, new FakeClock()); // a dead process's timers never fire
    first.resume();
    const contact = webhookContact(first);
    const { signalId: old } = await first.send(contact, 'help');
    clock.advance(10 * MIN);
    const { signalId: recent } = await first.send(contact, 'ok');
    expect([s0(old), s0(recent)]).toEqual(['sending', 'sending']);
    const keys = calls.map((c) => c.headers['Idempotency-Key']);
    reopen(); // "crash": the first service's connection is gone

    clock.advance(25 * MIN); // old is now 35 minutes old, recent 25
    calls = [];
    answer = async () => ({ status: 200 });
    const second = service();
    expect(second.resume()).toEqual({ pending: 1, expired: 1 });
    await second.whenIdle();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers['Idempotency-Key']).toBe(keys[1]);
    expect(calls[0]!.body).toBe("I'm OK now 💙");
    expect(second.status(recent)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(second.status(old)).toMatchObject({ state: 'expired', attempts: 1 });
  });

  it('a signal queued while the vault was locked waits, then goes on unlock', async () => {
    let locked = false;
    const s = new SignalService({
      db: () => {
        if (locked) throw vaultErrors.locked();
        return db;
      },
      clock,
      timers: clock,
      httpPost: fakePost,
      openExternal: () => undefined,
      clipboard: { writeText: () => undefined },
    });
    services.push(s);
    s.resume();
    answer = async (n) => ({ status: n === 1 ? 503 : 200 });
    const { signalId } = await s.send(webhookContact(s), 'help');
    await s.whenIdle();
    locked = true;
    clock.advance(MIN); // the retry comes due while locked: nothing happens, nothing throws
    await s.whenIdle();
    expect(calls).toHaveLength(1);
    expect(s.resume()).toEqual({ pending: 0, expired: 0 });
    locked = false;
    expect(s.resume()).toEqual({ pending: 1, expired: 0 }); // on unlock
    await s.whenIdle();
    expect(calls).toHaveLength(2);
    expect(s.status(signalId).state).toBe('sent');
  });
});

function s0(signalId: number): string {
  return (db.prepare('SELECT state FROM signals WHERE id = ?').get(signalId) as { state: string }).state;
}
