import type { VoiceNote } from '../../../../preload/contract/index.ts';
import type { Api } from '../../../../preload/create-api.ts';
import { VoiceRecorder, type MediaPorts } from './recorder.svelte.ts';

/**
 * The voice notes of one journal entry (in the editor, or the entry a session writes to) and the
 * recorder that adds to them. The entry is asked for only when recording starts, so a new entry
 * (or a session's) is made then, not before.
 */
export class EntryVoice {
  notes = $state.raw<VoiceNote[]>([]);
  problem = $state<string | null>(null);
  readonly recorder: VoiceRecorder;
  readonly #api: Api;

  constructor(api: Api, entry: () => Promise<number | null>, media?: MediaPorts | null) {
    this.#api = api;
    this.recorder = new VoiceRecorder(api, {
      entry,
      onsaved: (note) => this.#saved(note),
      ...(media !== undefined ? { media } : {}),
    });
  }

  /** The entry's notes as kept (after opening an existing entry). */
  async load(entryId: number): Promise<void> {
    const result = await this.#api.voice.list({ entryId });
    if (!result.ok) {
      this.problem = result.error.message;
      return;
    }
    this.notes = result.value;
  }

  /** Deletes a note for good; returns a message when it could not be. */
  async remove(id: number): Promise<string | null> {
    const result = await this.#api.voice.delete({ id });
    if (!result.ok && result.error.code !== 'NOT_FOUND') return result.error.message;
    this.notes = this.notes.filter((n) => n.id !== id);
    return null;
  }

  /** Anything kept, or being recorded now: an entry holding a voice note is not empty. */
  get holdsAny(): boolean {
    return this.notes.length > 0 || this.recorder.note !== null;
  }

  #saved(note: VoiceNote): void {
    const at = this.notes.findIndex((n) => n.id === note.id);
    this.notes = at >= 0 ? this.notes.with(at, note) : [...this.notes, note];
  }
}
