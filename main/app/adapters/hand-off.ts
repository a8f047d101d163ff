import { clipboard, shell } from 'electron';
import type { Clipboard, OpenExternal } from '../../core/signal/ports.ts';

/** Only these leave Saltwater through the OS; anything else is refused here as well. */
const ALLOWED_SCHEMES = new Set(['mailto:', 'sms:', 'tel:', 'https:', 'http:']);

/**
 * Hands a signal to the person's own mail or SMS app, a web page to their browser, or a
 * crisis line's number to whatever the OS calls with (a softphone, a paired phone).
 * The core validated the address already; this is the last check before the OS.
 */
export const openInOs: OpenExternal = async (uri) => {
  const { protocol } = new URL(uri);
  if (!ALLOWED_SCHEMES.has(protocol)) throw new Error(`refused to open a ${protocol} link`);
  await shell.openExternal(uri, { activate: true });
};

export const systemClipboard: Clipboard = {
  writeText: (text) => clipboard.writeText(text),
};
