import { tick } from 'svelte';
import { defaultSettings, type Practice, type PracticeExported, type PracticeSummary, type SessionRecord, type Settings } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import type { SessionAudio, SessionAudioOptions } from '../session/audio/session-audio.ts';
import { createMasterClock, readSessionSpeed } from '../session/audio/master-clock.ts';
import type { SoundscapeId } from '../../../preload/contract/soundscape.ts';
import { soundscapeFor } from '../session/soundscape-choice.ts';
import { SessionRun, type BeginAnswers, type Clock, type FrameLoop } from '../session/session-run.svelte.ts';
import { linkedEntry } from '../session/writing.svelte.ts';
import { rehearsalApi } from '../session/rehearsal-api.ts';
import { atMost } from '../../lib/timing.ts';
import type { BuilderStart, PracticeBuilder } from '../practice-builder/builder.svelte.ts';

/** Sessions History shows at first, and adds with each "Show older sessions". */
export const HISTORY_LIMIT = 50;
/** How long Begin waits for a sound module still loading before the session runs without it. */
export const LATE_AUDIO_WAIT_MS = 3000;

export interface AudioModule {
  startSessionAudio(options: SessionAudioOptions): SessionAudio | null;
}

export interface PracticesOptions {
  /** Loads the sound module (Tone.js) on demand; tests hand in a fake or nothing. */
  loadAudio?: () => Promise<AudioModule | null>;
  /** Fast test runs (data-session-speed). */
  speed?: number | null;
  frames?: FrameLoop;
  /** A clock for tests (normally the sound's clock, or performance time). */
  clock?: Clock;
  /** How long Begin waits for a sound module still loading (LATE_AUDIO_WAIT_MS; tests shorten it). */
  lateAudioWaitMs?: number;
}

const loadToneAudio = async (): Promise<AudioModule | null> => {
  try {
    // Tone.js greets the console when loaded; a private app keeps its console quiet.
    (globalThis as { TONE_SILENCE_LOGGING?: boolean }).TONE_SILENCE_LOGGING = true;
    return await import('../session/audio/session-audio.ts');
  } catch {
    return null;
  }
};

/**
 * The Practices page and everything that starts from it: the library, the history, the
 * start screen of a chosen practice, and the running session (with its sound).
 */
export class PracticesState {
  library = $state.raw<PracticeSummary[]>([]);
  libraryState = $state<'loading' | 'ready' | 'error'>('loading');
  libraryError = $state<string | null>(null);
  /** The library is in the order suggested by the person's "About you" answers. */
  orderedForYou = $state(false);
  /** Medication or a medical reason was among those answers: the doctor note is shown. */
  talkWithDoctor = $state(false);

  history = $state.raw<SessionRecord[]>([]);
  /** A session to bring into view in History (from an entry's "See that session in History"). */
  focusSession = $state<number | null>(null);
  historyState = $state<'loading' | 'ready' | 'error'>('loading');
  historyError = $state<string | null>(null);
  /** There are sessions older than those shown (asked for one more than a page, so never an empty load). */
  historyHasOlder = $state(false);
  historyLoadingOlder = $state(false);
  /** Why the older sessions could not be loaded just now, or why a session asked for is not there. */
  historyOlderError = $state<string | null>(null);

  settings = $state.raw<Settings>({ ...defaultSettings });

  /** The practice on the start screen. */
  chosen = $state.raw<Practice | null>(null);
  chooseError = $state<string | null>(null);
  /** The session running (or ending) right now: the app goes distraction-free while it is set. */
  run = $state.raw<SessionRun | null>(null);
  /** The running session is a try-out from the builder: nothing is recorded, and it ends back there. */
  tryingOut = $state(false);
  /** The builder is showing, started this way (practice-builder/, loaded when first opened). */
  building = $state.raw<BuilderStart | null>(null);
  /** The builder's work, kept while a try-out runs, and after leaving it unsaved (the page offers to carry on). */
  draft = $state.raw<PracticeBuilder | null>(null);
  /**
   * What Build, Make a copy, Change or Import asked for while unsaved work waited: the builder
   * opens on that work first and asks whether to carry on with it or let it go for this.
   */
  waiting = $state.raw<BuilderStart | null>(null);
  /** A practice to bring into view in the library (just saved, or brought back). */
  focusPractice = $state<string | null>(null);
  /** The live sound of the running session, if any. */
  audio = $state.raw<SessionAudio | null>(null);
  /** Sound turned on or off in this session only; null follows the saved setting. */
  sessionSound = $state<boolean | null>(null);

  /** The background sound changed in this session only ('none': turned off here); null follows Settings. */
  sessionSoundscape = $state<SoundscapeId | 'none' | null>(null);

  /** Whether the running session makes sound: its own choice, else the saved one. */
  get soundOn(): boolean {
    return this.sessionSound ?? this.settings.audioEnabled;
  }

  /** The background sound Settings give the practice on screen (or running). */
  get savedSoundscape(): SoundscapeId | null {
    return soundscapeFor(this.settings.soundscape, this.run?.practice ?? this.chosen);
  }

  /** The background sound of the running session: its own choice, else what Settings give it. */
  get soundscape(): SoundscapeId | null {
    const here = this.sessionSoundscape;
    if (here === null) return this.savedSoundscape;
    return here === 'none' ? null : here;
  }

  readonly #api: Api;
  readonly #options: PracticesOptions;
  #audioModule: AudioModule | null = null;
  #audioLoading: Promise<AudioModule | null> | null = null;

  constructor(api: Api, options: PracticesOptions = {}) {
    this.#api = api;
    this.#options = options;
  }

  get speed(): number | null {
    return this.#options.speed === undefined ? readSessionSpeed() : this.#options.speed;
  }

  async refresh(): Promise<void> {
    await Promise.all([this.loadLibrary(), this.loadHistory(), this.loadSettings()]);
  }

  async loadLibrary(): Promise<void> {
    const [result, suggestion] = await Promise.all([this.#api.practices.list(), this.#api.reflection.suggestOrder()]);
    if (!result.ok) {
      this.libraryState = 'error';
      this.libraryError = result.error.message;
      return;
    }
    // The order suits the person's "About you" answers; without it, the library's own order stands.
    this.library = suggestion.ok ? inSuggestedOrder(result.value, suggestion.value.order) : result.value;
    this.orderedForYou = suggestion.ok && suggestion.value.leaning !== null;
    this.talkWithDoctor = suggestion.ok && suggestion.value.talkWithDoctor;
    this.libraryError = null;
    this.libraryState = 'ready';
  }

  #historyLoad: Promise<void> | null = null;

  loadHistory(): Promise<void> {
    const load = (async () => {
      const result = await this.#api.sessions.list({ limit: HISTORY_LIMIT + 1 });
      if (!result.ok) {
        this.historyState = 'error';
        this.historyError = result.error.message;
        return;
      }
      this.history = result.value.slice(0, HISTORY_LIMIT);
      this.historyHasOlder = result.value.length > HISTORY_LIMIT;
      this.historyOlderError = null;
      this.historyError = null;
      this.historyState = 'ready';
    })();
    this.#historyLoad = load;
    return load.finally(() => {
      if (this.#historyLoad === load) this.#historyLoad = null;
    });
  }

  /**
   * Adds the next page of older sessions below those shown. Returns the first one added (for the
   * focus), or null when none could be (historyOlderError says why).
   */
  loadOlderHistory(): Promise<SessionRecord | null> {
    // Asked again while a page is on its way (a second press, or while finding a session): that same page.
    this.#olderLoad ??= this.#loadOlder().finally(() => (this.#olderLoad = null));
    return this.#olderLoad;
  }

  #olderLoad: Promise<SessionRecord | null> | null = null;

  async #loadOlder(): Promise<SessionRecord | null> {
    const last = this.history.at(-1);
    if (!last || !this.historyHasOlder) return null;
    this.historyLoadingOlder = true;
    this.historyOlderError = null;
    try {
      const result = await this.#api.sessions.list({ limit: HISTORY_LIMIT + 1, beforeId: last.id });
      if (!result.ok) {
        this.historyOlderError = `We couldn't load the older sessions just now. ${result.error.message}`;
        return null;
      }
      // The list was reloaded meanwhile (back to its newest page): this page no longer follows on.
      if (this.history.at(-1) !== last) return null;
      const page = result.value.slice(0, HISTORY_LIMIT);
      this.history = [...this.history, ...page];
      this.historyHasOlder = result.value.length > HISTORY_LIMIT;
      return page[0] ?? null;
    } finally {
      this.historyLoadingOlder = false;
    }
  }

  /**
   * Loads older pages until the session `id` is among those shown ("See that session in History").
   * False when it is not in History at all, or could not be loaded (historyOlderError says which).
   */
  async revealSession(id: number): Promise<boolean> {
    // The page's own load first: the list it brings replaces the one shown.
    while (this.#historyLoad) await this.#historyLoad;
    if (this.historyState !== 'ready') return false;
    for (;;) {
      if (this.history.some((r) => r.id === id)) return true;
      if (!this.historyHasOlder) {
        this.historyOlderError = "That session couldn't be found in your History.";
        return false;
      }
      if (!(await this.loadOlderHistory())) return false;
    }
  }

  async loadSettings(): Promise<void> {
    const result = await this.#api.settings.get();
    if (result.ok) this.settings = result.value;
  }

  /** Opens the start screen of a practice; starts loading the sound meanwhile. */
  async choose(id: string): Promise<void> {
    this.chooseError = null;
    void this.preloadAudio();
    const result = await this.#api.practices.get({ id });
    if (!result.ok) {
      this.chooseError = result.error.message;
      return;
    }
    this.chosen = result.value;
  }

  back(): void {
    this.chosen = null;
    this.chooseError = null;
    this.building = null;
    this.waiting = null;
    // Work not saved yet is kept: the library offers to carry on with it.
    if (this.draft && !this.draft.dirty) this.draft = null;
  }

  /**
   * Opens the builder: empty, a copy, one's own to change, or a practice read from a file. Unsaved
   * work waiting is never wiped unasked: the builder shows it, with the choice to carry on or let it go.
   */
  openBuilder(start: BuilderStart): void {
    this.chosen = null;
    this.chooseError = null;
    if (this.building === null && this.draft?.dirty) {
      this.waiting = start;
      this.building = this.draft.start;
    } else {
      this.waiting = null;
      this.draft = null;
      this.building = start;
    }
    void this.preloadAudio();
  }

  /** Carry on with the unsaved work; what was asked for meanwhile is set aside. */
  keepDraft(): void {
    this.waiting = null;
  }

  /** Lets the unsaved work go, for what was asked for meanwhile (the builder shows afresh, so this leaves it first). */
  async letDraftGo(): Promise<void> {
    const next = this.waiting;
    this.closeBuilder();
    if (!next) return;
    await tick();
    this.openBuilder(next);
  }

  /** The builder with a copy of a practice, or one of the person's own to change. Returns a problem, or null. */
  async build(id: string, as: 'copy' | 'edit'): Promise<string | null> {
    const result = await this.#api.practices.get({ id });
    if (!result.ok) return result.error.message;
    this.openBuilder({ from: as, practice: result.value });
    return null;
  }

  /** Asks for a practice file and opens it in the builder to look through; a problem, or null (also when the dialog was closed). */
  async importFile(): Promise<string | null> {
    const result = await this.#api.ownPractices.chooseImport();
    if (!result.ok) return result.error.message;
    if (result.value) this.openBuilder({ from: 'file', practice: result.value.practice, fileName: result.value.fileName });
    return null;
  }

  /** Out of the library (Undo brings it back until the vault locks). Returns a problem, or null. */
  async removeOwn(id: string): Promise<string | null> {
    const result = await this.#api.ownPractices.remove({ id });
    if (!result.ok) return result.error.message;
    this.library = this.library.filter((p) => p.id !== id);
    return null;
  }

  async restoreOwn(id: string): Promise<string | null> {
    const result = await this.#api.ownPractices.restore({ id });
    if (!result.ok) return result.error.message;
    this.focusPractice = id;
    await this.loadLibrary();
    return null;
  }

  /** Saves the practice as a file to share (the OS dialog asks where). */
  async shareOwn(id: string): Promise<{ ok: true; value: PracticeExported } | { ok: false; problem: string }> {
    const result = await this.#api.ownPractices.export({ id });
    return result.ok ? result : { ok: false, problem: result.error.message };
  }

  /** Back to the unsaved practice the library offered. */
  resumeBuilder(): void {
    if (this.draft) this.building = this.draft.start;
  }

  /** Leaves the builder, letting its work go (saved, or the person chose so). */
  closeBuilder(): void {
    this.building = null;
    this.waiting = null;
    this.draft = null;
  }

  /**
   * The builder's "Try it": the practice runs as any session would, from the click itself (for its
   * sound), against an api that records nothing; it ends back in the builder.
   */
  tryOut(practice: Practice): SessionRun | null {
    if (this.run) return null;
    this.tryingOut = true;
    return this.#start(practice, rehearsalApi(this.#api), {});
  }

  preloadAudio(): Promise<AudioModule | null> {
    this.#audioLoading ??= (this.#options.loadAudio ?? loadToneAudio)().then((m) => {
      // A load that failed is tried again with the next practice opened.
      if (!m) this.#audioLoading = null;
      return (this.#audioModule = m);
    });
    return this.#audioLoading;
  }

  /**
   * Begin: call from the click itself. The sound (and its clock) start inside the click, where
   * the browser allows it; then the session is recorded and runs.
   */
  begin(answers: BeginAnswers): SessionRun | null {
    const practice = this.chosen;
    if (!practice || this.run) return null;
    this.tryingOut = false;
    return this.#start(practice, this.#api, answers);
  }

  #start(practice: Practice, api: Api, answers: BeginAnswers): SessionRun {
    const speed = this.speed;
    let audio = this.#startAudio(practice);
    // Begin pressed before the sound module has arrived (a quick press, a busy computer): the run
    // waits a moment for it rather than staying silent for the whole session. The click has
    // already let the page play sound, so starting it a little later is allowed.
    const late =
      audio || this.#audioModule || !this.#audioLoading
        ? null
        : atMost(this.#audioLoading, this.#options.lateAudioWaitMs ?? LATE_AUDIO_WAIT_MS).then(() => {
            if (this.run !== run || run.phase !== 'starting') return;
            audio = this.#startAudio(practice);
            this.audio = audio;
            return audio?.ready;
          });
    this.audio = audio;
    this.sessionSound = null;
    this.sessionSoundscape = null;
    const run = new SessionRun(api, practice, {
      pattern: this.settings.breathPattern,
      clock: () => this.#options.clock ?? audio?.clock ?? createMasterClock({ speed }),
      ready: late ?? audio?.ready ?? Promise.resolve(),
      // Read when used, so a sound that starts late is the one the run drives.
      get audio() {
        return audio;
      },
      ...(this.#options.frames ? { frames: this.#options.frames } : {}),
    });
    this.run = run;
    void run.begin(answers);
    return run;
  }

  /** The session's sound, where the module has loaded; null without it (the session still runs). */
  #startAudio(practice: Practice): SessionAudio | null {
    try {
      return (
        this.#audioModule?.startSessionAudio({
          enabled: this.settings.audioEnabled,
          volume: this.settings.audioVolume,
          soundscape: soundscapeFor(this.settings.soundscape, practice),
          soundscapeVolume: this.settings.soundscapeVolume,
          speed: this.speed,
        }) ?? null
      );
    } catch {
      return null;
    }
  }

  /** Sound on or off for this session only; `keepSound` makes it the choice for every session. */
  setSound(on: boolean): void {
    this.audio?.setEnabled(on);
    this.sessionSound = on;
  }

  /** Remembers this session's sound choice for the sessions to come. */
  async keepSound(): Promise<string | null> {
    const on = this.soundOn;
    const result = await this.#api.settings.update({ audioEnabled: on });
    if (!result.ok) return result.error.message;
    this.settings = result.value;
    return null;
  }

  /** A background sound for this session only (null: none); `keepSoundscape` makes it the choice for every session. */
  setSoundscape(id: SoundscapeId | null): void {
    this.audio?.setSoundscape(id);
    this.sessionSoundscape = id ?? 'none';
  }

  /** Remembers this session's background sound for the sessions to come. */
  async keepSoundscape(): Promise<string | null> {
    const result = await this.#api.settings.update({ soundscape: this.soundscape ?? 'none' });
    if (!result.ok) return result.error.message;
    this.settings = result.value;
    return null;
  }

  /** The background sound's own volume: live while sliding, remembered on release. */
  async setSoundscapeVolume(volume: number, remember = true): Promise<void> {
    this.audio?.setSoundscapeVolume(volume);
    this.settings = { ...this.settings, soundscapeVolume: volume };
    if (!remember) return;
    const result = await this.#api.settings.update({ soundscapeVolume: volume });
    if (result.ok) this.settings = result.value;
  }

  /** Live while sliding; remembered when `remember` is set (on release). */
  async setVolume(volume: number, remember = true): Promise<void> {
    this.audio?.setVolume(volume);
    this.settings = { ...this.settings, audioVolume: volume };
    if (!remember) return;
    const result = await this.#api.settings.update({ audioVolume: volume });
    if (result.ok) this.settings = result.value;
  }

  /** The after-session check-in. Returns an error message or null. */
  async reflect(fields: { moodAfter?: number; tears?: SessionRecord['tears']; relief?: number; notes: string; tooMuch?: true }): Promise<string | null> {
    const sessionId = this.run?.sessionId;
    if (!sessionId) return null;
    const result = await this.#api.sessions.reflect({
      sessionId,
      notes: fields.notes,
      ...(fields.moodAfter !== undefined ? { moodAfter: fields.moodAfter } : {}),
      ...(fields.tears ? { tears: fields.tears } : {}),
      ...(fields.relief !== undefined ? { relief: fields.relief } : {}),
      ...(fields.tooMuch ? { tooMuch: true as const } : {}),
    });
    return result.ok ? null : result.error.message;
  }

  /** A new journal entry linked to this session. Returns its id, or an error message. */
  async createLinkedEntry(): Promise<{ id: number } | { problem: string }> {
    const sessionId = this.run?.sessionId;
    if (!sessionId) return { problem: 'This session was not saved, so there is nothing to link to.' };
    const result = await this.#api.journal.create(linkedEntry({ body: '' }, sessionId));
    return result.ok ? { id: result.value.id } : { problem: result.error.message };
  }

  /** Leaves the session view (Done, Write about it): saves what was typed, back to the library. */
  async leave(): Promise<void> {
    const run = this.run;
    const tryOut = this.tryingOut;
    this.run = null;
    this.audio = null;
    this.chosen = null;
    this.tryingOut = false;
    await run?.dispose();
    // A try-out left nothing in History; the builder it came from shows again.
    if (!tryOut) await this.loadHistory();
  }

  /** The vault locked: end the session view quietly; nothing more is written. */
  locked(): void {
    void this.run?.dispose({ locked: true });
    this.run = null;
    this.audio = null;
    this.chosen = null;
    this.tryingOut = false;
    this.building = null;
    this.waiting = null;
    this.draft = null;
    this.focusPractice = null;
    this.library = [];
    this.history = [];
    this.orderedForYou = false;
    this.talkWithDoctor = false;
  }
}

/** The practices in the suggested order; any the suggestion does not name keep their place after it. */
export function inSuggestedOrder(practices: readonly PracticeSummary[], order: readonly string[]): PracticeSummary[] {
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return practices.map((p, index) => ({ p, index })).sort((a, b) => rank(a.p.id) - rank(b.p.id) || a.index - b.index).map(({ p }) => p);
}
