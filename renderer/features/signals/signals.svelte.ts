import type { ChannelKind, Contact, SignalStatus, Which } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';

/** What the person sees about one signal they sent from this screen. */
export interface SignalNote {
  signalId: number;
  contactId: number | null;
  contactName: string;
  channel: ChannelKind;
  which: Which;
  outcome: SignalStatus['outcome'];
  attempts: number;
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

  constructor(api: Api) {
    this.#api = api;
    this.#stop = api.on('signal.changed', (status) => this.#track(status));
  }

  dispose(): void {
    this.#stop();
  }

  async load(): Promise<void> {
    const result = await this.#api.contacts.list();
    if (!result.ok) {
      this.loadError = result.error.message;
      return;
    }
    this.contacts = result.value;
    this.loadError = null;
    this.loaded = true;
  }

  /** True once an "I need you" signal went out from here: the "I'm OK now" follow-up is then offered. */
  get helpSent(): boolean {
    return this.notes.some((n) => n.which === 'help' && n.outcome !== 'not-delivered');
  }

  /** The people a help signal went to (for the follow-up), once each. */
  get helpedContacts(): Contact[] {
    const ids = new Set(this.notes.filter((n) => n.which === 'help').map((n) => n.contactId));
    return this.contacts.filter((c) => ids.has(c.id));
  }

  latestFor(contactId: number, which?: Which): SignalNote | undefined {
    return this.notes.find((n) => n.contactId === contactId && (which === undefined || n.which === which));
  }

  /** Returns a message when it could not even start. */
  async send(contactId: number, which: Which): Promise<string | null> {
    const result = await this.#api.signals.send({ contactId, which });
    if (!result.ok) return result.error.message;
    const contact = this.contacts.find((c) => c.id === contactId);
    const { signalId, channel, state } = result.value;
    const outcome: SignalStatus['outcome'] = state === 'opened' ? 'handed-off' : state === 'failed' ? 'not-delivered' : 'pending';
    // An event may have arrived first; keep whichever is further along.
    if (!this.notes.some((n) => n.signalId === signalId)) {
      this.notes = [{ signalId, contactId, contactName: contact?.name ?? '', channel, which, outcome, attempts: 0 }, ...this.notes];
    }
    return null;
  }

  /** The clipboard fallback. Returns a message or null. */
  async copy(contactId: number, which: Which): Promise<string | null> {
    const result = await this.#api.signals.copy({ contactId, which });
    return result.ok ? null : result.error.message;
  }

  #track(status: SignalStatus): void {
    const note: SignalNote = {
      signalId: status.signalId,
      contactId: status.contactId,
      contactName: status.contactName,
      channel: status.channel,
      which: status.which,
      outcome: status.outcome,
      attempts: status.attempts,
    };
    const i = this.notes.findIndex((n) => n.signalId === status.signalId);
    if (i >= 0) this.notes[i] = note;
    else this.notes = [note, ...this.notes];
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
    case 'handed-off':
      return note.channel === 'email'
        ? `Your mail app should be open with the message to ${who}; press send there. It's on your clipboard too.`
        : `Your messages app should be open with the message to ${who}; press send there. It's on your clipboard too.`;
    case 'not-delivered':
      return note.channel === 'webhook'
        ? `${what} didn't get through to ${who}. You could copy it and send it another way.`
        : `Your ${channelLabel(note.channel)} app didn't open. The message is on your clipboard, ready to paste.`;
  }
}
