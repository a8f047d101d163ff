import { describe, expect, it } from 'vitest';
import { parse } from '../../main/core/journal/validate.ts';
import { judgeStatus, messengerUri, requestHeaders, webhookRequest, afterFailure, SEND_WINDOW_MS } from '../../main/core/signal/outbox.ts';
import { ContactInput, DEFAULT_FOLLOW_UP, DEFAULT_MESSAGE, webhookUrlProblem, type ContactFields } from '../../preload/contract/signals.ts';
import { refusal as refusalBy } from '../helpers/refusal.ts';

const webhook = (url: string, more: Record<string, unknown> = {}) => ({ name: 'Sam', channel: { type: 'webhook', url, format: 'text', ...more } });
const email = (address: string) => ({ name: 'Sam', channel: { type: 'messenger', kind: 'email', address } });
const sms = (address: string) => ({ name: 'Sam', channel: { type: 'messenger', kind: 'sms', address } });

/** The plain message the person would see, or a failure if it was accepted. */
const refusal = (input: unknown) => refusalBy(ContactInput, input);
const accepted = (input: unknown): ContactFields => parse(ContactInput, input);

describe('webhook addresses', () => {
  it('accepts https anywhere and http only on this computer', () => {
    expect(accepted(webhook('https://ntfy.sh/my-topic')).channel).toMatchObject({ url: 'https://ntfy.sh/my-topic' });
    for (const url of ['http://localhost:8080/x', 'http://127.0.0.1:9/hook', 'http://[::1]:3000/', 'HTTPS://Example.org/a?b=c']) {
      expect(webhookUrlProblem(url), url).toBeUndefined();
    }
  });

  it.each([
    ['javascript:alert(1)', /only sends to https:\/\/ addresses, not "javascript:"/],
    ['JavaScript:alert(1)', /not "javascript:"/],
    ['file:///etc/passwd', /not "file:"/],
    ['data:text/plain,hello', /not "data:"/],
    ['ftp://example.org/x', /not "ftp:"/],
    ['mailto:sam@example.org', /not "mailto:"/],
    ['http://example.org/hook', /Only https:\/\/ addresses can be used/],
    ['http://localhost.evil.example/hook', /Only https:\/\//],
    ['http://127.0.0.2/hook', /Only https:\/\//],
    ['https://user:secret@example.org/hook', /leave the name and password out/],
    ['https://@example.org/hook', /leave the name and password out/],
    ['https://token@example.org/hook', /leave the name and password out/],
    ['https://example.org/a b', /spaces or line breaks/],
    ['https://example.org/a\r\nX-Evil: 1', /spaces or line breaks/],
    ['https://example.org/#frag', /after "#"/],
    ['example.org/hook', /should start with https:\/\//],
    ['https:example.org', /complete web address/],
    ['', /enter the web address/],
    [`https://example.org/${'a'.repeat(2100)}`, /too long \(at most 2048/],
  ])('refuses %s with a clear message', (url, message) => {
    expect(refusal(webhook(url))).toMatch(message);
  });
});

describe('messenger addresses', () => {
  it('accepts plain e-mail addresses and phone numbers (normalised)', () => {
    expect(accepted(email('  sam.o+buddy@mail.example.org ')).channel).toEqual({ type: 'messenger', kind: 'email', address: 'sam.o+buddy@mail.example.org' });
    expect(accepted(sms('+44 (0) 20-7946.0000')).channel).toEqual({ type: 'messenger', kind: 'sms', address: '+4402079460000' });
  });

  it.each([
    'sam@example.org?bcc=other@example.org',
    'sam@example.org&body=hi',
    'sam@localhost',
    'javascript:alert(1)@x.org',
    'sam@@example.org',
    '.sam@example.org',
    'sam@example..org',
    'sam@-example.org',
    `${'a'.repeat(250)}@example.org`,
    'sam @example.org',
    'sam@example.org\r\nBcc: x@y.z',
  ])('refuses the e-mail address %j', (address) => {
    expect(refusal(email(address))).toMatch(/e-mail address/);
  });

  it.each(['12', '+1 555 CALL NOW', '123;body=evil', '+123456789012345678', 'sms:+123456', '1'.repeat(40)])('refuses the phone number %j', (address) => {
    expect(refusal(sms(address))).toMatch(/phone number/);
  });

  it('the mail and SMS links carry only the address and the agreed message', () => {
    const message = '🫂 Could you check on me? & more=yes #1';
    const mail = messengerUri({ type: 'messenger', kind: 'email', address: 'sam.o+buddy@example.org' }, message);
    expect(mail.startsWith('mailto:sam.o%2Bbuddy@example.org?body=')).toBe(true);
    const m = new URL(mail);
    expect([...m.searchParams.entries()]).toEqual([['body', message]]);
    const text = messengerUri({ type: 'messenger', kind: 'sms', address: '+4915112345678' }, message);
    expect(text.startsWith('sms:+4915112345678?body=')).toBe(true);
    expect([...new URL(text).searchParams.entries()]).toEqual([['body', message]]);
  });
});

describe('messages', () => {
  it('default to the agreed words', () => {
    const c = accepted(email('sam@example.org'));
    expect(c.message).toBe(DEFAULT_MESSAGE);
    expect(c.message).toMatch(/^\p{Extended_Pictographic}.* could you check on me when you can\?$/iu);
    expect(c.followUp).toBe("I'm OK now 💙");
    expect(c.followUp).toBe(DEFAULT_FOLLOW_UP);
  });

  it('are limited to 280 characters (an emoji counts as one)', () => {
    expect(accepted({ ...email('sam@example.org'), message: '💙'.repeat(280) }).message).toHaveLength(560);
    expect(refusal({ ...email('sam@example.org'), message: 'a'.repeat(281) })).toMatch(/message is too long: keep it to 280 characters/);
    expect(refusal({ ...email('sam@example.org'), followUp: 'a'.repeat(281) })).toMatch(/"I'm OK" message is too long/);
    expect(refusal({ ...email('sam@example.org'), message: '   ' })).toMatch(/cannot be empty/);
    expect(refusal({ ...email('sam@example.org'), message: 'hi\u0000there' })).toMatch(/cannot be sent/);
    expect(accepted({ ...email('sam@example.org'), message: 'line one\nline two' }).message).toBe('line one\nline two');
  });

  it('names are required and short', () => {
    expect(refusal({ ...email('sam@example.org'), name: '  ' })).toMatch(/give this person a name/);
    expect(refusal({ ...email('sam@example.org'), name: 'x'.repeat(61) })).toMatch(/at most 60/);
    expect(refusal({ ...email('sam@example.org'), name: 'Sam\nEvil' })).toMatch(/line breaks/);
  });
});

describe('webhook headers and templates', () => {
  it('a header is a plain name and a value without line breaks', () => {
    expect(accepted(webhook('https://x.example/h', { header: { name: 'Authorization', value: 'Bearer tk_123' } })).channel).toMatchObject({
      header: { name: 'Authorization', value: 'Bearer tk_123' },
    });
    expect(refusal(webhook('https://x.example/h', { header: { name: 'X-Token', value: 'a\r\nX-Evil: 1' } }))).toMatch(/line breaks/);
    expect(refusal(webhook('https://x.example/h', { header: { name: 'X-Token', value: 'a\nb' } }))).toMatch(/line breaks/);
    expect(refusal(webhook('https://x.example/h', { header: { name: 'X Token', value: 'a' } }))).toMatch(/letters, digits and dashes/);
    expect(refusal(webhook('https://x.example/h', { header: { name: 'X-Token:', value: 'a' } }))).toMatch(/letters, digits and dashes/);
    expect(refusal(webhook('https://x.example/h', { header: { name: 'Idempotency-Key', value: 'a' } }))).toMatch(/sets the "Idempotency-Key" header itself/);
    expect(refusal(webhook('https://x.example/h', { header: { name: 'Host', value: 'a' } }))).toMatch(/itself/);
    expect(refusal(webhook('https://x.example/h', { header: { name: 'X-Token', value: 'x'.repeat(1025) } }))).toMatch(/1 to 1024/);
  });

  it('a JSON template must take the message inside a string', () => {
    expect(refusal(webhook('https://x.example/h', { format: 'json' }))).toMatch(/needs a template/);
    expect(refusal(webhook('https://x.example/h', { format: 'json', jsonTemplate: '{"text": "hello"}' }))).toMatch(/needs \{\{message\}\}/);
    expect(refusal(webhook('https://x.example/h', { format: 'json', jsonTemplate: '{"text": {{message}}}' }))).toMatch(/not valid JSON/);
    expect(refusal(webhook('https://x.example/h', { format: 'text', jsonTemplate: '{"t":"{{message}}"}' }))).toMatch(/remove the JSON template/);
    expect(refusal(webhook('https://x.example/h', { format: 'json', jsonTemplate: `{"t":"{{message}}","p":"${'x'.repeat(4000)}"}` }))).toMatch(/too long/);
  });
});

describe('what a webhook request carries', () => {
  it('text: exactly the message; JSON: the template with the message escaped in', () => {
    const message = 'I said "help" \\ now\n🫂';
    const text = webhookRequest({ type: 'webhook', url: 'https://x.example/h', format: 'text' }, message);
    expect(text).toEqual({ url: 'https://x.example/h', body: message, contentType: 'text/plain; charset=utf-8', header: null });
    const json = webhookRequest({ type: 'webhook', url: 'https://x.example/h', format: 'json', jsonTemplate: '{"content":"{{message}}","username":"buddy"}' }, message);
    expect(JSON.parse(json.body)).toEqual({ content: message, username: 'buddy' });
    expect(json.contentType).toBe('application/json');
    expect(requestHeaders('text/plain', 'k1', { name: 'Authorization', value: 'Bearer t' })).toEqual({
      'Content-Type': 'text/plain',
      'Idempotency-Key': 'k1',
      Authorization: 'Bearer t',
    });
  });

  it('judges answers: 2xx sent, 5xx/429/408 retried, other 4xx and 3xx given up', () => {
    expect(judgeStatus(200).type).toBe('sent');
    expect(judgeStatus(204).type).toBe('sent');
    expect(judgeStatus(503)).toEqual({ type: 'retry', error: 'http_503' });
    expect(judgeStatus(429).type).toBe('retry');
    expect(judgeStatus(408).type).toBe('retry');
    expect(judgeStatus(401)).toEqual({ type: 'give-up', error: 'http_401' });
    expect(judgeStatus(302).type).toBe('give-up');
    expect(judgeStatus(0)).toEqual({ type: 'give-up', error: 'http_invalid' });
  });

  it('never schedules an attempt at or after the 30-minute window', () => {
    expect(afterFailure(0, 0, 1)).toEqual({ nextAttemptAt: 5_000 });
    expect(afterFailure(5_000, 0, 2)).toEqual({ nextAttemptAt: 20_000 });
    expect(afterFailure(SEND_WINDOW_MS - 300_000, 0, 9)).toBeNull();
    expect(afterFailure(SEND_WINDOW_MS - 300_001, 0, 9)).toEqual({ nextAttemptAt: SEND_WINDOW_MS - 1 });
  });
});
