import type { Channel } from '../../../preload/contract/signals.ts';
import { fillTemplate } from '../../../preload/contract/signals.ts';

/** The outbox's rules, as plain functions: timing and what a response means. */

/** A signal is tried for this long after the click, then reported as not delivered. */
export const SEND_WINDOW_MS = 30 * 60_000;
/** Wait after attempt 1, 2, 3 ... (the last value repeats). */
export const BACKOFF_MS: readonly number[] = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000];
/** How long one attempt may take before it counts as a network failure. */
export const REQUEST_TIMEOUT_MS = 15_000;

export function backoffAfter(attempts: number): number {
  const i = Math.min(Math.max(attempts, 1), BACKOFF_MS.length) - 1;
  return BACKOFF_MS[i] ?? BACKOFF_MS[BACKOFF_MS.length - 1]!;
}

/** What one attempt's outcome means for the signal. */
export type Verdict = { type: 'sent' } | { type: 'retry'; error: string } | { type: 'give-up'; error: string };

/**
 * 2xx: delivered. 408/425/429 and 5xx: try again. Other 4xx will not fix themselves (a
 * wrong token, a wrong address), and a 3xx would send the message somewhere else: stop.
 */
export function judgeStatus(status: number): Verdict {
  if (status >= 200 && status < 300) return { type: 'sent' };
  const error = Number.isInteger(status) && status >= 100 && status < 600 ? `http_${status}` : 'http_invalid';
  if (status === 408 || status === 425 || status === 429 || (status >= 500 && status < 600)) return { type: 'retry', error };
  return { type: 'give-up', error };
}

/**
 * The next state after a failed attempt: another try if it still starts inside the
 * window, otherwise failed now (nothing is ever started after the window).
 */
export function afterFailure(now: number, createdAt: number, attempts: number): { nextAttemptAt: number } | null {
  const next = now + backoffAfter(attempts);
  return next < createdAt + SEND_WINDOW_MS ? { nextAttemptAt: next } : null;
}

export interface WebhookRequest {
  url: string;
  body: string;
  contentType: string;
  header: { name: string; value: string } | null;
}

/** Exactly the agreed message (text), or the person's template with it JSON-escaped in. */
export function webhookRequest(channel: Extract<Channel, { type: 'webhook' }>, message: string): WebhookRequest {
  return channel.format === 'json'
    ? { url: channel.url, body: fillTemplate(channel.jsonTemplate ?? '', message), contentType: 'application/json', header: channel.header ?? null }
    : { url: channel.url, body: message, contentType: 'text/plain; charset=utf-8', header: channel.header ?? null };
}

/** The headers of every attempt of one signal: the same idempotency key each time. */
export function requestHeaders(contentType: string, idempotencyKey: string, header: { name: string; value: string } | null): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': contentType, 'Idempotency-Key': idempotencyKey };
  if (header) headers[header.name] = header.value;
  return headers;
}

/**
 * mailto:address?body=… or sms:+number?body=… (RFC 6068 / RFC 5724). Only the contact's
 * own address and the agreed message; the result is checked again before it leaves.
 */
export function messengerUri(channel: Extract<Channel, { type: 'messenger' }>, message: string): string {
  const body = encodeURIComponent(message);
  const uri =
    channel.kind === 'email'
      ? `mailto:${encodeURIComponent(channel.address).replace('%40', '@')}?body=${body}`
      : `sms:${channel.address.replace(/[^+0-9]/g, '')}?body=${body}`;
  const parsed = new URL(uri);
  const expected = channel.kind === 'email' ? 'mailto:' : 'sms:';
  if (parsed.protocol !== expected || parsed.hash !== '' || [...parsed.searchParams.keys()].join() !== 'body') {
    throw new Error('messenger URI did not come out as expected');
  }
  return uri;
}
