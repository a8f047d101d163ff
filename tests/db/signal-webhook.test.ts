import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeHttpPost } from '../../main/core/signal/node-http-post.ts';
import type { HttpPost } from '../../main/core/signal/ports.ts';
import { SignalService } from '../../main/core/signal/signal-service.ts';
import { testMessage, type ContactInput } from '../../preload/contract/signals.ts';
import { openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { insertEntry, makeTempDir } from '../helpers/vault-fixtures.ts';
import { LocalNotifier } from '../helpers/local-notifier.ts';
import fs from 'node:fs';
import { SealedLog } from '../../main/core/scheduler/sealed-log.ts';
import { AppError } from '../../preload/contract/index.ts';

const T0 = 1_700_000_000_000;
let dir: string;
let cleanup: () => void;
let key: Buffer;
let db: Db;
let clock: FakeClock;
let notifier: LocalNotifier;
let clipboard: string[];
const services: SignalService[] = [];

function service(post: HttpPost = createNodeHttpPost(), timers = clock): SignalService {
  const connection = db;
  const s = new SignalService({
    db: () => connection,
    clock,
    timers,
    httpPost: post,
    openExternal: () => undefined,
    clipboard: { writeText: (t) => clipboard.push(t) },
  });
  services.push(s);
  s.resume();
  return s;
}

/** A service whose vault can be locked (the db port then throws LOCKED), with its sealed log. */
let vaultLocked = false;
const lockedLog = () => new SealedLog(path.join(dir, 'signals.sealed'));
function lockable(): SignalService {
  vaultLocked = false;
  const s = new SignalService({
    db: () => {
      if (vaultLocked) throw new AppError('LOCKED', 'locked');
      return db;
    },
    clock,
    timers: clock,
    httpPost: createNodeHttpPost(),
    openExternal: () => undefined,
    clipboard: { writeText: () => undefined },
    lockedLog: lockedLog(),
  });
  services.push(s);
  s.resume();
  return s;
}

/** Fake time in 5-second steps, waiting for the real requests each step starts. Bounded by ms / step. */
async function advance(s: SignalService, ms: number, step = 5_000): Promise<void> {
  await s.whenIdle();
  for (let left = ms; left > 0; left -= step) {
    clock.advance(Math.min(step, left));
    await s.whenIdle();
  }
}

const textContact = (s: SignalService, extra: Partial<ContactInput> = {}) =>
  s.addContact({ name: 'Sam', channel: { type: 'webhook', url: notifier.url(), format: 'text' }, message: '🫂 could you check on me when you can?', ...extra }).id;

beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir());
  key = randomBytes(32);
  db = openEncryptedDatabase(path.join(dir, 'vault.db'), key);
  clock = new FakeClock(T0);
  clipboard = [];
  notifier = new LocalNotifier();
  await notifier.up();
  // Things that must never leave: journal text and a practice's name.
  insertEntry(db, 'JOURNAL-SECRET: what I wrote tonight');
  db.prepare("INSERT INTO sessions (practice_id, practice_title, step_count, started_at) VALUES ('open-one-box', 'Open one box', 5, 1)").run();
});
afterEach(async () => {
  for (const s of services.splice(0)) {
    s.stop();
    await Promise.race([s.whenIdle(), new Promise((r) => setTimeout(r, 2_000))]);
  }
  await notifier.down();
  if (db.open) db.close();
  cleanup();
});

describe('webhook delivery to a real local server', () => {
  it('one POST whose body is exactly the agreed message, and nothing else', async () => {
    const s = service();
    const id = s.addContact({
      name: 'Sam',
      channel: { type: 'webhook', url: notifier.url(), format: 'text', header: { name: 'Authorization', value: 'Bearer tk_local' } },
      message: '🫂 could you check on me when you can?',
    }).id;
    const { signalId } = await s.send(id, 'help');
    await s.whenIdle();

    expect(notifier.requests).toHaveLength(1);
    const [request] = notifier.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/sam-topic');
    expect(request!.body).toBe('🫂 could you check on me when you can?');
    expect(Object.keys(request!.headers).sort()).toEqual(['authorization', 'connection', 'content-length', 'content-type', 'host', 'idempotency-key']);
    expect(request!.headers).toMatchObject({ authorization: 'Bearer tk_local', 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    expect(request!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(request)).not.toMatch(/JOURNAL-SECRET|Open one box|open-one-box|Sam"/);
    expect(s.status(signalId)).toMatchObject({ state: 'sent', outcome: 'delivered', attempts: 1 });
    expect(notifier.delivered).toEqual(['🫂 could you check on me when you can?']);
  });

  it('a JSON webhook gets its template with the message JSON-escaped in, nothing more', async () => {
    const s = service();
    const message = 'He said "tide" \\ now\n🌊';
    const id = s.addContact({
      name: 'Alex',
      channel: { type: 'webhook', url: notifier.url('chat'), format: 'json', jsonTemplate: '{"content": "{{message}}", "username": "buddy"}' },
      message,
    }).id;
    await s.send(id, 'help');
    await s.whenIdle();
    expect(notifier.requests).toHaveLength(1);
    const [request] = notifier.requests;
    expect(request!.body).toBe(`{"content": "He said \\"tide\\" \\\\ now\\n🌊", "username": "buddy"}`);
    expect(JSON.parse(request!.body)).toEqual({ content: message, username: 'buddy' });
    expect(request!.headers['content-type']).toBe('application/json');
  });

  it('"Send a test" posts the agreed words marked as a test, and the history says so', async () => {
    const s = service();
    const id = textContact(s);
    const { signalId } = await s.send(id, 'test');
    await s.whenIdle();
    expect(notifier.delivered).toEqual([testMessage('🫂 could you check on me when you can?')]);
    expect(notifier.delivered[0]).toMatch(/^Just a test/);
    expect(s.history()).toEqual([expect.objectContaining({ signalId, which: 'test', outcome: 'delivered' })]);
  });

  it('server down, then back: retried, delivered exactly once', async () => {
    const s = service();
    const id = textContact(s);
    await notifier.down();
    const { signalId } = await s.send(id, 'help');
    await advance(s, 10_000); // attempts at 0 s and 5 s are refused
    expect(s.status(signalId)).toMatchObject({ state: 'queued', attempts: 2, lastError: 'network', nextAttemptAt: T0 + 20_000 });
    await notifier.up();
    await advance(s, 2 * 60_000);
    expect(s.status(signalId)).toMatchObject({ state: 'sent', attempts: 3 });
    expect(notifier.requests).toHaveLength(1);
    expect(notifier.delivered).toEqual(['🫂 could you check on me when you can?']);
  });

  it('server never back: not delivered after 30 minutes, the clipboard fallback has the message', async () => {
    const s = service();
    const id = textContact(s);
    await notifier.down();
    const { signalId } = await s.send(id, 'help');
    await advance(s, 31 * 60_000, 10_000);
    const status = s.status(signalId);
    expect(status).toMatchObject({ state: 'failed', outcome: 'not-delivered', lastError: 'network' });
    await notifier.up();
    await advance(s, 10 * 60_000, 60_000);
    expect(notifier.requests).toHaveLength(0);
    s.copyMessage(id, 'help');
    expect(clipboard).toEqual(['🫂 could you check on me when you can?']);
  });

  it('a crash after the server got it but before the answer was saved: retried with the same key, delivered once', async () => {
    const real = createNodeHttpPost();
    // The request reaches the server; the process dies before it hears back.
    const dying: HttpPost = (url, request) => {
      void real(url, request).catch(() => undefined);
      return new Promise(() => undefined);
    };
    const first = service(dying, new FakeClock());
    const id = textContact(first);
    const { signalId } = await first.send(id, 'help');
    for (let i = 0; i < 200 && notifier.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(notifier.requests).toHaveLength(1);
    expect((db.prepare('SELECT state FROM signals WHERE id = ?').get(signalId) as { state: string }).state).toBe('sending');
    services.splice(services.indexOf(first), 1); // it is dead: nothing to stop or wait for
    db.close();
    db = openEncryptedDatabase(path.join(dir, 'vault.db'), key);

    clock.advance(2 * 60_000);
    const second = service(); // resume() on start
    await second.whenIdle();
    expect(notifier.requests).toHaveLength(2);
    expect(notifier.requests[1]!.headers['idempotency-key']).toBe(notifier.requests[0]!.headers['idempotency-key']);
    expect(notifier.delivered).toHaveLength(1);
    expect(second.status(signalId)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('the screen locks right after the click: tried again while locked, delivered once, and the vault knows after unlock (also after a restart)', async () => {
    const s = lockable();
    const id = textContact(s);
    await notifier.down();
    const { signalId } = await s.send(id, 'help');
    await s.whenIdle(); // the first try fails: offline

    s.holdWhileLocked();
    vaultLocked = true;
    await notifier.up();
    await advance(s, 30_000);
    expect(notifier.delivered).toEqual(['🫂 could you check on me when you can?']);
    // What happened is written down sealed: no message, no address in the file.
    const sealed = fs.readFileSync(lockedLog().file, 'utf8');
    expect(sealed.length).toBeGreaterThan(0);
    expect(sealed).not.toMatch(/check on me|127\.0\.0\.1|sent|"id"/);
    await advance(s, 10 * 60_000, 60_000);
    expect(notifier.requests).toHaveLength(1);

    // A restart while still locked: the new process knows nothing in memory; the log carries it.
    s.stop();
    services.splice(services.indexOf(s), 1);
    vaultLocked = false;
    const after = lockable();
    expect(after.status(signalId)).toMatchObject({ state: 'sent', outcome: 'delivered', attempts: 2 });
    expect(fs.existsSync(lockedLog().file)).toBe(false);
    await advance(after, 5 * 60_000, 60_000);
    expect(notifier.requests).toHaveLength(1);
  });

  it('a signal still failing while locked gives up after its 30 minutes, and unlock shows it as not delivered', async () => {
    const s = lockable();
    const id = textContact(s);
    await notifier.down();
    const { signalId } = await s.send(id, 'help');
    await s.whenIdle();
    s.holdWhileLocked();
    vaultLocked = true;
    await advance(s, 31 * 60_000, 30_000);
    vaultLocked = false;
    s.resume();
    expect(s.status(signalId)).toMatchObject({ outcome: 'not-delivered' });
    expect(s.status(signalId).attempts).toBeGreaterThan(5);
    expect(notifier.requests).toHaveLength(0);
  });

  it('if the sealed log cannot be used, signals still go: while locked from memory, and after unlock from the vault', async () => {
    fs.mkdirSync(lockedLog().file); // a folder where the log file should be: every write and read fails
    const s = lockable();
    const id = textContact(s);
    await notifier.down();
    const first = await s.send(id, 'help');
    await s.whenIdle();
    s.holdWhileLocked();
    vaultLocked = true;
    await notifier.up();
    await advance(s, 30_000);
    expect(notifier.delivered).toHaveLength(1);
    vaultLocked = false;
    s.resume(); // taking in the log fails: reported, and the vault's outbox carries on
    const second = await s.send(id, 'ok');
    await s.whenIdle();
    expect(s.status(second.signalId)).toMatchObject({ outcome: 'delivered' });
    expect(notifier.delivered).toEqual(['🫂 could you check on me when you can?', "I'm OK now 💙"]);
    expect(s.status(first.signalId).outcome).not.toBe('not-delivered');
  });
});
