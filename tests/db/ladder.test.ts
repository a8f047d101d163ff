import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LadderService } from '../../main/core/ladder/ladder-service.ts';
import type { LadderAttemptInput as AttemptInput } from '../../preload/contract/ladder.ts';
import type { LadderTrack as Track } from '../../preload/contract/practice.ts';
import { SUGGESTED_STEPS } from '../../main/core/ladder/suggestions.ts';
import type { Vault } from '../../main/core/vault/vault.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { createTestVault, expectAppError, PASSPHRASE } from '../helpers/vault-fixtures.ts';

const T0 = 1_700_000_000_000;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let cleanup: () => void;
let clock: FakeClock;
let vault: Vault;
let ladder: LadderService;

beforeEach(async () => {
  ({ clock, vault, cleanup } = await createTestVault(T0));
  ladder = new LadderService({ db: () => vault.db(), clock });
});
afterEach(() => cleanup());

const add = (text: string, expectedDistress: number, track: Track = 'letting-come') => ladder.addStep({ track, text, expectedDistress });
const track = (t: Track) => ladder.listLadder().tracks.find((x) => x.track === t)!;
const texts = (t: Track) => track(t).steps.map((s) => s.text);

/** An attempt that has just finished: started ten minutes ago, breathing before and after. */
function attempt(stepId: number, distressPeak: number, more: Partial<AttemptInput> = {}): AttemptInput {
  return {
    stepId,
    distressBefore: 40,
    distressPeak,
    distressAfter: 15,
    tears: 1,
    breathedBefore: true,
    breathedAfter: true,
    startedAt: clock.now() - 10 * MINUTE,
    ...more,
  };
}

describe('the ladder', () => {
  it('starts with both tracks empty and a threshold of 50', () => {
    expect(ladder.listLadder()).toEqual({
      threshold: 50,
      tracks: [
        { track: 'letting-come', title: 'Letting tears come', forWhom: expect.any(String), steps: [], mastered: 0, total: 0, nextStepId: null },
        { track: 'staying-with', title: 'Staying with tears', forWhom: expect.any(String), steps: [], mastered: 0, total: 0, nextStepId: null },
      ],
    });
  });

  it('build a ladder of 3 steps and record two attempts that master step 1', async () => {
    const one = add('Imagine crying', 20);
    const two = add('Cry alone', 40);
    const three = add('Cry with someone in the next room', 70);
    expect(track('letting-come')).toMatchObject({ mastered: 0, total: 3, nextStepId: one.id });

    clock.advance(DAY);
    const first = ladder.recordAttempt(attempt(one.id, 35));
    expect(first.justMastered).toBe(false);
    expect(first.progress).toMatchObject({ attempts: 1, mastered: false, calmInARow: 1, calmStillNeeded: 1 });
    expect(first.attempt).toMatchObject({
      stepId: one.id,
      sessionId: null,
      distressBefore: 40,
      distressPeak: 35,
      distressAfter: 15,
      tears: 1,
      breathedBefore: true,
      breathedAfter: true,
      startedAt: clock.now() - 10 * MINUTE,
      endedAt: clock.now(),
      calm: true,
    });

    clock.advance(DAY);
    const second = ladder.recordAttempt(attempt(one.id, 25));
    expect(second.justMastered).toBe(true);
    expect(second.progress).toMatchObject({ attempts: 2, mastered: true, masteredAt: clock.now(), calmInARow: 2, calmStillNeeded: 0 });

    // The ladder view, also after locking and unlocking the vault.
    vault.lock();
    await expectAppError(() => ladder.listLadder(), 'LOCKED');
    await vault.unlock(PASSPHRASE);
    const lc = track('letting-come');
    expect(lc).toMatchObject({ mastered: 1, total: 3, nextStepId: two.id });
    expect(lc.steps.map((s) => [s.id, s.position, s.progress.mastered])).toEqual([
      [one.id, 0, true],
      [two.id, 1, false],
      [three.id, 2, false],
    ]);
    expect(lc.steps[0]!.progress).toMatchObject({ attempts: 2, lastPeak: 25, lastAttemptAt: clock.now() - 10 * MINUTE });
    expect(ladder.attempts(one.id).map((a) => a.distressPeak)).toEqual([35, 25]);
    expect(track('staying-with').total).toBe(0);
  });

  it('a third, hard attempt does not take mastery away; the latest streak shows it', () => {
    const step = add('Cry alone', 40);
    ladder.recordAttempt(attempt(step.id, 20));
    clock.advance(DAY);
    ladder.recordAttempt(attempt(step.id, 30));
    clock.advance(DAY);
    const hard = ladder.recordAttempt(attempt(step.id, 85, { tears: 3 }));
    expect(hard.justMastered).toBe(false);
    expect(hard.attempt.calm).toBe(false);
    expect(hard.progress).toMatchObject({ mastered: true, calmInARow: 0, lastPeak: 85 });
    expect(track('letting-come').mastered).toBe(1);
  });

  it('a peak equal to the threshold, or a hard attempt between, does not master a step', () => {
    const step = add('Cry with music', 50);
    ladder.recordAttempt(attempt(step.id, 50));
    clock.advance(DAY);
    ladder.recordAttempt(attempt(step.id, 50));
    expect(track('letting-come').steps[0]!.progress).toMatchObject({ mastered: false, calmInARow: 0 });
    clock.advance(DAY);
    ladder.recordAttempt(attempt(step.id, 10));
    clock.advance(DAY);
    ladder.recordAttempt(attempt(step.id, 60));
    clock.advance(DAY);
    const last = ladder.recordAttempt(attempt(step.id, 10));
    expect(last.progress).toMatchObject({ attempts: 5, mastered: false, calmInARow: 1 });
  });

  it('judges attempts in time order, even when one is recorded late', () => {
    const step = add('Imagine crying', 20);
    clock.advance(10 * DAY);
    ladder.recordAttempt(attempt(step.id, 20, { startedAt: T0 + 1 * DAY, endedAt: T0 + 1 * DAY + MINUTE }));
    ladder.recordAttempt(attempt(step.id, 20, { startedAt: T0 + 3 * DAY, endedAt: T0 + 3 * DAY + MINUTE }));
    // Entered last, but it happened between the two calm ones.
    const late = ladder.recordAttempt(attempt(step.id, 90, { startedAt: T0 + 2 * DAY, endedAt: T0 + 2 * DAY + MINUTE }));
    expect(late.progress).toMatchObject({ mastered: false, calmInARow: 1, lastPeak: 20 });
    expect(ladder.attempts(step.id).map((a) => a.startedAt)).toEqual([T0 + 1 * DAY, T0 + 2 * DAY, T0 + 3 * DAY]);
  });
});

describe('steps', () => {
  it('a new step goes before the first one expected to be harder; reorder then sets the order', () => {
    const hard = add('Cry with a friend in the room', 80);
    const easy = add('Imagine crying', 10);
    const middle = add('Cry alone', 40);
    expect(texts('letting-come')).toEqual(['Imagine crying', 'Cry alone', 'Cry with a friend in the room']);
    expect(track('letting-come').steps.map((s) => s.position)).toEqual([0, 1, 2]);

    const reordered = ladder.reorder({ track: 'letting-come', orderedIds: [middle.id, easy.id, hard.id] });
    expect(reordered.map((s) => [s.id, s.position])).toEqual([
      [middle.id, 0],
      [easy.id, 1],
      [hard.id, 2],
    ]);
    expect(track('letting-come').nextStepId).toBe(middle.id);
  });

  it('reorder needs exactly the track’s steps, each once, and changes nothing otherwise', async () => {
    const a = add('One', 10);
    const b = add('Two', 20);
    const other = add('Elsewhere', 10, 'staying-with');
    const bad = [[a.id], [a.id, b.id, b.id], [a.id, other.id], [a.id, b.id, 9999], [b.id, b.id]];
    for (const orderedIds of bad) {
      const error = await expectAppError(() => ladder.reorder({ track: 'letting-come', orderedIds }), 'INVALID_INPUT');
      expect(error.message).toMatch(/every step of this track, each once/);
    }
    await expectAppError(() => ladder.reorder({ track: 'letting-come', orderedIds: [a.id, -1] }), 'INVALID_INPUT');
    expect(texts('letting-come')).toEqual(['One', 'Two']);
    expect(ladder.reorder({ track: 'staying-with', orderedIds: [other.id] }).map((s) => s.id)).toEqual([other.id]);
  });

  it('an edit changes the words or the expected distress and keeps the step in its place', async () => {
    const a = add('Imagine crying', 10);
    add('Cry alone', 40);
    clock.advance(MINUTE);
    const edited = ladder.updateStep(a.id, { expectedDistress: 90 });
    expect(edited).toMatchObject({ id: a.id, text: 'Imagine crying', expectedDistress: 90, position: 0, updatedAt: T0 + MINUTE, createdAt: T0 });
    expect(ladder.updateStep(a.id, { text: '  Picture tears coming ' })).toMatchObject({ text: 'Picture tears coming', expectedDistress: 90 });
    expect(texts('letting-come')).toEqual(['Picture tears coming', 'Cry alone']);

    await expectAppError(() => ladder.updateStep(a.id, {}), 'INVALID_INPUT');
    await expectAppError(() => ladder.updateStep(a.id, { expectedDistress: 101 }), 'INVALID_INPUT');
    const missing = await expectAppError(() => ladder.updateStep(9999, { text: 'x' }), 'NOT_FOUND');
    expect(missing.message).toMatch(/could not be found/);
  });

  it('removing a step removes its attempts; the steps after it move up', async () => {
    const a = add('One', 10);
    const b = add('Two', 20);
    const c = add('Three', 30);
    ladder.recordAttempt(attempt(b.id, 10));
    ladder.recordAttempt(attempt(c.id, 10));
    ladder.removeStep(b.id);
    expect(track('letting-come').steps.map((s) => [s.id, s.position])).toEqual([
      [a.id, 0],
      [c.id, 1],
    ]);
    await expectAppError(() => ladder.attempts(b.id), 'NOT_FOUND');
    await expectAppError(() => ladder.removeStep(b.id), 'NOT_FOUND');
    expect(ladder.attempts(c.id)).toHaveLength(1);
    const left = vault.db().prepare('SELECT step_id AS stepId FROM ladder_attempts').all();
    expect(left).toEqual([{ stepId: c.id }]);
    // Room is made for a new step at the end.
    expect(add('Four', 99).position).toBe(2);
  });

  it('a track holds up to 20 steps; the other track is separate', async () => {
    for (let i = 0; i < 20; i++) add(`Step ${i + 1}`, i * 5);
    const error = await expectAppError(() => add('One more', 100), 'INVALID_INPUT');
    expect(error.message).toBe('A track holds up to 20 steps. You could remove or combine one to make room.');
    expect(track('letting-come').total).toBe(20);
    expect(add('Keep talking through tears', 30, 'staying-with').track).toBe('staying-with');
  });

  it('refuses bad words gently, never repeating them, and writes nothing', async () => {
    const long = 'When my brother left '.repeat(12);
    const error = await expectAppError(() => add(long, 30), 'INVALID_INPUT');
    expect(error.message).toMatch(/at most 200 characters/);
    expect(error.message).not.toContain('brother');
    await expectAppError(() => add('  ', 30), 'INVALID_INPUT');
    await expectAppError(() => add('Cry alone', -1), 'INVALID_INPUT');
    await expectAppError(() => ladder.addStep({ track: 'sideways' as Track, text: 'x', expectedDistress: 1 }), 'INVALID_INPUT');
    expect(track('letting-come').total).toBe(0);
  });
});

describe('suggested steps', () => {
  it('adds a track’s suggestions gentlest first, and only once', () => {
    const all = SUGGESTED_STEPS['staying-with'];
    const result = ladder.addSuggestedSteps({ track: 'staying-with' });
    expect(result).toMatchObject({ alreadyThere: 0, noRoom: 0 });
    expect(result.added.map((s) => s.suggestionKey)).toEqual(all.map((s) => s.key));
    expect(texts('staying-with')).toEqual(all.map((s) => s.text));
    expect(ladder.suggestions('staying-with').every((s) => s.added)).toBe(true);

    const again = ladder.addSuggestedSteps({ track: 'staying-with' });
    expect(again).toEqual({ added: [], alreadyThere: all.length, noRoom: 0 });
    expect(track('letting-come').total).toBe(0);
  });

  it('an edited suggestion is not added again; one removed can be', () => {
    const [first, second] = ladder.addSuggestedSteps({ track: 'letting-come' }).added;
    ladder.updateStep(first!.id, { text: 'Imagine tears, just for a moment' });
    ladder.removeStep(second!.id);
    const again = ladder.addSuggestedSteps({ track: 'letting-come' });
    expect(again.added.map((s) => s.suggestionKey)).toEqual([second!.suggestionKey]);
    expect(again.alreadyThere).toBe(SUGGESTED_STEPS['letting-come'].length - 1);
    expect(track('letting-come').steps.map((s) => s.id).indexOf(again.added[0]!.id)).toBe(1);
  });

  it('fits among the user’s own steps by expected distress and skips words the user already has', () => {
    const [imagine, soften] = SUGGESTED_STEPS['letting-come'];
    const own = add('Hold a photo of Gran and let it be sad', 30);
    add(imagine!.text.toUpperCase(), 90);
    const result = ladder.addSuggestedSteps({ track: 'letting-come', keys: [imagine!.key, soften!.key] });
    expect(result.alreadyThere).toBe(1);
    expect(result.added.map((s) => s.suggestionKey)).toEqual([soften!.key]);
    expect(track('letting-come').steps.map((s) => s.text)).toEqual([soften!.text, own.text, imagine!.text.toUpperCase()]);
  });

  it('adds the gentlest ones that fit when the track fills up, and refuses unknown suggestions', async () => {
    for (let i = 0; i < 17; i++) add(`Own step ${i + 1}`, 100);
    const result = ladder.addSuggestedSteps({ track: 'letting-come' });
    const all = SUGGESTED_STEPS['letting-come'];
    expect(result.added.map((s) => s.suggestionKey)).toEqual(all.slice(0, 3).map((s) => s.key));
    expect(result).toMatchObject({ alreadyThere: 0, noRoom: all.length - 3 });
    expect(track('letting-come').total).toBe(20);
    expect(texts('letting-come').slice(0, 3)).toEqual(all.slice(0, 3).map((s) => s.text));

    const error = await expectAppError(() => ladder.addSuggestedSteps({ track: 'staying-with', keys: ['lc-imagine'] }), 'INVALID_INPUT');
    expect(error.message).toMatch(/not one Saltwater knows/);
    expect(track('staying-with').total).toBe(0);
  });
});

describe('threshold', () => {
  it('is kept in the vault and mastery is judged again when it changes', async () => {
    const step = add('Cry alone', 40);
    ladder.recordAttempt(attempt(step.id, 45));
    clock.advance(DAY);
    ladder.recordAttempt(attempt(step.id, 40));
    expect(track('letting-come').mastered).toBe(1);

    expect(ladder.setThreshold(45)).toEqual({ threshold: 45 });
    expect(ladder.threshold()).toBe(45);
    expect(ladder.listLadder().threshold).toBe(45);
    expect(track('letting-come')).toMatchObject({ mastered: 0, nextStepId: step.id });
    expect(ladder.attempts(step.id).map((a) => a.calm)).toEqual([false, true]);

    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(ladder.threshold()).toBe(45);

    ladder.setThreshold(46);
    expect(track('letting-come').mastered).toBe(1);

    for (const bad of [0, 101, 50.5]) {
      const error = await expectAppError(() => ladder.setThreshold(bad), 'INVALID_INPUT');
      expect(error.message).toMatch(/from 1 to 100/);
    }
    expect(ladder.threshold()).toBe(46);
  });
});

describe('attempts', () => {
  const startSession = () =>
    Number(
      vault
        .db()
        .prepare("INSERT INTO sessions (practice_id, practice_title, step_count, started_at) VALUES ('ladder-step', 'Ladder step', 6, ?)")
        .run(clock.now()).lastInsertRowid,
    );

  it('may belong to a practice session; deleting the session keeps the attempt', async () => {
    const step = add('Cry alone', 40);
    const sessionId = startSession();
    const { attempt: saved } = ladder.recordAttempt(attempt(step.id, 30, { sessionId, breathedAfter: false, tears: 0 }));
    expect(saved).toMatchObject({ sessionId, breathedBefore: true, breathedAfter: false, tears: 0 });

    const missing = await expectAppError(() => ladder.recordAttempt(attempt(step.id, 30, { sessionId: 9999 })), 'NOT_FOUND');
    expect(missing.message).toMatch(/practice session/);

    vault.db().prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
    expect(ladder.attempts(step.id)).toEqual([{ ...saved, sessionId: null }]);
  });

  it('refuses an unknown step, a time in the future, and bad numbers, writing nothing', async () => {
    const step = add('Cry alone', 40);
    await expectAppError(() => ladder.recordAttempt(attempt(9999, 30)), 'NOT_FOUND');
    const future = await expectAppError(() => ladder.recordAttempt(attempt(step.id, 30, { endedAt: clock.now() + DAY })), 'INVALID_INPUT');
    expect(future.message).toMatch(/later than now/);
    // Started in an hour, with the end left to "now": it would end before it started.
    await expectAppError(() => ladder.recordAttempt(attempt(step.id, 30, { startedAt: clock.now() + 60 * MINUTE })), 'INVALID_INPUT');
    const peak = await expectAppError(() => ladder.recordAttempt(attempt(step.id, 130)), 'INVALID_INPUT');
    expect(peak.message).toMatch(/highest distress as a whole number from 0 to 100/);
    await expectAppError(() => ladder.recordAttempt({ ...attempt(step.id, 30), tears: 4 as 3 }), 'INVALID_INPUT');
    expect(ladder.attempts(step.id)).toEqual([]);
    // A moment ahead (a UI clock tick) is fine.
    expect(ladder.recordAttempt(attempt(step.id, 30, { endedAt: clock.now() + 1_000 })).attempt.endedAt).toBe(clock.now() + 1_000);
  });
});
