import { AppError } from '../../../preload/contract/index.ts';
import { parse } from '../journal/validate.ts';
import type { Clock } from '../ports.ts';
import type { Db } from '../vault/database.ts';
import { isCalm, stepProgress, trackProgress } from './mastery.ts';
import {
  LADDER_TRACKS,
  LadderAttemptInput,
  ladderLimits,
  LadderReorder,
  LadderStepChanges,
  LadderStepId,
  LadderThreshold,
  LadderTrackChoice,
  NewLadderStep,
  SuggestedLadderStepsRequest,
  type LadderAttempt,
  type LadderAttemptRecorded,
  type LadderStep,
  type LadderStepView,
  type LadderSuggestion,
  type LadderView,
  type SuggestedLadderStep,
  type SuggestedLadderStepsResult,
} from '../../../preload/contract/ladder.ts';
import type { LadderTrack } from '../../../preload/contract/practice.ts';
import {
  attemptsByStep,
  attemptsOfStep,
  deleteStep,
  findStep,
  getThreshold,
  insertAttempt,
  insertStep,
  listSteps,
  setThreshold,
  stepsOfTrack,
  updateStep,
  writeOrder,
  type AttemptRow,
} from './store.ts';
import { sessionExists } from '../sessions/store.ts';
import { insertionIndex, sameWords, SUGGESTED_STEPS } from './suggestions.ts';

export interface LadderServiceOptions {
  /** The open vault; throws AppError('LOCKED') while it is locked. */
  db: () => Db;
  clock: Clock;
}

/** How far ahead of this computer's clock an attempt may end (a UI a moment ahead is fine; a wrong date is not). */
const FUTURE_SLACK_MS = 60_000;

const stepNotFound = () => new AppError('NOT_FOUND', 'That step could not be found. It may have been removed.');
const trackFull = () =>
  new AppError('INVALID_INPUT', `A track holds up to ${ladderLimits.stepsPerTrack} steps. You could remove or combine one to make room.`);

/**
 * The two-way crying ladder: the user's own steps on two tracks ("Letting tears come",
 * "Staying with tears"), attempts at each step, and mastery (see mastery.ts). Steps stay
 * gentlest first: a new step goes before the first step expected to be harder; after that
 * the order is the user's own (reorder), and editing a step never moves it.
 */
export class LadderService {
  constructor(private readonly o: LadderServiceOptions) {}

  /** Both tracks with their steps in order, each step's progress, and each track's progress and next step. */
  listLadder(): LadderView {
    const db = this.o.db();
    const threshold = getThreshold(db);
    const attempts = attemptsByStep(db);
    const steps = listSteps(db).map((step): LadderStepView => ({ ...step, progress: stepProgress(attempts.get(step.id) ?? [], threshold) }));
    return {
      threshold,
      tracks: LADDER_TRACKS.map(({ track, title, forWhom }) => {
        const own = steps.filter((s) => s.track === track);
        return { track, title, forWhom, steps: own, ...trackProgress(own) };
      }),
    };
  }

  /** The track's suggestions, gentlest first, each marked when the track has it already. */
  suggestions(track: LadderTrack): LadderSuggestion[] {
    const t = parse(LadderTrackChoice, track);
    const steps = stepsOfTrack(this.o.db(), t);
    return SUGGESTED_STEPS[t].map((s) => ({ ...s, added: alreadyThere(steps, s) }));
  }

  addStep(input: NewLadderStep): LadderStep {
    const fields = parse(NewLadderStep, input);
    const db = this.o.db();
    const id = db.transaction(() => {
      const steps = stepsOfTrack(db, fields.track);
      if (steps.length >= ladderLimits.stepsPerTrack) throw trackFull();
      return this.insertInPlace(db, steps, { ...fields, suggestionKey: null });
    })();
    return this.step(db, id);
  }

  /**
   * Adds the track's suggestions (or only `keys`), each in its gentlest-first place. Skips
   * any the track has already (added before, even if edited since, or the same words typed
   * in); when the track fills up, the gentlest ones are the ones added.
   */
  addSuggestedSteps(input: SuggestedLadderStepsRequest): SuggestedLadderStepsResult {
    const { track, keys } = parse(SuggestedLadderStepsRequest, input);
    const all = SUGGESTED_STEPS[track];
    if (keys?.some((key) => !all.some((s) => s.key === key))) {
      throw new AppError('INVALID_INPUT', 'That suggestion is not one Saltwater knows. Please choose from the list.');
    }
    const wanted = keys ? all.filter((s) => keys.includes(s.key)) : all;
    const db = this.o.db();
    const result = db.transaction(() => {
      let steps = stepsOfTrack(db, track);
      const ids: number[] = [];
      let alreadyThereCount = 0;
      let noRoom = 0;
      for (const suggestion of wanted) {
        if (alreadyThere(steps, suggestion)) alreadyThereCount++;
        else if (steps.length >= ladderLimits.stepsPerTrack) noRoom++;
        else {
          const { key, text, expectedDistress } = suggestion;
          ids.push(this.insertInPlace(db, steps, { track, text, expectedDistress, suggestionKey: key }));
          steps = stepsOfTrack(db, track);
        }
      }
      return { ids, alreadyThere: alreadyThereCount, noRoom };
    })();
    return { added: result.ids.map((id) => this.step(db, id)), alreadyThere: result.alreadyThere, noRoom: result.noRoom };
  }

  /** New words and/or expected distress. The step keeps its place and its attempts. */
  updateStep(id: number, changes: LadderStepChanges): LadderStep {
    const stepId = parse(LadderStepId, id);
    const c = parse(LadderStepChanges, changes);
    const db = this.o.db();
    const step = this.step(db, stepId);
    updateStep(db, stepId, c.text ?? step.text, c.expectedDistress ?? step.expectedDistress, this.o.clock.now());
    return this.step(db, stepId);
  }

  /** Removes the step and every attempt at it; the steps after it move up. */
  removeStep(id: number): void {
    const stepId = parse(LadderStepId, id);
    const db = this.o.db();
    db.transaction(() => {
      const step = this.step(db, stepId);
      deleteStep(db, stepId);
      const rest = stepsOfTrack(db, step.track).map((s) => s.id);
      writeOrder(db, step.track, rest);
    })();
  }

  /** Puts the track's steps in this order; `orderedIds` must be exactly the track's steps. Returns them in order. */
  reorder(input: LadderReorder): LadderStep[] {
    const { track, orderedIds } = parse(LadderReorder, input);
    const db = this.o.db();
    db.transaction(() => {
      const current = stepsOfTrack(db, track).map((s) => s.id);
      const given = new Set(orderedIds);
      if (given.size !== orderedIds.length || given.size !== current.length || current.some((stepId) => !given.has(stepId))) {
        throw new AppError('INVALID_INPUT', 'The new order needs every step of this track, each once. The ladder may have changed; please try again.');
      }
      writeOrder(db, track, orderedIds);
    })();
    return stepsOfTrack(db, track);
  }

  threshold(): number {
    return getThreshold(this.o.db());
  }

  /** The peak distress below which an attempt counts as calm enough. Mastery is judged again by it at once. */
  setThreshold(value: number): { threshold: number } {
    const threshold = parse(LadderThreshold, value);
    setThreshold(this.o.db(), threshold);
    return { threshold };
  }

  /** Records a finished attempt at a step; says where the step stands now and whether this attempt mastered it. */
  recordAttempt(input: LadderAttemptInput): LadderAttemptRecorded {
    const a = parse(LadderAttemptInput, input);
    const db = this.o.db();
    const now = this.o.clock.now();
    const endedAt = a.endedAt ?? now;
    if (endedAt > now + FUTURE_SLACK_MS) {
      throw new AppError('INVALID_INPUT', "This attempt's time is later than now. Please check the times, or the computer's clock.");
    }
    if (endedAt < a.startedAt) throw new AppError('INVALID_INPUT', 'The attempt seems to end before it started. Please check the times.');
    return db.transaction(() => {
      this.step(db, a.stepId);
      if (a.sessionId !== null && !sessionExists(db, a.sessionId)) {
        throw new AppError('NOT_FOUND', 'The practice session for this attempt could not be found. It may have been deleted.');
      }
      const threshold = getThreshold(db);
      const before = stepProgress(attemptsOfStep(db, a.stepId), threshold);
      const id = insertAttempt(db, { ...a, endedAt });
      const all = attemptsOfStep(db, a.stepId);
      const progress = stepProgress(all, threshold);
      const row = all.find((r) => r.id === id);
      if (!row) throw new Error('the attempt just written is missing');
      return { attempt: withCalm(row, threshold), progress, justMastered: !before.mastered && progress.mastered };
    })();
  }

  /** Every attempt at the step, oldest first, each marked calm or not by the current threshold. */
  attempts(stepId: number): LadderAttempt[] {
    const id = parse(LadderStepId, stepId);
    const db = this.o.db();
    this.step(db, id);
    const threshold = getThreshold(db);
    return attemptsOfStep(db, id).map((row) => withCalm(row, threshold));
  }

  private step(db: Db, id: number): LadderStep {
    const step = findStep(db, id);
    if (!step) throw stepNotFound();
    return step;
  }

  /** Inserts at the end, then moves it before the first step expected to be harder. Inside a transaction. */
  private insertInPlace(db: Db, steps: readonly LadderStep[], s: Omit<LadderStep, 'id' | 'position' | 'createdAt' | 'updatedAt'>): number {
    const id = insertStep(db, { ...s, position: steps.length }, this.o.clock.now());
    const order = steps.map((step) => step.id);
    const at = insertionIndex(
      steps.map((step) => step.expectedDistress),
      s.expectedDistress,
    );
    order.splice(at, 0, id);
    writeOrder(db, s.track, order);
    return id;
  }
}

function alreadyThere(steps: readonly LadderStep[], suggestion: SuggestedLadderStep): boolean {
  return steps.some((step) => step.suggestionKey === suggestion.key || sameWords(step.text, suggestion.text));
}

function withCalm(row: AttemptRow, threshold: number): LadderAttempt {
  return { ...row, calm: isCalm(row.distressPeak, threshold) };
}
