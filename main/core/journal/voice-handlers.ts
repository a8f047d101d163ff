import type { Handlers } from '../router.ts';
import type { VoiceNotes } from './voice-notes.ts';

type VoiceHandlers = Pick<Handlers, 'voice.begin' | 'voice.append' | 'voice.list' | 'voice.audio' | 'voice.delete'>;

export interface VoiceEvents {
  /** An entry gained or lost a note: the lists show it. */
  changed(entryId: number): void;
  /** A piece arrived while recording. */
  active(): void;
}

/** Voice notes (issue 15): every method needs the open vault. */
export function voiceHandlers(notes: VoiceNotes, on: VoiceEvents): VoiceHandlers {
  return {
    'voice.begin': (input) => {
      const note = notes.begin(input);
      on.active();
      on.changed(note.entryId);
      return note;
    },
    'voice.append': (input) => {
      const note = notes.append(input);
      on.active();
      return note;
    },
    'voice.list': ({ entryId }) => notes.list(entryId),
    'voice.audio': ({ id }) => notes.audio(id),
    'voice.delete': ({ id }) => {
      const entryId = notes.entryOf(id);
      notes.delete(id);
      if (entryId !== null) on.changed(entryId);
    },
  };
}
