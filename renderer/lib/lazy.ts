import type { Component } from 'svelte';

/**
 * A screen loaded when first needed, so the lock screen paints without the rest of the app, and
 * fetched early (`prefetch`) when it will likely be needed soon: the journal while the passphrase is
 * typed, the help dialog as soon as the lock screen is up. A load that failed is tried again next time.
 */
export interface Lazy<T> {
  load(): Promise<T>;
  prefetch(): void;
}

export function lazy<T>(importer: () => Promise<{ default: T }>): Lazy<T> {
  let loading: Promise<T> | null = null;
  const load = (): Promise<T> =>
    (loading ??= importer().then(
      (module) => module.default,
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  return {
    load,
    prefetch() {
      load().catch(() => {
        // Only a head start: the screen loads (and says so if it can't) when it is opened.
      });
    },
  };
}

/** `lazy` for a Svelte component. */
export type LazyComponent<P extends Record<string, unknown> = Record<string, never>> = Lazy<Component<P>>;

/** After the current screen has painted and the browser has a moment (or within `ms` at the latest). */
export function whenIdle(task: () => void, ms = 300): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: ms });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, ms);
  return () => clearTimeout(handle);
}
