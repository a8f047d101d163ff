import { z } from 'zod';
import { ANY_CONTROL, CONTROL_IN_TEXT, checked, codePoints, oneLine } from './text.ts';
import { maxLinkLength, readWebAddress } from './links.ts';
import { timestamp } from './common.ts';

/** Trusted contacts and the signals sent to them: what may be stored, sent and shown. */

export const signalLimits = {
  contacts: 5,
  name: 60,
  /** Characters (Unicode code points), the same way SQLite's length() counts them. */
  message: 280,
  email: 254,
  url: maxLinkLength,
  jsonTemplate: 4000,
  headerName: 64,
  headerValue: 1024,
} as const;

export const DEFAULT_MESSAGE = '🫂 Could you check on me when you can?';
export const DEFAULT_FOLLOW_UP = "I'm OK now 💙";
/** Sent by "Send a test": the person's own words, so the contact sees exactly what would come. */
export function testMessage(message: string): string {
  return `Just a test from me, nothing is wrong. When I need you, this is what you'll get: ${message}`;
}
/** Where a JSON template takes the message (JSON-escaped, inside a string). */
export const MESSAGE_PLACEHOLDER = '{{message}}';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why this webhook address cannot be used, in plain words; undefined when it is fine. */
export function webhookUrlProblem(raw: string): string | undefined {
  const read = readWebAddress(raw);
  if ('problem' in read) {
    switch (read.problem) {
      case 'empty':
        return 'Please enter the web address of the notifier.';
      case 'too-long':
        return `That web address is too long (at most ${signalLimits.url} characters).`;
      case 'spaces':
        return 'A web address cannot contain spaces or line breaks.';
      case 'no-scheme':
        return 'That does not look like a web address. It should start with https://';
      case 'other-scheme':
        return `Saltwater only sends to https:// addresses, not "${read.scheme}:".`;
      case 'credentials':
        return 'Please leave the name and password out of the web address; use the header field for a token.';
      case 'no-host':
        return 'That web address has no server name.';
      case 'incomplete':
        return 'That does not look like a complete web address.';
    }
  }
  const { url } = read;
  if (url.hash !== '' || raw.includes('#')) return 'Please remove the part after "#" from the web address.';
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return 'Only https:// addresses can be used, so the message is encrypted on its way (http:// is fine only for this computer, localhost).';
  }
  return undefined;
}

/** An e-mail address Saltwater can put in a mailto: link without anything else riding along. */
export function emailProblem(raw: string): string | undefined {
  if (raw.length > signalLimits.email) return `That e-mail address is too long (at most ${signalLimits.email} characters).`;
  const match = /^([A-Za-z0-9._+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$/.exec(raw);
  if (!match) return 'That does not look like an e-mail address (like name@example.org).';
  const [, local = '', domain = ''] = match;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..') || local.length > 64) {
    return 'That does not look like an e-mail address (like name@example.org).';
  }
  if (domain.split('.').some((label) => label.length > 63 || label.startsWith('-') || label.endsWith('-'))) {
    return 'That does not look like an e-mail address (like name@example.org).';
  }
  return undefined;
}

/** Digits with an optional leading +, after the usual spaces, dashes, dots and brackets are removed. */
export function normalisePhone(raw: string): string {
  return raw.replace(/[\s\-.()]/g, '');
}

export function phoneProblem(raw: string): string | undefined {
  if (raw.length > 32) return 'That phone number is too long.';
  if (!/^\+?[0-9]{3,15}$/.test(normalisePhone(raw))) {
    return 'That does not look like a phone number. Use digits, with + and the country code if you like.';
  }
  return undefined;
}

const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Set by Saltwater or by the transport; a contact's header may not replace them. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'expect',
  'te',
  'trailer',
  'proxy-authorization',
  'idempotency-key',
]);

export function headerNameProblem(raw: string): string | undefined {
  if (raw.length === 0 || raw.length > signalLimits.headerName) return `A header name has 1 to ${signalLimits.headerName} characters.`;
  if (!HEADER_TOKEN.test(raw)) return 'A header name uses only letters, digits and dashes (like Authorization).';
  if (RESERVED_HEADERS.has(raw.toLowerCase())) return `Saltwater sets the "${raw}" header itself; please choose another.`;
  return undefined;
}

export function headerValueProblem(raw: string): string | undefined {
  if (raw.length === 0 || raw.length > signalLimits.headerValue) return `A header value has 1 to ${signalLimits.headerValue} characters.`;
  if (ANY_CONTROL.test(raw)) return 'A header value cannot contain line breaks or control characters.';
  if (/[^\u0020-\u007e]/.test(raw)) return 'A header value uses only plain ASCII characters.';
  return undefined;
}

export function messageProblem(raw: string, what = 'message'): string | undefined {
  if (raw.trim().length === 0) return `The ${what} cannot be empty.`;
  if (codePoints(raw) > signalLimits.message) return `The ${what} is too long: keep it to ${signalLimits.message} characters.`;
  if (CONTROL_IN_TEXT.test(raw)) return `The ${what} contains a character that cannot be sent.`;
  return undefined;
}

/** The message, JSON-escaped into every placeholder (always inside a JSON string). */
export function fillTemplate(template: string, message: string): string {
  return template.split(MESSAGE_PLACEHOLDER).join(JSON.stringify(message).slice(1, -1));
}

export function jsonTemplateProblem(raw: string): string | undefined {
  if (raw.length > signalLimits.jsonTemplate) return `The JSON template is too long (at most ${signalLimits.jsonTemplate} characters).`;
  if (!raw.includes(MESSAGE_PLACEHOLDER)) return `The JSON template needs ${MESSAGE_PLACEHOLDER} where the message goes, inside quotes.`;
  // A probe with quotes, a backslash and a line break only stays valid JSON inside a string.
  const probe = 'pr"o\\be\n';
  try {
    JSON.parse(fillTemplate(raw, probe));
  } catch {
    return `The JSON template is not valid JSON once the message is put in. Put ${MESSAGE_PLACEHOLDER} inside quotes, like {"text": "${MESSAGE_PLACEHOLDER}"}.`;
  }
  return undefined;
}

const Name = oneLine({
  missing: 'Please give this person a name.',
  max: signalLimits.name,
  tooLong: `A name has at most ${signalLimits.name} characters.`,
  control: 'A name cannot contain line breaks or control characters.',
});

const Message = (what: string) => checked((value) => messageProblem(value, what));

const EmailChannel = z.object({
  type: z.literal('messenger'),
  kind: z.literal('email'),
  address: z.string().transform((s) => s.trim()).pipe(checked(emailProblem)),
});
const SmsChannel = z.object({
  type: z.literal('messenger'),
  kind: z.literal('sms'),
  address: checked(phoneProblem).transform(normalisePhone),
});
export const MessengerChannel = z.discriminatedUnion('kind', [EmailChannel, SmsChannel]);

export const WebhookHeader = z.object({ name: checked(headerNameProblem), value: checked(headerValueProblem) });

export const WebhookChannel = z
  .object({
    type: z.literal('webhook'),
    url: z.string().transform((s) => s.trim()).pipe(checked(webhookUrlProblem)),
    format: z.enum(['text', 'json'], { error: 'The format is plain text or JSON.' }),
    jsonTemplate: checked(jsonTemplateProblem).optional(),
    header: WebhookHeader.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.format === 'json' && c.jsonTemplate === undefined) {
      ctx.addIssue({ code: 'custom', path: ['jsonTemplate'], message: `A JSON webhook needs a template with ${MESSAGE_PLACEHOLDER} in it.` });
    }
    if (c.format === 'text' && c.jsonTemplate !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['jsonTemplate'], message: 'A plain-text webhook sends only the message; remove the JSON template.' });
    }
  });

export const Channel = z.union([MessengerChannel, WebhookChannel], { error: 'Please choose how to reach this person.' });
export type Channel = z.output<typeof Channel>;

/** What the person fills in. The messages fall back to the defaults when left out. */
export const ContactInput = z.object({
  name: Name,
  channel: Channel,
  message: Message('message').default(DEFAULT_MESSAGE),
  followUp: Message('"I\'m OK" message').default(DEFAULT_FOLLOW_UP),
});
export type ContactInput = z.input<typeof ContactInput>;
export type ContactFields = z.output<typeof ContactInput>;

export const ContactId = z.number().int().positive();
export const SignalId = z.number().int().positive();
/** help: the agreed message. ok: the follow-up. test: the agreed message, clearly marked as a test. */
export const Which = z.enum(['help', 'ok', 'test'], { error: 'Which message: "help", "ok" or "test".' });
export type Which = z.output<typeof Which>;

export const ChannelKind = z.enum(['email', 'sms', 'webhook']);
export type ChannelKind = z.output<typeof ChannelKind>;
export const SignalState = z.enum(['queued', 'sending', 'sent', 'failed', 'expired', 'opened']);
export type SignalState = z.output<typeof SignalState>;

export const Contact = ContactInput.extend({ id: ContactId, createdAt: timestamp, updatedAt: timestamp });
export type Contact = z.output<typeof Contact>;

/**
 * pending: still trying. delivered: the webhook answered 2xx. not-delivered: failed or
 * expired (offer the clipboard). handed-off: the mail or SMS app was opened with it.
 */
export const SignalOutcome = z.enum(['pending', 'delivered', 'not-delivered', 'handed-off']);
export type SignalOutcome = z.output<typeof SignalOutcome>;

/** One signal, as the UI sees it. No message text, no address, no token. */
export const SignalStatus = z.object({
  signalId: SignalId,
  contactId: ContactId.nullable(),
  contactName: z.string(),
  channel: ChannelKind,
  which: Which,
  state: SignalState,
  outcome: SignalOutcome,
  attempts: z.number().int().min(0),
  createdAt: timestamp,
  settledAt: timestamp.nullable(),
  nextAttemptAt: timestamp.nullable(),
  /** After this, it is never sent: created + 30 minutes. */
  givesUpAt: timestamp,
  lastError: z.string().nullable(),
});
export type SignalStatus = z.output<typeof SignalStatus>;

export const SendResult = z.object({ signalId: SignalId, channel: ChannelKind, state: SignalState });
export type SendResult = z.output<typeof SendResult>;

export const SignalHistoryItem = z.object({
  signalId: SignalId,
  at: timestamp,
  contactName: z.string(),
  channel: ChannelKind,
  which: Which,
  outcome: SignalOutcome,
});
export type SignalHistoryItem = z.output<typeof SignalHistoryItem>;
