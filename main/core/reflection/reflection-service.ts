import { parse } from '../journal/validate.ts';
import type { Clock } from '../ports.ts';
import type { Db } from '../vault/database.ts';
import { ReflectionInput, type SelfReflection } from '../../../preload/contract/reflection.ts';
import { deleteAllReflections, findReflection, insertReflection, listReflections, type ReflectionRow } from './store.ts';
import { suggestPracticeOrder, type PracticeRef, type PracticeSuggestion } from './suggest.ts';

export interface ReflectionServiceOptions {
  /** The open vault; throws AppError('LOCKED') while it is locked. */
  db: () => Db;
  clock: Clock;
}

/**
 * Barriers and style: the person's own answers about what gets in the way and where they
 * sit between tears that won't come and tears that come too easily. Each time they answer,
 * a new reflection is kept; the latest one shapes the home screen, earlier ones stay as
 * history until the person deletes them all.
 */
export class ReflectionService {
  constructor(private readonly o: ReflectionServiceOptions) {}

  save(input: ReflectionInput): SelfReflection {
    const fields = parse(ReflectionInput, input);
    const db = this.o.db();
    const id = db.transaction(() => insertReflection(db, fields, this.o.clock.now()))();
    const saved = findReflection(db, id);
    if (!saved) throw new Error('a saved reflection could not be read back');
    return toReflection(saved);
  }

  /** The answers that count now, or null before the first time. */
  latest(): SelfReflection | null {
    const [row] = listReflections(this.o.db(), 1);
    return row ? toReflection(row) : null;
  }

  /** Every reflection, newest first. */
  history(): SelfReflection[] {
    return listReflections(this.o.db()).map(toReflection);
  }

  deleteAll(): { deleted: number } {
    const db = this.o.db();
    return { deleted: db.transaction(() => deleteAllReflections(db))() };
  }

  /** The practices (in the library's order) reordered for the latest answers. */
  suggest(practices: readonly PracticeRef[]): PracticeSuggestion {
    return suggestPracticeOrder(practices, this.latest());
  }
}

function toReflection(row: ReflectionRow): SelfReflection {
  return { ...row, talkWithDoctor: row.barriers.includes('medical') };
}
