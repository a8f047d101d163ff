import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import events from 'node:events';
import timers from 'node:timers';
import url from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventNames, methodNames } from '../../preload/contract/index.ts';
import { EVENT_CHANNEL, methodChannel } from '../../preload/channels.ts';

const root = resolve(import.meta.dirname, '../..');

/**
 * Assumed (https://electronjs.org/docs/tutorial/sandbox#preload-scripts): a sandboxed preload's
 * `require` offers only Electron's renderer modules and Node's events, timers and url (with or
 * without "node:"), and globals Buffer, process, setImmediate and clearImmediate. The built file
 * runs here in a bare vm context with exactly that, as Electron runs it in the renderer.
 */
const sandboxModules = new Set(['events', 'timers', 'url']);

interface Loaded {
  exposed: { key: string; api: Record<string, unknown> }[];
  invoked: { channel: string; args: unknown[] }[];
  listeners: Map<string, ((...args: unknown[]) => void)[]>;
  required: string[];
}

function runPreload(source: string): Loaded {
  const loaded: Loaded = { exposed: [], invoked: [], listeners: new Map(), required: [] };
  const contextBridge = {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => void loaded.exposed.push({ key, api }),
  } satisfies Pick<Electron.ContextBridge, 'exposeInMainWorld'>;
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => {
      loaded.invoked.push({ channel, args });
      return { ok: true, value: null };
    },
    on(channel: string, listener: (...args: unknown[]) => void) {
      loaded.listeners.set(channel, [...(loaded.listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
  };
  const electron = { contextBridge, ipcRenderer };
  const sandboxRequire = (name: string): unknown => {
    loaded.required.push(name);
    const bare = name.replace(/^node:/, '');
    if (name === 'electron') return electron;
    if (sandboxModules.has(bare)) return { events, timers, url }[bare as 'events' | 'timers' | 'url'];
    throw new Error(`module not found: ${name}`);
  };
  const context = createContext({});
  const wrapper = runInContext(
    `(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {${source}\n})`,
    context,
    { filename: 'out/preload/index.cjs' },
  ) as (...args: unknown[]) => void;
  const module = { exports: {} };
  wrapper(sandboxRequire, { platform: process.platform, env: {} }, Buffer, context, setImmediate, clearImmediate, module.exports, module);
  return loaded;
}

describe('the built preload', () => {
  let loaded: Loaded;
  beforeAll(() => {
    loaded = runPreload(readFileSync(join(root, 'out/preload/index.cjs'), 'utf8'));
  });

  it('requires only what a sandboxed preload may', () => {
    expect(loaded.required.length).toBeGreaterThan(0);
    for (const name of loaded.required) expect(name === 'electron' || sandboxModules.has(name.replace(/^node:/, '')), name).toBe(true);
  });

  it('exposes window.saltwater once, with exactly the contract methods and on()', () => {
    expect(loaded.exposed.map((e) => e.key)).toEqual(['saltwater']);
    const api = loaded.exposed[0]!.api;
    const shape = Object.entries(api).flatMap(([ns, group]) =>
      typeof group === 'function' ? [ns] : Object.keys(group as object).map((name) => `${ns}.${name}`),
    );
    expect(shape.sort()).toEqual([...methodNames, 'on'].sort());
  });

  it('asks the first questions as it loads, then calls each method on its own channel, the one main registers', async () => {
    // Before the page has run: the vault's state and the date formats (see askedEarly in create-api.ts).
    expect(loaded.invoked.map((call) => call.channel)).toEqual([methodChannel('vault.status'), methodChannel('app.formats')]);
    const early = loaded.invoked.length;
    const api = loaded.exposed[0]!.api as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    for (const method of methodNames) {
      const [ns, name] = method.split('.') as [string, string];
      await api[ns]![name]!({ probe: method });
    }
    expect(loaded.invoked.slice(early)).toEqual(methodNames.map((m) => ({ channel: methodChannel(m), args: [{ probe: m }] })));
  });

  it('listens on the one event channel, and hands the contract events (only those) to subscribers', () => {
    expect([...loaded.listeners.keys()]).toEqual([EVENT_CHANNEL]);
    const api = loaded.exposed[0]!.api as { on: (event: string, listener: (payload: unknown) => void) => () => void };
    const got: unknown[] = [];
    const event = eventNames[0]!;
    const stop = api.on(event, (payload) => got.push(payload));
    const deliver = loaded.listeners.get(EVENT_CHANNEL)![0]!;
    deliver({}, event, { n: 1 });
    deliver({}, 'not.an.event', { n: 2 });
    stop();
    deliver({}, event, { n: 3 });
    expect(got).toEqual([{ n: 1 }]);
    expect(() => api.on('not.an.event', () => {})).toThrow();
  });
});
