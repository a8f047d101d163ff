import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError, limits, type QuickNoteStatus } from '../../../preload/contract/index.ts';
import type { Clock } from '../ports.ts';
import { ensureSealKeys } from '../scheduler/schedules-store.ts';
import { appendDurably, SealedLog } from '../scheduler/sealed-log.ts';
import { writeFileAtomic } from '../vault/atomic-write.ts';
import { QUICK_NOTES_FILE_NAME, QUICK_NOTES_KEPT_ASIDE_FILE_NAME, QUICK_NOTES_KEY_FILE_NAME } from '../vault/vault-files.ts';
import type { Db } from '../vault/database.ts';
import { statement } from '../vault/statements.ts';

/**
 * Quick notes: a few words written on the lock screen (or from the tray) without unlocking.
 *
 * Each note is sealed at once to the public half of the vault's seal key pair (the one the
 * scheduler's and the signal outbox's locked logs use; its private half lives only inside the
 * vault), appended to `quick-notes.sealed` and flushed before the person is told it is kept.
 * Nobody can read it while the vault is locked, the person included. At the next unlock each
 * note becomes a journal entry dated when it was written, in the order written.
 *
 * "Once" comes from quick_notes_taken (migration 016): a note's id is remembered in the same
 * transaction that adds its entry, and the log is removed only after that commit. A crash before the commit
 * changes nothing; a crash after it leaves a log whose notes are all remembered, so the next
 * unlock adds nothing twice.
 *
 * The public key is kept beside the vault (`quick-notes.pub`) so notes can be sealed after a
 * restart, before any unlock. It is not secret; if someone swapped it, their notes would not
 * open with this vault's key: those are kept aside, never dropped, and the person is told.
 */

const PURPOSE = 'saltwater quick note v1';
const TAG = 'quick note';

const SealedNote = z.object({
  id: z.uuid(),
  at: z.number().int().nonnegative(),
  text: z.string().min(1).max(limits.quickNoteMax),
});
type SealedNote = z.infer<typeof SealedNote>;

export interface TakenIn {
  /** Notes that became journal entries at this unlock. */
  taken: number;
  /** Notes that did not open with this vault's key, moved to the kept-aside file. */
  keptAside: number;
  /** The entries made (so an open journal list fetches just those). */
  ids: number[];
}

const sql = {
  known: `SELECT 1 FROM quick_notes_taken WHERE note_id = ?`,
  insertEntry: `INSERT INTO entries (created_at, updated_at, body) VALUES (?, ?, ?)`,
  insertTag: `INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)`,
  remember: `INSERT INTO quick_notes_taken (note_id, taken_at) VALUES (?, ?)`,
} as const;

export class QuickNotes {
  private readonly log: SealedLog;
  private readonly publicKeyFile: string;
  private readonly keptAsideFile: string;

  constructor(
    dataDir: string,
    private readonly clock: Clock,
  ) {
    this.log = new SealedLog(join(dataDir, QUICK_NOTES_FILE_NAME), PURPOSE);
    this.publicKeyFile = join(dataDir, QUICK_NOTES_KEY_FILE_NAME);
    this.keptAsideFile = join(dataDir, QUICK_NOTES_KEPT_ASIDE_FILE_NAME);
  }

  status(): QuickNoteStatus {
    return { ready: this.publicKey() !== null, waiting: this.log.count() };
  }

  /** Seals and flushes the note; only then does the caller hear it is kept. */
  write(text: string): void {
    const publicKey = this.publicKey();
    if (!publicKey) {
      throw new AppError('LOCKED', 'Quick notes can be written here once you have unlocked Saltwater on this computer. For now, a note on paper keeps it safe too.');
    }
    const note: SealedNote = { id: randomUUID(), at: this.clock.now(), text };
    this.log.append(publicKey, JSON.stringify(note));
  }

  /**
   * At each unlock (and after a new vault is made): the public key beside the vault is brought
   * up to date, and the waiting notes become entries. Throws only if the vault can't be written;
   * the log then stays for the next unlock.
   */
  takeIn(db: Db): TakenIn {
    const keys = ensureSealKeys(db);
    this.keepPublicKey(keys.publicKey);
    const { opened, unreadableLines } = this.log.readLines(keys.privateKey);
    if (opened.length === 0 && unreadableLines.length === 0) return { taken: 0, keptAside: 0, ids: [] };
    const notes: SealedNote[] = [];
    const aside = [...unreadableLines];
    for (const { line, plain } of opened) {
      const note = parseNote(plain);
      if (note) notes.push(note);
      else aside.push(line);
    }
    const now = this.clock.now();
    const ids = db.transaction(() => {
      const added: number[] = [];
      for (const note of notes) {
        if (statement(db, sql.known).get(note.id)) continue;
        // The search index follows through the entries_ai trigger (migration 001).
        const id = Number(statement(db, sql.insertEntry).run(note.at, note.at, note.text).lastInsertRowid);
        statement(db, sql.insertTag).run(id, TAG);
        statement(db, sql.remember).run(note.id, now);
        added.push(id);
      }
      return added;
    })();
    this.keepAside(aside);
    this.log.clear();
    return { taken: ids.length, keptAside: aside.length, ids };
  }

  private publicKey(): Buffer | null {
    try {
      const key = Buffer.from(readFileSync(this.publicKeyFile, 'utf8').trim(), 'base64');
      return key.length > 0 ? key : null;
    } catch {
      return null;
    }
  }

  private keepPublicKey(publicKey: Buffer): void {
    if (this.publicKey()?.equals(publicKey)) return;
    writeFileAtomic(this.publicKeyFile, `${publicKey.toString('base64')}\n`);
  }

  /** Each line once (a crash before the log was cleared must not list it twice), flushed before the log goes. */
  private keepAside(lines: string[]): void {
    if (lines.length === 0) return;
    let existing = new Set<string>();
    try {
      existing = new Set(readFileSync(this.keptAsideFile, 'utf8').split('\n'));
    } catch {
      // None kept aside yet.
    }
    const fresh = lines.filter((line) => !existing.has(line));
    if (fresh.length > 0) appendDurably(this.keptAsideFile, fresh);
  }
}

/** Records come from our own log, but a bad one must never stop an unlock. */
function parseNote(record: string): SealedNote | null {
  try {
    const parsed = SealedNote.safeParse(JSON.parse(record));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
