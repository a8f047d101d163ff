import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/services.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { cheapKdf, makeTempDir, PASSPHRASE } from '../helpers/vault-fixtures.ts';

describe('session mode and the idle lock', () => {
  let core: Core;
  let clock: FakeClock;
  let cleanup: () => void;
  const modes: boolean[] = [];
  const locks: string[] = [];

  beforeEach(async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    clock = new FakeClock(1_800_000_000_000);
    modes.length = 0;
    locks.length = 0;
    core = createCore({
      dataDir: resolve(tmp.dir, 'vault'),
      clock,
      timers: clock,
      kdf: cheapKdf,
      idleLockMsOverride: 60_000,
      resourcesDir: resolve(import.meta.dirname, '../../resources'),
      sessionMode: (active) => modes.push(active),
      emit: (event, payload) => {
        if (event === 'vault.locked') locks.push((payload as { reason: string }).reason);
      },
    });
    expect((await core.router.call('vault.create', { passphrase: PASSPHRASE })).ok).toBe(true);
  });
  afterEach(() => {
    core.close();
    cleanup();
  });

  it('a quiet session is not idleness; the idle clock starts afresh when it ends', async () => {
    await core.router.call('app.sessionMode', { active: true });
    expect(core.inSession()).toBe(true);
    clock.advance(30 * 60_000);
    expect(locks).toEqual([]);
    expect(core.vault.isUnlocked()).toBe(true);

    await core.router.call('app.sessionMode', { active: false });
    clock.advance(59_000);
    expect(locks).toEqual([]);
    clock.advance(1_000);
    expect(locks).toEqual(['idle']);
    expect(modes).toEqual([true, false]);
  });

  it('the system locking still locks at once, and leaves session mode', async () => {
    await core.router.call('app.sessionMode', { active: true });
    core.lockForSystem();
    expect(locks).toEqual(['system']);
    expect(core.inSession()).toBe(false);
    expect(modes).toEqual([true, false]);
  });

  it('a locked vault cannot enter session mode', async () => {
    await core.router.call('vault.lock', undefined);
    const result = await core.router.call('app.sessionMode', { active: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(modes).toEqual([]);
  });
});
