import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIVITY_INTERVAL_MS, Session } from '../../renderer/state/session.svelte.ts';
import { createFakeApi } from './fake-api.ts';

describe('Session: locking and activity', () => {
  let target: EventTarget;
  let clock: number;

  beforeEach(() => {
    target = new EventTarget();
    clock = 1_000_000;
  });

  const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { cancelable: true, ...init });

  it('starts on the screen that matches the vault', async () => {
    for (const [state, screen] of [
      ['new', 'setup'],
      ['locked', 'locked'],
      ['unlocked', 'unlocked'],
    ] as const) {
      const fake = createFakeApi({ state });
      const session = new Session(fake.api, { target });
      await session.start();
      expect(session.screen).toBe(screen);
      session.dispose();
    }
  });

  it('shows the unlock screen when main says the vault locked (idle), runs the forget hooks, and remembers why', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const session = new Session(fake.api, { target });
    await session.start();
    session.go('settings');
    const forget = vi.fn();
    session.onLocked(forget);
    fake.lockFromMain('idle');
    expect(session.screen).toBe('locked');
    expect(session.lockReason).toBe('idle');
    expect(session.view).toBe('journal');
    expect(forget).toHaveBeenCalledTimes(1);
  });

  it('lock() saves pending work first, then locks the vault', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const session = new Session(fake.api, { target });
    await session.start();
    const order: string[] = [];
    session.beforeLock(async () => {
      order.push('flush');
    });
    fake.spies.vault.lock.mockImplementationOnce(async () => {
      order.push('lock');
      return { ok: true, value: null };
    });
    await session.lock();
    expect(order).toEqual(['flush', 'lock']);
    expect(session.screen).toBe('locked');
    expect(session.lockReason).toBe('manual');
  });

  it('locks on Ctrl+L and Cmd+L, but not on a plain L', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const session = new Session(fake.api, { target });
    await session.start();
    target.dispatchEvent(key({ key: 'l' }));
    await Promise.resolve();
    expect(fake.spies.vault.lock).not.toHaveBeenCalled();

    const ctrl = key({ key: 'l', ctrlKey: true });
    target.dispatchEvent(ctrl);
    await vi.waitFor(() => expect(session.screen).toBe('locked'));
    expect(ctrl.defaultPrevented).toBe(true);

    const fake2 = createFakeApi({ state: 'unlocked' });
    const session2 = new Session(fake2.api, { target: new EventTarget() });
    await session2.start();
    session2.dispose();
    const t3 = new EventTarget();
    const session3 = new Session(fake2.api, { target: t3 });
    await session3.start();
    t3.dispatchEvent(key({ key: 'L', metaKey: true }));
    await vi.waitFor(() => expect(fake2.spies.vault.lock).toHaveBeenCalledTimes(1));
  });

  it('reports activity at most once every 5 s, and only while unlocked', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const session = new Session(fake.api, { target, now: () => clock });
    await session.start();
    for (let i = 0; i < 10; i++) {
      target.dispatchEvent(new Event('pointerdown'));
      target.dispatchEvent(key({ key: 'a' }));
      target.dispatchEvent(new Event('wheel'));
      clock += 400; // 10 × 400 ms = 4 s
    }
    expect(fake.spies.app.activity).toHaveBeenCalledTimes(1);
    clock += ACTIVITY_INTERVAL_MS;
    target.dispatchEvent(new Event('wheel'));
    expect(fake.spies.app.activity).toHaveBeenCalledTimes(2);

    fake.lockFromMain('idle');
    clock += ACTIVITY_INTERVAL_MS;
    target.dispatchEvent(new Event('pointerdown'));
    expect(fake.spies.app.activity).toHaveBeenCalledTimes(2);
  });

  it('stops listening after dispose()', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const session = new Session(fake.api, { target, now: () => clock });
    await session.start();
    session.dispose();
    target.dispatchEvent(new Event('pointerdown'));
    fake.lockFromMain('idle');
    expect(fake.spies.app.activity).not.toHaveBeenCalled();
    expect(session.screen).toBe('unlocked');
  });
});

describe('Session: a vault that cannot be reached', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the problem instead of a screen', async () => {
    const fake = createFakeApi();
    fake.spies.vault.status.mockResolvedValueOnce({
      ok: false,
      error: { code: 'VAULT_DAMAGED', message: 'The journal file looks damaged.' },
    } as never);
    const session = new Session(fake.api, { target: new EventTarget() });
    await session.start();
    expect(session.screen).toBe('unavailable');
    expect(session.problem).toBe('The journal file looks damaged.');
  });
});
