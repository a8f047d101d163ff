/** What the signal service needs from the outside world; main/app passes Electron's versions. */

export interface HttpRequest {
  headers: Record<string, string>;
  body: string;
  /** The adapter must give up after this long (the service also stops waiting). */
  timeoutMs: number;
}

/**
 * POSTs once. Resolves with the status of any answer (2xx, 4xx, 5xx alike); rejects on a
 * network error or timeout. Must not follow redirects and must not add cookies.
 */
export type HttpPost = (url: string, request: HttpRequest) => Promise<{ status: number }>;

/** Hands a mailto: or sms: URI to the OS (Electron: shell.openExternal). */
export type OpenExternal = (uri: string) => Promise<void> | void;

export interface Clipboard {
  writeText(text: string): void;
}
