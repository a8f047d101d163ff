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
 */
export class PracticeTools {
  memory = $state.raw<OpenMemory | null>(null);
  media = $state.raw<MediaListItem | null>(null);
  ladder = $state.raw<ChosenLadderStep | null>(null);

  readonly #api: Api;
  readonly #practice: Practice;
  readonly #host: ToolsHost;

  constructor(api: Api, practice: Practice, host: ToolsHost) {
    this.#api = api;
    this.#practice = practice;
    this.#host = host;
  }

  // ---- memory box ------------------------------------------------------------------

  /** Opens one memory for the steps that follow. A wrong passphrase changes nothing. */
  async openMemory(input: { memoryId: number; moodBefore: number; passphrase?: string }): Promise<ToolResult> {
    const sessionId = this.#host.sessionId();
    if (sessionId === null || !this.#host.live()) return notLive();
    if (this.memory) return { ok: true, value: null };
    const result = await this.#api.memories.open({ ...input, sessionId });
    if (!result.ok) return result;
    if (!this.#host.live()) {
      // Stopped while it was opening: it goes straight back into the box.
      this.#stop(result.value.openingId);
      return notLive();
    }
    this.memory = { openingId: result.value.openingId, memory: result.value.memory };
    return { ok: true, value: null };
  }

  /** The person's own ending: reseal, keep it open, or at peace. */
  async closeMemory(input: { outcome: CloseChoice; moodAfter?: number; tears?: TearOutcome }): Promise<ToolResult> {
    const open = this.memory;
    if (!open) return { ok: true, value: null };
    const result = await this.#api.memories.close({ openingId: open.openingId, ...input });
    if (!result.ok) return result;
    if (this.memory?.openingId === open.openingId) this.memory = null;
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

  /** The person goes with this item: its use is linked to this session (and so to its mood and tears). */
  useMedia(item: MediaListItem): void {
    const sessionId = this.#host.sessionId();
    if (sessionId === null) return;
    const already = this.media?.id === item.id;
    this.media = item;
    if (!already) this.#host.record(() => this.#api.media.recordUse({ mediaId: item.id, sessionId }));
  }

  // ---- ladder ----------------------------------------------------------------------

  /**
   * The step is chosen and the distress before is known. The attempt's start is taken from
   * the vault's own record of this session, so the two clocks can never disagree about order.
   */
  async chooseLadderStep(step: Omit<ChosenLadderStep, 'startedAt'>): Promise<ToolResult> {
    const sessionId = this.#host.sessionId();
    if (sessionId === null || !this.#host.live()) return notLive();
    const session = await this.#api.sessions.get({ id: sessionId });
    if (!session.ok) return session;
    this.ladder = { ...step, startedAt: session.value.startedAt };
    return { ok: true, value: null };
  }

  async recordLadderAttempt(answers: { distressPeak: number; distressAfter: number; tears: 0 | 1 | 2 | 3 }): Promise<ToolResult<LadderAttemptRecorded>> {
    const chosen = this.ladder;
    const sessionId = this.#host.sessionId();
    if (!chosen || sessionId === null) return notLive();
    const result = await this.#api.ladder.recordAttempt({
      stepId: chosen.stepId,
      distressBefore: chosen.distressBefore,
      ...answers,
      ...this.#breathing(),
      sessionId,
      startedAt: chosen.startedAt,
    });
    if (result.ok) this.ladder = null;
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
    if (left?.kind === 'ladder-record') this.ladder = null;
  }

  /** An in-session check-in was answered: tears count for the media item used in this session. */
  answered(question: CheckInQuestion, value: number): void {
    const item = this.media;
    const sessionId = this.#host.sessionId();
    const tears = tearOutcomes[value]?.value;
    if (question !== 'tears' || !item || sessionId === null || !tears) return;
    this.#host.record(() => this.#api.media.recordUse({ mediaId: item.id, sessionId, tears }));
  }

  /** The session ended (stopped, finished, or left): nothing stays open. */
  ended(): void {
    this.stopMemory();
    this.ladder = null;
  }

  /** The vault locked: forget the words at once, write nothing (the vault reseals it on unlock). */
  discard(): void {
    this.memory = null;
    this.media = null;
    this.ladder = null;
  }
}

function notLive(): { ok: false; error: AppErrorShape } {
  return { ok: false, error: { code: 'INVALID_INPUT', message: 'This practice has ended, so nothing was opened.' } };
}
