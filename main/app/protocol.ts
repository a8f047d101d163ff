import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentTypeOf, resolveStaticFile } from '../core/static-files.ts';

/** The renderer is served from app://saltwater/, never file://, so 'self' in the CSP means our files only. */
export const APP_ORIGIN = 'app://saltwater';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ]);
}

/** Serves files from the built renderer folder; anything outside it is refused. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'saltwater' ? resolveStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'content-type': contentTypeOf(file), 'x-content-type-options': 'nosniff' } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
