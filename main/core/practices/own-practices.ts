import { randomUUID } from 'node:crypto';
import {
  AppError,
  isOwnPracticeId,
  OWN_PRACTICE_PREFIX,
  OWN_PRACTICES_MAX,
  Practice,
  REMOVED_PRACTICE,
} from '../../../preload/contract/index.ts';
import { logProblem } from '../log.ts';
import type { Clock } from '../ports.ts';
import type { Db } from '../vault/database.ts';
import { erasing } from '../vault/erasing.ts';
import { statement } from '../vault/statements.ts';

interface Row {
  id: string;
  practice: string;
}

/**
 * The person's own practices, in the vault (migration 019): each the validated JSON of a practice,
 * under an id of its own ("own-" and a random UUID). Everything read back passes the schema again;
 * a row that no longer does (a schema changed under it) is left out and reported by id only.
 */
export class OwnPractices {
  constructor(
    private readonly db: () => Db,
    private readonly clock: Clock,
    private readonly report: (problem: string) => void = (p) => logProblem('own practices', p),
  ) {}

  /** In the order they were made. */
  list(): Practice[] {
    const rows = statement(this.db(), 'SELECT id, practice FROM own_practices WHERE removed_at IS NULL ORDER BY created_at, rowid').all() as Row[];
    return rows.flatMap((row) => this.#read(row) ?? []);
  }

  find(id: string): Practice | undefined {
    if (!isOwnPracticeId(id)) return undefined;
    const row = statement(this.db(), 'SELECT id, practice FROM own_practices WHERE id = ? AND removed_at IS NULL').get(id) as Row | undefined;
    return row ? this.#read(row) : undefined;
  }

  get(id: string): Practice {
    const practice = this.find(id);
    if (!practice) throw new AppError('NOT_FOUND', REMOVED_PRACTICE);
    return practice;
  }

  /** Saved under a fresh id, whatever id it came with (a copied built-in's, a file's). */
  create(practice: Practice): Practice {
    const db = this.db();
    const count = statement(db, 'SELECT count(*) FROM own_practices WHERE removed_at IS NULL').pluck().get() as number;
    if (count >= OWN_PRACTICES_MAX) {
      throw new AppError('INVALID_INPUT', `You have ${OWN_PRACTICES_MAX} practices of your own, the most Saltwater keeps. To add another, remove one you no longer use.`);
    }
    const saved = Practice.parse({ ...practice, id: `${OWN_PRACTICE_PREFIX}${randomUUID()}` });
    const now = this.clock.now();
    statement(db, 'INSERT INTO own_practices (id, practice, created_at, updated_at) VALUES (?, ?, ?, ?)').run(saved.id, JSON.stringify(saved), now, now);
    return saved;
  }

  update(practice: Practice): Practice {
    const saved = Practice.parse(practice);
    const db = this.db();
    // The words it had are overwritten, not left readable in the page's free space.
    const changed = erasing(db, () =>
      statement(db, 'UPDATE own_practices SET practice = ?, updated_at = ? WHERE id = ? AND removed_at IS NULL').run(JSON.stringify(saved), this.clock.now(), saved.id).changes,
    );
    if (changed === 0) throw new AppError('NOT_FOUND', REMOVED_PRACTICE);
    return saved;
  }

  /** Out of the library at once; restore() brings it back until the vault locks. */
  remove(id: string): void {
    const changed = statement(this.db(), 'UPDATE own_practices SET removed_at = ? WHERE id = ? AND removed_at IS NULL').run(this.clock.now(), id).changes;
    if (changed === 0) throw new AppError('NOT_FOUND', REMOVED_PRACTICE);
  }

  restore(id: string): void {
    const changed = statement(this.db(), 'UPDATE own_practices SET removed_at = NULL WHERE id = ? AND removed_at IS NOT NULL').run(id).changes;
    if (changed === 0) throw new AppError('NOT_FOUND', 'That practice can’t be brought back any more. You can build it again under Practices.');
  }

  /** Removed practices go for good (at every lock, as deleted entries do). */
  purgeRemoved(): number {
    const db = this.db();
    const waiting = statement(db, 'SELECT count(*) FROM own_practices WHERE removed_at IS NOT NULL').pluck().get() as number;
    if (waiting === 0) return 0;
    // Gone for good means gone from the file too (see erasing).
    return erasing(db, () => statement(db, 'DELETE FROM own_practices WHERE removed_at IS NOT NULL').run().changes);
  }

  #read(row: Row): Practice | undefined {
    try {
      const practice = Practice.parse(JSON.parse(row.practice));
      if (practice.id !== row.id) throw new Error('id does not match its row');
      return practice;
    } catch {
      this.report(`practice ${row.id} left out: it no longer passes the schema`);
      return undefined;
    }
  }
}
