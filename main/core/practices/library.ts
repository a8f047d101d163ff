import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, isOwnPracticeId } from '../../../preload/contract/index.ts';
import { summarizePractice } from '../../../preload/contract/breath.ts';
import { Practice, type BreathPattern } from '../../../preload/contract/practice.ts';
import type { PracticeSummary } from '../../../preload/contract/sessions.ts';
import { logProblem } from '../log.ts';

/**
 * The built-in practices: JSON files in resources/practices/, validated on load.
 * Adding a practice is adding a file. A file that fails the schema is left out (and
 * reported by name), so one bad file never takes the library down.
 */
export class PracticeLibrary {
  readonly #practices = new Map<string, Practice>();

  constructor(resourcesDir: string, report: (problem: string) => void = (p) => logProblem('practices', p)) {
    const dir = join(resourcesDir, 'practices');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      try {
        const practice = Practice.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
        if (`${practice.id}.json` !== name) throw new Error('id does not match file name');
        // "own-…" belongs to the person's own practices: a built-in there could be mistaken for one.
        if (isOwnPracticeId(practice.id)) throw new Error('a built-in id may not start with "own-"');
        this.#practices.set(practice.id, practice);
      } catch (error) {
        report(`practice ${name} left out: ${error instanceof Error ? error.message.slice(0, 200) : 'invalid'}`);
      }
    }
  }

  /** The library, each practice's length counted with the person's breathing pattern. */
  list(pattern: BreathPattern = 'coherent'): PracticeSummary[] {
    return [...this.#practices.values()]
      .map((p) => summarizePractice(p, pattern))
      .sort((a, b) => (a.intensity === b.intensity ? a.minutes - b.minutes : a.intensity === 'gentle' ? -1 : 1));
  }

  find(id: string): Practice | undefined {
    return this.#practices.get(id);
  }

  get(id: string): Practice {
    const practice = this.#practices.get(id);
    if (!practice) throw new AppError('NOT_FOUND', 'That practice could not be found.');
    return practice;
  }
}
