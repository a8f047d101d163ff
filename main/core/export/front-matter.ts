import { stringify } from 'yaml';
import type { ExportEntry } from './export-schema.ts';

/** What a Markdown file says about the session an entry belongs to. */
export interface SessionLabel {
  id: number;
  practice: string;
  startedAt: number;
}

/** Local wall-clock time with its UTC offset (2026-12-03T20:14:00+01:00): readable, and exact. */
export function localIso(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/**
 * The YAML block at the top of an entry's file. Keys are plain English, empty lists and an
 * empty body location are left out, so a file without feelings or tags stays short.
 */
export function frontMatter(entry: ExportEntry, session: SessionLabel | null): string {
  const data: Record<string, unknown> = {
    created: localIso(entry.createdAt),
    updated: localIso(entry.updatedAt),
  };
  if (entry.feelings.length > 0) {
    data.feelings = entry.feelings.map((f) =>
      f.bodyLocation ? { feeling: f.word, intensity: f.intensity, body: f.bodyLocation } : { feeling: f.word, intensity: f.intensity },
    );
  }
  if (entry.tags.length > 0) data.tags = entry.tags;
  if (session) data.session = { id: session.id, practice: session.practice, started: localIso(session.startedAt) };
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}
