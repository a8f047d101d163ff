/**
 * The whole App mounted against a fake api. Import this first in a test file (it installs
 * window.saltwater through window-api.ts before the renderer's lib/api.ts reads it). Kept apart
 * from mount.ts so tests of single components don't load the whole App.
 */
import { useApi } from './window-api.ts';
import App from '../../renderer/App.svelte';
import { screens } from '../../renderer/screens.ts';
import { settle } from './dom-helpers.ts';
import type { FakeApi } from './fake-api.ts';
import { mountInBody } from './mount.ts';

/** Mounts App on `fake` and waits for its first answers; returns the App's <div>. */
// The screens loaded after the lock screen (renderer/screens.ts) are loaded once, as this file is
// imported: in the app they are fetched in the background; here their first import is a transform
// that takes a while, which no single test should pay for.
await Promise.all(Object.values(screens).map((screen) => screen.load()));

export async function mountApp(fake: FakeApi): Promise<HTMLElement> {
  useApi(fake.api);
  const target = mountInBody(App);
  await settle();
  return target;
}
