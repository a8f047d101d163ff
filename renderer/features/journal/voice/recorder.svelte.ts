import { voiceLimits, voiceMimeTypes, type VoiceMimeType, type VoiceNote } from '../../../../preload/contract/index.ts';
import type { Api } from '../../../../preload/create-api.ts';
import { spokenLength } from '../../../lib/format.svelte.ts';

/** How often MediaRecorder hands over what it has: each piece goes to the vault at once. */
export const PIECE_MS = 2000;
/** Opus at this rate is clear speech; 30 minutes is about 7 MB. */
export const BITS_PER_SECOND = 32_000;

/** The little of MediaRecorder this uses, so tests can stand in for it. */
export interface RecorderLike {
  readonly state: 'inactive' | 'recording' | 'paused';
  ondataavailable: ((event: { data: Blob }) => void) | null;
  onstop: (() => void) | null;
  onerror: (() => void) | null;
  start(timeslice: number): void;
  stop(): void;
  pause(): void;
  resume(): void;
}

/** The browser's side: the microphone, the recorder, a clock and a ticking display. */
export interface MediaPorts {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  createRecorder(stream: MediaStream, options: MediaRecorderOptions): RecorderLike;
  isTypeSupported(type: string): boolean;
  /** Milliseconds, monotonic. */
  now(): number;
  every(ms: number, tick: () => void): () => void;
}

export const browserMedia = (): MediaPorts | null =>
  typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined'
    ? null
    : {
        getUserMedia: (constraints) => navigator.mediaDevices.getUserMedia(constraints),
        createRecorder: (stream, options) => new MediaRecorder(stream, options) as unknown as RecorderLike,
        isTypeSupported: (type) => MediaRecorder.isTypeSupported(type),
        now: () => performance.now(),
        every(ms, tick) {
          const handle = setInterval(tick, ms);
          return () => clearInterval(handle);
        },
      };

export type RecorderState = 'idle' | 'asking' | 'recording' | 'paused' | 'finishing';

/** Why the microphone could not be used, kindly; nothing was recorded. */
export function microphoneProblem(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
    return 'Saltwater was not allowed to use the microphone, so nothing was recorded. That is all right. If you want to try again, allow the microphone for Saltwater in your computer’s settings.';
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return 'No microphone was found, so nothing was recorded. If one is plugged in, it may need a moment; you can try again.';
  }
  if (name === 'NotReadableError' || name === 'AbortError') {
    return 'The microphone is busy or could not start, so nothing was recorded. Another app may be using it; you can try again.';
  }
  return 'The microphone could not be started, so nothing was recorded. You can try again.';
}

export interface RecorderOptions {
  /** The entry the note belongs to, made now if need be; null when there is none to be had. */
  entry: () => Promise<number | null>;
  /** The note as it stands after a recording ended (stopped, at the limit, or cut short by a problem). */
  onsaved?: (note: VoiceNote) => void;
  media?: MediaPorts | null;
}

/**
 * One voice note being recorded. The microphone is asked for only in start() (the Record button);
 * what is recorded goes to the vault piece by piece as it comes (voice.begin, voice.append), so
 * stopping, the length limit, a failed save or a lock all keep what was said up to then. Nothing is
 * held in a file; the pieces wait in memory only until they are sent.
 */
export class VoiceRecorder {
  state = $state<RecorderState>('idle');
  /** Recorded so far, pauses left out. */
  elapsedMs = $state(0);
  /** A kind sentence when something went wrong (nothing, or only part, was recorded). */
  problem = $state<string | null>(null);
  /** Said when a recording ends ("Saved: 0:42."). */
  notice = $state<string | null>(null);
  /** The note being recorded, once its first piece is kept. */
  note = $state.raw<VoiceNote | null>(null);

  readonly #api: Api;
  readonly #options: RecorderOptions;
  readonly #media: MediaPorts | null;
  #stream: MediaStream | null = null;
  #recorder: RecorderLike | null = null;
  #mimeType: VoiceMimeType | null = null;
  #entryId: number | null = null;
  #nextIndex = 0;
  #sending: Promise<void> = Promise.resolve();
  #failed = false;
  #cancelled = false;
  /** Pause was asked for while the microphone question was open: it applies once recording starts. */
  #pauseWhenStarted = false;
  /** Clock time the current stretch of recording began, and what came before it. */
  #since = 0;
  #before = 0;
  #stopTicking: (() => void) | null = null;
  #finished: (() => void) | null = null;

  constructor(api: Api, options: RecorderOptions) {
    this.#api = api;
    this.#options = options;
    this.#media = options.media === undefined ? browserMedia() : options.media;
  }

  get available(): boolean {
    return this.#media !== null;
  }

  get active(): boolean {
    return this.state !== 'idle';
  }

  /** Asks for the microphone (audio only) and starts recording. */
  async start(): Promise<void> {
    if (this.state !== 'idle') return;
    const media = this.#media;
    this.problem = null;
    this.notice = null;
    if (!media) {
      this.problem = 'Recording is not available here, so nothing was recorded.';
      return;
    }
    const mimeType = voiceMimeTypes.find((type) => media.isTypeSupported(type)) ?? null;
    if (!mimeType) {
      this.problem = 'This computer cannot record Opus audio, so nothing was recorded.';
      return;
    }
    this.state = 'asking';
    this.#cancelled = false;
    this.#pauseWhenStarted = false;
    let stream: MediaStream;
    try {
      stream = await media.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true }, video: false });
    } catch (error) {
      this.problem = microphoneProblem(error);
      this.state = 'idle';
      return;
    }
    // Stopped (or locked) while the question was open: give the microphone straight back.
    if (this.#cancelled) {
      release(stream);
      this.state = 'idle';
      return;
    }
    const entryId = await this.#options.entry().catch(() => null);
    if (entryId === null || this.#cancelled) {
      release(stream);
      if (!this.#cancelled) this.problem = 'The journal entry for this note could not be saved, so nothing was recorded. Please try again.';
      this.state = 'idle';
      return;
    }
    this.#stream = stream;
    this.#mimeType = mimeType;
    this.#entryId = entryId;
    this.#nextIndex = 0;
    this.#failed = false;
    this.note = null;
    this.elapsedMs = 0;
    this.#before = 0;
    const recorder = media.createRecorder(stream, { mimeType, audioBitsPerSecond: BITS_PER_SECOND });
    this.#recorder = recorder;
    recorder.ondataavailable = ({ data }) => {
      if (data.size > 0) this.#send(data, this.#elapsed());
    };
    recorder.onerror = () => {
      this.problem ??= 'Recording stopped unexpectedly. What was said until then is kept.';
    };
    // However it ends (Stop, the limit, the microphone unplugged), it ends here.
    recorder.onstop = () => void this.#end();
    recorder.start(PIECE_MS);
    this.#since = media.now();
    this.state = 'recording';
    // Paused while the microphone question was open: recording starts paused, as the session is.
    if (this.#pauseWhenStarted) {
      this.#pauseWhenStarted = false;
      this.pause();
    }
    this.#stopTicking = media.every(250, () => {
      this.elapsedMs = this.#elapsed();
      if (this.elapsedMs >= voiceLimits.maxMs) {
        this.problem = `That is ${voiceLimits.maxMinutes} minutes, as long as a voice note can be, so recording stopped. Everything you said is kept.`;
        void this.stop();
      }
    });
  }

  pause(): void {
    if (this.state === 'asking') {
      this.#pauseWhenStarted = true;
      return;
    }
    if (this.state !== 'recording' || !this.#recorder) return;
    this.#before = this.#elapsed();
    this.#recorder.pause();
    this.state = 'paused';
  }

  resume(): void {
    if (this.state === 'asking') {
      this.#pauseWhenStarted = false;
      return;
    }
    if (this.state !== 'paused' || !this.#recorder) return;
    this.#since = this.#media!.now();
    this.#recorder.resume();
    this.state = 'recording';
  }

  /** Stops and keeps what was said; resolves once the last piece is in the vault. */
  async stop(): Promise<void> {
    if (this.state === 'asking') {
      this.#cancelled = true;
      return;
    }
    if (this.state !== 'recording' && this.state !== 'paused') return this.#sending;
    const done = new Promise<void>((resolve) => (this.#finished = resolve));
    this.elapsedMs = this.#elapsed();
    if (this.state === 'recording') this.#before = this.elapsedMs;
    this.state = 'finishing';
    if (this.#recorder?.state === 'inactive') void this.#end();
    else this.#recorder?.stop();
    await done;
  }

  /** The vault locked: the microphone goes at once; nothing more can be saved. */
  discard(): void {
    this.#cancelled = true;
    this.#failed = true;
    this.#pauseWhenStarted = false;
    const recorder = this.#recorder;
    this.#recorder = null;
    if (recorder) {
      recorder.ondataavailable = null;
      recorder.onstop = null;
      if (recorder.state !== 'inactive') recorder.stop();
    }
    this.#release();
    this.state = 'idle';
    this.note = null;
    this.#finished?.();
    this.#finished = null;
  }

  #elapsed(): number {
    if (this.state !== 'recording' || !this.#media) return this.#before;
    return Math.min(voiceLimits.maxMs, Math.round(this.#before + (this.#media.now() - this.#since)));
  }

  async #end(): Promise<void> {
    if (this.#recorder === null) return;
    this.#recorder = null;
    this.#release();
    this.state = 'finishing';
    try {
      // #send catches its own failures; this is only a last guard so stop() always resolves.
      await this.#sending.catch(() => this.#sendFailed());
      const note = this.note;
      if (note) {
        this.notice = `Your voice note is saved: ${spokenLength(note.durationMs)}.`;
        this.#options.onsaved?.(note);
      } else if (!this.problem) {
        this.problem = 'Nothing was recorded that time. You can try again.';
      }
    } finally {
      this.state = 'idle';
      this.#finished?.();
      this.#finished = null;
    }
  }

  #release(): void {
    this.#stopTicking?.();
    this.#stopTicking = null;
    if (this.#stream) release(this.#stream);
    this.#stream = null;
  }

  /** Pieces go one after another, in order; after a failure none follow (what came before is whole). */
  #send(data: Blob, durationMs: number): void {
    this.#sending = this.#sending.then(async () => {
      if (this.#failed || this.#entryId === null || this.#mimeType === null) return;
      try {
        const chunk = new Uint8Array(await data.arrayBuffer());
        const index = this.#nextIndex;
        const result =
          index === 0
            ? await this.#api.voice.begin({ entryId: this.#entryId, mimeType: this.#mimeType, chunk, durationMs })
            : await this.#api.voice.append({ id: this.note!.id, index, chunk, durationMs });
        if (!result.ok) {
          this.#failed = true;
          this.problem = `${result.error.message}${this.note ? '' : ' Nothing was recorded.'}`;
          if (this.state === 'recording' || this.state === 'paused') void this.stop();
          return;
        }
        this.#nextIndex = index + 1;
        this.note = result.value;
      } catch {
        this.#sendFailed();
      }
    });
  }

  /** A piece could not be sent at all: none follow, recording stops, and what is stored stays. */
  #sendFailed(): void {
    this.#failed = true;
    this.problem = this.note
      ? 'Part of this voice note could not be saved, so recording stopped. What you said before that is kept.'
      : 'This voice note could not be saved, so nothing was recorded. You can try again.';
    if (this.state === 'recording' || this.state === 'paused') void this.stop();
  }
}

function release(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
