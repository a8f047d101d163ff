import { mount, unmount, type Component, type MountOptions } from 'svelte';
import type { Api } from '../../preload/create-api.ts';
import WithApi from './WithApi.svelte';

/**
 * Mounting components into happy-dom's body for renderer tests. A test file calls
 * `afterEach(unmountAll)` (or unmountAll() inside its own afterEach) so nothing outlives a test.
 */

const mounted: { target: HTMLElement; component: ReturnType<typeof mount> | null }[] = [];

/** Mounts the component into a fresh <div> on document.body and returns that <div>. */
export function mountInBody<Props extends Record<string, unknown>>(
  component: Component<Props>,
  ...[props]: Record<string, never> extends Props ? [props?: Props] : [props: Props]
): HTMLElement {
  const target = document.createElement('div');
  document.body.appendChild(target);
  const entry: (typeof mounted)[number] = { target, component: null };
  mounted.push(entry);
  entry.component = mount(component, { target, props } as MountOptions<Props>);
  return target;
}

/** Mounts a page that reads the api from context (through WithApi), with its props if it has any. */
export function mountWithApi<Props extends Record<string, unknown>>(page: Component<Props>, api: Api, props?: Props): HTMLElement {
  return mountInBody(WithApi, { api, component: page as Component<Record<string, unknown>>, props: props ?? {} });
}

/** Unmounts everything mounted so far and empties the body (also of what the App put there itself). */
export function unmountAll(): void {
  for (const { target, component } of mounted.splice(0).reverse()) {
    if (component) unmount(component);
    target.remove();
  }
  document.body.replaceChildren();
}
