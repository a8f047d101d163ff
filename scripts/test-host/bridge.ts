/**
 * Runs in the browser before the renderer, in place of Electron's preload: it exposes
 * the same contract as `window.saltwater`, carried over loopback HTTP with the run's token.
 */
import type { EventName } from '../../preload/contract/index.ts';
import { isEventName } from '../../preload/contract/names.ts';
import { createApi, type Transport } from '../../preload/create-api.ts';
import { browserBase64, bytesReplacer, bytesReviver } from './bytes-json.ts';

const TOKEN_KEY = 'saltwater-test-host-token';
const fromUrl = new URLSearchParams(location.search).get('token');
if (fromUrl) {
  sessionStorage.setItem(TOKEN_KEY, fromUrl);
  history.replaceState(null, '', location.pathname);
}
const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

async function listen(): Promise<void> {
  for (;;) {
    try {
      const response = await fetch('/__test-host/events', { headers });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // The host went away or restarted; try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function dispatch(message: string): void {
  const data = message.split('\n').find((line) => line.startsWith('data: '));
  if (!data) return;
  const { event, payload } = JSON.parse(data.slice(6)) as { event: unknown; payload: unknown };
  if (!isEventName(event)) return;
  for (const listener of listeners.get(event) ?? []) listener(payload);
}

const httpTransport: Transport = {
  async invoke(method, input) {
    const response = await fetch(`/__test-host/call/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers,
      // Bytes (a voice note's audio) as base64, both ways: see bytes-json.ts.
      body: JSON.stringify({ input }, bytesReplacer(browserBase64.encode)),
    });
    return JSON.parse(await response.text(), bytesReviver(browserBase64.decode)) as unknown;
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
};

void listen();
Object.defineProperty(window, 'saltwater', { value: Object.freeze(createApi(httpTransport)), writable: false });
