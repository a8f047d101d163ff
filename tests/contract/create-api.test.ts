import { describe, expect, it } from 'vitest';
import { eventNames, methodNames } from '../../preload/contract/index.ts';
import { askedEarly, createApi, type Transport } from '../../preload/create-api.ts';

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
    calls.length = 0; // the questions asked early (see the next test)
    await api.vault.unlock({ passphrase: 'a long passphrase' });
    await api.journal.tags();
    expect(calls).toEqual([
      ['vault.unlock', { passphrase: 'a long passphrase' }],
      ['journal.tags', undefined],
    ]);
  });

  it('asks the first questions at once, and hands each early answer to the first call only', async () => {
    const { transport, calls } = recordingTransport();
    const api = createApi(transport);
    // Before the page has asked anything.
    expect(calls).toEqual(askedEarly.map((method) => [method, undefined]));
    await api.vault.status();
    await api.app.formats();
    expect(calls).toHaveLength(askedEarly.length);
    // Later calls ask afresh (the vault may have been locked or unlocked since).
    await api.vault.status();
    expect(calls.at(-1)).toEqual(['vault.status', undefined]);
    expect(calls).toHaveLength(askedEarly.length + 1);
  });

  it('subscribes to contract events only', () => {
    const { transport, subscriptions } = recordingTransport();
    const api = createApi(transport);
    for (const event of eventNames) api.on(event, () => {});
    expect(subscriptions).toEqual([...eventNames]);
    expect(() => api.on('nope' as never, () => {})).toThrow(/Unknown event/);
  });
});
