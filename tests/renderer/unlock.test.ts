import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UnlockState } from '../../renderer/features/unlock/unlock.svelte.ts';
import { secondsLeft } from '../../renderer/lib/timing.ts';
import { createFakeApi } from './fake-api.ts';

describe('UnlockState', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('shows the vault’s message for a wrong passphrase and unlocks with the right one', async () => {
    const fake = createFakeApi({ state: 'locked', passphrase: 'right one here' });
    const unlock = new UnlockState(fake.api);
    expect(await unlock.unlock('wrong')).toBe(false);
    expect(unlock.error).toBe("That passphrase doesn't open this journal.");
    expect(await unlock.unlock('right one here')).toBe(true);
    expect(unlock.error).toBeNull();
  });

  it('asks for something before calling the vault', async () => {
    const fake = createFakeApi({ state: 'locked' });
    const unlock = new UnlockState(fake.api);
    expect(await unlock.unlock('')).toBe(false);
    expect(unlock.error).toMatch(/type your passphrase/);
    expect(fake.spies.vault.unlock).not.toHaveBeenCalled();
  });

  it('waits calmly when the vault asks for a pause, then allows a new try', async () => {
    const fake = createFakeApi({ state: 'locked' });
    fake.spies.vault.unlock.mockResolvedValueOnce({
      ok: false,
      error: { code: 'THROTTLED', message: 'Please wait a moment before trying again.', retryAfterMs: 4000 },
    } as never);
    const unlock = new UnlockState(fake.api);
    await unlock.unlock('anything');
    expect(unlock.waiting).toBe(true);
    expect(secondsLeft(unlock.waitMs)).toBe(4);
    // Tries during the wait do not reach the vault.
    expect(await unlock.unlock('again')).toBe(false);
    expect(fake.spies.vault.unlock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(secondsLeft(unlock.waitMs)).toBe(3);
    await vi.advanceTimersByTimeAsync(3000);
    expect(unlock.waiting).toBe(false);
    expect(unlock.readyAgain).toBe(true);
    unlock.dispose();
  });

  it('recovers with the recovery key and a new passphrase', async () => {
    const fake = createFakeApi({ state: 'locked' });
    const unlock = new UnlockState(fake.api);
    expect(await unlock.recover('nope', 'new passphrase here')).toBe(false);
    expect(unlock.error).toMatch(/recovery key/);
    const key = '0a1b 2c3d 4e5f 6071 8293 a4b5 c6d7 e8f9 0011 2233 4455 6677 8899 aabb ccdd eeff 1234';
    expect(await unlock.recover(key, 'new passphrase here')).toBe(true);
    expect(fake.state).toBe('unlocked');
  });
});

describe('withoutRetryTime', () => {
  it('leaves out the fixed wait that our countdown shows instead', async () => {
    const { withoutRetryTime } = await import('../../renderer/features/unlock/unlock.svelte.ts');
    expect(withoutRetryTime("That passphrase doesn't match. Take your time; you can try again in 2 seconds.")).toBe(
      "That passphrase doesn't match. Take your time.",
    );
    expect(withoutRetryTime("There have been a few tries in a row, so let's pause for a moment. You can try again in a minute.")).toBe(
      "There have been a few tries in a row, so let's pause for a moment.",
    );
    expect(withoutRetryTime("That passphrase doesn't match.")).toBe("That passphrase doesn't match.");
    expect(withoutRetryTime('Try again in 3 seconds.')).toBe('Try again in 3 seconds.');
  });
});
