import type { VoiceNote } from '../../../../preload/contract/index.ts';
import type { Api } from '../../../../preload/create-api.ts';

/** The one note playing, so starting another pauses it (two voices at once would be a muddle). */
const nowPlaying = new Set<VoicePlayer>();

/**
 * Plays one voice note: its audio is fetched from the vault when Listen is first pressed and
 * handed to an <audio> element as a blob: URL of the page's own (never a file, never the
 * network), released again when the player goes.
 */
export class VoicePlayer {
  state = $state<'idle' | 'loading' | 'playing' | 'paused'>('idle');
  /** Seconds into the note. */
  position = $state(0);
  problem = $state<string | null>(null);

  readonly #api: Api;
  readonly #note: () => VoiceNote;
  #audio: HTMLAudioElement | null = null;
  #url: string | null = null;

  constructor(api: Api, note: () => VoiceNote) {
    this.#api = api;
    this.#note = note;
  }

  /** The <audio> element that plays it (bound by the view). */
  attach(audio: HTMLAudioElement): () => void {
    this.#audio = audio;
    const onTime = () => (this.position = audio.currentTime);
    const onEnded = () => {
      this.state = 'idle';
      this.position = 0;
    };
    const onPause = () => {
      if (this.state === 'playing') this.state = 'paused';
    };
    audio.addEventListener('timeupdate', onTime);
    audio.addEventListener('ended', onEnded);
    audio.addEventListener('pause', onPause);
    return () => {
      audio.removeEventListener('timeupdate', onTime);
      audio.removeEventListener('ended', onEnded);
      audio.removeEventListener('pause', onPause);
      this.dispose();
    };
  }

  async toggle(): Promise<void> {
    if (this.state === 'playing') {
      this.#audio?.pause();
      this.state = 'paused';
      return;
    }
    if (this.state === 'loading') return;
    const audio = this.#audio;
    if (!audio) return;
    this.problem = null;
    if (this.#url === null) {
      this.state = 'loading';
      const result = await this.#api.voice.audio({ id: this.#note().id });
      if (!result.ok) {
        this.problem = result.error.message;
        this.state = 'idle';
        return;
      }
      const bytes = result.value.audio;
      this.#url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: result.value.mimeType }));
      audio.src = this.#url;
    }
    for (const other of nowPlaying) if (other !== this) other.pauseForOther();
    nowPlaying.clear();
    nowPlaying.add(this);
    try {
      this.state = 'playing';
      await audio.play();
    } catch {
      this.state = 'idle';
      this.problem = 'This voice note could not be played. It is still kept; you can try again.';
    }
  }

  pauseForOther(): void {
    if (this.state !== 'playing') return;
    this.#audio?.pause();
    this.state = 'paused';
  }

  dispose(): void {
    this.#audio?.pause();
    if (this.#audio) this.#audio.removeAttribute('src');
    if (this.#url) URL.revokeObjectURL(this.#url);
    this.#url = null;
    nowPlaying.delete(this);
    this.state = 'idle';
  }
}
