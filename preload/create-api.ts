import type { EventName, EventPayload, Input, MethodName, Output, Result } from './contract/index.ts';
// Names only (no schemas): this runs in the preload, before the page's first frame.
import { eventNames, methodNames } from './contract/names.ts';

/** How calls and events travel: ipcRenderer in Electron, HTTP in the test host. */
export interface Transport {
  invoke(method: MethodName, input: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type Namespace = MethodName extends `${infer NS}.${string}` ? NS : never;
type Call<M extends MethodName> = undefined extends Input<M>
  ? (input?: Input<M>) => Promise<Result<Output<M>>>
  : (input: Input<M>) => Promise<Result<Output<M>>>;

export type Api = {
  [NS in Namespace]: {
    [M in MethodName as M extends `${NS}.${infer Name}` ? Name : never]: Call<M>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/**
 * Asked for as soon as the preload runs, while the page's own scripts are still loading: the page's
 * first question (locked, or a first run?) and how it writes dates, so the lock screen can show
 * without waiting a round trip after its code has loaded. Only the page's first call of each takes
 * the early answer; every later call asks afresh.
 */
export const askedEarly = ['vault.status', 'app.formats'] as const satisfies readonly MethodName[];

/** Builds `saltwater.vault.unlock(...)`-style functions for exactly the contract's methods. */
export function createApi(transport: Transport): Api {
  const api: Record<string, unknown> = {};
  const early = new Map<string, Promise<unknown>>(askedEarly.map((method) => [method, transport.invoke(method, undefined)]));
  for (const method of methodNames) {
    const [ns, name] = method.split('.') as [string, string];
    const group = (api[ns] ??= {}) as Record<string, unknown>;
    group[name] = (input?: unknown) => {
      const answer = input === undefined ? early.get(method) : undefined;
      early.delete(method);
      return answer ?? transport.invoke(method, input);
    };
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!(eventNames as readonly string[]).includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    return transport.subscribe(event, listener);
  };
  return api as Api;
}
