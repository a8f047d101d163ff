import type { PermissionCheckHandlerHandlerDetails, PermissionRequest, MediaAccessPermissionRequest } from 'electron';
import { isAppUrl } from './protocol.ts';

/**
 * What the page may ask the browser for, and only our own page (exactly app://saltwater: a bare
 * prefix test would also let app://saltwater.example.com through):
 * - writing to the clipboard (the recovery key's Copy button);
 * - the microphone, for voice notes: audio only (never the camera, never the screen), asked when
 *   the person presses Record, from the top frame. Electron asks both handlers below: `request`
 *   when the page calls getUserMedia, `check` when it (or Chromium) asks whether it may.
 * Everything else is refused.
 */

type RequestDetails = PermissionRequest | MediaAccessPermissionRequest | { requestingUrl?: string; isMainFrame?: boolean };

/** For session.setPermissionRequestHandler; `pageUrl` is the asking page's URL when the details have none. */
export function mayRequest(permission: string, details: RequestDetails, pageUrl: string): boolean {
  const url = details.requestingUrl ?? pageUrl;
  if (permission === 'clipboard-sanitized-write') return isAppUrl(url);
  if (permission === 'media') {
    const media = details as MediaAccessPermissionRequest;
    const types = media.mediaTypes ?? [];
    return (
      isAppUrl(url) &&
      (media.securityOrigin === undefined || isAppUrl(media.securityOrigin)) &&
      media.isMainFrame === true &&
      types.length === 1 &&
      types[0] === 'audio'
    );
  }
  return false;
}

/** For session.setPermissionCheckHandler. */
export function mayCheck(permission: string, origin: string, details: Partial<PermissionCheckHandlerHandlerDetails> = {}): boolean {
  if (permission === 'clipboard-sanitized-write') return isAppUrl(origin);
  if (permission === 'media') {
    // A check from a subframe says so (isMainFrame false); the request handler refuses those too.
    return (
      isAppUrl(origin) &&
      (details.securityOrigin === undefined || isAppUrl(details.securityOrigin)) &&
      details.isMainFrame !== false &&
      details.mediaType === 'audio'
    );
  }
  return false;
}
