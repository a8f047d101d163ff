import { statement } from '../vault/statements.ts';
import type { Db } from '../vault/database.ts';
import type { WebhookRequest } from './outbox.ts';
import type { Channel, ChannelKind, Contact, ContactFields, SignalState, Which } from '../../../preload/contract/signals.ts';

/** SQL for migration 007's tables. Plain functions over a connection; the service owns the rules. */

interface RawContact {
  id: number;
  name: string;
  channel: ChannelKind;
  address: string | null;
  url: string | null;
  format: 'text' | 'json' | null;
  jsonTemplate: string | null;
  headerName: string | null;
  headerValue: string | null;
  message: string;
  followUp: string;
  createdAt: number;
  updatedAt: number;
}

const contactColumns = `id, name, channel, address, url, format, json_template AS jsonTemplate, header_name AS headerName,
  header_value AS headerValue, message, follow_up AS followUp, created_at AS createdAt, updated_at AS updatedAt`;

function toContact(r: RawContact): Contact {
  let channel: Channel;
  if (r.channel === 'webhook') {
    channel = { type: 'webhook', url: r.url ?? '', format: r.format ?? 'text' };
    if (r.jsonTemplate !== null) channel.jsonTemplate = r.jsonTemplate;
    if (r.headerName !== null && r.headerValue !== null) channel.header = { name: r.headerName, value: r.headerValue };
  } else {
    channel = { type: 'messenger', kind: r.channel, address: r.address ?? '' };
  }
  return { id: r.id, name: r.name, channel, message: r.message, followUp: r.followUp, createdAt: r.createdAt, updatedAt: r.updatedAt };
}

function columnsOf(f: ContactFields): unknown[] {
  const c = f.channel;
  const web = c.type === 'webhook' ? c : null;
  return [
    f.name,
    c.type === 'webhook' ? 'webhook' : c.kind,
    c.type === 'messenger' ? c.address : null,
    web?.url ?? null,
    web?.format ?? null,
    web?.format === 'json' ? (web.jsonTemplate ?? null) : null,
    web?.header?.name ?? null,
    web?.header?.value ?? null,
    f.message,
    f.followUp,
  ];
}

export function listContacts(db: Db): Contact[] {
  return (statement(db, `SELECT ${contactColumns} FROM signal_contacts ORDER BY id`).all() as RawContact[]).map(toContact);
}

export function findContact(db: Db, id: number): Contact | undefined {
  const row = statement(db, `SELECT ${contactColumns} FROM signal_contacts WHERE id = ?`).get(id) as RawContact | undefined;
  return row && toContact(row);
}

export function countContacts(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM signal_contacts').get() as { n: number }).n;
}

export function insertContact(db: Db, f: ContactFields, now: number): number {
  const result = statement(
    db,
    `INSERT INTO signal_contacts (name, channel, address, url, format, json_template, header_name, header_value, message, follow_up, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...columnsOf(f), now, now);
  return Number(result.lastInsertRowid);
}

export function updateContact(db: Db, id: number, f: ContactFields, now: number): void {
  statement(
    db,
    `UPDATE signal_contacts SET name = ?, channel = ?, address = ?, url = ?, format = ?, json_template = ?, header_name = ?,
       header_value = ?, message = ?, follow_up = ?, updated_at = ? WHERE id = ?`,
  ).run(...columnsOf(f), now, id);
}

export function deleteContact(db: Db, id: number): void {
  statement(db, 'DELETE FROM signal_contacts WHERE id = ?').run(id);
}

// ---- signals ------------------------------------------------------------------------

export interface SignalRow {
  id: number;
  contactId: number | null;
  contactName: string;
  channel: ChannelKind;
  which: Which;
  idempotencyKey: string;
  createdAt: number;
  state: SignalState;
  attempts: number;
  nextAttemptAt: number | null;
  settledAt: number | null;
  lastError: string | null;
}

/** A pending webhook signal with the request it will send. */
export interface PendingSignal extends SignalRow {
  request: WebhookRequest;
}

const signalColumns = `id, contact_id AS contactId, contact_name AS contactName, channel, which, idempotency_key AS idempotencyKey,
  created_at AS createdAt, state, attempts, next_attempt_at AS nextAttemptAt, settled_at AS settledAt, last_error AS lastError`;

export function findSignal(db: Db, id: number): SignalRow | undefined {
  return statement(db, `SELECT ${signalColumns} FROM signals WHERE id = ?`).get(id) as SignalRow | undefined;
}

export function listSignals(db: Db): SignalRow[] {
  return statement(db, `SELECT ${signalColumns} FROM signals ORDER BY created_at DESC, id DESC`).all() as SignalRow[];
}

export function pendingSignals(db: Db): PendingSignal[] {
  const rows = statement(
    db,
    `SELECT ${signalColumns}, url, body, content_type AS contentType, header_name AS headerName, header_value AS headerValue
     FROM signals WHERE state IN ('queued', 'sending') ORDER BY next_attempt_at, id`,
  ).all() as Array<SignalRow & { url: string; body: string; contentType: string; headerName: string | null; headerValue: string | null }>;
  return rows.map(({ url, body, contentType, headerName, headerValue, ...row }) => ({
    ...row,
    request: { url, body, contentType, header: headerName !== null && headerValue !== null ? { name: headerName, value: headerValue } : null },
  }));
}

export interface NewSignal {
  contactId: number;
  contactName: string;
  channel: ChannelKind;
  which: Which;
  idempotencyKey: string;
  createdAt: number;
}

export function insertQueued(db: Db, s: NewSignal, request: WebhookRequest): number {
  const result = statement(
    db,
    `INSERT INTO signals (contact_id, contact_name, channel, which, idempotency_key, created_at, state, next_attempt_at,
       url, body, content_type, header_name, header_value)
     VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.contactId,
    s.contactName,
    s.channel,
    s.which,
    s.idempotencyKey,
    s.createdAt,
    s.createdAt,
    request.url,
    request.body,
    request.contentType,
    request.header?.name ?? null,
    request.header?.value ?? null,
  );
  return Number(result.lastInsertRowid);
}

/** A messenger hand-off: history only, nothing to send later. */
export function insertSettled(db: Db, s: NewSignal, state: 'opened' | 'failed', lastError: string | null): number {
  const result = statement(
    db,
    `INSERT INTO signals (contact_id, contact_name, channel, which, idempotency_key, created_at, state, attempts, settled_at, last_error)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(s.contactId, s.contactName, s.channel, s.which, s.idempotencyKey, s.createdAt, state, s.createdAt, lastError);
  return Number(result.lastInsertRowid);
}

/** queued/sending → sending, one more attempt. False when it is no longer pending. */
export function markSending(db: Db, id: number, now: number): boolean {
  return (
    statement(db, `UPDATE signals SET state = 'sending', attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND state IN ('queued', 'sending')`).run(
      now,
      id,
    ).changes === 1
  );
}

/** sending → queued for another try. */
export function markRetry(db: Db, id: number, nextAttemptAt: number, error: string): boolean {
  return (
    statement(db, `UPDATE signals SET state = 'queued', next_attempt_at = ?, last_error = ? WHERE id = ? AND state = 'sending'`).run(
      nextAttemptAt,
      error,
      id,
    ).changes === 1
  );
}

/** Settles a pending signal and wipes the request it would have sent. */
export function settle(db: Db, id: number, state: 'sent' | 'failed' | 'expired', now: number, error: string | null): boolean {
  return (
    statement(
      db,
      `UPDATE signals SET state = ?, settled_at = ?, next_attempt_at = NULL, last_error = coalesce(?, last_error),
         url = NULL, body = NULL, content_type = NULL, header_name = NULL, header_value = NULL
       WHERE id = ? AND state IN ('queued', 'sending')`,
    ).run(state, now, error, id).changes === 1
  );
}

/** Progress noted while locked, as absolute values (taking it in twice does no harm); pending signals only. */
export function applyProgress(
  db: Db,
  p: { id: number; state: 'queued' | 'sending'; attempts: number; nextAttemptAt: number; lastError: string | null },
): void {
  statement(
    db,
    `UPDATE signals SET state = ?, attempts = max(attempts, ?), next_attempt_at = ?, last_error = ? WHERE id = ? AND state IN ('queued', 'sending')`,
  ).run(p.state, p.attempts, p.nextAttemptAt, p.lastError, p.id);
}

export function pendingIdsOfContact(db: Db, contactId: number): number[] {
  return (
    statement(db, `SELECT id FROM signals WHERE contact_id = ? AND state IN ('queued', 'sending')`).all(contactId) as Array<{ id: number }>
  ).map((r) => r.id);
}

/** Everything that is settled; pending signals stay until they settle. */
export function deleteSettled(db: Db): number {
  return statement(db, `DELETE FROM signals WHERE state NOT IN ('queued', 'sending')`).run().changes;
}
