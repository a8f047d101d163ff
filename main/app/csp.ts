/**
 * The Content-Security-Policy has one source: the meta tag in renderer/index.html. The app://
 * handler sends the same policy as a response header, which also covers what a meta tag cannot
 * (it applies from the first byte, and to every file served, not only to the page).
 */
export function policyOfPage(html: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']content-security-policy["']/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (content) return (content[1] ?? content[2] ?? '').trim();
  }
  return null;
}
