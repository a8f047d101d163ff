import { parse } from '../journal/validate.ts';
import type { Clock } from '../ports.ts';
import type { Db } from '../vault/database.ts';
import { resolveKdfParams, type KdfParams } from '../vault/kdf.ts';
import { delayAfterFailures, retryAfterMs } from '../vault/throttle.ts';
import { openOrNull } from '../vault/vault-errors.ts';
import { memoryErrors } from './memory-errors.ts';
import {
  CloseOpeningInput,
  MemoryEdit,
  MemoryStatusInput,
  MemoryId,
  MemoryInput,
  OpeningId,
  OpenMemoryInput,
  MemorySuggestInput,
  RevealInput,
  type BoxItem,
  type CloseChoice,
  type MemoryStatus,
  type OpenedMemory,
  type Opening,
  type OpeningOutcome,
  type Suggestion,
} from '../../../preload/contract/memories.ts';
import { openSealedText, sealText } from './seal.ts';
import {
  clearFailedTries,
  deleteMemory,
  erasing,
  findMemory,
  findOpening,
  finishOpening,
  insertMemory,
  insertOpening,
  listBox,
  openingsOf,
  recordFailedTry,
  setStatus,
  unfinishedOpenings,
  updateLabels,
  updateMemory,
  type MemoryContent,
  type MemoryRow,
} from './store.ts';
import { sessionState } from '../sessions/store.ts';
import { countAboveMaximum, suggestionOrder } from './suggest.ts';

export interface MemoriesServiceOptions {
  /** The open vault; throws AppError('LOCKED') while it is locked. */
  db: () => Db;
  clock: Clock;
  /** scrypt cost for new extra seals (default: the vault's own). Tests pass a cheap one. */
  kdf?: Partial<KdfParams>;
}

const CLOSED_AS: Record<CloseChoice, { outcome: OpeningOutcome; status: MemoryStatus }> = {
  reseal: { outcome: 'resealed', status: 'sealed' },
  'keep-open': { outcome: 'kept-open', status: 'open' },
  'at-peace': { outcome: 'at-peace', status: 'at-peace' },
};

/**
 * The memory box. Memories are put away with a title, a few words and an intensity, and
 * opened one at a time inside a practice; every opening is logged as it happens (mood
 * before, then how it ended, mood after and tears), so a crash or a lock mid-way leaves
 * an opening that settleUnfinished() closes as stopped, with the memory resealed.
 * A memory with an extra seal keeps its words only encrypted with its own passphrase.
 */
export class MemoriesService {
  private readonly kdf: KdfParams;
  /** Work that waits for scrypt runs one at a time, so two clicks cannot interleave. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: MemoriesServiceOptions) {
    this.kdf = resolveKdfParams(o.kdf);
  }

  // ---- the box ------------------------------------------------------------------------

  /** Every memory, gentlest first: titles, intensity, status, extra seal, last opened. Never the words. */
  list(): BoxItem[] {
    return listBox(this.o.db());
  }

  get(memoryId: number): BoxItem {
    return boxItemOf(this.memory(this.o.db(), parse(MemoryId, memoryId)));
  }

  /** The memory "Open one box" offers first, within the person's chosen maximum. */
  suggest(input: MemorySuggestInput): Suggestion {
    const limit = parse(MemorySuggestInput, input);
    const box = this.list();
    return {
      memory: suggestionOrder(box, limit)[0] ?? null,
      aboveMaximum: limit.allowAbove ? 0 : countAboveMaximum(box, limit.maxIntensity),
    };
  }

  async add(input: MemoryInput): Promise<BoxItem> {
    const fields = parse(MemoryInput, input);
    return this.oneAtATime(async () => {
      const content: MemoryContent =
        fields.passphrase === undefined ? { kind: 'plain', text: fields.text } : { kind: 'sealed', sealed: await sealText(fields.text, fields.passphrase, this.kdf) };
      const db = this.o.db();
      const id = insertMemory(db, { title: fields.title, intensity: fields.intensity, content }, this.o.clock.now());
      return this.get(id);
    });
  }

  /**
   * Changes title, intensity, words or the extra seal. Title and intensity never need the
   * passphrase; the words and the seal of an extra-sealed memory do. Replaced words are
   * erased from the database file, not just unlinked.
   */
  async edit(input: MemoryEdit): Promise<BoxItem> {
    const e = parse(MemoryEdit, input);
    return this.oneAtATime(async () => {
      const row = this.memory(this.o.db(), e.memoryId);
      const title = e.title ?? row.title;
      const intensity = e.intensity ?? row.intensity;
      if (e.text === undefined && e.newPassphrase === undefined) {
        updateLabels(this.o.db(), row.id, title, intensity, this.o.clock.now());
        return this.get(row.id);
      }
      if (row.content.kind === 'sealed' && e.passphrase === undefined) throw memoryErrors.passphraseNeededToChange();
      // For an extra-sealed memory this also proves the current passphrase before anything changes.
      const current = await this.wordsOf(row, e.passphrase);
      const text = e.text ?? current;
      // newPassphrase: a string seals anew, null removes the seal, left out keeps the seal as it was
      // (sealed again under the same passphrase, with a fresh salt).
      const keptSeal = row.content.kind === 'sealed' ? e.passphrase : undefined;
      const sealWith = e.newPassphrase === undefined ? keptSeal : (e.newPassphrase ?? undefined);
      const content: MemoryContent =
        sealWith === undefined ? { kind: 'plain', text } : { kind: 'sealed', sealed: await sealText(text, sealWith, this.kdf) };
      const db = this.o.db();
      this.memory(db, row.id);
      erasing(db, () => updateMemory(db, row.id, { title, intensity, content }, this.o.clock.now()));
      return this.get(row.id);
    });
  }

  /** Removes the memory with its history of openings, erasing its words from the file. No passphrase needed. */
  remove(memoryId: number): void {
    const id = parse(MemoryId, memoryId);
    const db = this.o.db();
    this.memory(db, id);
    erasing(db, () => deleteMemory(db, id));
  }

  /** The words, for the edit form: no opening is logged. An extra seal needs its passphrase. */
  async readForEditing(input: RevealInput): Promise<{ text: string }> {
    const r = parse(RevealInput, input);
    return this.oneAtATime(async () => ({ text: await this.wordsOf(this.memory(this.o.db(), r.memoryId), r.passphrase) }));
  }

  // ---- openings -----------------------------------------------------------------------

  /**
   * Opens one memory, optionally inside a running practice session, and logs the opening.
   * Refused while another opening is unfinished. A wrong passphrase logs nothing and
   * leaves the memory sealed.
   */
  async openMemory(input: OpenMemoryInput): Promise<{ openingId: number; memory: OpenedMemory }> {
    const i = parse(OpenMemoryInput, input);
    return this.oneAtATime(async () => {
      // Checked before the slow passphrase work too, so the answer comes at once.
      this.checkCanOpen(this.o.db(), i.sessionId, false);
      const text = await this.wordsOf(this.memory(this.o.db(), i.memoryId), i.passphrase);
      const db = this.o.db();
      const openingId = db.transaction(() => {
        this.memory(db, i.memoryId);
        this.checkCanOpen(db, i.sessionId, true);
        const id = insertOpening(db, { memoryId: i.memoryId, sessionId: i.sessionId ?? null, openedAt: this.o.clock.now(), moodBefore: i.moodBefore });
        setStatus(db, i.memoryId, 'open');
        return id;
      }).immediate();
      return { openingId, memory: { ...this.get(i.memoryId), text } };
    });
  }

  /** The person's choice at the end: reseal, keep open, or at peace, with mood after and tears. */
  closeOpening(input: CloseOpeningInput): Opening {
    const c = parse(CloseOpeningInput, input);
    const { outcome, status } = CLOSED_AS[c.outcome];
    const db = this.o.db();
    return db.transaction(() => {
      const opening = this.opening(db, c.openingId);
      if (opening.endedAt !== null) throw memoryErrors.alreadyEnded();
      finishOpening(db, opening.id, { outcome, endedAt: this.o.clock.now(), moodAfter: c.moodAfter ?? null, tears: c.tears ?? null });
      setStatus(db, opening.memoryId, status);
      return this.opening(db, opening.id);
    }).immediate();
  }

  /**
   * Stop (Esc) mid-way: the memory is resealed and the opening logged as stopped. Stopping
   * an opening that has already ended changes nothing, so a second Esc is harmless.
   */
  stopOpening(openingId: number): Opening {
    const id = parse(OpeningId, openingId);
    const db = this.o.db();
    return db.transaction(() => {
      const opening = this.opening(db, id);
      if (opening.endedAt === null) this.stop(db, opening);
      return this.opening(db, id);
    }).immediate();
  }

  /**
   * On start and on unlock: an opening left unfinished (the app closed, crashed or locked
   * mid-way) is logged as stopped and its memory resealed. Does nothing while locked.
   */
  settleUnfinished(): { settled: number } {
    const db = openOrNull(() => this.o.db());
    if (!db) return { settled: 0 };
    return db.transaction(() => {
      const open = unfinishedOpenings(db);
      for (const opening of open) this.stop(db, opening);
      return { settled: open.length };
    }).immediate();
  }

  /** The opening still in front of the person (without its words), or null. */
  unfinishedOpening(): Opening | null {
    return unfinishedOpenings(this.o.db())[0] ?? null;
  }

  /** A memory's openings, newest first: when, mood before and after, tears, how it ended. */
  openings(memoryId: number): Opening[] {
    const db = this.o.db();
    const id = parse(MemoryId, memoryId);
    this.memory(db, id);
    return openingsOf(db, id);
  }

  /**
   * Outside a practice (the box is never on screen during one): seal a memory that was
   * kept open or is at peace, so it can be offered again, or mark one at peace. An opening
   * of it left unfinished by a reload or crash is closed as stopped first.
   */
  setStatus(input: MemoryStatusInput): BoxItem {
    const { memoryId, status } = parse(MemoryStatusInput, input);
    const db = this.o.db();
    db.transaction(() => {
      this.memory(db, memoryId);
      for (const o of unfinishedOpenings(db)) if (o.memoryId === memoryId) this.stop(db, o);
      setStatus(db, memoryId, status);
    })();
    return this.get(memoryId);
  }

  // ---- helpers ------------------------------------------------------------------------

  private stop(db: Db, opening: Opening): void {
    finishOpening(db, opening.id, { outcome: 'stopped', endedAt: this.o.clock.now(), moodAfter: null, tears: null });
    setStatus(db, opening.memoryId, 'sealed');
  }

  /**
   * One memory open at a time within a session. An opening left unfinished by another
   * session (the page reloaded or crashed, a stop could not be written) was abandoned: it
   * is sealed again and logged as stopped, so the box never stays blocked until a restart.
   */
  private checkCanOpen(db: Db, sessionId: number | undefined, sealAbandoned: boolean): void {
    for (const unfinished of unfinishedOpenings(db)) {
      if ((unfinished.sessionId ?? undefined) === sessionId) throw memoryErrors.anotherOpen();
      if (sealAbandoned) this.stop(db, unfinished);
    }
    if (sessionId === undefined) return;
    const state = sessionState(db, sessionId);
    if (state === undefined) throw memoryErrors.sessionNotFound();
    if (state === 'ended') throw memoryErrors.sessionEnded();
  }

  /**
   * The memory's words. An extra seal needs its passphrase; tries are paced like the
   * vault's unlock (a few free, then waits that double). A wrong one changes nothing but
   * the count of wrong tries.
   */
  private async wordsOf(row: MemoryRow, passphrase: string | undefined): Promise<string> {
    if (row.content.kind === 'plain') return row.content.text;
    if (passphrase === undefined) throw memoryErrors.passphraseNeeded();
    const wait = retryAfterMs({ failedAttempts: row.failedTries, lastFailedAt: row.lastFailedAt }, this.o.clock.now());
    if (wait > 0) throw memoryErrors.throttled(wait);
    const text = await openSealedText(row.content.sealed, passphrase);
    const db = this.o.db();
    if (text === null) {
      const failures = recordFailedTry(db, row.id, this.o.clock.now());
      throw memoryErrors.wrongPassphrase(delayAfterFailures(failures));
    }
    clearFailedTries(db, row.id);
    return text;
  }

  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private memory(db: Db, id: number): MemoryRow {
    const row = findMemory(db, id);
    if (!row) throw memoryErrors.notFound();
    return row;
  }

  private opening(db: Db, id: number): Opening {
    const opening = findOpening(db, id);
    if (!opening) throw memoryErrors.openingNotFound();
    return opening;
  }
}

function boxItemOf(row: MemoryRow): BoxItem {
  return {
    id: row.id,
    title: row.title,
    intensity: row.intensity,
    status: row.status,
    extraSealed: row.extraSealed,
    lastOpenedAt: row.lastOpenedAt,
    openings: row.openings,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
