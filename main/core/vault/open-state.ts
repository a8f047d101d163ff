import fs from 'node:fs';
import path from 'node:path';
import { syncDirectory } from './atomic-write.ts';

/**
 * Noticing changes lost after an unclean exit (issue #11 §6.2).
 *
 * While the vault is open, recent changes live only in SQLite's write-ahead log (-wal) until a
 * checkpoint folds them into saltwater.db. If the app dies and the log is then missing,
 * truncated or damaged (a sync tool, a copy of just saltwater.db, a failing disk), SQLite opens
 * what it has without a word. To notice, we keep a small record beside the vault, outside the
 * log:
 *
 *   - `closedCleanly`: false from unlock until the vault is locked with the log fully folded in;
 *   - `writes`: the database's own change counter (vault_writes, see write-counter.ts) as last
 *     committed.
 *
 * At the next unlock, if the last close was not clean and the database now holds fewer writes
 * than were recorded, some changes did not survive: the person is told, never left to guess.
 * An intact log replays every commit, so the counts match and nothing is said.
 *
 * The record is rewritten in place after each commit without an fsync, which costs microseconds:
 * a killed app leaves it in the OS's cache, intact. After a power cut it may lag a few commits
 * behind; it can then only miss a loss, never report one that did not happen. Opening and a
 * clean close are synced.
 */
export interface OpenStateRecord {
  closedCleanly: boolean;
  writes: number;
}

/** Fixed width, so rewriting in place never leaves the tail of a longer record behind. */
const RECORD_BYTES = 80;

export function readOpenState(file: string): OpenStateRecord | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const json = JSON.parse(text) as Partial<OpenStateRecord>;
    if (typeof json.closedCleanly !== 'boolean' || !Number.isSafeInteger(json.writes) || (json.writes as number) < 0) return null;
    return { closedCleanly: json.closedCleanly, writes: json.writes as number };
  } catch {
    return null;
  }
}

/** True when changes since the last checkpoint were lost: an unclean exit and fewer writes than recorded. */
export function changesWereLost(before: OpenStateRecord | null, writesNow: number): boolean {
  return before !== null && !before.closedCleanly && before.writes > writesNow;
}

/** Keeps the record of an open vault up to date. One per unlock; `close` at lock. */
export class OpenStateRecorder {
  private fd: number | null;
  private written = -1;

  constructor(
    private readonly file: string,
    writes: number,
  ) {
    const existed = fs.existsSync(file);
    this.fd = fs.openSync(file, existed ? 'r+' : 'w+', 0o600);
    fs.ftruncateSync(this.fd, RECORD_BYTES);
    this.write({ closedCleanly: false, writes }, true);
    if (!existed) syncDirectory(path.dirname(file));
  }

  /** After a commit: records the new count (cheap; see the note above on why there is no fsync). */
  committed(writes: number): void {
    if (writes !== this.written) this.write({ closedCleanly: false, writes }, false);
  }

  /** At lock. `cleanly` only when the write-ahead log was folded in and is empty or gone; null writes keeps the last count. */
  close(writes: number | null, cleanly: boolean): void {
    if (this.fd === null) return;
    try {
      this.write({ closedCleanly: cleanly, writes: writes ?? Math.max(0, this.written) }, true);
    } finally {
      fs.closeSync(this.fd);
      this.fd = null;
    }
  }

  private write(record: OpenStateRecord, sync: boolean): void {
    if (this.fd === null) return;
    const text = JSON.stringify(record);
    const buffer = Buffer.alloc(RECORD_BYTES, ' ');
    buffer.write(text, 0, 'utf8');
    buffer[RECORD_BYTES - 1] = 0x0a;
    fs.writeSync(this.fd, buffer, 0, RECORD_BYTES, 0);
    if (sync) fs.fsyncSync(this.fd);
    this.written = record.writes;
  }
}
