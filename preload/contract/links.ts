/**
 * Web addresses the person keeps (a crisis line's site, their own entries, a film's page).
 * Saltwater never fetches them: they are only handed to the OS browser, and only when they
 * are plain http(s) with nothing hidden in them.
 */
export const maxLinkLength = 2048;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Why this link cannot be opened, in plain words; undefined when it is fine. */
export function webLinkProblem(raw: string): string | undefined {
  if (raw.length === 0) return 'Please enter a web address.';
  if (raw.length > maxLinkLength) return `That web address is too long (at most ${maxLinkLength} characters).`;
  if (CONTROL.test(raw) || /\s/.test(raw)) return 'A web address cannot contain spaces or line breaks.';
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(raw)?.[1]?.toLowerCase();
  if (!scheme) return 'A web address starts with https:// (or http://).';
  if (scheme !== 'https' && scheme !== 'http') return `Only web addresses (https://) can be opened, not "${scheme}:".`;
  if (!raw.slice(scheme.length + 1).startsWith('//')) return 'That does not look like a complete web address.';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'That does not look like a complete web address.';
  }
  // Read the authority from the text too: the parser forgets an empty "user@".
  const authority = raw.slice(scheme.length + 3).split(/[/?#\\]/, 1)[0] ?? '';
  if (authority.includes('@') || url.username !== '' || url.password !== '') {
    return 'Please leave any name or password out of the web address.';
  }
  if (url.hostname === '') return 'That web address has no site name.';
  return undefined;
}
