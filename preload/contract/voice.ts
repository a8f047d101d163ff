import { z } from 'zod';
import { method, ok, timestamp } from './common.ts';

/**
 * Voice notes ("say it aloud"): audio recorded in the page with MediaRecorder (Opus), kept in the
 * vault beside the journal entry it belongs to, never anywhere else. The page sends what it has
 * recorded every few seconds, so a Stop, a lock or a crash keeps everything said up to the last
 * piece; each piece carries the length recorded so far, so a note is always whole as far as it goes.
 */

export const voiceLimits = {
  /** The longest note, said up front; the page stops recording here. */
  maxMinutes: 30,
  maxMs: 30 * 60_000,
  /** One piece sent from the page: a few seconds of audio is a few kilobytes; this leaves room. */
  chunkMaxBytes: 1024 * 1024,
  /**
   * A whole note. 30 minutes of Opus at the 32 kbit/s the page asks for is about 7.2 MB; this
   * leaves room for a recorder that sends more than it was asked to.
   */
  noteMaxBytes: 16 * 1024 * 1024,
  /** Notes on one journal entry; past this a new one is refused (kindly) and the others stay. */
  notesPerEntryMax: 50,
  /** The page's own measure of the length may run a little ahead of the recorder's stop. */
  slackMs: 10_000,
} as const;

export const VoiceNoteId = z.number().int().positive();
const EntryRef = z.number().int().positive();

/** What MediaRecorder writes: Opus in WebM (Chromium), or in Ogg. */
export const voiceMimeTypes = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus'] as const;
export const VoiceMimeType = z.enum(voiceMimeTypes, { error: 'A voice note is Opus audio, in WebM or Ogg.' });
export type VoiceMimeType = z.infer<typeof VoiceMimeType>;

const bytes = (max: number, what: string) =>
  z
    // Any Uint8Array (a Node Buffer too), whatever its buffer: z.instanceof would insist on a plain ArrayBuffer.
    .custom<Uint8Array>((value) => value instanceof Uint8Array, { error: `${what} must be audio bytes.` })
    .refine((b) => b.byteLength > 0, { error: `${what} is empty.` })
    .refine((b) => b.byteLength <= max, { error: `${what} is larger than Saltwater accepts.` });

const lengthMessage = `A voice note can be up to ${voiceLimits.maxMinutes} minutes long.`;
const DurationMs = z
  .number({ error: 'The length is a number of milliseconds.' })
  .int({ error: 'The length is a whole number of milliseconds.' })
  .min(0, { error: 'The length is a number of milliseconds.' })
  .max(voiceLimits.maxMs + voiceLimits.slackMs, { error: lengthMessage });

export const VoiceNote = z.object({
  id: VoiceNoteId,
  entryId: EntryRef,
  createdAt: timestamp,
  /** As far as it was recorded (a note cut off by a lock is as long as what reached the vault). */
  durationMs: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  mimeType: VoiceMimeType,
});
export type VoiceNote = z.infer<typeof VoiceNote>;

export const VoiceBegin = z.strictObject({
  /** The live journal entry the note belongs to. */
  entryId: EntryRef,
  mimeType: VoiceMimeType,
  /** The first piece of audio (it holds the file's header). */
  chunk: bytes(voiceLimits.chunkMaxBytes, 'A piece of a voice note'),
  durationMs: DurationMs,
});

export const VoiceAppend = z.strictObject({
  id: VoiceNoteId,
  /** The piece's place: 1 for the piece after the first, then 2, 3 …; a piece out of order is refused. */
  index: z.number({ error: 'A piece needs its place in the note.' }).int().min(1).max(100_000),
  chunk: bytes(voiceLimits.chunkMaxBytes, 'A piece of a voice note'),
  durationMs: DurationMs,
});

export const VoiceAudio = z.object({
  mimeType: VoiceMimeType,
  audio: bytes(voiceLimits.noteMaxBytes, 'A voice note'),
});
export type VoiceAudio = z.infer<typeof VoiceAudio>;

export const voiceMethods = {
  /** Starts a note on a live entry with its first piece of audio. */
  'voice.begin': method(VoiceBegin, VoiceNote),
  /** Adds the next piece; refused past the longest a note may be (what came before is kept). */
  'voice.append': method(VoiceAppend, VoiceNote),
  /** An entry's notes, oldest first. */
  'voice.list': method(z.strictObject({ entryId: EntryRef }), z.array(VoiceNote)),
  /** A note's audio, whole, to play in the page. */
  'voice.audio': method(z.strictObject({ id: VoiceNoteId }), VoiceAudio),
  /** Removes a note for good: its audio is overwritten in the vault file, not only unlinked. */
  'voice.delete': method(z.strictObject({ id: VoiceNoteId }), ok),
} as const;
