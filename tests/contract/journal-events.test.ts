import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { EventName } from '../../preload/contract/index.ts';
import { createCore, type Core } from '../../main/core/services.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { PASSPHRASE, cheapKdf } from '../helpers/vault-fixtures.ts';

/** Any write to the journal, from any screen, is announced, so every list can follow it. */
let dir: string;
let core: Core;
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('announces journal.changed after create, update, delete and restore, with the entry, and not after reads or refused writes', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saltwater-journal-events-'));
  const clock = new FakeClock(1_700_000_000_000);
  const heard: EventName[] = [];
  const payloads: unknown[] = [];
  core = createCore({
    dataDir: path.join(dir, 'vault'),
    resourcesDir: path.join(import.meta.dirname, '../../resources'),
    clock,
    timers: clock,
    kdf: cheapKdf,
    emit: (event, payload) => {
      heard.push(event);
      if (event === 'journal.changed') payloads.push(payload);
    },
  });
  const call = async (method: string, input?: unknown) => {
    const result = await core.router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as { id: number };
  };
  await call('vault.create', { passphrase: PASSPHRASE });
  const changes = () => heard.filter((e) => e === 'journal.changed').length;

  const { id } = await call('journal.create', { body: 'from a practice prompt' });
  expect(changes()).toBe(1);
  await call('journal.update', { id, body: 'from a practice prompt, later' });
  expect(changes()).toBe(2);
  await call('journal.list', {});
  await call('journal.get', { id });
  expect(changes()).toBe(2);
  await call('journal.delete', { id });
  await call('journal.restore', { id });
  expect(changes()).toBe(4);
  // Each names its entry, so an open list fetches just that one again.
  expect(payloads).toEqual([{ ids: [id] }, { ids: [id] }, { ids: [id] }, { ids: [id] }]);
  // A refused write changes nothing and announces nothing.
  expect((await core.router.call('journal.update', { id: 9999, body: 'x' })).ok).toBe(false);
  expect(changes()).toBe(4);
});
