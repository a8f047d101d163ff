import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(7));
});
afterEach(() => cleanup());

const insert = (table: string, row: Record<string, unknown>) => {
  const names = Object.keys(row);
  return Number(db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(row)).lastInsertRowid);
};
const emailContact = (fields: Record<string, unknown> = {}) =>
  insert('signal_contacts', { name: 'Sam', channel: 'email', address: 'sam@example.org', message: 'hi', follow_up: 'ok', created_at: 1, updated_at: 1, ...fields });
const webhookContact = (fields: Record<string, unknown> = {}) =>
  emailContact({ channel: 'webhook', address: null, url: 'https://ntfy.example/t', format: 'text', ...fields });
let keyNo = 0;
const queued = (contactId: number, fields: Record<string, unknown> = {}) =>
  insert('signals', {
    contact_id: contactId,
    contact_name: 'Sam',
    channel: 'webhook',
    which: 'help',
    idempotency_key: `key-${String(++keyNo).padStart(16, '0')}`,
    created_at: 1,
    state: 'queued',
    next_attempt_at: 1,
    url: 'https://ntfy.example/t',
    body: 'hi',
    content_type: 'text/plain',
    ...fields,
  });

describe('migration 007: signals', () => {
  it('adds contacts and the outbox; older data survives', () => {
    expect(userVersion(db)).toBe(6);
    insertEntry(db, 'written before signals existed');
    applyIt();
    expect(userVersion(db)).toBe(7);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['signal_contacts', 'signals']));
    expect(db.prepare('SELECT body FROM entries').all()).toEqual([{ body: 'written before signals existed' }]);
  });

  it('a contact is either a messenger with an address or a webhook with a url and format', () => {
    applyIt();
    emailContact();
    webhookContact({ format: 'json', json_template: '{"t":"{{message}}"}', header_name: 'Authorization', header_value: 'Bearer x' });
    expect(() => emailContact({ channel: 'fax' })).toThrow(/CHECK/);
    expect(() => emailContact({ address: null })).toThrow(/CHECK/);
    expect(() => webhookContact({ url: null })).toThrow(/CHECK/);
    expect(() => webhookContact({ address: 'x@y.z' })).toThrow(/CHECK/);
    expect(() => webhookContact({ format: 'json' })).toThrow(/CHECK/);
    expect(() => webhookContact({ json_template: '{}' })).toThrow(/CHECK/);
    expect(() => webhookContact({ header_name: 'X-Token' })).toThrow(/CHECK/);
    expect(() => emailContact({ header_name: 'X', header_value: 'y' })).toThrow(/CHECK/);
    expect(() => emailContact({ message: '' })).toThrow(/CHECK/);
    expect(() => emailContact({ message: '💙'.repeat(281) })).toThrow(/CHECK/);
    emailContact({ message: '💙'.repeat(280) });
  });

  it('a pending signal holds its request; a settled one holds none', () => {
    applyIt();
    const c = webhookContact();
    const id = queued(c);
    expect(() => queued(c, { url: null })).toThrow(/CHECK/);
    expect(() => queued(c, { next_attempt_at: null })).toThrow(/CHECK/);
    expect(() => queued(c, { state: 'lost' })).toThrow(/CHECK/);
    expect(() => queued(c, { state: 'opened' })).toThrow(/CHECK/);
    const handOff = { channel: 'email', next_attempt_at: null, settled_at: 1, url: null, body: null, content_type: null };
    queued(c, { ...handOff, state: 'opened' });
    queued(c, { ...handOff, state: 'failed', last_error: 'open_failed' });
    expect(() => queued(c, { ...handOff, state: 'sent' })).toThrow(/CHECK/);
    expect(() => queued(c, { channel: 'sms' })).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE signals SET state = 'sent', settled_at = 2, next_attempt_at = NULL WHERE id = ?").run(id)).toThrow(/CHECK/);
    db.prepare("UPDATE signals SET state = 'sent', settled_at = 2, next_attempt_at = NULL, url = NULL, body = NULL, content_type = NULL WHERE id = ?").run(id);
    expect(() => db.prepare("UPDATE signals SET last_error = 'Server said: go away' WHERE id = ?").run(id)).toThrow(/CHECK/);
    db.prepare("UPDATE signals SET last_error = 'http_503' WHERE id = ?").run(id);
  });

  it('idempotency keys are unique; removing a contact keeps its history', () => {
    applyIt();
    const c = webhookContact();
    const id = queued(c, { idempotency_key: 'same-key-0000000001' });
    expect(() => queued(c, { idempotency_key: 'same-key-0000000001' })).toThrow(/UNIQUE/);
    db.prepare("UPDATE signals SET state = 'failed', settled_at = 2, next_attempt_at = NULL, url = NULL, body = NULL, content_type = NULL WHERE id = ?").run(id);
    db.prepare('DELETE FROM signal_contacts WHERE id = ?').run(c);
    expect(db.prepare('SELECT contact_id AS c, contact_name AS n FROM signals').all()).toEqual([{ c: null, n: 'Sam' }]);
  });
});
