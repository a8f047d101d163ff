/**
 * The whole App mounted against a fake api. Import this first in a test file (it installs
 * window.saltwater through window-api.ts before the renderer's lib/api.ts reads it). Kept apart
 * from mount.ts so tests of single components don't load the whole App.
 */
import { useApi } from './window-api.ts';
import App from '../../renderer/App.svelte';
import { settle } from './dom-helpers.ts';
import type { FakeApi } from './fake-api.ts';
import { mountInBody } from './mount.ts';

/** Mounts App on `fake` and waits for its first answers; returns the App's <div>. */
export async function mountApp(fake: FakeApi): Promise<HTMLElement> {
  useApi(fake.api);
  const target = mountInBody(App);
  await settle();
  return target;
}
