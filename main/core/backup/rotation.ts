import { defaultSettings, type KeepPolicy } from '../../../preload/contract/index.ts';

export type { KeepPolicy };
export const defaultKeepPolicy: KeepPolicy = defaultSettings.backupKeep;

/**
 * Which backups to keep: the newest one of each of the last `daily` days, `weekly` weeks and
 * `monthly` months (grandfather-father-son), plus always the very newest. Days, weeks and
 * months are on the computer's calendar. Pure, so the policy is tested without files.
 */

export function backupsToKeep<T extends { at: number }>(backups: readonly T[], policy: KeepPolicy): Set<T> {
  const newestFirst = [...backups].sort((a, b) => b.at - a.at);
  const keep = new Set<T>(newestFirst.slice(0, 1));
  const bucket = (key: (d: Date) => string, limit: number) => {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const k = key(new Date(backup.at));
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      keep.add(backup);
    }
  };
  bucket((d) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`, policy.daily);
  bucket(weekOf, policy.weekly);
  bucket((d) => `${d.getFullYear()}-${d.getMonth()}`, policy.monthly);
  return keep;
}

/** The Monday that starts the week of `d`, as a key. */
function weekOf(d: Date): string {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return `${monday.getFullYear()}-${monday.getMonth()}-${monday.getDate()}`;
}
