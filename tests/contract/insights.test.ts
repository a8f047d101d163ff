/**
 * "Over time" and the care card through the real router and composition root, with sessions
 * recorded the way a practice records them (sessions.start, checkIn, end, reflect).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CareCard, MoodInsights, ReliefInsights, TearsInsights } from '../../preload/contract/index.ts';
import { createCore, type Core } from '../../main/core/services.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { callOrThrow } from '../helpers/router-call.ts';
import { PASSPHRASE, cheapKdf } from '../helpers/vault-fixtures.ts';

const resourcesDir = path.join(import.meta.dirname, '../../resources');
const HOUR = 3_600_000;

let dir: string;
let clock: FakeClock;
let core: Core;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saltwater-insights-router-'));
  // A Wednesday noon, in the computer's zone (the test host's and CI's are UTC).
  clock = new FakeClock(Date.parse('2024-05-15T12:00:00Z'));
  // Timers that never fire: days pass between sessions here, and the idle lock is not the subject.
  const timers = { setTimeout: () => 0, clearTimeout: () => {} };
  core = createCore({ dataDir: path.join(dir, 'vault'), resourcesDir, clock, timers, kdf: cheapKdf, zone: () => 'UTC' });
  await call('vault.create', { passphrase: PASSPHRASE });
});

afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = <T = unknown>(method: string, input?: unknown) => callOrThrow<T>(core, method, input);
const week = { period: '4w', weekStartsOn: 1 } as const;

/** One practice run, stopped after a high distress answer, with the check-in after it. */
async function stoppedAfterHighDistress(): Promise<number> {
  const [practice] = await call<Array<{ id: string }>>('practices.list');
  const { sessionId } = await call<{ sessionId: number }>('sessions.start', { practiceId: practice!.id, moodBefore: 2 });
  await call('sessions.checkIn', { sessionId, stepIndex: 0, question: 'distress', value: 9 });
  await call('sessions.end', { sessionId, stepIndex: 0, outcome: 'stopped' });
  await call('sessions.reflect', { sessionId, moodAfter: 3, tears: 'welled', relief: 4 });
  return sessionId;
}

describe('insights through the router', () => {
  it('answers an empty vault with empty shapes, never an error', async () => {
    for (const view of ['mood', 'tears', 'relief', 'feelings', 'ladder', 'media']) {
      for (const period of ['4w', '3m', '12m', 'all']) await call(`insights.${view}`, { period, weekStartsOn: 1 });
    }
    expect((await call<TearsInsights>('insights.tears', week)).totals.sessions).toBe(0);
    expect(await call<CareCard>('insights.careCard')).toEqual({ show: false });
  });

  it('counts sessions recorded by a practice, and offers the care card after the second stop once: a lock before the screen ends does not bring it back', async () => {
    await stoppedAfterHighDistress();
    expect(await call<CareCard>('insights.careCard')).toEqual({ show: false });
    clock.advance(24 * HOUR);
    const second = await stoppedAfterHighDistress();

    const tears = await call<TearsInsights>('insights.tears', week);
    expect(tears.buckets.at(-1)).toMatchObject({ sessions: 2, welled: 2 });
    const mood = await call<MoodInsights>('insights.mood', week);
    // Two sessions: counted, but too few for an average change.
    expect(mood.totals).toMatchObject({ paired: 2, higherAfter: 2, averageChange: null });
    expect(mood.practices).toEqual([expect.objectContaining({ sessions: 2, compared: 2, averageChange: null })]);
    expect((await call<ReliefInsights>('insights.relief', week)).totals).toMatchObject({ relief: 4, checkIns: 2, high: 2, sessionsWithHigh: 2 });

    // The screen after the first session is not offered the second's card.
    expect(await call<CareCard>('insights.careCard', { afterSession: second - 1 })).toEqual({ show: false });
    expect(await call<CareCard>('insights.careCard', { afterSession: second })).toEqual({
      show: true,
      pattern: 'stopped-after-high',
      sessions: 2,
      of: 2,
      latestSessionId: second,
      latestAt: clock.now(),
    });
    // Locked while it shows (the screen never got to say it ended), and unlocked: seen already.
    await call('vault.lock');
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await call<CareCard>('insights.careCard')).toEqual({ show: false });
    expect(await call('insights.dismissCareCard')).toBeNull();
    expect(await call<CareCard>('insights.careCard')).toEqual({ show: false });
    await expect(call('insights.careCard', { afterSession: 'latest' })).rejects.toThrow(/INVALID_INPUT/);
  });

  it('refuses a period or first weekday it does not know, in plain words, and everything while locked', async () => {
    await expect(call('insights.mood', { period: '4w', weekStartsOn: 7 })).rejects.toThrow(/INVALID_INPUT The first day of the week is a weekday from 0 \(Sunday\) to 6/);
    await expect(call('insights.tears', { period: '2w', weekStartsOn: 1 })).rejects.toThrow(/INVALID_INPUT Please choose a period/);
    await call('vault.lock');
    for (const method of ['insights.mood', 'insights.feelings', 'insights.careCard', 'insights.dismissCareCard']) {
      await expect(call(method, method.includes('Card') ? undefined : week)).rejects.toMatchObject({ code: 'LOCKED' });
    }
  });
});
