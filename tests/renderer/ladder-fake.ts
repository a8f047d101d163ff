/**
 * The ladder part of the in-memory fake api (tests/renderer/fake-api.ts), for renderer tests
 * only. Input is checked with the contract's own schemas, so messages are the real ones.
 * Progress comes from the core's own pure rule (mastery.ts), so the fake cannot drift from it.
 */
import { vi } from 'vitest';
import type {
  AppErrorShape,
  LadderAttempt,
  LadderStep,
  LadderTrack,
  LadderView,
  Result,
  SuggestedLadderStep,
} from '../../preload/contract/index.ts';
import {
  LADDER_TRACKS,
  LadderAttemptInput,
  LadderReorder,
  LadderStepChanges,
  LadderThreshold,
  LadderTrackChoice,
  NewLadderStep,
  SuggestedLadderStepsRequest,
} from '../../preload/contract/ladder.ts';
import { isCalm, stepProgress, trackProgress } from '../../main/core/ladder/mastery.ts';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (code: AppErrorShape['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });
const firstIssue = (e: { issues: { message: string }[] }) => fail('INVALID_INPUT', e.issues[0]?.message ?? 'Invalid input');
const notFound = () => fail('NOT_FOUND', 'That step could not be found. It may have been removed.');

export const FAKE_SUGGESTIONS: Record<LadderTrack, SuggestedLadderStep[]> = {
  'letting-come': [
    { key: 'lc-imagine', text: 'Imagine tears coming', expectedDistress: 15 },
    { key: 'lc-alone', text: 'Cry alone', expectedDistress: 35 },
    { key: 'lc-next-room', text: 'Cry with a friend in the next room', expectedDistress: 60 },
  ],
  'staying-with': [
    { key: 'sw-phrase-alone', text: 'Say my steadying phrase aloud', expectedDistress: 15 },
    { key: 'sw-trusted', text: 'Keep talking with a friend through tears', expectedDistress: 50 },
  ],
};

export function createLadderFake(now: () => number) {
  let steps: LadderStep[] = [];
  const attempts: Array<Omit<LadderAttempt, 'calm'>> = [];
  let threshold = 50;
  let nextStepId = 1;
  let nextAttemptId = 1;

  const ofTrack = (track: LadderTrack) => steps.filter((s) => s.track === track).sort((a, b) => a.position - b.position);
  const renumber = (track: LadderTrack, ordered: LadderStep[]) => {
    steps = [...steps.filter((s) => s.track !== track), ...ordered.map((s, position) => ({ ...s, position }))];
  };
  const insert = (track: LadderTrack, text: string, expectedDistress: number, suggestionKey: string | null): LadderStep => {
    const current = ofTrack(track);
    const step: LadderStep = { id: nextStepId++, track, position: 0, text, expectedDistress, suggestionKey, createdAt: now(), updatedAt: now() };
    const harder = current.findIndex((s) => s.expectedDistress > expectedDistress);
    current.splice(harder === -1 ? current.length : harder, 0, step);
    renumber(track, current);
    return steps.find((s) => s.id === step.id)!;
  };
  const withCalm = (a: Omit<LadderAttempt, 'calm'>): LadderAttempt => ({ ...a, calm: isCalm(a.distressPeak, threshold) });
  const progressOf = (stepId: number) => stepProgress(attempts.filter((a) => a.stepId === stepId), threshold);
  const hasSuggestion = (track: LadderTrack, s: SuggestedLadderStep) => ofTrack(track).some((step) => step.suggestionKey === s.key);

  const api = {
    view: vi.fn(async () => {
      const view: LadderView = {
        threshold,
        tracks: LADDER_TRACKS.map(({ track, title, forWhom }) => {
          const own = ofTrack(track).map((s) => ({ ...s, progress: progressOf(s.id) }));
          return { track, title, forWhom, steps: own, ...trackProgress(own) };
        }),
      };
      return ok(view);
    }),
    suggestions: vi.fn(async ({ track }: { track: LadderTrack }) => {
      const parsed = LadderTrackChoice.safeParse(track);
      if (!parsed.success) return firstIssue(parsed.error);
      return ok(FAKE_SUGGESTIONS[parsed.data].map((s) => ({ ...s, added: hasSuggestion(parsed.data, s) })));
    }),
    addStep: vi.fn(async (input: unknown) => {
      const parsed = NewLadderStep.safeParse(input);
      if (!parsed.success) return firstIssue(parsed.error);
      const { track, text, expectedDistress } = parsed.data;
      return ok(insert(track, text, expectedDistress, null));
    }),
    addSuggested: vi.fn(async (input: unknown) => {
      const parsed = SuggestedLadderStepsRequest.safeParse(input);
      if (!parsed.success) return firstIssue(parsed.error);
      const { track, keys } = parsed.data;
      const wanted = FAKE_SUGGESTIONS[track].filter((s) => !keys || keys.includes(s.key));
      const added = wanted.filter((s) => !hasSuggestion(track, s)).map((s) => insert(track, s.text, s.expectedDistress, s.key));
      return ok({ added, alreadyThere: wanted.length - added.length, noRoom: 0 });
    }),
    updateStep: vi.fn(async ({ id, changes }: { id: number; changes: unknown }) => {
      const parsed = LadderStepChanges.safeParse(changes);
      if (!parsed.success) return firstIssue(parsed.error);
      const step = steps.find((s) => s.id === id);
      if (!step) return notFound();
      Object.assign(step, { ...parsed.data, updatedAt: now() });
      return ok({ ...step });
    }),
    removeStep: vi.fn(async ({ id }: { id: number }) => {
      const step = steps.find((s) => s.id === id);
      if (!step) return notFound();
      renumber(
        step.track,
        ofTrack(step.track).filter((s) => s.id !== id),
      );
      for (let i = attempts.length - 1; i >= 0; i--) if (attempts[i]!.stepId === id) attempts.splice(i, 1);
      return ok(null);
    }),
    reorder: vi.fn(async (input: unknown) => {
      const parsed = LadderReorder.safeParse(input);
      if (!parsed.success) return firstIssue(parsed.error);
      const { track, orderedIds } = parsed.data;
      const current = ofTrack(track);
      if (orderedIds.length !== current.length || current.some((s) => !orderedIds.includes(s.id))) {
        return fail('INVALID_INPUT', 'The new order needs every step of this track, each once. The ladder may have changed; please try again.');
      }
      renumber(
        track,
        orderedIds.map((id) => current.find((s) => s.id === id)!),
      );
      return ok(ofTrack(track));
    }),
    setThreshold: vi.fn(async ({ threshold: value }: { threshold: unknown }) => {
      const parsed = LadderThreshold.safeParse(value);
      if (!parsed.success) return firstIssue(parsed.error);
      threshold = parsed.data;
      return ok({ threshold });
    }),
    recordAttempt: vi.fn(async (input: unknown) => {
      const parsed = LadderAttemptInput.safeParse(input);
      if (!parsed.success) return firstIssue(parsed.error);
      const a = parsed.data;
      if (!steps.some((s) => s.id === a.stepId)) return notFound();
      const endedAt = a.endedAt ?? now();
      if (endedAt > now() + 60_000) return fail('INVALID_INPUT', "This attempt's time is later than now. Please check the times, or the computer's clock.");
      const before = progressOf(a.stepId);
      const attempt = { ...a, endedAt, id: nextAttemptId++ };
      attempts.push(attempt);
      const progress = progressOf(a.stepId);
      return ok({ attempt: withCalm(attempt), progress, justMastered: !before.mastered && progress.mastered });
    }),
    attempts: vi.fn(async ({ stepId }: { stepId: number }) => {
      if (!steps.some((s) => s.id === stepId)) return notFound();
      return ok(attempts.filter((a) => a.stepId === stepId).map(withCalm));
    }),
  };
  return api;
}
