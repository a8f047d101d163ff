import type { BreathPattern, CheckInQuestion, Practice, Step } from '../../../preload/contract/practice.ts';
import type { Api } from '../../../preload/create-api.ts';
import type { Timers } from '../../lib/autosave.ts';
import { BreathTimeline, type BreathMoment } from './breath-timeline.ts';
import { Runner, type RunnerEffect, type RunnerState, type RunnerStep, type Transition } from './runner.ts';
import { breathPatternOf, runnerSteps } from './steps.ts';
import { HIGH_DISTRESS } from './texts.ts';
import { PracticeTools } from './practice-tools.svelte.ts';
import { isTryOut } from './rehearsal-api.ts';
import { SessionWriting } from './writing.svelte.ts';
import { EntryVoice } from '../journal/voice/entry-voice.svelte.ts';
import type { MediaPorts } from '../journal/voice/recorder.svelte.ts';

export interface Clock {
  /** Seconds. */
  now(): number;
}

/** requestAnimationFrame, injectable for tests. */
export interface FrameLoop {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export const animationFrames: FrameLoop = {
  request: (cb) => requestAnimationFrame(() => cb()),
  cancel: (h) => cancelAnimationFrame(h),
};

/** What a run needs from the sound (session-audio.ts); absent when there is none. */
export interface RunAudio {
  armBreath(timeline: BreathTimeline, cycles: number, startAt: number): void;
  clearCues(): void;
  /** The practice came to its end: a gentle fade (Stop is the quick one). */
  finish(): void;
  stop(): void;
  dispose(): void;
}

export interface SessionRunOptions {
  pattern: BreathPattern;
  /** The master clock; read once the run begins (the audio context may take a moment to start). */
  clock: () => Clock;
  /** Resolves when the clock is ready to be read (the audio context has started, or will not). */
  ready?: Promise<unknown>;
  audio?: RunAudio | null;
  frames?: FrameLoop;
  /** Timers for the writing autosave (tests). */
  timers?: Timers;
  /** The microphone and recorder for speak steps (tests); the browser's by default. */
  voiceMedia?: MediaPorts | null;
}

export interface BeginAnswers {
  readiness?: number;
  moodBefore?: number;
}

export type RunPhase = 'starting' | 'running' | 'paused' | 'stopped' | 'finished' | 'failed';

/** A few slow breaths offered after a high distress answer, or on the stop screen. */
export const MOMENT_CYCLES = 3;

/**
 * One practice being run: drives the pure Runner from the master clock every animation
 * frame, and records what happens as it happens (start, each step reached, each answer,
 * the end), in order, so a crash keeps everything up to that moment.
 */
export class SessionRun {
  readonly practice: Practice;
  readonly runner: Runner;
  readonly steps: readonly RunnerStep[];
  readonly writing: SessionWriting;
  /** Voice notes said in speak steps, kept with the session's journal entry. */
  readonly voice: EntryVoice;
  /** The memory box, moving media and ladder, as this practice uses them. */
  readonly tools: PracticeTools;
  /** A try-out from the builder: nothing is recorded (a speak step says so instead of offering Record). */
  readonly tryOut: boolean;

  state = $state.raw<RunnerState>({ status: 'running', stepIndex: 0, stepStartedAt: 0, pausedAt: null });
  started = $state(false);
  failed = $state<string | null>(null);
  /** Clock time of the latest frame. */
  now = $state(0);
  sessionId = $state<number | null>(null);
  /** After a high distress answer: the gentle offer is showing (the runner is paused meanwhile). */
  distressOffer = $state(false);
  /** A short breathing moment (its clock start), over the paused session. */
  moment = $state<number | null>(null);
  /** Something could not be recorded (shown quietly after the session). */
  recordProblem = $state<string | null>(null);

  readonly #api: Api;
  readonly #options: SessionRunOptions;
  readonly #frames: FrameLoop;
  readonly #timelines = new Map<number, BreathTimeline>();
  #clock: Clock | null = null;
  #frame: number | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #stopRequested = $state(false);
  #disposed = false;
  /** The breathing step whose cues were scheduled ahead of its start, and when it starts. */
  #preArmed: { index: number; at: number } | null = null;

  constructor(api: Api, practice: Practice, options: SessionRunOptions) {
    this.#api = api;
    this.tryOut = isTryOut(api);
    this.practice = practice;
    this.#options = options;
    this.#frames = options.frames ?? animationFrames;
    this.steps = runnerSteps(practice, options.pattern);
    this.runner = new Runner(this.steps);
    this.writing = new SessionWriting(api, practice, () => this.sessionId, options.timers);
    this.voice = new EntryVoice(api, () => this.writing.ensureEntry(), options.voiceMedia);
    this.tools = new PracticeTools(api, practice, {
      sessionId: () => this.sessionId,
      live: () => !this.#disposed && this.live,
      stepIndex: () => this.state.stepIndex,
      record: (write) => this.#record(write),
    });
  }

  // ---- what the view reads -------------------------------------------------------

  get phase(): RunPhase {
    if (this.failed !== null) return 'failed';
    if (!this.started) return this.#stopRequested ? 'stopped' : 'starting';
    return this.state.status;
  }

  get live(): boolean {
    return this.phase === 'running' || this.phase === 'paused';
  }

  get stepIndex(): number {
    return this.state.stepIndex;
  }

  get step(): Step {
    return this.practice.steps[this.state.stepIndex]!;
  }

  get stepCount(): number {
    return this.practice.steps.length;
  }

  /** Seconds into the current step (frozen while paused). */
  get elapsed(): number {
    return this.started ? this.runner.elapsed(this.state, this.now) : 0;
  }

  /** Known seconds left in the whole session. */
  get remaining(): number {
    return this.started ? this.runner.remaining(this.state, this.now) : 0;
  }

  /** The timeline of a breathing step (its own pattern or the person's). */
  timeline(index = this.state.stepIndex): BreathTimeline | null {
    const step = this.practice.steps[index];
    if (step?.kind !== 'breathe') return null;
    let timeline = this.#timelines.get(index);
    if (!timeline) {
      timeline = new BreathTimeline(breathPatternOf(step, this.#options.pattern));
      this.#timelines.set(index, timeline);
    }
    return timeline;
  }

  /** Where the breath is now, on a breathing step. */
  get breath(): BreathMoment | null {
    return this.timeline()?.at(this.elapsed) ?? null;
  }

  /** The person's own pattern (for breathing moments). */
  get pattern(): BreathPattern {
    return this.#options.pattern;
  }

  // ---- what the person does --------------------------------------------------------

  /** Records the start, then runs from the first step. Call right after the Begin click. */
  async begin(answers: BeginAnswers = {}): Promise<boolean> {
    const [result] = await Promise.all([
      this.#api.sessions.start({ practiceId: this.practice.id, ...answers }),
      this.#options.ready ?? null,
    ]);
    if (this.#disposed) return false;
    if (!result.ok) {
      this.failed = result.error.message;
      return false;
    }
    this.sessionId = result.value.sessionId;
    this.#clock = this.#options.clock();
    this.now = this.#clock.now();
    this.started = true;
    this.#apply(this.runner.start(this.now));
    if (this.#stopRequested) this.stop();
    this.#loop();
    return true;
  }

  next(): void {
    this.#event('next');
  }

  pause(): void {
    this.#event('pause');
  }

  resume(): void {
    this.distressOffer = false;
    this.endMoment();
    this.#event('resume');
  }

  /** One action, from any state: no questions asked. */
  stop(): void {
    if (!this.started) {
      this.#stopRequested = true;
      this.#options.audio?.stop();
      return;
    }
    this.distressOffer = false;
    this.moment = null;
    this.#event('stop');
  }

  answer(question: CheckInQuestion, value: number): void {
    if (!this.started) return;
    const high = question === 'distress' && value >= HIGH_DISTRESS;
    this.#event('answer', { question, value });
    if (high && this.live) {
      // Hold everything still while the gentle offer is on screen.
      if (this.state.status === 'running') this.#event('pause');
      this.distressOffer = true;
    }
  }

  /** From the distress offer: stay paused, without the offer. */
  stayPaused(): void {
    this.distressOffer = false;
  }

  /** A few slow breaths, over the paused session. */
  startMoment(): void {
    if (!this.started) return;
    if (this.state.status === 'running') this.#event('pause');
    this.distressOffer = false;
    this.now = this.#clock!.now();
    this.moment = this.now;
    this.#options.audio?.armBreath(this.momentTimeline, MOMENT_CYCLES, this.now);
  }

  endMoment(): void {
    if (this.moment === null) return;
    this.moment = null;
    this.#options.audio?.clearCues();
  }

  get momentTimeline(): BreathTimeline {
    let timeline = this.#timelines.get(-1);
    if (!timeline) {
      timeline = new BreathTimeline(this.#options.pattern);
      this.#timelines.set(-1, timeline);
    }
    return timeline;
  }

  /** Where the breathing moment is (null when none is showing, or it has ended). */
  get momentBreath(): BreathMoment | null {
    if (this.moment === null) return null;
    const t = this.now - this.moment;
    return t < this.momentTimeline.cycleSeconds * MOMENT_CYCLES ? this.momentTimeline.at(t) : null;
  }

  /**
   * Leaves the session view. After a lock, nothing more is written (the vault is closed; the
   * session stays recorded as it was); otherwise what was typed is saved first.
   */
  dispose({ locked = false }: { locked?: boolean } = {}): Promise<void> {
    if (this.#disposed) return this.#queue.then(() => undefined);
    this.#disposed = true;
    if (this.#frame !== null) this.#frames.cancel(this.#frame);
    this.#frame = null;
    this.#options.audio?.dispose();
    if (locked) {
      this.voice.recorder.discard();
      this.writing.discard();
      this.tools.discard();
      return Promise.resolve();
    }
    this.tools.ended();
    return Promise.all([this.voice.recorder.stop(), this.writing.flush(), this.#queue]).then(() => undefined);
  }

  /** Resolves once everything recorded so far has been written (tests, and before leaving). */
  settled(): Promise<void> {
    return this.#queue.then(() => undefined);
  }

  // ---- inside ----------------------------------------------------------------------

  #loop(): void {
    if (this.#disposed || this.#frame !== null) return;
    this.#frame = this.#frames.request(() => {
      this.#frame = null;
      this.tick();
      this.#loop();
    });
  }

  /** One frame: read the master clock, let timed steps move on. */
  tick(): void {
    if (!this.started || this.#disposed || !this.#clock) return;
    this.now = this.#clock.now();
    if (this.state.status === 'running') this.#apply(this.runner.reduce(this.state, { type: 'tick', now: this.now }));
    this.#preArm();
    if (this.moment !== null && this.momentBreath === null) this.endMoment();
  }

  #event(type: 'next' | 'pause' | 'resume' | 'stop'): void;
  #event(type: 'answer', answer: { question: CheckInQuestion; value: number }): void;
  #event(type: 'next' | 'pause' | 'resume' | 'stop' | 'answer', answer?: { question: CheckInQuestion; value: number }): void {
    if (!this.started || this.#disposed || !this.#clock) return;
    this.now = this.#clock.now();
    // Let time catch up first, so a click lands on the step that is showing.
    if (this.state.status === 'running' && type !== 'stop') {
      this.#apply(this.runner.reduce(this.state, { type: 'tick', now: this.now }));
    }
    const now = this.now;
    const transition = type === 'answer' ? this.runner.reduce(this.state, { type, now, ...answer! }) : this.runner.reduce(this.state, { type, now });
    this.#apply(transition);
  }

  #apply({ state, effects }: Transition): void {
    const before = this.state;
    this.state = state;
    for (const effect of effects) this.#effect(effect, before);
  }

  #effect(effect: RunnerEffect, before: RunnerState): void {
    const audio = this.#options.audio;
    const sessionId = this.sessionId!;
    switch (effect.type) {
      case 'entered': {
        this.#record(() => this.#api.sessions.stepReached({ sessionId, stepIndex: effect.stepIndex }));
        this.tools.entered(effect.stepIndex);
        // Moving on from a speak step ends its recording; what was said is kept.
        if (this.practice.steps[before.stepIndex]?.kind === 'speak' && before.stepIndex !== effect.stepIndex) void this.voice.recorder.stop();
        const timeline = this.timeline(effect.stepIndex);
        const step = this.practice.steps[effect.stepIndex];
        const armed = this.#preArmed;
        this.#preArmed = null;
        if (timeline && step?.kind === 'breathe') {
          const startedAt = this.state.stepStartedAt;
          if (!armed || armed.index !== effect.stepIndex || Math.abs(armed.at - startedAt) > 1e-6) {
            audio?.armBreath(timeline, step.cycles, startedAt);
          }
        } else if (this.timeline(before.stepIndex) || armed) {
          audio?.clearCues();
        }
        break;
      }
      case 'answered':
        this.#record(() =>
          this.#api.sessions.checkIn({ sessionId, stepIndex: effect.stepIndex, question: effect.question, value: effect.value }),
        );
        this.tools.answered(effect.question, effect.value);
        break;
      case 'paused':
        this.#preArmed = null;
        audio?.clearCues();
        // Pause holds everything still, a recording too.
        this.voice.recorder.pause();
        break;
      case 'resumed': {
        this.voice.recorder.resume();
        // The breath picks up where it was: cues re-scheduled from the shifted start.
        const timeline = this.timeline();
        const step = this.step;
        if (timeline && step.kind === 'breathe') audio?.armBreath(timeline, step.cycles, this.state.stepStartedAt);
        break;
      }
      case 'stopped':
        // Silence first: the fade starts before anything else happens.
        audio?.stop();
        this.#preArmed = null;
        this.#record(() => this.#api.sessions.end({ sessionId, stepIndex: effect.stepIndex, outcome: 'stopped' }));
        // Esc or Stop: an open memory goes back into the box at once.
        this.tools.ended();
        // A recording stops too, and keeps what was said so far.
        void this.voice.recorder.stop();
        void this.writing.flush();
        break;
      case 'finished':
        // A gentle fade at the natural end; Esc or Stop would still cut it short.
        audio?.finish();
        void this.voice.recorder.stop();
        this.#record(() => this.#api.sessions.end({ sessionId, stepIndex: this.state.stepIndex, outcome: 'finished' }));
        this.tools.ended();
        void this.writing.flush();
        break;
    }
  }

  /**
   * A breathing step right after a timed one starts at a known moment: hand its cues to the
   * audio timeline just before, so even the first sound lands exactly on the step's start.
   */
  #preArm(): void {
    const audio = this.#options.audio;
    if (!audio || this.state.status !== 'running') return;
    const seconds = this.steps[this.state.stepIndex]?.seconds ?? null;
    const nextIndex = this.state.stepIndex + 1;
    const next = this.practice.steps[nextIndex];
    if (seconds === null || next?.kind !== 'breathe' || this.#preArmed?.index === nextIndex) return;
    const at = this.state.stepStartedAt + seconds;
    if (at - this.now > 0.5 || at <= this.now) return;
    audio.armBreath(this.timeline(nextIndex)!, next.cycles, at);
    this.#preArmed = { index: nextIndex, at };
  }

  #record(write: () => Promise<{ ok: boolean; error?: { message: string } }>): void {
    this.#queue = this.#queue.then(async () => {
      try {
        const result = await write();
        if (!result.ok) this.recordProblem = result.error?.message ?? 'Part of this session could not be saved.';
      } catch {
        this.recordProblem = 'Part of this session could not be saved.';
      }
    });
  }
}
