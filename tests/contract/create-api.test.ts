import { describe, expect, it } from 'vitest';
import { eventNames, methodNames } from '../../preload/contract/index.ts';
import { createApi, type Transport } from '../../preload/create-api.ts';

describe('createApi', () => {
  function recordingTransport() {
    const calls: Array<[string, unknown]> = [];
    const subscriptions: string[] = [];
    const transport: Transport = {
      invoke: async (method, input) => {
        calls.push([method, input]);
        return { ok: true, value: null };
      },
      subscribe: (event) => {
        subscriptions.push(event);
        return () => {};
      },
    };
    return { transport, calls, subscriptions };
  }

  it('exposes exactly the contract methods, grouped by namespace', () => {
    const api = createApi(recordingTransport().transport) as unknown as Record<string, Record<string, unknown>>;
    const exposed = Object.entries(api)
      .filter(([key]) => key !== 'on')
      .flatMap(([ns, group]) => Object.keys(group).map((name) => `${ns}.${name}`))
      .sort();
    expect(exposed).toEqual([...methodNames].sort());
  });

  it('forwards the method name and input unchanged', async () => {
    const { transport, calls } = recordingTransport();
    const api = createApi(transport);
    await api.vault.unlock({ passphrase: 'a long passphrase' });
    await api.journal.tags();
    expect(calls).toEqual([
      ['vault.unlock', { passphrase: 'a long passphrase' }],
      ['journal.tags', undefined],
    ]);
  });

  it('subscribes to contract events only', () => {
    const { transport, subscriptions } = recordingTransport();
    const api = createApi(transport);
    for (const event of eventNames) api.on(event, () => {});
    expect(subscriptions).toEqual([...eventNames]);
    expect(() => api.on('nope' as never, () => {})).toThrow(/Unknown event/);
  });
});
