/**
 * Renders the lock screen to HTML at build time (svelte/server, run by
 * scripts/build/prerender-lock-screen.ts). Main serves the result while the vault is locked, so
 * the passphrase field is painted as soon as the page and its styles arrive; the code then takes
 * it over where it stands. Nothing here is private: it is the screen everyone sees when locked.
 */
import { render } from 'svelte/server';
import type { Result, VaultStatus } from '../../preload/contract/index.ts';

/** The lock screen as it first shows after a start: no wait, no note. */
const locked: Result<VaultStatus> = { ok: true, value: { state: 'locked', retryAfterMs: 0 } };

/** An api that never answers: at build time there is no vault, and the screen must not wait on one. */
function silentApi(): unknown {
  const never = () => new Promise(() => {});
  const group = new Proxy({}, { get: () => never });
  return new Proxy({}, { get: (_, key) => (key === 'on' ? () => () => {} : group) });
}

export async function renderLockScreen(): Promise<string> {
  const scope = globalThis as { window?: unknown };
  const before = scope.window;
  // lib/api.ts takes the api from the window as it loads; Session listens on window for keys.
  scope.window = { saltwater: silentApi(), addEventListener() {}, removeEventListener() {} };
  try {
    const { default: App } = await import('../App.svelte');
    return render(App, { props: { initial: locked } }).body;
  } finally {
    scope.window = before;
  }
}
