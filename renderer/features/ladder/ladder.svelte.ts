import {
  LADDER_TEARS_LABELS,
  type LadderAttempt,
  type LadderAttemptInput,
  type LadderAttemptRecorded,
  type LadderStepView,
  type LadderSuggestion,
  type LadderTrack,
  type LadderTrackView,
  type LadderView,
  type NewLadderStep,
  type LadderStepChanges,
  type SuggestedLadderStepsResult,
} from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import type { ScaleChoice } from '../../components/scale-choices.ts';

/** A problem in words, or null when it went well. */
export type Problem = string | null;
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * The two-way ladder as the "Ladder" tab shows it. The core computes everything that
 * matters (order, progress, the next step, mastery); this asks, keeps the latest answer,
 * and reloads the whole view after every change so nothing is guessed here.
 */
export class LadderState {
  view = $state.raw<LadderView | null>(null);
  loadError = $state<Problem>(null);
  /** Each step's tries, once its list has been opened. */
  attemptsByStep = $state.raw<Record<number, LadderAttempt[]>>({});

  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
  }

  async load(): Promise<void> {
    const result = await this.#api.ladder.view();
    if (!result.ok) {
      this.loadError = result.error.message;
      return;
    }
    this.view = result.value;
    this.loadError = null;
  }

  track(track: LadderTrack): LadderTrackView | undefined {
    return this.view?.tracks.find((t) => t.track === track);
  }

  async suggestions(track: LadderTrack): Promise<Outcome<LadderSuggestion[]>> {
    return outcome(await this.#api.ladder.suggestions({ track }));
  }

  async addSuggested(track: LadderTrack): Promise<Outcome<SuggestedLadderStepsResult>> {
    return this.#thenReload(await this.#api.ladder.addSuggested({ track }));
  }

  async addStep(step: NewLadderStep): Promise<Problem> {
    return problemOf(await this.#thenReload(await this.#api.ladder.addStep(step)));
  }

  async updateStep(id: number, changes: LadderStepChanges): Promise<Problem> {
    return problemOf(await this.#thenReload(await this.#api.ladder.updateStep({ id, changes })));
  }

  async removeStep(id: number): Promise<Problem> {
    return problemOf(await this.#thenReload(await this.#api.ladder.removeStep({ id })));
  }

  /** Moves a step one place up (-1) or down (+1) within its track. */
  async move(step: LadderStepView, by: -1 | 1): Promise<Problem> {
    const steps = this.track(step.track)?.steps ?? [];
    const ids = steps.map((s) => s.id);
    const from = ids.indexOf(step.id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return null;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    return problemOf(await this.#thenReload(await this.#api.ladder.reorder({ track: step.track, orderedIds: ids })));
  }

  async setThreshold(threshold: number): Promise<Problem> {
    return problemOf(await this.#thenReload(await this.#api.ladder.setThreshold({ threshold })));
  }

  async loadAttempts(stepId: number): Promise<Problem> {
    const result = await this.#api.ladder.attempts({ stepId });
    if (!result.ok) return result.error.message;
    this.attemptsByStep = { ...this.attemptsByStep, [stepId]: result.value };
    return null;
  }

  async recordAttempt(input: LadderAttemptInput): Promise<Outcome<LadderAttemptRecorded>> {
    const result = await this.#thenReload(await this.#api.ladder.recordAttempt(input));
    if (result.ok) await this.loadAttempts(input.stepId);
    return result;
  }

  async #thenReload<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): Promise<Outcome<T>> {
    if (!result.ok) return { ok: false, message: result.error.message };
    await this.load();
    return result;
  }
}

function outcome<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): Outcome<T> {
  return result.ok ? result : { ok: false, message: result.error.message };
}

function problemOf(result: Outcome<unknown>): Problem {
  return result.ok ? null : result.message;
}

/** Where a track stands, in words that are not a tally: what feels steady, never "x of y". */
export function progressWords(track: Pick<LadderTrackView, 'mastered' | 'total'>): string {
  if (track.total === 0) return 'No steps yet.';
  if (track.mastered === 0) return 'Take these steps in your own time, in any order that feels right.';
  if (track.mastered === track.total) return track.total === 1 ? 'Your step feels steady now.' : 'Every step here feels steady now.';
  return track.mastered === 1 ? 'One step feels steady already.' : `${track.mastered} steps feel steady already.`;
}

/** Where one step stands, kindly: never "failed", never a score. */
export function stepStatusWords(step: LadderStepView): string {
  const p = step.progress;
  if (p.mastered) return 'Feels steady now.';
  if (p.attempts === 0) return 'Not tried yet.';
  const tries = p.attempts === 1 ? '1 try' : `${p.attempts} tries`;
  if (p.calmInARow === 1) return `${tries} so far. The last one stayed calm: one more like it and this step feels steady.`;
  return `${tries} so far. Each one counts, however it went.`;
}

/** Tears at a try, 0–3, as the person answers it (on the ladder page and in the Ladder step practice). */
export const ladderTearsChoices: ScaleChoice[] = ['No tears', 'My eyes welled up', 'Some tears', 'I cried freely'].map((label, value) => ({
  value,
  label,
}));

/** Tears at a try in the short words of the tries list. */
export function tearsWords(tears: number): string {
  return LADDER_TEARS_LABELS[tears] ?? 'not noted';
}

/** A step's words shortened for a button's name ("Move 'Cry alone' up"). */
export function shortName(text: string, max = 60): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** The local date and time for a datetime-local field: "2026-03-04T09:41". */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local field's value as a time, or null when it is not a whole date and time. */
export function parseLocalDateTime(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}
