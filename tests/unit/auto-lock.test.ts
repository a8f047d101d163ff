import { describe, expect, it } from 'vitest';
import { AutoLock } from '../../main/core/vault/auto-lock.ts';
import { FakeClock } from '../helpers/fake-clock.ts';

describe('AutoLock', () => {
  it('fires once after the idle time and not before', () => {
    const clock = new FakeClock(1_000);
    let fired = 0;
    const lock = new AutoLock({ clock, timers: clock, idleMs: () => 60_000, onIdle: () => fired++ });
    lock.start();
    clock.advance(59_999);
    expect(fired).toBe(0);
    clock.advance(1);
    expect(fired).toBe(1);
    clock.advance(600_000);
    expect(fired).toBe(1);
  });

  it('activity postpones the lock by a full idle period', () => {
    const clock = new FakeClock(0);
    let fired = 0;
    const lock = new AutoLock({ clock, timers: clock, idleMs: () => 10_000, onIdle: () => fired++ });
    lock.start();
    clock.advance(9_000);
    lock.touch();
    clock.advance(9_000);
    expect(fired).toBe(0);
    clock.advance(1_000);
    expect(fired).toBe(1);
  });

  it('does nothing once stopped, and touch without start is ignored', () => {
    const clock = new FakeClock(0);
    let fired = 0;
    const lock = new AutoLock({ clock, timers: clock, idleMs: () => 1_000, onIdle: () => fired++ });
    lock.touch();
    clock.advance(5_000);
    lock.start();
    lock.stop();
    clock.advance(5_000);
    expect(fired).toBe(0);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a shorter setting applies from the next check', () => {
    const clock = new FakeClock(0);
    let idle = 60_000;
    let fired = 0;
    const lock = new AutoLock({ clock, timers: clock, idleMs: () => idle, onIdle: () => fired++ });
    lock.start();
    idle = 5_000;
    clock.advance(60_000);
    expect(fired).toBe(1);
  });
});
