import type { ExportEntry } from './export-schema.ts';
import { frontMatter, type SessionLabel } from './front-matter.ts';
import { voiceLinks, type VoiceFile } from './voice-files.ts';

/** One entry as a Markdown file: front matter, the words as written, then links to its voice notes (if any). */
export function entryMarkdown(entry: ExportEntry, session: SessionLabel | null, voice: readonly Pick<VoiceFile, 'path' | 'durationMs'>[] = []): string {
  const body = entry.body.endsWith('\n') || entry.body === '' ? entry.body : `${entry.body}\n`;
  const links = voice.length === 0 ? '' : `${body === '' ? '' : '\n'}${voiceLinks(voice)}`;
  return `${frontMatter(entry, session)}\n${body}${links}`;
}

/** "2026-12-03 2014": the local date and time an entry was written, safe on every file system. */
export function dateStem(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}${pad(d.getMinutes())}`;
}

/**
 * File names by date, in the order given; two entries from the same minute become
 * "2026-12-03 2014.md" and "2026-12-03 2014 (2).md". Compared without case, so the names
 * stay distinct on file systems that ignore it.
 */
export function entryFileNames(entries: readonly Pick<ExportEntry, 'createdAt'>[]): string[] {
  const used = new Set<string>();
  return entries.map((e) => {
    const stem = dateStem(e.createdAt);
    let name = `${stem}.md`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n}).md`;
    used.add(name.toLowerCase());
    return name;
  });
}
