import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/**
 * Serving the built renderer, shared by Electron's app:// handler and the test host:
 * which file a URL path names (never one outside `root`) and its content type.
 */
const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * Built beside index.html: the same page with the lock screen already in it, served for `/` while
 * the vault is locked so the passphrase field paints before the code loads (renderer/prerender).
 */
export const LOCKED_PAGE = 'locked.html';

/** True for the paths that mean the start page. */
export function isStartPage(pathname: string): boolean {
  return pathname === '/' || pathname === '/index.html';
}

/** The start page: the ready-made lock screen while the vault is locked (if the build has it), else index.html. */
export async function readStartPage(root: string, locked: boolean): Promise<string> {
  if (locked) {
    try {
      return await readFile(join(root, LOCKED_PAGE), 'utf8');
    } catch {
      // A build without it: the plain page draws the lock screen once its code has run.
    }
  }
  return readFile(join(root, 'index.html'), 'utf8');
}

export function contentTypeOf(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file under `root` that `pathname` (still URL-encoded) names, or null for anything else. */
export function resolveStaticFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return null; // a malformed % sequence
  }
  if (decoded.includes('\0')) return null;
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  // Backslashes are separators on Windows; treat them so everywhere, so "..\\" cannot slip by.
  const file = normalize(join(base, decoded.replace(/\\/g, '/')));
  return file.startsWith(base) ? file : null;
}
