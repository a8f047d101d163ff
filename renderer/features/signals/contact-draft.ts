import { DEFAULT_FOLLOW_UP, DEFAULT_MESSAGE, MESSAGE_PLACEHOLDER, type Contact, type ContactInput } from '../../../preload/contract/index.ts';

/** The contact form's fields as typed; turned into contract input on save (main checks it all again). */
export interface ContactDraft {
  name: string;
  kind: 'email' | 'sms' | 'webhook';
  address: string;
  url: string;
  format: 'text' | 'json';
  jsonTemplate: string;
  headerName: string;
  headerValue: string;
  message: string;
  followUp: string;
}

export const exampleTemplate = `{"text": "${MESSAGE_PLACEHOLDER}"}`;

export function emptyDraft(): ContactDraft {
  return {
    name: '',
    kind: 'email',
    address: '',
    url: '',
    format: 'text',
    jsonTemplate: exampleTemplate,
    headerName: '',
    headerValue: '',
    message: DEFAULT_MESSAGE,
    followUp: DEFAULT_FOLLOW_UP,
  };
}

export function draftOf(contact: Contact): ContactDraft {
  const draft = { ...emptyDraft(), name: contact.name, message: contact.message, followUp: contact.followUp };
  const c = contact.channel;
  if (c.type === 'messenger') return { ...draft, kind: c.kind, address: c.address };
  return {
    ...draft,
    kind: 'webhook',
    url: c.url,
    format: c.format,
    jsonTemplate: c.jsonTemplate ?? exampleTemplate,
    headerName: c.header?.name ?? '',
    headerValue: c.header?.value ?? '',
  };
}

/** A header is sent only when both parts are filled in; one without the other is a question for the person. */
export function inputOf(d: ContactDraft): ContactInput | { problem: string } {
  const base = { name: d.name, message: d.message, followUp: d.followUp };
  if (d.kind !== 'webhook') return { ...base, channel: { type: 'messenger', kind: d.kind, address: d.address.trim() } };
  const headerName = d.headerName.trim();
  const headerValue = d.headerValue.trim();
  if (Boolean(headerName) !== Boolean(headerValue)) {
    return { problem: 'For a header, please fill in both its name and its value, or leave both empty.' };
  }
  return {
    ...base,
    channel: {
      type: 'webhook',
      url: d.url.trim(),
      format: d.format,
      ...(d.format === 'json' ? { jsonTemplate: d.jsonTemplate } : {}),
      ...(headerName ? { header: { name: headerName, value: headerValue } } : {}),
    },
  };
}
