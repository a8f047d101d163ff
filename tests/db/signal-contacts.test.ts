import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignalService } from '../../main/core/signal/signal-service.ts';
import { DEFAULT_MESSAGE, type ContactInput } from '../../preload/contract/signals.ts';
import type { Db } from '../../main/core/vault/database.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import { expectAppError, openTestDatabase } from '../helpers/vault-fixtures.ts';

const T0 = 1_700_000_000_000;

let cleanup: () => void;
let db: Db;
let clock: FakeClock;
let events: string[];
let openFails: boolean;
let posts: number;
let s: SignalService;

beforeEach(() => {
  ({ db, clock, cleanup } = openTestDatabase(T0));
  events = [];
  openFails = false;
  posts = 0;
  s = new SignalService({
    db: () => db,
    clock,
    timers: clock,
    httpPost: async () => {
      posts++;
      return { status: 200 };
    },
    openExternal: async (uri) => {
      events.push(`open ${uri}`);
      if (openFails) throw new Error('no handler');
    },
    clipboard: { writeText: (text) => events.push(`copy ${text}`) },
  });
  s.resume();
});
afterEach(() => {
  s.stop();
  cleanup();
});

const email = (name = 'Sam'): ContactInput => ({ name, channel: { type: 'messenger', kind: 'email', address: 'sam@example.org' } });

describe('trusted contacts', () => {
  it('add, list, update and remove', () => {
    const added = s.addContact(email());
    expect(added).toMatchObject({ name: 'Sam', message: DEFAULT_MESSAGE, followUp: "I'm OK now 💙", createdAt: T0 });
    clock.advance(1_000);
    const hook: ContactInput = {
      name: 'Alex',
      channel: { type: 'webhook', url: 'https://hooks.example/abc', format: 'json', jsonTemplate: '{"text":"{{message}}"}', header: { name: 'Authorization', value: 'Bearer t' } },
      message: 'code blue',
    };
    const updated = s.updateContact(added.id, hook);
    expect(updated).toMatchObject({ id: added.id, name: 'Alex', channel: hook.channel, message: 'code blue', updatedAt: T0 + 1_000 });
    expect(s.listContacts()).toEqual([updated]);
    s.removeContact(added.id);
    expect(s.listContacts()).toEqual([]);
  });

  it('keeps up to five', async () => {
    for (let i = 1; i <= 5; i++) s.addContact(email(`Person ${i}`));
    const error = await expectAppError(() => s.addContact(email('Sixth')), 'INVALID_INPUT');
    expect(error.message).toMatch(/up to 5 trusted people/);
    expect(s.listContacts()).toHaveLength(5);
  });

  it('refuses bad input without changing anything, and unknown ids with NOT_FOUND', async () => {
    const c = s.addContact(email());
    const bad = { name: 'Sam', channel: { type: 'webhook', url: 'javascript:alert(1)', format: 'text' } } as ContactInput;
    expect((await expectAppError(() => s.addContact(bad), 'INVALID_INPUT')).message).toMatch(/not "javascript:"/);
    await expectAppError(() => s.updateContact(c.id, bad), 'INVALID_INPUT');
    expect(s.listContacts()).toEqual([c]);
    await expectAppError(() => s.updateContact(99, email()), 'NOT_FOUND');
    await expectAppError(() => s.removeContact(99), 'NOT_FOUND');
    await expectAppError(s.send(99, 'help'), 'NOT_FOUND');
    await expectAppError(s.send(c.id, 'panic' as 'help'), 'INVALID_INPUT');
    await expectAppError(() => s.status(12345), 'NOT_FOUND');
  });
});

describe('the messenger channel', () => {
  it('copies the message first, then opens the mail app with only the address and message', async () => {
    const c = s.addContact({ ...email(), message: '🌊 code word: tide' });
    const result = await s.send(c.id, 'help');
    expect(result).toMatchObject({ channel: 'email', state: 'opened' });
    expect(events).toEqual(['copy 🌊 code word: tide', `open mailto:sam@example.org?body=${encodeURIComponent('🌊 code word: tide')}`]);
    expect(s.status(result.signalId)).toMatchObject({ outcome: 'handed-off', contactName: 'Sam' });
    expect(posts).toBe(0);
  });

  it('SMS with the follow-up; a failed hand-off is reported, with the message on the clipboard', async () => {
    const c = s.addContact({ name: 'Mo', channel: { type: 'messenger', kind: 'sms', address: '+49 151 1234 5678' } });
    openFails = true;
    const result = await s.send(c.id, 'ok');
    expect(result).toMatchObject({ channel: 'sms', state: 'failed' });
    expect(events).toEqual(["copy I'm OK now 💙", `open sms:+4915112345678?body=${encodeURIComponent("I'm OK now 💙")}`]);
    expect(s.status(result.signalId)).toMatchObject({ outcome: 'not-delivered', lastError: 'open_failed' });
  });

  it('copyMessage puts exactly the agreed message on the clipboard', () => {
    const c = s.addContact(email());
    s.copyMessage(c.id, 'help');
    s.copyMessage(c.id, 'ok');
    expect(events).toEqual([`copy ${DEFAULT_MESSAGE}`, "copy I'm OK now 💙"]);
  });
});

describe('history', () => {
  it('lists time, person, channel and outcome, newest first; survives removal of the person; deletable', async () => {
    const a = s.addContact(email('Sam'));
    const b = s.addContact({ name: 'Alex', channel: { type: 'webhook', url: 'https://hooks.example/abc', format: 'text' } });
    await s.send(a.id, 'help');
    clock.advance(60_000);
    await s.send(b.id, 'help');
    await s.whenIdle();
    s.removeContact(b.id);
    expect(s.history()).toEqual([
      { signalId: 2, at: T0 + 60_000, contactName: 'Alex', channel: 'webhook', which: 'help', outcome: 'delivered' },
      { signalId: 1, at: T0, contactName: 'Sam', channel: 'email', which: 'help', outcome: 'handed-off' },
    ]);
    // Nothing of the message, the address or the token is kept once settled.
    const dump = JSON.stringify(db.prepare('SELECT * FROM signals').all());
    expect(dump).not.toMatch(/check on me|hooks\.example|sam@example/);
    expect(s.deleteHistory()).toEqual({ deleted: 2 });
    expect(s.history()).toEqual([]);
  });

  it('removing a person stops what is still waiting to reach them', async () => {
    let fail = true;
    s.stop();
    s = new SignalService({
      db: () => db,
      clock,
      timers: clock,
      httpPost: async () => {
        posts++;
        return { status: fail ? 503 : 200 };
      },
      openExternal: () => undefined,
      clipboard: { writeText: () => undefined },
    });
    s.resume();
    const c = s.addContact({ name: 'Alex', channel: { type: 'webhook', url: 'https://hooks.example/abc', format: 'text' } });
    const { signalId } = await s.send(c.id, 'help');
    await s.whenIdle();
    expect(s.status(signalId).state).toBe('queued');
    expect(s.deleteHistory()).toEqual({ deleted: 0 }); // still on its way
    s.removeContact(c.id);
    fail = false;
    clock.advance(60_000);
    await s.whenIdle();
    expect(posts).toBe(1);
    expect(s.status(signalId)).toMatchObject({ state: 'failed', lastError: 'contact_removed', contactId: null });
  });
});
