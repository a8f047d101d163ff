import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { protocol } from 'electron';
import { contentTypeOf, isStartPage, readStartPage, resolveStaticFile } from '../core/static-files.ts';
import { policyOfPage } from './csp.ts';

/** The renderer is served from app://saltwater/, never file://, so 'self' in the CSP means our files only. */
export const APP_ORIGIN = 'app://saltwater';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps our scripts compiled between starts (in userData's "Code Cache"; only
    // the app's own code, nothing of the person's), so the code after the first start runs sooner.
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, codeCache: true } },
  ]);
}

/** True for a URL or origin of our own page (app://saltwater, exactly: not app://saltwater.example). */
export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * Serves files from the built renderer folder; anything outside it is refused. The start page is
 * the lock screen ready-made while the vault is locked (static-files.ts readStartPage). Every response
 * carries the page's Content-Security-Policy (read from its meta tag, so there is one source).
 */
export function serveRenderer(rendererDir: string, vaultLocked: () => boolean): void {
  let policy: string | null = null;
  const headers = (type: string) => ({ 'content-type': type, 'content-security-policy': policy ?? "default-src 'none'", 'x-content-type-options': 'nosniff' });
  const notFound = () => new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
  protocol.handle('app', async (request) => {
    // Read once, at the first request (the built files do not change while the app runs).
    policy ??= policyOfPage(await readFile(join(rendererDir, 'index.html'), 'utf8').catch(() => ''));
    // A build without the policy must not run without one: serve nothing.
    if (!policy) return new Response('The built page has no Content-Security-Policy.', { status: 500, headers: headers('text/plain; charset=utf-8') });
    const url = new URL(request.url);
    if (url.host === 'saltwater' && isStartPage(url.pathname)) {
      const page = await readStartPage(rendererDir, vaultLocked()).catch(() => null);
      return page === null ? notFound() : new Response(page, { headers: headers(contentTypeOf('index.html')) });
    }
    const file = url.host === 'saltwater' ? resolveStaticFile(rendererDir, url.pathname) : null;
    if (!file) return notFound();
    try {
      const body = await readFile(file);
      return new Response(body, { headers: headers(contentTypeOf(file)) });
    } catch {
      return notFound();
    }
  });
}
