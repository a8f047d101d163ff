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

  it('saves once, 200 ms after the last change', async () => {
    const { save } = slowSave();
    const s = new AutosaveScheduler({ save });
    s.touch();
    await vi.advanceTimersByTimeAsync(150);
    s.touch();
    await vi.advanceTimersByTimeAsync(99);
    // The pause was not long enough yet, and the first change is under 250 ms old.
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves within 250 ms of the first unsaved change while typing never pauses', async () => {
    const { save, started } = slowSave();
    const s = new AutosaveScheduler({ save });
    // A keystroke every 100 ms for 1.2 s: the debounce alone would never fire.
    for (let t = 0; t < 1200; t += 100) {
      s.touch();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(started).toEqual([250, 550, 850, 1150]);
    // The last keystroke (at 1100) went with the save at 1150: nothing is left to write.
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(4);
  });

  it('has every keystroke on disk within 300 ms, whatever the rhythm of typing (saves taking 5 ms)', async () => {
    // What each save wrote: the time of the last keystroke it included, and when it finished.
    let lastKeystroke = -1;
    const written: { upTo: number; doneAt: number }[] = [];
    const save = vi.fn(async () => {
      const upTo = lastKeystroke;
      await new Promise((r) => setTimeout(r, 5));
      written.push({ upTo, doneAt: Date.now() });
      return true;
    });
    const s = new AutosaveScheduler({ save });
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const keystrokes: number[] = [];
    // Bursts of fast typing, slow typing and pauses, for half a minute.
    while (Date.now() < 30_000) {
      const gap = random() < 0.1 ? 100 + Math.floor(random() * 900) : 1 + Math.floor(random() * 180);
      await vi.advanceTimersByTimeAsync(gap);
      lastKeystroke = Date.now();
      keystrokes.push(lastKeystroke);
      s.touch();
    }
    await vi.advanceTimersByTimeAsync(1000);
    let worst = 0;
    for (const at of keystrokes) {
      const saved = written.find((w) => w.upTo >= at);
      expect(saved, `keystroke at ${at} was never saved`).toBeDefined();
      worst = Math.max(worst, saved!.doneAt - at);
    }
    expect(worst).toBeLessThanOrEqual(300);
    // And it does not write on every keystroke.
    expect(save.mock.calls.length).toBeLessThan(keystrokes.length / 2);
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
    await vi.advanceTimersByTimeAsync(250); // save 1 starts, takes 1.5 s
    s.touch();
    await vi.advanceTimersByTimeAsync(250); // the timers fire while save 1 runs
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1250); // save 1 ends → save 2 starts at once
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
