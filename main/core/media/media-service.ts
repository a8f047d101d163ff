import { AppError } from '../../../preload/contract/index.ts';
import { parse } from '../journal/validate.ts';
import type { Clock } from '../ports.ts';
import type { OpenExternal } from '../signal/ports.ts';
import type { Db } from '../vault/database.ts';
import { NOTHING_YET, summarizeByItem, summarizeUses } from './helped.ts';
import { chooseOffer } from './offer.ts';
import {
  linkProblem,
  MediaId,
  MediaInput,
  mediaLimits,
  MediaUseInput,
  normaliseLink,
  type HelpedSummary,
  type MediaItem,
  type MediaListItem,
  type MediaUse,
} from '../../../preload/contract/media.ts';
import {
  allUseOutcomes,
  countItems,
  deleteItem,
  findItem,
  insertItem,
  lastOfferedId,
  listItems,
  markOffered,
  updateItem,
  upsertUse,
  usesOf,
} from './store.ts';
import { sessionExists } from '../sessions/store.ts';

export interface MediaServiceOptions {
  /** The open vault; throws AppError('LOCKED') while it is locked. */
  db: () => Db;
  clock: Clock;
  /** Hands a checked http(s) link to the OS browser (Electron: shell.openExternal). */
  openExternal: OpenExternal;
  /** A number in [0, 1) for the offer draw (default Math.random; tests pass a seeded one). */
  random?: () => number;
}

/**
 * The moving-media list: things that once moved the person, each with a record of its
 * uses, so the app can show which ones helped (tears, mood change) and offer one for
 * "Boost the signal".
 */
export class MediaService {
  private readonly random: () => number;

  constructor(private readonly o: MediaServiceOptions) {
    this.random = o.random ?? Math.random;
  }

  /** Every item in the order it was added, each with its helped summary. */
  list(): MediaListItem[] {
    return withSummaries(this.o.db());
  }

  get(id: number): MediaListItem {
    const db = this.o.db();
    const item = this.item(db, parse(MediaId, id));
    return { ...item, helped: summarizeUses(usesOf(db, item.id)) };
  }

  add(input: MediaInput): MediaItem {
    const fields = parse(MediaInput, input);
    const db = this.o.db();
    const id = db.transaction(() => {
      if (countItems(db) >= mediaLimits.items) {
        throw new AppError('INVALID_INPUT', `You can keep up to ${mediaLimits.items} things here. Remove one to make room for a new one.`);
      }
      return insertItem(db, fields, this.o.clock.now());
    })();
    return this.item(db, id);
  }

  update(id: number, input: MediaInput): MediaItem {
    const mediaId = parse(MediaId, id);
    const fields = parse(MediaInput, input);
    const db = this.o.db();
    this.item(db, mediaId);
    updateItem(db, mediaId, fields, this.o.clock.now());
    return this.item(db, mediaId);
  }

  /** Removes the item and the record of its uses. */
  remove(id: number): void {
    const mediaId = parse(MediaId, id);
    const db = this.o.db();
    this.item(db, mediaId);
    deleteItem(db, mediaId);
  }

  /**
   * One item for "Boost the signal" (see offer.ts), or null when the list is empty.
   * Remembers it, so asking again offers a different one when there is another.
   */
  offerOne(): MediaListItem | null {
    const db = this.o.db();
    const items = withSummaries(db);
    const chosen = chooseOffer(items, { now: this.o.clock.now(), lastOfferedId: lastOfferedId(db), random: this.random });
    if (chosen === null) return null;
    markOffered(db, chosen);
    return items.find((item) => item.id === chosen) ?? null;
  }

  /**
   * Records that the item was used, usually in a session. Mood and tears left out here are
   * read from the session's own check-in when the summary is made. Recording the same item
   * for the same session again updates that one use (and returns its id).
   */
  recordUse(input: MediaUseInput): { useId: number; helped: HelpedSummary } {
    const use = parse(MediaUseInput, input);
    const db = this.o.db();
    const useId = db.transaction(() => {
      this.item(db, use.mediaId);
      if (use.sessionId !== undefined && !sessionExists(db, use.sessionId)) {
        throw new AppError('NOT_FOUND', 'That session could not be found.');
      }
      return upsertUse(db, {
        mediaId: use.mediaId,
        sessionId: use.sessionId ?? null,
        usedAt: this.o.clock.now(),
        moodBefore: use.moodBefore ?? null,
        moodAfter: use.moodAfter ?? null,
        tears: use.tears ?? null,
      });
    })();
    return { useId, helped: summarizeUses(usesOf(db, use.mediaId)) };
  }

  /** One item's uses as they count (given values, else the session's), newest first. */
  uses(id: number): MediaUse[] {
    const db = this.o.db();
    return usesOf(db, this.item(db, parse(MediaId, id)).id);
  }

  /** Opens the item's link in the OS browser, after checking it once more. */
  async openLink(id: number): Promise<void> {
    const item = this.item(this.o.db(), parse(MediaId, id));
    if (item.link === null) throw new AppError('INVALID_INPUT', 'This one has no link to open.');
    // Checked again: the vault file could have been changed outside Saltwater.
    if (linkProblem(item.link) !== undefined) {
      throw new AppError('INVALID_INPUT', 'This link cannot be opened safely. You could edit it and try again.');
    }
    try {
      // The parser's own spelling: exactly what was checked.
      await this.o.openExternal(normaliseLink(item.link));
    } catch {
      throw new AppError('INTERNAL', "The link didn't open. You could try again, or open it in your browser yourself.");
    }
  }

  private item(db: Db, id: number): MediaItem {
    const item = findItem(db, id);
    if (!item) throw new AppError('NOT_FOUND', 'That item could not be found. It may have been removed.');
    return item;
  }
}

function withSummaries(db: Db): MediaListItem[] {
  const summaries = summarizeByItem(allUseOutcomes(db));
  return listItems(db).map((item) => ({ ...item, helped: summaries.get(item.id) ?? { ...NOTHING_YET } }));
}
