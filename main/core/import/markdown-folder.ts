/*
 * A folder of Markdown or plain-text files, one entry per file (a single .md or .txt file
 * works too). The date comes from, in order:
 * - a first line in jrnl's per-entry export form: "[2026-12-03 09:15] Title" (text,
 *   jrnl/journals/Entry.py __str__) or "# 2026-12-03 09:15 Title" (jrnl/plugins/exporter/
 *   markdown.py), where jrnl writes its timeformat, "%Y-%m-%d %H:%M" or "%F %r";
 * - YAML front matter (between "---" lines at the top, as Obsidian, Jekyll and Hugo write it):
 *   date or created, "2026-12-03", "2026-12-03 09:15" or ISO 8601 with an offset;
 * - the file name: Obsidian's daily notes ("2026-12-03.md", its default format YYYY-MM-DD),
 *   jrnl's per-entry files ("2026-12-03_title-slug.txt", BaseExporter.make_filename), or a
 *   time after the date ("2026-12-03 0915.md").
 * A file with no date in any of these is skipped with that reason, not dated by guesswork.
 * Front matter tags (a list, or words separated by commas or spaces) become tags.
 */
import { parse as parseYaml } from 'yaml';
import { localInstant, parseClock, parseDateTime } from './dates.ts';
import type { ImportedEntry, Importer, LeftOutKind, ParseContext, ParsedImport } from './imported-entry.ts';
import { decodeText, isRecord, lowerName, sourceHash } from './source-text.ts';

/** Names of files read as entries. */
export const textFilePattern = /\.(?:md|markdown|txt)$/i;

/** A date with no time of day (a daily note) is placed at midday, so a later change of time zone cannot move it to another day. */
const dateOnlyHour = 12;

const frontMatterKeysUsed = new Set(['date', 'created', 'tags', 'tag', 'title']);

export const markdownFolderImporter: Importer = {
  format: 'markdown',
  name: 'Markdown and text files',
  recognises(source) {
    return source.kind === 'folder' || textFilePattern.test(lowerName(source));
  },
  parse(source, context) {
    const files = source.kind === 'folder' ? source.files : [{ path: source.name, bytes: source.bytes }];
    const parsed: ParsedImport = { entries: [], unreadable: [] };
    for (const file of files) {
      const text = decodeText(file.bytes);
      if (text === null) {
        parsed.unreadable.push({ label: file.path, reason: 'not-text' });
        continue;
      }
      const entry = readFile(file.path, text, context);
      if (entry) parsed.entries.push(entry);
      else parsed.unreadable.push({ label: file.path, reason: 'no-date' });
    }
    return parsed;
  },
};

interface Dated {
  at: number;
  /** The date as the source wrote it, for the entry's stable id. */
  written: string;
}

function readFile(path: string, text: string, context: ParseContext): ImportedEntry | null {
  const { data, body: afterFrontMatter } = splitFrontMatter(text);
  const leftOut: Partial<Record<LeftOutKind, number>> = {};
  const otherKeys = Object.keys(data).filter((k) => !frontMatterKeysUsed.has(k.toLowerCase()));
  if (otherKeys.length > 0) leftOut['front-matter'] = otherKeys.length;

  let body = afterFrontMatter;
  const header = jrnlHeader(body, context.zone);
  if (header?.starred) leftOut.starred = 1;
  if (header) body = [header.title, body.slice(body.indexOf('\n') + 1 || body.length)].filter(Boolean).join('\n');

  const dated = header ?? frontMatterDate(data, context.zone) ?? fileNameDate(path, context.zone);
  if (!dated) return null;

  const title = typeof data.title === 'string' ? data.title.trim() : '';
  body = body.trim();
  if (title && !body.startsWith('#')) body = body ? `# ${title}\n\n${body}` : `# ${title}`;
  return {
    sourceId: sourceHash(dated.written, text),
    label: path,
    createdAt: dated.at,
    updatedAt: dated.at,
    body,
    tags: [...tagList(data.tags), ...tagList(data.tag)],
    emotions: [],
    leftOut,
  };
}

/** YAML front matter at the very top, or none (also when it is not valid YAML: then it stays text). */
function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { data: {}, body: text };
  try {
    // YAML 1.2's core schema: dates stay text (no surprise Date objects, no zone guessing).
    const data: unknown = parseYaml(m[1]!, { schema: 'core' });
    if (data !== null && !isRecord(data)) return { data: {}, body: text };
    return { data: data ?? {}, body: text.slice(m[0].length) };
  } catch {
    return { data: {}, body: text };
  }
}

function frontMatterDate(data: Record<string, unknown>, zone: string): Dated | null {
  for (const key of ['date', 'created']) {
    const value = data[key];
    if (typeof value !== 'string') continue;
    const at = parseDateTime(value, zone, dateOnlyHour);
    if (at !== null) return { at, written: value.trim() };
  }
  return null;
}

function fileNameDate(path: string, zone: string): Dated | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T_-](\d{2})[:.h-]?(\d{2})(?!\d))?/.exec(name);
  if (!m) return null;
  const hour = m[4] === undefined ? dateOnlyHour : Number(m[4]);
  const at = localInstant(Number(m[1]), Number(m[2]), Number(m[3]), hour, Number(m[5] ?? 0), 0, zone);
  return at === null ? null : { at, written: m[0] };
}

/** jrnl's "[2026-12-03 09:15] Title *" or "# 2026-12-03 09:15 Title" first line. */
function jrnlHeader(body: string, zone: string): (Dated & { title: string; starred: boolean }) | null {
  const first = body.slice(0, body.indexOf('\n') === -1 ? undefined : body.indexOf('\n'));
  const m =
    /^\[(\d{4})-(\d{2})-(\d{2}) (\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)\] ?(.*)$/.exec(first) ??
    /^# (\d{4})-(\d{2})-(\d{2}) (\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?) ?(.*)$/.exec(first);
  if (!m) return null;
  const clock = parseClock(m[4]!);
  if (!clock) return null;
  const at = localInstant(Number(m[1]), Number(m[2]), Number(m[3]), clock.hour, clock.minute, 0, zone);
  if (at === null) return null;
  const title = m[5]!.trimEnd();
  const starred = title.endsWith(' *') || title === '*';
  return { at, written: `${m[1]}-${m[2]}-${m[3]} ${m[4]}`, title: starred ? title.replace(/\s*\*$/, '') : title, starred };
}

function tagList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((t): t is string => typeof t === 'string');
  if (typeof value === 'string') return value.split(/[,\s]+/);
  return [];
}
