import type {
  AppErrorShape,
  LadderAttemptRecorded,
  CheckInQuestion,
  CloseChoice,
  MediaListItem,
  OpenedMemory,
  Practice,
  Result,
  TearOutcome,
} from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import { tearOutcomes } from './texts.ts';

/** What the tools need from the run they belong to. */
export interface ToolsHost {
  sessionId(): number | null;
  /** The session is still running or paused (not stopped, finished or left). */
  live(): boolean;
  /** The step showing now: a tool call that comes back after the person moved on is undone. */
  stepIndex(): number;
  /** Writes in order after everything recorded so far; a failure shows quietly after the session. */
  record(write: () => Promise<Result<unknown>>): void;
}

/** The memory in front of the person, from "Open it" until it is closed or resealed. */
export interface OpenMemory {
  openingId: number;
  memory: OpenedMemory;
}

/** The ladder step the person is about to do. */
export interface ChosenLadderStep {
  stepId: number;
  text: string;
  trackTitle: string;
  distressBefore: number;
  /** When the attempt began, on the vault's own clock. */
  startedAt: number;
}

export type ToolResult<T = null> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/**
 * The person's own tools inside one practice run: the memory that is open, the moving-media
 * item chosen, the ladder step being tried. The one rule that matters most lives here:
 * whatever memory is open gets closed. The close step closes it with the person's choice;
 * every other way out (Esc, Stop, skipping the close step, finishing without it) reseals it
 * at once with memories.stop, so the opening is logged as stopped.
 *
 * A tool call can take seconds (a passphrase check). Meanwhile `busy` holds the run's Next and
 * Skip, and a call that still comes back after its step was left is undone, never carried on.
 */
export class PracticeTools {
  memory = $state.raw<OpenMemory | null>(null);
  /** What the person already said when putting a memory away, so the after-session questions don't ask it twice. */
  answeredAtClose = $state.raw<{ moodAfter?: number; tears?: TearOutcome }>({});
  /** The moving-media item on offer or chosen; "Something else" only changes which one. */
  media = $state.raw<MediaListItem | null>(null);
  ladder = $state.raw<ChosenLadderStep | null>(null);

  #calls = $state(0);
  /** The person went with the current media item, or reached for its link. */
  #mediaTaken = false;
  /** The one item whose use is linked to this session, once its step was left. */
  #mediaUsed: MediaListItem | null = null;

  readonly #api: Api;
  readonly #practice: Practice;
  readonly #host: ToolsHost;

  constructor(api: Api, practice: Practice, host: ToolsHost) {
    this.#api = api;
    this.#practice = practice;
    this.#host = host;
  }

  /** A tool call is on its way: the step must not be left under it. */
  get busy(): boolean {
    return this.#calls > 0;
  }

  async #whileBusy<T>(call: () => Promise<T>): Promise<T> {
    this.#calls++;
    try {
      return await call();
    } finally {
      this.#calls--;
    }
  }

  // ---- memory box ------------------------------------------------------------------

  /** Opens one memory for the steps that follow. A wrong passphrase changes nothing. */
  async openMemory(input: { memoryId: number; moodBefore: number; passphrase?: string }): Promise<ToolResult> {
    const sessionId = this.#host.sessionId();
    if (sessionId === null || !this.#host.live()) return notLive();
    if (this.memory) return { ok: true, value: null };
    const at = this.#host.stepIndex();
    const result = await this.#whileBusy(() => this.#api.memories.open({ ...input, sessionId }));
    if (!result.ok) return result;
    if (!this.#host.live() || this.#host.stepIndex() !== at) {
      // Stopped, or moved on, while it was opening: it goes straight back into the box.
      this.#stop(result.value.openingId);
      return this.#host.live() ? movedOn() : notLive();
    }
    this.memory = { openingId: result.value.openingId, memory: result.value.memory };
    return { ok: true, value: null };
  }

  /** The person's own ending: reseal, keep it open, or at peace. */
  async closeMemory(input: { outcome: CloseChoice; moodAfter?: number; tears?: TearOutcome }): Promise<ToolResult> {
    const open = this.memory;
    if (!open) return { ok: true, value: null };
    const at = this.#host.stepIndex();
    const result = await this.#whileBusy(() => this.#api.memories.close({ openingId: open.openingId, ...input }));
    if (!result.ok) return result;
    this.answeredAtClose = { ...(input.moodAfter !== undefined ? { moodAfter: input.moodAfter } : {}), ...(input.tears ? { tears: input.tears } : {}) };
    if (this.memory?.openingId === open.openingId) this.memory = null;
    // Left meanwhile: leaving already resealed it (a no-op after this close); the run must not move again.
    if (this.#host.stepIndex() !== at) return movedOn();
    return { ok: true, value: null };
  }

  /** Reseals whatever memory is open, logged as stopped. Safe to call at any time, and twice. */
  stopMemory(): void {
    const open = this.memory;
    if (!open) return;
    this.memory = null;
    this.#stop(open.openingId);
  }

  #stop(openingId: number): void {
    this.#host.record(() => this.#api.memories.stop({ openingId }));
  }

  // ---- moving media ----------------------------------------------------------------
  // One use per session, for the item the person ended with: recorded when the media step is
  // left (or the session ends on it), so items passed over never share this session's mood and tears.

  /** A new item on offer ("Something else"): it is only looked at until chosen or opened. */
  offerMedia(item: MediaListItem | null): void {
    if (!this.#onMediaStep()) return;
    if (item?.id !== this.media?.id) this.#mediaTaken = false;
    this.media = item;
  }

  /** The person goes with the item on offer, or reaches for its link; an item no longer on offer does not count. */
  takeMedia(item: MediaListItem): void {
    if (!this.#onMediaStep() || this.media?.id !== item.id) return;
    this.#mediaTaken = true;
  }

  /** A late answer (an offer) after the step was left changes nothing. */
  #onMediaStep(): boolean {
    return this.#host.live() && this.#practice.steps[this.#host.stepIndex()]?.kind === 'media-offer';
  }

  #leaveMedia(): void {
    const item = this.media;
    const sessionId = this.#host.sessionId();
    if (this.#mediaUsed) return;
    if (!item || !this.#mediaTaken || sessionId === null) {
      this.media = null;
      return;
    }
    this.#mediaUsed = item;
    this.#host.record(() => this.#api.media.recordUse({ mediaId: item.id, sessionId }));
  }

  // ---- ladder ----------------------------------------------------------------------

  /**
   * The step is chosen and the distress before is known. The attempt's start is taken from
   * the vault's own record of this session, so the two clocks can never disagree about order.
   */
  async chooseLadderStep(step: Omit<ChosenLadderStep, 'startedAt'>): Promise<ToolResult> {
    const sessionId = this.#host.sessionId();
    if (sessionId === null || !this.#host.live()) return notLive();
    const at = this.#host.stepIndex();
    const session = await this.#whileBusy(() => this.#api.sessions.get({ id: sessionId }));
    if (!session.ok) return session;
    // Ended or left meanwhile: the choice is dropped.
    if (!this.#host.live()) return notLive();
    if (this.#host.stepIndex() !== at) return movedOn();
    this.ladder = { ...step, startedAt: session.value.startedAt };
    return { ok: true, value: null };
  }

  async recordLadderAttempt(answers: { distressPeak: number; distressAfter: number; tears: 0 | 1 | 2 | 3 }): Promise<ToolResult<LadderAttemptRecorded>> {
    const chosen = this.ladder;
    const sessionId = this.#host.sessionId();
    if (!chosen || sessionId === null) return notLive();
    const at = this.#host.stepIndex();
    const result = await this.#whileBusy(() => this.#api.ladder.recordAttempt({
      stepId: chosen.stepId,
      distressBefore: chosen.distressBefore,
      ...answers,
      ...this.#breathing(),
      sessionId,
      startedAt: chosen.startedAt,
    }));
    if (result.ok) this.ladder = null;
    // Saved either way; but if the person moved on meanwhile, the step must not move the run again.
    if (result.ok && this.#host.stepIndex() !== at) return movedOn();
    return result;
  }

  /** Relaxation breathing around the step: the practice breathes before choosing and after recording. */
  #breathing(): { breathedBefore: boolean; breathedAfter: boolean } {
    const steps = this.#practice.steps;
    const choose = steps.findIndex((s) => s.kind === 'ladder-choose');
    const record = steps.findIndex((s) => s.kind === 'ladder-record');
    return {
      breathedBefore: steps.slice(0, Math.max(0, choose)).some((s) => s.kind === 'breathe'),
      breathedAfter: record >= 0 && steps.slice(record + 1).some((s) => s.kind === 'breathe'),
    };
  }

  // ---- what the run tells us -------------------------------------------------------

  /** A step was entered; the one before it was left (by its own end, Next or Skip). */
  entered(stepIndex: number): void {
    const left = this.#practice.steps[stepIndex - 1];
    if (left?.kind === 'memory-close') this.stopMemory();
    if (left?.kind === 'media-offer') this.#leaveMedia();
    if (left?.kind === 'ladder-record') this.ladder = null;
  }

  /** An in-session check-in was answered: tears count for the media item used in this session. */
  answered(question: CheckInQuestion, value: number): void {
    const item = this.#mediaUsed;
    const sessionId = this.#host.sessionId();
    const tears = tearOutcomes[value]?.value;
    if (question !== 'tears' || !item || sessionId === null || !tears) return;
    this.#host.record(() => this.#api.media.recordUse({ mediaId: item.id, sessionId, tears }));
  }

  /** The session ended (stopped, finished, or left): nothing stays open. */
  ended(): void {
    this.stopMemory();
    this.#leaveMedia();
    this.ladder = null;
  }

  /** The vault locked: forget the words at once, write nothing (the vault reseals it on unlock). */
  discard(): void {
    this.memory = null;
    this.media = null;
    this.#mediaTaken = false;
    this.#mediaUsed = null;
    this.ladder = null;
  }
}

function movedOn(): { ok: false; error: AppErrorShape } {
  return { ok: false, error: { code: 'INVALID_INPUT', message: 'You had already moved on, so that was left as it was.' } };
}

function notLive(): { ok: false; error: AppErrorShape } {
  return { ok: false, error: { code: 'INVALID_INPUT', message: 'This practice has ended, so nothing was opened.' } };
}
