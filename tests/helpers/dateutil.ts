import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * A second, independent recurrence implementation for cross-checks: Python's dateutil
 * with zoneinfo. CI installs Debian's python3-dateutil; a developer machine may have it in
 * another python3 first on PATH.
 */
const candidates = ['python3', '/usr/bin/python3'];
const probe = 'import dateutil.rrule, zoneinfo; zoneinfo.ZoneInfo("Europe/London")';

let found: string | null | undefined;

/** The first python3 that can import dateutil and zoneinfo, or null. */
export function dateutilPython(): string | null {
  if (found === undefined) {
    found = candidates.find((python) => spawnSync(python, ['-c', probe], { stdio: 'ignore' }).status === 0) ?? null;
  }
  return found;
}

export interface DateutilCase {
  tzid: string;
  dtstart: string;
  rrule: string | null;
  /** Occurrences strictly after this instant (UTC ms)... */
  after: number;
  /** ...this many of them. */
  count: number;
}

export function dateutilOccurrences(cases: readonly DateutilCase[]): Array<Array<{ key: string; at: number }>> {
  const python = dateutilPython();
  if (!python) {
    throw new Error(
      `No python3 with dateutil found (tried ${candidates.join(', ')}). ` +
        'The recurrence cross-check needs it: install python3-dateutil (apt-get install python3-dateutil).',
    );
  }
  const out = execFileSync(python, [join(import.meta.dirname, 'dateutil-rrule.py')], { input: JSON.stringify(cases), encoding: 'utf8' });
  return JSON.parse(out) as Array<Array<{ key: string; at: number }>>;
}
