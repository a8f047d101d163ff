import type { ChannelKind, Contact, ContactInput, SignalStatus, Which } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import { takeLoaded } from '../../lib/loaded.ts';

/** What the person sees about one signal they sent from this screen. */
export interface SignalNote {
  signalId: number;
  contactId: number | null;
  contactName: string;
  channel: ChannelKind;
  which: Which;
  outcome: SignalStatus['outcome'];
  attempts: number;
  /** Why it didn't go as planned (e.g. copy_failed), so the words never claim more than happened. */
  lastError: string | null;
}

/**
 * Trusted contacts and the signals sent to them while this screen is open. Main does the
 * sending; this only asks, and follows each signal's progress through signal.changed.
 */
export class SignalsState {
  contacts = $state<Contact[]>([]);
  loaded = $state(false);
  loadError = $state<string | null>(null);
  /** Newest first. */
  notes = $state<SignalNote[]>([]);

  readonly #api: Api;
  readonly #stop: () => void;
  /** News about a signal sent from here that came before send() answered. */
  readonly #early = new Map<number, SignalStatus>();
  /** Contact and message pairs being sent right now: a second click sends nothing more. */
  readonly #sending = new Set<string>();

  constructor(api: Api) {
    this.#api = api;
    this.#stop = api.on('signal.changed', (status) => this.#track(status));
  }

  dispose(): void {
    this.#stop();
  }

  async load(): Promise<void> {
    takeLoaded(this, await this.#api.contacts.list(), (contacts) => (this.contacts = contacts));
  }

  /** Adds (no id) or changes a trusted person. Returns a message to show, or null when it was kept. */
  async saveContact(input: ContactInput, id?: number): Promise<string | null> {
    const result = id === undefined ? await this.#api.contacts.add(input) : await this.#api.contacts.update({ id, contact: input });
    if (!result.ok) return result.error.message;
    await this.load();
    return null;
  }

  /** Returns a message to show, or null when they were removed. */
  async removeContact(id: number): Promise<string | null> {
    const result = await this.#api.contacts.remove({ id });
    await this.load();
    return result.ok ? null : result.error.message;
  }

  /** Whether an "I'm OK now" already went to this person from here (one that failed can be sent again). */
  okSentTo(contactId: number): boolean {
    return this.notes.some((n) => n.contactId === contactId && n.which === 'ok' && n.outcome !== 'not-delivered');
  }

  /** True once an "I need you" signal went out from here: the "I'm OK now" follow-up is then offered. */
  get helpSent(): boolean {
    return this.notes.some((n) => n.which === 'help' && n.outcome !== 'not-delivered');
  }

  /** The people a help signal reached or is reaching (for the follow-up), once each. */
  get helpedContacts(): Contact[] {
    const ids = new Set(this.notes.filter((n) => n.which === 'help' && n.outcome !== 'not-delivered').map((n) => n.contactId));
    return this.contacts.filter((c) => ids.has(c.id));
  }

  /** Returns a message when it could not even start. */
  async send(contactId: number, which: Which): Promise<string | null> {
    const key = `${contactId}:${which}`;
    if (this.#sending.has(key)) return null;
    this.#sending.add(key);
    let result: Awaited<ReturnType<Api['signals']['send']>>;
    try {
      result = await this.#api.signals.send({ contactId, which });
    } finally {
      this.#sending.delete(key);
    }
    if (!result.ok) return result.error.message;
    const contact = this.contacts.find((c) => c.id === contactId);
    const { signalId, channel, state } = result.value;
    const outcome: SignalStatus['outcome'] = state === 'opened' ? 'handed-off' : state === 'failed' ? 'not-delivered' : 'pending';
    this.notes = [{ signalId, contactId, contactName: contact?.name ?? '', channel, which, outcome, attempts: 0, lastError: null }, ...this.notes];
    const early = this.#early.get(signalId);
    this.#early.delete(signalId);
    if (early) this.#track(early);
    return null;
  }

  /** The clipboard fallback. Returns a message or null. */
  async copy(contactId: number, which: Which): Promise<string | null> {
    const result = await this.#api.signals.copy({ contactId, which });
    return result.ok ? null : result.error.message;
  }

  /** Only signals sent from this screen: an older one settling after unlock is not news here. */
  #track(status: SignalStatus): void {
    const i = this.notes.findIndex((n) => n.signalId === status.signalId);
    if (i < 0) {
      // Perhaps ours, its answer still on the way; or an older one (not news here). Keep a few.
      this.#early.set(status.signalId, status);
      if (this.#early.size > 20) this.#early.delete(this.#early.keys().next().value!);
      return;
    }
    const note: SignalNote = {
      signalId: status.signalId,
      contactId: status.contactId,
      contactName: status.contactName,
      channel: status.channel,
      which: status.which,
      outcome: status.outcome,
      attempts: status.attempts,
      lastError: status.lastError,
    };
    this.notes[i] = note;
  }
}

const channelWords: Record<ChannelKind, string> = { email: 'e-mail', sms: 'text message', webhook: 'notifier' };

export function channelLabel(channel: ChannelKind): string {
  return channelWords[channel];
}

/** One plain sentence about where a signal is. Never alarming; never promises more than happened. */
export function noteWords(note: SignalNote): string {
  const who = note.contactName || 'your person';
  const what = note.which === 'ok' ? 'Your “I’m OK” message' : note.which === 'test' ? 'The test message' : 'Your message';
  switch (note.outcome) {
    case 'pending':
      return note.attempts > 1
        ? `Still trying to reach ${who}'s notifier; this computer may be offline. Saltwater keeps trying for up to 30 minutes.`
        : `Sending to ${who}…`;
    case 'delivered':
      return `${what} reached ${who}'s notifier.`;
    case 'handed-off': {
      const app = note.channel === 'email' ? 'mail' : 'messages';
      const clipboard = note.lastError === 'copy_failed' ? '' : " It's on your clipboard too.";
      // Name which message, so the note can't be taken for a later one to the same person.
      const which = note.which === 'ok' ? 'your “I’m OK” message' : note.which === 'test' ? 'the test message' : 'your message';
      return `Your ${app} app should be open with ${which} to ${who}; press send there.${clipboard}`;
    }
    case 'not-delivered':
      if (note.channel === 'webhook') return `${what} didn't get through to ${who}. You could copy it and send it another way.`;
      return note.lastError === 'open_and_copy_failed'
        ? `Your ${note.channel === 'email' ? 'mail' : 'messages'} app didn't open. You could copy the message and send it yourself.`
        : `Your ${note.channel === 'email' ? 'mail' : 'messages'} app didn't open. The message is on your clipboard, ready to paste.`;
  }
}
