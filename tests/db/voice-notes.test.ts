import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { voiceLimits } from '../../preload/contract/index.ts';
import { Journal } from '../../main/core/journal/journal.ts';
import { VoiceNotes } from '../../main/core/journal/voice-notes.ts';
import { openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { foundInPages } from '../helpers/sqlcipher-pages.ts';
import { expectAppError, makeTempDir } from '../helpers/vault-fixtures.ts';

/** Voice notes in a real encrypted database in a temp folder, read back page by page. */
let dir: string;
let cleanup: () => void;
let file: string;
let key: Buffer;
let db: Db;
let clock: FakeClock;
let journal: Journal;
let notes: VoiceNotes;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'vault.db');
  key = randomBytes(32);
  db = openEncryptedDatabase(file, key);
  clock = new FakeClock(1_700_000_000_000);
  journal = new Journal(() => db, clock);
  notes = new VoiceNotes(() => db, clock);
});
afterEach(() => {
  if (db.open) db.close();
  cleanup();
});

const WEBM = 'audio/webm;codecs=opus' as const;

/** Audio-like bytes no page could hold by chance, and a run of them to look for. */
function sound(bytes: number): { audio: Buffer; runs: Buffer[] } {
  const audio = randomBytes(bytes);
  return { audio, runs: [audio.subarray(100, 164), audio.subarray(Math.floor(bytes / 2), Math.floor(bytes / 2) + 64)] };
}

/** Records `audio` as a note on `entryId` in pieces of `piece` bytes, a second of sound each. */
function record(entryId: number, audio: Buffer, piece = 4000): number {
  const first = notes.begin({ entryId, mimeType: WEBM, chunk: audio.subarray(0, piece), durationMs: 1000 });
  for (let i = 1; i * piece < audio.length; i++) {
    notes.append({ id: first.id, index: i, chunk: audio.subarray(i * piece, (i + 1) * piece), durationMs: (i + 1) * 1000 });
  }
  return first.id;
}

const rows = () => ({
  notes: db.prepare('SELECT count(*) FROM voice_notes').pluck().get(),
  chunks: db.prepare('SELECT count(*) FROM voice_note_chunks').pluck().get(),
});

describe('voice notes', () => {
  it('keeps a note as its pieces arrive, on its entry, and gives it back whole', () => {
    const entry = journal.create({ body: 'Said out loud today.' });
    clock.advance(60_000);
    const first = notes.begin({ entryId: entry.id, mimeType: WEBM, chunk: new Uint8Array([1, 2, 3]), durationMs: 2000 });
    expect(first).toEqual({ id: first.id, entryId: entry.id, createdAt: clock.now(), durationMs: 2000, bytes: 3, mimeType: WEBM });
    // A note is a change to its entry.
    expect(journal.get(entry.id).updatedAt).toBe(clock.now());
    notes.append({ id: first.id, index: 1, chunk: new Uint8Array([4, 5]), durationMs: 4000 });
    // The length never goes back (a late piece measured a moment earlier).
    const last = notes.append({ id: first.id, index: 2, chunk: new Uint8Array([6]), durationMs: 3900 });
    expect(last).toMatchObject({ durationMs: 4000, bytes: 6 });
    expect(notes.list(entry.id)).toEqual([last]);
    const played = notes.audio(first.id);
    expect(played.mimeType).toBe(WEBM);
    expect([...played.audio]).toEqual([1, 2, 3, 4, 5, 6]);
    // A second note comes after the first.
    const second = notes.begin({ entryId: entry.id, mimeType: WEBM, chunk: new Uint8Array([9]), durationMs: 500 });
    expect(notes.list(entry.id).map((n) => n.id)).toEqual([first.id, second.id]);
  });

  it('refuses a piece out of order, a note past its longest, and an entry gone or in the trash, changing nothing', async () => {
    const entry = journal.create({ body: 'x' });
    const id = notes.begin({ entryId: entry.id, mimeType: WEBM, chunk: new Uint8Array([1]), durationMs: 1000 }).id;
    notes.append({ id, index: 1, chunk: new Uint8Array([2]), durationMs: 2000 });
    const before = { ...rows(), audio: [...notes.audio(id).audio] };

    // Sent twice, or one lost on the way: the audio would break, so the piece is refused.
    await expectAppError(() => notes.append({ id, index: 1, chunk: new Uint8Array([2]), durationMs: 2000 }), 'INVALID_INPUT');
    await expectAppError(() => notes.append({ id, index: 3, chunk: new Uint8Array([4]), durationMs: 3000 }), 'INVALID_INPUT');
    // Past the longest a note may be, in time or in bytes.
    await expectAppError(() => notes.append({ id, index: 2, chunk: new Uint8Array([3]), durationMs: voiceLimits.maxMs + voiceLimits.slackMs + 1 }), 'INVALID_INPUT');
    db.prepare('UPDATE voice_notes SET bytes = ? WHERE id = ?').run(voiceLimits.noteMaxBytes - 1, id);
    const full = await expectAppError(() => notes.append({ id, index: 2, chunk: new Uint8Array([3, 3]), durationMs: 3000 }), 'INVALID_INPUT');
    expect(full.message).toMatch(/kept/);
    db.prepare('UPDATE voice_notes SET bytes = 2 WHERE id = ?').run(id);
    // Not audio, or too much at once.
    await expectAppError(() => notes.append({ id, index: 2, chunk: 'abc' as unknown as Uint8Array, durationMs: 3000 }), 'INVALID_INPUT');
    await expectAppError(() => notes.append({ id, index: 2, chunk: new Uint8Array(0), durationMs: 3000 }), 'INVALID_INPUT');
    await expectAppError(() => notes.append({ id, index: 2, chunk: new Uint8Array(voiceLimits.chunkMaxBytes + 1), durationMs: 3000 }), 'INVALID_INPUT');
    await expectAppError(() => notes.begin({ entryId: entry.id, mimeType: 'audio/wav' as never, chunk: new Uint8Array([1]), durationMs: 1 }), 'INVALID_INPUT');
    // No such entry or note.
    await expectAppError(() => notes.begin({ entryId: 999, mimeType: WEBM, chunk: new Uint8Array([1]), durationMs: 1 }), 'NOT_FOUND');
    await expectAppError(() => notes.append({ id: 999, index: 1, chunk: new Uint8Array([1]), durationMs: 1 }), 'NOT_FOUND');
    expect({ ...rows(), audio: [...notes.audio(id).audio] }).toEqual(before);

    // An entry in the trash keeps its notes (undo brings them back) but shows and takes none.
    journal.delete(entry.id);
    await expectAppError(() => notes.list(entry.id), 'NOT_FOUND');
    await expectAppError(() => notes.audio(id), 'NOT_FOUND');
    await expectAppError(() => notes.begin({ entryId: entry.id, mimeType: WEBM, chunk: new Uint8Array([1]), durationMs: 1 }), 'NOT_FOUND');
    await expectAppError(() => notes.append({ id, index: 2, chunk: new Uint8Array([3]), durationMs: 3000 }), 'NOT_FOUND');
    expect(rows()).toEqual({ notes: before.notes, chunks: before.chunks });
    journal.restore(entry.id);
    expect([...notes.audio(id).audio]).toEqual([1, 2]);
  });

  it('keeps at most 50 notes on one entry, refusing the next kindly and changing nothing', async () => {
    expect(voiceLimits.notesPerEntryMax).toBe(50);
    const entry = journal.create({ body: 'x' });
    const other = journal.create({ body: 'y' });
    for (let i = 0; i < voiceLimits.notesPerEntryMax; i++) {
      notes.begin({ entryId: entry.id, mimeType: WEBM, chunk: new Uint8Array([i]), durationMs: 1000 });
    }
    const before = rows();
    const refused = await expectAppError(() => notes.begin({ entryId: entry.id, mimeType: WEBM, chunk: new Uint8Array([1]), durationMs: 1000 }), 'INVALID_INPUT');
    expect(refused.message).toMatch(/50 voice notes.*new entry/);
    expect(rows()).toEqual(before);
    expect(notes.list(entry.id)).toHaveLength(voiceLimits.notesPerEntryMax);
    // Another entry is not affected; deleting one makes room again.
    expect(notes.begin({ entryId: other.id, mimeType: WEBM, chunk: new Uint8Array([1]), durationMs: 1000 }).entryId).toBe(other.id);
    notes.delete(notes.list(entry.id)[0]!.id);
    expect(notes.begin({ entryId: entry.id, mimeType: WEBM, chunk: new Uint8Array([1]), durationMs: 1000 }).entryId).toBe(entry.id);
  });

  it('stores the audio encrypted, and once deleted it is gone from every page of the file, free ones too', async () => {
    const entry = journal.create({ body: 'x' });
    const { audio, runs } = sound(20_000);
    const id = record(entry.id, audio);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const raw = fs.readFileSync(file);
    for (const run of runs) {
      // Not in the file as it lies on disk …
      expect(raw.includes(run)).toBe(false);
      // … but there once decrypted (so the search below can see audio where it is).
      expect(foundInPages(file, key, run)).toBe(true);
    }

    notes.delete(id);
    expect(rows()).toEqual({ notes: 0, chunks: 0 });
    await expectAppError(() => notes.audio(id), 'NOT_FOUND');
    for (const run of runs) expect(foundInPages(file, key, run)).toBe(false);
  });

  it('without secure delete the audio would linger in free pages (why deleting erases)', () => {
    const entry = journal.create({ body: 'x' });
    const { audio, runs } = sound(20_000);
    const id = record(entry.id, audio);
    db.pragma('secure_delete = OFF');
    db.prepare('DELETE FROM voice_notes WHERE id = ?').run(id);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(rows()).toEqual({ notes: 0, chunks: 0 });
    expect(runs.some((run) => foundInPages(file, key, run))).toBe(true);
  });

  it('deleting the entry for good (the trash emptied at lock) removes its notes and erases their audio', () => {
    const kept = journal.create({ body: 'kept' });
    const gone = journal.create({ body: 'deleted' });
    const keptSound = sound(9_000);
    const goneSound = sound(9_000);
    const keptId = record(kept.id, keptSound.audio);
    record(gone.id, goneSound.audio);
    journal.delete(gone.id);
    expect(journal.purgeDeleted()).toBe(1);
    expect(db.prepare('SELECT entry_id FROM voice_notes').pluck().all()).toEqual([kept.id]);
    expect(Buffer.from(notes.audio(keptId).audio).equals(keptSound.audio)).toBe(true);
    for (const run of goneSound.runs) expect(foundInPages(file, key, run)).toBe(false);
    for (const run of keptSound.runs) expect(foundInPages(file, key, run)).toBe(true);
    // Nothing in the trash: nothing to do, and no erasing pass.
    expect(journal.purgeDeleted()).toBe(0);
  });
});
