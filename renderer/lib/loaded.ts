import type { Result } from '../../preload/contract/index.ts';

/** What a state class says about reading its one thing from main. */
export interface Loadable {
  loaded: boolean;
  loadError: string | null;
}

/** Takes a load's answer: on success `take` keeps the value and any earlier error goes; else the error's words stay to show. */
export function takeLoaded<T>(state: Loadable, result: Result<T>, take: (value: T) => void): void {
  if (!result.ok) {
    state.loadError = result.error.message;
    return;
  }
  take(result.value);
  state.loadError = null;
  state.loaded = true;
}
