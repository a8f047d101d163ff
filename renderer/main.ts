import { flushSync, hydrate, mount } from 'svelte';
import App from './App.svelte';
import { api } from './lib/api.ts';
import { keepFocusOnScreen } from './lib/focus.ts';
import './styles/global.css';

/**
 * Starts the app in `target`. `lockScreenThere`: the page came with the lock screen painted from
 * HTML (boot.ts), to be taken over as it stands if the vault is still locked.
 */
export async function start(target: HTMLElement, lockScreenThere: boolean): Promise<void> {
  keepFocusOnScreen();
  // Asked by the preload while this code loaded, so the answer is usually here already.
  const initial = await api.vault.status();
  if (lockScreenThere && initial.ok && initial.value.state === 'locked') {
    // Hydrated, not drawn again: what was typed and where focus is stay.
    hydrate(App, { target, props: { initial } });
  } else {
    target.replaceChildren();
    mount(App, { target, props: { initial } });
  }
  // Its effects (focus on arrival among them) run now: when start() returns, the screen is the app's.
  flushSync();
}
