import { ANY_CONTROL, checked } from './text.ts';

/**
 * Web addresses. Saltwater fetches none of them except a webhook the person set up (from
 * main); the rest (a crisis line's site, their own entries, a film's page) are only handed
 * to the OS browser. Both go through one reading of the address, each with its own words.
 */
export const maxLinkLength = 2048;

export type WebAddressProblem = 'empty' | 'too-long' | 'spaces' | 'no-scheme' | 'other-scheme' | 'incomplete' | 'credentials' | 'no-host';

/** Plain http(s) with a host and nothing hidden (no user:password@, no spaces or control characters). */
export function readWebAddress(raw: string): { url: URL } | { problem: WebAddressProblem; scheme?: string } {
  if (raw.length === 0) return { problem: 'empty' };
  if (raw.length > maxLinkLength) return { problem: 'too-long' };
  if (ANY_CONTROL.test(raw) || /\s/.test(raw)) return { problem: 'spaces' };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(raw)?.[1]?.toLowerCase();
  if (!scheme) return { problem: 'no-scheme' };
  if (scheme !== 'https' && scheme !== 'http') return { problem: 'other-scheme', scheme };
  if (!raw.slice(scheme.length + 1).startsWith('//')) return { problem: 'incomplete' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: 'incomplete' };
  }
  // Read the authority from the text too: the parser forgets an empty "user@".
  const authority = raw.slice(scheme.length + 3).split(/[/?#\\]/, 1)[0] ?? '';
  if (authority.includes('@') || url.username !== '' || url.password !== '') return { problem: 'credentials' };
  if (url.hostname === '') return { problem: 'no-host' };
  return { url };
}

/** Why this link cannot be opened, in plain words; undefined when it is fine. */
export function webLinkProblem(raw: string): string | undefined {
  const read = readWebAddress(raw);
  if ('url' in read) return undefined;
  switch (read.problem) {
    case 'empty':
      return 'Please enter a web address.';
    case 'too-long':
      return `That web address is too long (at most ${maxLinkLength} characters).`;
    case 'spaces':
      return 'A web address cannot contain spaces or line breaks.';
    case 'no-scheme':
      return 'A web address starts with https:// (or http://).';
    case 'other-scheme':
      return `Only web addresses (https://) can be opened, not "${read.scheme}:".`;
    case 'credentials':
      return 'Please leave any name or password out of the web address.';
    case 'no-host':
      return 'That web address has no site name.';
    case 'incomplete':
      return 'That does not look like a complete web address.';
  }
}

/** A plain http(s) address, refused with webLinkProblem's words. */
export const WebLink = checked(webLinkProblem);
