import { randomUUID } from 'node:crypto';
import { AppError } from '../../../preload/contract/index.ts';
import { parse } from '../journal/validate.ts';
import type { Clock, Timers } from '../ports.ts';
import type { Db } from '../vault/database.ts';
import { openOrNull } from '../vault/vault-errors.ts';
import { afterFailure, judgeStatus, messengerUri, REQUEST_TIMEOUT_MS, requestHeaders, SEND_WINDOW_MS, webhookRequest } from './outbox.ts';
import type { Clipboard, HttpPost, OpenExternal } from './ports.ts';
import type { SealedLog } from '../scheduler/sealed-log.ts';
import { LockedLedger, takeInLockedChanges, vaultLedger, type Ledger } from './ledger.ts';
import { ensureSealKeys } from '../scheduler/schedules-store.ts';
import {
  ContactId,
  ContactInput,
  signalLimits,
  SignalId,
  Which,
  type ChannelKind,
  type Contact,
  type SignalStatus,
  type SendResult,
  type SignalHistoryItem,
  testMessage,
} from '../../../preload/contract/signals.ts';
import {
  countContacts,
  deleteContact,
  deleteSettled,
  findContact,
  findSignal,
  insertContact,
  insertQueued,
  insertSettled,
  listContacts,
  listSignals,
  pendingIdsOfContact,
  settle,
  updateContact,
  type NewSignal,
  type PendingSignal,
  type SignalRow,
} from './store.ts';

export interface SignalServiceOptions {
  /** The open vault; throws AppError('LOCKED') while it is locked. */
  db: () => Db;
  clock: Clock;
  timers: Timers;
  httpPost: HttpPost;
  openExternal: OpenExternal;
  clipboard: Clipboard;
  /** A fresh idempotency key (default: a random UUID). */
  newKey?: () => string;
  /** Called after every change of a signal's state (to push it to the UI). */
  onChange?: (status: SignalStatus) => void;
  /** Something went wrong that nobody is waiting for (a failed write after an answer). */
  report?: (problem: unknown) => void;
  /** Where outbox changes go, sealed, while the vault is locked (see ledger.ts). */
  lockedLog?: SealedLog;
}

/**
 * Trusted contacts and the signals sent to them. A messenger signal is handed to the
 * person's own mail or SMS app (clipboard first). A webhook signal goes through an
 * outbox in the vault: written down before every attempt, tried with backoff for up to
 * 30 minutes, each attempt with the same Idempotency-Key, never started after those 30
 * minutes — also across a crash or a restart (see resume()).
 */
export class SignalService {
  private timer: unknown = undefined;
  private wake: number | null = null;
  private stopped = true;
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly newKey: () => string;
  /** While the vault is locked: the outbox as it was at the lock, carried on in memory. */
  private locked: LockedLedger | null = null;
  private sealPublic: Buffer | null = null;

  constructor(private readonly o: SignalServiceOptions) {
    this.newKey = o.newKey ?? (() => randomUUID());
  }

  // ---- contacts -----------------------------------------------------------------------

  listContacts(): Contact[] {
    return listContacts(this.o.db());
  }

  addContact(input: ContactInput): Contact {
    const fields = parse(ContactInput, input);
    const db = this.o.db();
    const id = db.transaction(() => {
      if (countContacts(db) >= signalLimits.contacts) {
        throw new AppError('INVALID_INPUT', `You can keep up to ${signalLimits.contacts} trusted people. Remove one to add someone new.`);
      }
      return insertContact(db, fields, this.o.clock.now());
    })();
    return this.contact(db, id);
  }

  /** Replaces the contact's details; signals already on their way keep what was agreed when they were sent. */
  updateContact(id: number, input: ContactInput): Contact {
    const contactId = parse(ContactId, id);
    const fields = parse(ContactInput, input);
    const db = this.o.db();
    this.contact(db, contactId);
    updateContact(db, contactId, fields, this.o.clock.now());
    return this.contact(db, contactId);
  }

  /** Removes the person; anything still waiting to reach them is not sent. History stays. */
  removeContact(id: number): void {
    const contactId = parse(ContactId, id);
    const db = this.o.db();
    this.contact(db, contactId);
    const now = this.o.clock.now();
    const cancelled = db.transaction(() => {
      const ids = pendingIdsOfContact(db, contactId).filter((signalId) => settle(db, signalId, 'failed', now, 'contact_removed'));
      deleteContact(db, contactId);
      return ids;
    })();
    for (const signalId of cancelled) this.emit(signalId);
    this.arm(vaultLedger(db).pending());
  }

  /** The clipboard fallback: puts the agreed message on the clipboard, nothing else. */
  copyMessage(id: number, which: Which): void {
    const contact = this.contact(this.o.db(), parse(ContactId, id));
    this.o.clipboard.writeText(messageOf(contact, parse(Which, which)));
  }

  // ---- signals ------------------------------------------------------------------------

  /**
   * Sends the agreed message ('help') or the follow-up ('ok'). Messenger: resolves once
   * the mail/SMS app was asked to open ('opened', or 'failed' with the message still on
   * the clipboard). Webhook: resolves at once with 'queued'; watch status() or onChange.
   */
  async send(id: number, which: Which): Promise<SendResult> {
    const contactId = parse(ContactId, id);
    const w = parse(Which, which);
    const db = this.o.db();
    const contact = this.contact(db, contactId);
    const message = messageOf(contact, w);
    const channel: ChannelKind = contact.channel.type === 'webhook' ? 'webhook' : contact.channel.kind;
    const base: NewSignal = { contactId, contactName: contact.name, channel, which: w, idempotencyKey: this.newKey(), createdAt: this.o.clock.now() };

    if (contact.channel.type === 'messenger') {
      const uri = messengerUri(contact.channel, message);
      let copied = true;
      try {
        this.o.clipboard.writeText(message);
      } catch {
        copied = false;
      }
      let opened = true;
      try {
        await this.o.openExternal(uri);
      } catch {
        opened = false;
      }
      // The UI words what it tells the person from this: never "it's on your clipboard" when it isn't.
      const lastError = opened ? (copied ? null : 'copy_failed') : copied ? 'open_failed' : 'open_and_copy_failed';
      const signalId = insertSettled(this.o.db(), base, opened ? 'opened' : 'failed', lastError);
      this.emit(signalId);
      return { signalId, channel, state: opened ? 'opened' : 'failed' };
    }

    const signalId = insertQueued(db, base, webhookRequest(contact.channel, message));
    this.emit(signalId);
    if (!this.stopped) this.process();
    return { signalId, channel, state: 'queued' };
  }

  status(id: number): SignalStatus {
    const row = findSignal(this.o.db(), parse(SignalId, id));
    if (!row) throw new AppError('NOT_FOUND', 'That signal could not be found. Its history may have been deleted.');
    return toStatus(row);
  }

  /** Newest first: when, to whom, how, and whether it arrived. */
  history(): SignalHistoryItem[] {
    return listSignals(this.o.db()).map((row) => {
      const s = toStatus(row);
      return { signalId: s.signalId, at: s.createdAt, contactName: s.contactName, channel: s.channel, which: s.which, outcome: s.outcome };
    });
  }

  /** Deletes every settled signal; one still on its way is kept until it settles. */
  deleteHistory(): { deleted: number } {
    return { deleted: deleteSettled(this.o.db()) };
  }

  // ---- lifecycle ----------------------------------------------------------------------

  /**
   * On start and on unlock: signals still pending are tried again (a 'sending' one with
   * the same key: the receiver can tell it is a repeat); ones older than 30 minutes are
   * expired without another attempt.
   */
  resume(): { pending: number; expired: number } {
    this.stopped = false;
    const db = this.tryDb();
    if (!db) return { pending: 0, expired: 0 };
    // Whatever happened while locked (or before a quit while locked) goes into the vault first.
    // If that fails it is reported and the vault's outbox carries on regardless: a signal
    // then at worst goes once more with the same Idempotency-Key, never not at all.
    const carried = this.locked?.changes ?? [];
    this.locked = null;
    try {
      const keys = ensureSealKeys(db);
      this.sealPublic = keys.publicKey;
      takeInLockedChanges(db, this.o.lockedLog, keys.privateKey, carried, (e) => this.o.report?.(e));
    } catch (error) {
      this.o.report?.(error);
    }
    return this.process() ?? { pending: 0, expired: 0 };
  }

  /**
   * On lock: signals on their way keep being tried from memory for the rest of their 30
   * minutes; what happens is sealed to a log the vault takes in at unlock.
   */
  holdWhileLocked(): void {
    const db = this.tryDb();
    if (!db || this.stopped) return;
    this.locked = new LockedLedger(vaultLedger(db).pending(), this.o.lockedLog, this.sealPublic, (e) => this.o.report?.(e));
  }

  /** On quit: no new attempts start. One already under way still records its answer if it can. */
  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  /** Resolves when no attempt is under way (for shutdown and tests). */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  /** When the armed timer will next look (diagnostics and tests). */
  nextWakeAt(): number | null {
    return this.wake;
  }

  // ---- the outbox ---------------------------------------------------------------------

  /** The vault's outbox, or the locked one; null when neither is there (locked before any unlock). */
  private ledger(): Ledger | null {
    const db = this.tryDb();
    return db ? vaultLedger(db) : this.locked;
  }

  /**
   * One pass over the outbox (pending signals read once): expire, start what is due, arm the
   * timer. Returns what it found, or null when there was no pass (stopped, or no ledger to read).
   */
  private process(): { pending: number; expired: number } | null {
    if (this.stopped) return null;
    const ledger = this.ledger();
    if (!ledger) return null;
    const { pending, expired } = this.expireOld(ledger);
    const now = this.o.clock.now();
    for (const signal of pending) {
      if (this.inFlight.has(signal.id) || (signal.nextAttemptAt ?? 0) > now) continue;
      const id = signal.id;
      const attempt = this.attempt(ledger, signal)
        .catch((error: unknown) => this.o.report?.(error))
        .finally(() => {
          // Always after the set below: finally callbacks run on a later tick.
          this.inFlight.delete(id);
          if (!this.stopped) this.process();
        });
      this.inFlight.set(id, attempt);
    }
    this.arm(pending);
    return { pending: pending.length, expired };
  }

  private async attempt(ledger: Ledger, signal: PendingSignal): Promise<void> {
    const startedAt = this.o.clock.now();
    if (startedAt >= signal.createdAt + SEND_WINDOW_MS) {
      if (ledger.settle(signal.id, 'expired', startedAt, null)) this.emit(signal.id);
      return;
    }
    // Written down before the request: after a crash the signal is retried with the same key.
    if (!ledger.markSending(signal.id, startedAt)) return;
    this.emit(signal.id);
    const { url, body, contentType, header } = signal.request;
    let outcome: { status: number } | { error: string };
    try {
      const response = await this.withTimeout(this.o.httpPost(url, { headers: requestHeaders(contentType, signal.idempotencyKey, header), body, timeoutMs: REQUEST_TIMEOUT_MS }));
      outcome = response === 'timeout' ? { error: 'timeout' } : { status: response.status };
    } catch {
      outcome = { error: 'network' };
    }
    // The vault may have locked or unlocked meanwhile: the answer goes wherever the outbox is now.
    const now = this.ledger();
    if (!now) return; // Quit: the row stays 'sending' and the next unlock retries it with the same key.
    this.record(now, signal, outcome);
  }

  private record(ledger: Ledger, signal: PendingSignal, outcome: { status: number } | { error: string }): void {
    const now = this.o.clock.now();
    const verdict = 'status' in outcome ? judgeStatus(outcome.status) : ({ type: 'retry', error: outcome.error } as const);
    if (verdict.type === 'sent') {
      ledger.settle(signal.id, 'sent', now, null);
    } else {
      const attempts = ledger.pending().find((p) => p.id === signal.id)?.attempts ?? signal.attempts + 1;
      const next = verdict.type === 'retry' ? afterFailure(now, signal.createdAt, attempts) : null;
      if (next) ledger.markRetry(signal.id, next.nextAttemptAt, verdict.error);
      else ledger.settle(signal.id, 'failed', now, verdict.error);
    }
    this.emit(signal.id);
  }

  /** Anything pending past its window is expired, never sent late (in-flight ones finish first); the rest is still pending. */
  private expireOld(ledger: Ledger): { pending: PendingSignal[]; expired: number } {
    const now = this.o.clock.now();
    const pending: PendingSignal[] = [];
    let expired = 0;
    for (const signal of ledger.pending()) {
      if (this.inFlight.has(signal.id) || now < signal.createdAt + SEND_WINDOW_MS) pending.push(signal);
      else if (ledger.settle(signal.id, 'expired', now, null)) {
        expired++;
        this.emit(signal.id);
      }
    }
    return { pending, expired };
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T | 'timeout'> {
    let handle: unknown;
    const timeout = new Promise<'timeout'>((resolve) => {
      handle = this.o.timers.setTimeout(() => resolve('timeout'), REQUEST_TIMEOUT_MS);
    });
    return Promise.race([promise, timeout]).finally(() => this.o.timers.clearTimeout(handle));
  }

  /** `pending` as read at the start of the pass: the ones started since are in flight, and skipped. */
  private arm(pending: readonly PendingSignal[]): void {
    this.disarm();
    if (this.stopped) return;
    let next: number | null = null;
    for (const signal of pending) {
      if (this.inFlight.has(signal.id) || signal.nextAttemptAt === null) continue;
      // Wake at the next attempt, and in any case when the window closes.
      const at = Math.min(signal.nextAttemptAt, signal.createdAt + SEND_WINDOW_MS);
      if (next === null || at < next) next = at;
    }
    if (next === null) return;
    this.wake = next;
    this.timer = this.o.timers.setTimeout(() => {
      this.timer = undefined;
      this.wake = null;
      this.process();
    }, Math.max(0, next - this.o.clock.now()));
  }

  private disarm(): void {
    if (this.timer !== undefined) this.o.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.wake = null;
  }

  /** Tells the UI; while locked there is nobody to tell (the vault holds the truth at unlock). */
  private emit(signalId: number): void {
    if (!this.o.onChange) return;
    const db = this.tryDb();
    const row = db && findSignal(db, signalId);
    if (row) this.o.onChange(toStatus(row));
  }

  /** The vault, or null while it is locked. */
  private tryDb(): Db | null {
    return openOrNull(() => this.o.db());
  }

  private contact(db: Db, id: number): Contact {
    const contact = findContact(db, id);
    if (!contact) throw new AppError('NOT_FOUND', 'That trusted person could not be found. They may have been removed.');
    return contact;
  }
}

function messageOf(contact: Contact, which: Which): string {
  if (which === 'test') return testMessage(contact.message);
  return which === 'help' ? contact.message : contact.followUp;
}

function toStatus(row: SignalRow): SignalStatus {
  const outcome: SignalStatus['outcome'] =
    row.state === 'sent' ? 'delivered' : row.state === 'opened' ? 'handed-off' : row.state === 'queued' || row.state === 'sending' ? 'pending' : 'not-delivered';
  return {
    signalId: row.id,
    contactId: row.contactId,
    contactName: row.contactName,
    channel: row.channel,
    which: row.which,
    state: row.state,
    outcome,
    attempts: row.attempts,
    createdAt: row.createdAt,
    settledAt: row.settledAt,
    nextAttemptAt: row.state === 'queued' ? row.nextAttemptAt : null,
    givesUpAt: row.createdAt + SEND_WINDOW_MS,
    lastError: row.lastError,
  };
}
