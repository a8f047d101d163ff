import { AppError, isOwnPracticeId, REMOVED_PRACTICE } from '../../../preload/contract/index.ts';
import { summarizePractice } from '../../../preload/contract/breath.ts';
import type { BreathPattern, Practice } from '../../../preload/contract/practice.ts';
import type { PracticeSummary } from '../../../preload/contract/sessions.ts';
import type { PracticeLibrary } from './library.ts';
import type { OwnPractices } from './own-practices.ts';

/**
 * Every practice there is: the built-in library and the person's own, as one. Whatever finds a
 * practice by id (sessions, reminders) or lists them asks here, so own practices work everywhere a
 * built-in one does. While the vault is locked only the built-ins are there (own ones live inside it).
 */
export class PracticeCatalog {
  constructor(
    private readonly library: PracticeLibrary,
    private readonly own: OwnPractices,
    private readonly vaultOpen: () => boolean,
  ) {}

  /** The built-ins in the library's order, then the person's own in the order they were made. */
  list(pattern: BreathPattern = 'coherent'): PracticeSummary[] {
    const own = this.vaultOpen() ? this.own.list().map((p) => ({ ...summarizePractice(p, pattern), own: true as const })) : [];
    return [...this.library.list(pattern), ...own];
  }

  /** Undefined when there is no such practice, or it is the person's own and the vault is locked. */
  find(id: string): Practice | undefined {
    if (!isOwnPracticeId(id)) return this.library.find(id);
    return this.vaultOpen() ? this.own.find(id) : undefined;
  }

  /** An own practice needs the open vault (LOCKED otherwise); one that was removed is said to be so, kindly. */
  get(id: string): Practice {
    if (!isOwnPracticeId(id)) return this.library.get(id);
    const practice = this.own.find(id);
    if (!practice) throw new AppError('NOT_FOUND', REMOVED_PRACTICE);
    return practice;
  }
}
