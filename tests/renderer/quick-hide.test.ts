import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../renderer/state/session.svelte.ts';
import { isQuickHide, quickHideLabel } from '../../renderer/lib/quick-hide.ts';
import { createFakeApi } from './fake-api.ts';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { cancelable: true, ...init });

describe('quick hide', () => {
  const target = new EventTarget();
  let session: Session | null = null;
  afterEach(() => {
    session?.dispose();
    session = null;
    vi.useRealTimers();
  });

  it('Ctrl+Shift+H (or Cmd+Shift+H) saves what is pending, then asks main to hide and lock, and shows the lock screen', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    session = new Session(fake.api, { target });
    await session.start();
    const order: string[] = [];
    session.beforeLock(() => void order.push('flush'));
    fake.spies.app.quickHide.mockImplementationOnce(async () => {
      order.push('hide');
      return { ok: true, value: null };
    });
    const event = key({ key: 'H', code: 'KeyH', ctrlKey: true, shiftKey: true });
    target.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(session!.screen).toBe('locked'));
    expect(order).toEqual(['flush', 'hide']);
    expect(session.lockReason).toBe('hidden');
    expect(fake.spies.vault.lock).not.toHaveBeenCalled();

    // On the lock screen it still hides the window (Cmd on macOS).
    target.dispatchEvent(key({ key: 'H', code: 'KeyH', metaKey: true, shiftKey: true }));
    await vi.waitFor(() => expect(fake.spies.app.quickHide).toHaveBeenCalledTimes(2));
  });

  it("the tray's Lock (app.lockRequested) saves what is pending, then locks, as the Lock button does", async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    session = new Session(fake.api, { target });
    await session.start();
    const order: string[] = [];
    session.beforeLock(() => void order.push('flush'));
    fake.spies.vault.lock.mockImplementationOnce(async () => {
      order.push('lock');
      return { ok: true, value: null };
    });
    fake.emit('app.lockRequested', {});
    await vi.waitFor(() => expect(session!.screen).toBe('locked'));
    expect(order).toEqual(['flush', 'lock']);
    expect(session.lockReason).toBe('manual');
  });

  it('on the lock screen, quick hide first seals a quick note being written (the before-lock hooks)', async () => {
    const fake = createFakeApi({ state: 'locked' });
    session = new Session(fake.api, { target });
    await session.start();
    const order: string[] = [];
    session.beforeLock(() => void order.push('seal'));
    fake.spies.app.quickHide.mockImplementationOnce(async () => {
      order.push('hide');
      return { ok: true, value: null };
    });
    target.dispatchEvent(key({ key: 'H', code: 'KeyH', ctrlKey: true, shiftKey: true }));
    await vi.waitFor(() => expect(order).toEqual(['seal', 'hide']));
  });

  it('does not wait for a save that hangs', async () => {
    vi.useFakeTimers();
    const fake = createFakeApi({ state: 'unlocked' });
    session = new Session(fake.api, { target });
    await session.start();
    session.beforeLock(() => new Promise<void>(() => {}));
    const hiding = session.quickHide();
    await vi.advanceTimersByTimeAsync(400);
    await hiding;
    expect(fake.spies.app.quickHide).toHaveBeenCalledTimes(1);
    expect(session.screen).toBe('locked');
  });

  it('follows the chosen shortcut, and does nothing when it is off', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    session = new Session(fake.api, { target });
    await session.start();
    session.quickHideKey = 'off';
    target.dispatchEvent(key({ key: 'H', code: 'KeyH', ctrlKey: true, shiftKey: true }));
    await Promise.resolve();
    expect(fake.spies.app.quickHide).not.toHaveBeenCalled();
    session.quickHideKey = 'ctrl+alt+h';
    target.dispatchEvent(key({ key: 'H', code: 'KeyH', ctrlKey: true, shiftKey: true }));
    expect(fake.spies.app.quickHide).not.toHaveBeenCalled();
    target.dispatchEvent(key({ key: '˙', code: 'KeyH', ctrlKey: true, altKey: true }));
    await vi.waitFor(() => expect(session!.screen).toBe('locked'));
  });

  it('tells the shortcuts apart and writes them as the computer does', () => {
    expect(isQuickHide(key({ key: ' ', code: 'Space', ctrlKey: true, shiftKey: true }), 'mod+shift+space')).toBe(true);
    expect(isQuickHide(key({ key: 'h', code: 'KeyH', ctrlKey: true }), 'mod+shift+h')).toBe(false);
    expect(isQuickHide(key({ key: 'l', code: 'KeyL', ctrlKey: true }), 'mod+shift+h')).toBe(false);
    expect(quickHideLabel('mod+shift+h', true)).toBe('Cmd+Shift+H');
    expect(quickHideLabel('mod+shift+h', false)).toBe('Ctrl+Shift+H');
    expect(quickHideLabel('ctrl+alt+h', true)).toBe('Ctrl+Option+H');
  });
});
