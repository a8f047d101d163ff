import type { z } from 'zod';
import {
  AppError,
  EntryId,
  VoiceAppend,
  VoiceBegin,
  VoiceNoteId,
  voiceLimits,
  type VoiceAudio,
  type VoiceNote,
} from '../../../preload/contract/index.ts';
import type { Clock } from '../ports.ts';
import type { Db } from '../vault/database.ts';
import { erasing } from '../vault/erasing.ts';
import { statement } from '../vault/statements.ts';
import { parse } from './validate.ts';

const noteColumns = `n.id AS id, n.entry_id AS entryId, n.created_at AS createdAt, n.duration_ms AS durationMs, n.bytes AS bytes,
  n.mime_type AS mimeType`;

const sql = {
  liveEntry: `SELECT 1 FROM entries WHERE id = ? AND deleted_at IS NULL`,
  insertNote: `INSERT INTO voice_notes (entry_id, created_at, mime_type, duration_ms, bytes) VALUES (?, ?, ?, ?, ?)`,
  insertChunk: `INSERT INTO voice_note_chunks (note_id, seq, data) VALUES (?, ?, ?)`,
  // Seen from the page, a note lives while its entry does: one waiting in the trash is not listed or played.
  liveNote: `SELECT ${noteColumns} FROM voice_notes n JOIN entries e ON e.id = n.entry_id WHERE n.id = ? AND e.deleted_at IS NULL`,
  countOf: `SELECT count(*) FROM voice_notes WHERE entry_id = ?`,
  notesOf: `SELECT ${noteColumns} FROM voice_notes n WHERE n.entry_id = ? ORDER BY n.created_at, n.id`,
  nextSeq: `SELECT coalesce(max(seq), -1) + 1 FROM voice_note_chunks WHERE note_id = ?`,
  grow: `UPDATE voice_notes SET duration_ms = max(duration_ms, ?), bytes = bytes + ? WHERE id = ?`,
  chunks: `SELECT data FROM voice_note_chunks WHERE note_id = ? ORDER BY seq`,
  // A note is a change to its entry: the entry's "updated" time says so (and exports carry it).
  touchEntry: `UPDATE entries SET updated_at = ? WHERE id = ? AND deleted_at IS NULL`,
  deleteNote: `DELETE FROM voice_notes WHERE id = ?`,
} as const;

/** better-sqlite3 binds Buffers as BLOBs; a Uint8Array from IPC is viewed as one without copying. */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Voice notes, kept with their journal entries (migration 020). The audio arrives in pieces while
 * it is recorded and never exists anywhere but in the vault: not in a temp file, not in a log.
 */
export class VoiceNotes {
  constructor(
    private readonly db: () => Db,
    private readonly clock: Clock,
  ) {}

  /** A new note on a live entry, with its first piece. */
  begin(input: z.input<typeof VoiceBegin>): VoiceNote {
    const { entryId, mimeType, chunk, durationMs } = parse(VoiceBegin, input);
    const db = this.db();
    const now = this.clock.now();
    const id = db.transaction(() => {
      if (!statement(db, sql.liveEntry).get(entryId)) throw entryNotFound();
      const count = statement(db, sql.countOf).pluck().get(entryId) as number;
      if (count >= voiceLimits.notesPerEntryMax) {
        throw new AppError(
          'INVALID_INPUT',
          // The page adds "Nothing was recorded."
          `This entry already has ${voiceLimits.notesPerEntryMax} voice notes, the most one entry keeps. You can record in a new entry, or delete a note you no longer need.`,
        );
      }
      const noteId = Number(statement(db, sql.insertNote).run(entryId, now, mimeType, durationMs, chunk.byteLength).lastInsertRowid);
      statement(db, sql.insertChunk).run(noteId, 0, asBuffer(chunk));
      statement(db, sql.touchEntry).run(now, entryId);
      return noteId;
    }).immediate();
    return this.find(db, id);
  }

  /**
   * The next piece, in order. A piece out of place (one lost or sent twice) is refused rather than
   * written where it would break the audio; so is one past the longest a note may be. Either way
   * what was recorded before is kept, whole.
   */
  append(input: z.input<typeof VoiceAppend>): VoiceNote {
    const { id, index, chunk, durationMs } = parse(VoiceAppend, input);
    const db = this.db();
    db.transaction(() => {
      const note = this.find(db, id);
      const next = statement(db, sql.nextSeq).pluck().get(id) as number;
      if (index !== next) {
        throw new AppError('INVALID_INPUT', 'A piece of this voice note arrived out of order, so recording stopped there. What came before is kept.');
      }
      if (note.bytes + chunk.byteLength > voiceLimits.noteMaxBytes) {
        throw new AppError('INVALID_INPUT', `This voice note is as long as a note can be, so recording stopped. Everything before is kept.`);
      }
      statement(db, sql.insertChunk).run(id, index, asBuffer(chunk));
      statement(db, sql.grow).run(durationMs, chunk.byteLength, id);
    }).immediate();
    return this.find(db, id);
  }

  /** An entry's notes, oldest first. */
  list(entryId: number): VoiceNote[] {
    parse(EntryId, entryId);
    const db = this.db();
    if (!statement(db, sql.liveEntry).get(entryId)) throw entryNotFound();
    return statement(db, sql.notesOf).all(entryId) as VoiceNote[];
  }

  /** The whole recording, as it was recorded. */
  audio(id: number): VoiceAudio {
    parse(VoiceNoteId, id);
    const db = this.db();
    return db.transaction(() => {
      const note = this.find(db, id);
      const pieces = statement(db, sql.chunks).pluck().all(id) as Buffer[];
      return { mimeType: note.mimeType, audio: Buffer.concat(pieces, note.bytes) };
    })();
  }

  /** Removes the note and its audio for good, overwriting the audio's pages in the file. */
  delete(id: number): void {
    parse(VoiceNoteId, id);
    const db = this.db();
    const removed = erasing(db, () => {
      const note = statement(db, `SELECT entry_id AS entryId FROM voice_notes WHERE id = ?`).get(id) as { entryId: number } | undefined;
      if (!note) return false;
      statement(db, sql.deleteNote).run(id);
      statement(db, sql.touchEntry).run(this.clock.now(), note.entryId);
      return true;
    });
    if (!removed) throw noteNotFound();
  }

  /** The entry a note belongs to (for telling the lists it changed). */
  entryOf(id: number): number | null {
    const row = statement(this.db(), `SELECT entry_id FROM voice_notes WHERE id = ?`).pluck().get(id);
    return typeof row === 'number' ? row : null;
  }

  private find(db: Db, id: number): VoiceNote {
    const note = statement(db, sql.liveNote).get(id) as VoiceNote | undefined;
    if (!note) throw noteNotFound();
    return note;
  }
}

function entryNotFound(): AppError {
  return new AppError('NOT_FOUND', 'That entry could not be found. It may have been deleted.');
}

function noteNotFound(): AppError {
  return new AppError('NOT_FOUND', 'That voice note could not be found. It may have been deleted.');
}
