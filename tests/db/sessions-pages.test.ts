import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../preload/contract/index.ts';
import { createCore, type Core } from '../../main/core/services.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { callOrThrow } from '../helpers/router-call.ts';
import { cheapKdf, makeTempDir, PASSPHRASE } from '../helpers/vault-fixtures.ts';

/** History's pages (sessions.list with beforeId) through the router, in a real encrypted vault. */
const resourcesDir = path.join(import.meta.dirname, '../../resources');
let cleanup: () => void;
let core: Core;
let clock: FakeClock;

beforeEach(async () => {
  let root: string;
  ({ dir: root, cleanup } = makeTempDir());
  clock = new FakeClock(new Date(2026, 11, 4, 9, 0).getTime());
  core = createCore({ dataDir: path.join(root, 'vault'), resourcesDir, clock, timers: new FakeClock(0), kdf: cheapKdf });
  await call('vault.create', { passphrase: PASSPHRASE });
});
afterEach(() => {
  core.close();
  cleanup();
});

const call = <T = unknown>(method: string, input?: unknown) => callOrThrow<T>(core, method, input);
const ids = async (input: unknown) => (await call<SessionRecord[]>('sessions.list', input)).map((s) => s.id);

describe('sessions.list pages', () => {
  it('pages through every session, newest first, none twice and none missed (ties on the same moment too)', async () => {
    const started: number[] = [];
    for (let i = 0; i < 51; i++) {
      // Every third pair starts in the same millisecond: the id keeps their order.
      if (i % 3 !== 0) clock.advance(1000);
      started.push((await call<{ sessionId: number }>('sessions.start', { practiceId: 'permission' })).sessionId);
    }
    const newestFirst = [...started].reverse();

    const first = await ids({ limit: 50 });
    expect(first).toEqual(newestFirst.slice(0, 50));
    const second = await ids({ limit: 50, beforeId: first.at(-1) });
    expect(second).toEqual([started[0]]);
    expect(await ids({ limit: 50, beforeId: second[0] })).toEqual([]);

    // Small pages give the same whole, in the same order.
    const all: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await ids(before === undefined ? { limit: 7 } : { limit: 7, beforeId: before });
      if (page.length === 0) break;
      all.push(...page);
      before = page.at(-1);
    }
    expect(all).toEqual(newestFirst);
  });

  it('a page carries its own check-ins, the same as sessions.get', async () => {
    const a = (await call<{ sessionId: number }>('sessions.start', { practiceId: 'permission' })).sessionId;
    clock.advance(1000);
    const b = (await call<{ sessionId: number }>('sessions.start', { practiceId: 'permission' })).sessionId;
    await call('sessions.checkIn', { sessionId: a, stepIndex: 0, question: 'mood', value: 2 });
    await call('sessions.checkIn', { sessionId: b, stepIndex: 0, question: 'mood', value: 4 });
    const older = await call<SessionRecord[]>('sessions.list', { limit: 5, beforeId: b });
    expect(older).toEqual([await call('sessions.get', { id: a })]);
  });

  it('a beforeId that is not in the vault gives an empty page, not an error', async () => {
    await call('sessions.start', { practiceId: 'permission' });
    expect(await ids({ beforeId: 999 })).toEqual([]);
  });
});
