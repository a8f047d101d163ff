import { createContext } from 'svelte';
import type { Api } from '../../preload/create-api.ts';
import type { Session } from './session.svelte.ts';
import type { Toasts } from './toasts.svelte.ts';

/**
 * Typed context: App sets these once; any component below reads them.
 * Components take the api from here (not from lib/api.ts) so tests can hand in a fake.
 */
export const [getApi, setApi] = createContext<Api>();
export const [getSession, setSession] = createContext<Session>();
export const [getToasts, setToasts] = createContext<Toasts>();
