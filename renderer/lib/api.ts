import type { Api } from '../../preload/create-api.ts';

declare global {
  interface Window {
    saltwater: Api;
  }
}

/** The renderer's only door to the world: whatever preload (or the test host) exposed. */
export const api: Api = window.saltwater;
