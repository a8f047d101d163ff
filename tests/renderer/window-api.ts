/**
 * renderer/lib/api.ts reads window.saltwater once, when it is first imported. Tests that
 * mount the whole App import this module first: window.saltwater then forwards to
 * whichever fake api the current test installed.
 */
import type { Api } from '../../preload/create-api.ts';

let current: Api | null = null;

export function useApi(api: Api): void {
  current = api;
}

(window as unknown as { saltwater: Api }).saltwater = new Proxy({} as Api, {
  get(_target, key) {
    if (!current) throw new Error('No fake api installed: call useApi() first');
    return (current as unknown as Record<PropertyKey, unknown>)[key];
  },
});
