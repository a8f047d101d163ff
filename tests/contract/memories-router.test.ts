/**
 * The memory box through the real router and composition root: the per-memory throttle
 * reaches the UI as it was thrown (code and wait), and an opening left mid-way is settled
 * when the vault is unlocked again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoxItem, MethodName, Opening, Result } from '../../preload/contract/index.ts';
import { createCore, type Core } from '../../main/core/services.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { PASSPHRASE, cheapKdf } from '../helpers/vault-fixtures.ts';

const resourcesDir = path.join(import.meta.dirname, '../../resources');
const SEAL = 'the blue door at the end';

let dir: string;
let clock: FakeClock;
let core: Core;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saltwater-memories-router-'));
  clock = new FakeClock(1_700_000_000_000);
  core = createCore({ dataDir: path.join(dir, 'vault'), resourcesDir, clock, timers: clock, kdf: cheapKdf });
  await ok('vault.create', { passphrase: PASSPHRASE });
});

afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function call(method: MethodName, input?: unknown): Promise<Result<unknown>> {
  return core.router.call(method, input);
}

async function ok<T = unknown>(method: MethodName, input?: unknown): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('memories through the router', () => {
  it('passes the per-memory throttle through unchanged: THROTTLED with the wait, then the right passphrase works', async () => {
    const memory = await ok<BoxItem>('memories.add', { title: 'The letter', text: 'what she wrote', intensity: 4, passphrase: SEAL });
    expect(memory.extraSealed).toBe(true);

    let last: Result<unknown> | undefined;
    for (let i = 0; i < 5; i++) last = await call('memories.readForEditing', { memoryId: memory.id, passphrase: 'not the seal' });
    // The fifth wrong try starts the wait and says how long.
    expect(last).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', retryAfterMs: 1000 } });

    const throttled = await call('memories.readForEditing', { memoryId: memory.id, passphrase: SEAL });
    expect(throttled).toEqual({
      ok: false,
      error: { code: 'THROTTLED', message: expect.stringContaining('rests for a moment'), retryAfterMs: 1000 },
    });

    clock.advance(1000);
    expect(await ok('memories.readForEditing', { memoryId: memory.id, passphrase: SEAL })).toEqual({ text: 'what she wrote' });
  });

  it('settles an opening left mid-way when the vault is unlocked again: stopped, resealed', async () => {
    const memory = await ok<BoxItem>('memories.add', { title: 'The harbour', text: 'the boat at dusk', intensity: 3 });
    const { openingId } = await ok<{ openingId: number }>('memories.open', { memoryId: memory.id, moodBefore: 2 });
    expect((await ok<BoxItem>('memories.get', { id: memory.id })).status).toBe('open');

    await ok('vault.lock');
    clock.advance(60_000);
    await ok('vault.unlock', { passphrase: PASSPHRASE });

    const [opening] = await ok<Opening[]>('memories.openings', { memoryId: memory.id });
    expect(opening).toMatchObject({ id: openingId, outcome: 'stopped', moodBefore: 2, moodAfter: null });
    expect((await ok<BoxItem>('memories.get', { id: memory.id })).status).toBe('sealed');
  });
});
