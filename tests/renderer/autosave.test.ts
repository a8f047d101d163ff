import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveScheduler, type SaveStatus } from '../../renderer/lib/autosave.ts';

/** A save that takes `ms` to finish, recording when each save started. */
function slowSave(ms = 0) {
  const started: number[] = [];
  const save = vi.fn(async () => {
    started.push(Date.now());
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    return true;
  });
  return { save, started };
}

describe('AutosaveScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('saves once, 400 ms after the last change', async () => {
    const { save } = slowSave();
    const s = new AutosaveScheduler({ save });
    s.touch();
    await vi.advanceTimersByTimeAsync(300);
    s.touch();
    await vi.advanceTimersByTimeAsync(399);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves at least once a second while typing never pauses', async () => {
    const { save, started } = slowSave();
    const s = new AutosaveScheduler({ save });
    // A keystroke every 100 ms for 3.5 s: the debounce alone would never fire.
    for (let t = 0; t < 3500; t += 100) {
      s.touch();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(started).toEqual([1000, 2000, 3000]);
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledTimes(4);
  });

  it('never runs two saves at once, and saves changes made during a slow save right after it', async () => {
    let running = 0;
    let maxRunning = 0;
    const save = vi.fn(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 1500));
      running--;
      return true;
    });
    const s = new AutosaveScheduler({ save });
    s.touch();
    await vi.advanceTimersByTimeAsync(400); // save 1 starts, takes 1.5 s
    s.touch();
    await vi.advanceTimersByTimeAsync(400); // debounce fires while save 1 runs
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1100); // save 1 ends → save 2 starts at once
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(maxRunning).toBe(1);
  });

  it('flush() saves pending changes immediately and waits for them', async () => {
    const { save } = slowSave(50);
    const s = new AutosaveScheduler({ save });
    s.touch();
    const done = s.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    expect(s.hasUnsavedChanges).toBe(true);
    await vi.advanceTimersByTimeAsync(50);
    await done;
    expect(s.hasUnsavedChanges).toBe(false);
    // The timers were cleared: no second save later.
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flush() with nothing pending does not save', async () => {
    const { save } = slowSave();
    const s = new AutosaveScheduler({ save });
    await s.flush();
    expect(save).not.toHaveBeenCalled();
  });

  it('reports Saving… then Saved, and keeps a failed change to try again', async () => {
    const statuses: SaveStatus[] = [];
    let fail = true;
    const save = vi.fn(async () => !fail);
    const s = new AutosaveScheduler({ save, onStatus: (x) => statuses.push(x), retryMs: 3000 });
    s.touch();
    await vi.advanceTimersByTimeAsync(400);
    expect(s.status).toBe('error');
    expect(s.hasUnsavedChanges).toBe(true);
    fail = false;
    await vi.advanceTimersByTimeAsync(3000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(s.status).toBe('saved');
    expect(statuses).toEqual(['pending', 'saving', 'error', 'saving', 'saved']);
  });

  it('treats a thrown error like a failed save', async () => {
    const save = vi.fn(() => {
      throw new Error('boom');
    });
    const s = new AutosaveScheduler({ save: save as unknown as () => Promise<boolean>, retryMs: 10_000 });
    s.touch();
    await vi.advanceTimersByTimeAsync(400);
    expect(s.status).toBe('error');
    expect(s.hasUnsavedChanges).toBe(true);
  });

  it('ignores changes after dispose()', async () => {
    const { save } = slowSave();
    const s = new AutosaveScheduler({ save });
    s.touch();
    s.dispose();
    s.touch();
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
  });
});
