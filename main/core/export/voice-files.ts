import { voiceMimeTypes, type VoiceMimeType } from '../../../preload/contract/index.ts';
import type { Db } from '../vault/database.ts';

/**
 * Voice notes in an export: each one an audio file in `Journal/voice/`, beside the entry's Markdown
 * file and named after it ("2026-12-03 2014-1.webm"), linked from the entry's Markdown. The audio
 * is written as it was recorded (Opus in WebM), playable in any browser or media player.
 */

export const VOICE_FOLDER = 'voice';

export interface VoiceNoteRef {
  id: number;
  durationMs: number;
  mimeType: VoiceMimeType;
}

/** A note as written out: its path from the entry's Markdown file, its length, its audio. */
export interface VoiceFile {
  /** Relative to the Markdown file: "voice/2026-12-03 2014-1.webm". */
  path: string;
  durationMs: number;
  audio: Buffer;
}

const extensions: Record<VoiceMimeType, string> = { 'audio/webm;codecs=opus': 'webm', 'audio/ogg;codecs=opus': 'ogg' };

/** The notes of live entries written in the range, by entry, oldest first. */
export function readVoiceNotes(db: Db, from: number | null, to: number | null): Map<number, VoiceNoteRef[]> {
  const rows = db
    .prepare(
      `SELECT n.entry_id AS entryId, n.id AS id, n.duration_ms AS durationMs, n.mime_type AS mimeType
       FROM voice_notes n JOIN entries e ON e.id = n.entry_id
       WHERE e.deleted_at IS NULL AND (? IS NULL OR e.created_at >= ?) AND (? IS NULL OR e.created_at < ?)
       ORDER BY n.entry_id, n.created_at, n.id`,
    )
    .all(from, from, to, to) as (VoiceNoteRef & { entryId: number })[];
  const byEntry = new Map<number, VoiceNoteRef[]>();
  for (const { entryId, ...note } of rows) {
    if (!(voiceMimeTypes as readonly string[]).includes(note.mimeType)) continue;
    const list = byEntry.get(entryId);
    if (list) list.push(note);
    else byEntry.set(entryId, [note]);
  }
  return byEntry;
}

/**
 * An entry's notes read whole, for the entry whose Markdown is `markdownName`; a note removed
 * since the list was read (the export yields between files) is left out, so no link points nowhere.
 */
export function voiceFilesFor(db: Db, markdownName: string, notes: readonly VoiceNoteRef[]): VoiceFile[] {
  const stem = markdownName.replace(/\.md$/, '');
  const files: VoiceFile[] = [];
  for (const note of notes) {
    const pieces = db.prepare('SELECT data FROM voice_note_chunks WHERE note_id = ? ORDER BY seq').pluck().all(note.id) as Buffer[];
    if (pieces.length === 0) continue;
    files.push({
      path: `${VOICE_FOLDER}/${stem}-${files.length + 1}.${extensions[note.mimeType]}`,
      durationMs: note.durationMs,
      audio: Buffer.concat(pieces),
    });
  }
  return files;
}

/** "0:42", "12:05", "1:02:03". */
export function clockLength(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A Markdown link target for a relative path: spaces and brackets escaped, so every reader follows it. */
export function linkTarget(path: string): string {
  return path
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/');
}

/** The lines an entry's Markdown ends with: one link per note. */
export function voiceLinks(files: readonly Pick<VoiceFile, 'path' | 'durationMs'>[]): string {
  return files.map((f, i) => `- [Voice note ${i + 1} (${clockLength(f.durationMs)})](${linkTarget(f.path)})\n`).join('');
}
