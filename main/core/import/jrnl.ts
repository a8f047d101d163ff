/*
 * jrnl's JSON export (`jrnl --format json`, also `--export json`): { tags: { "@tag": count },
 * entries: [{ title, body, date: "YYYY-MM-DD", time: "HH:MM", tags: ["@tag"], starred,
 * uuid? }] }. jrnl splits an entry's text into title (its first line, or first sentence)
 * and body; times are the wall clock of the computer that wrote them, with no zone.
 * Built from jrnl's exporter, jrnl/plugins/exporter/json.py (entry_to_dict: date with
 * "%Y-%m-%d", time with "%H:%M"; uuid only on entries that came from Day One), and
 * jrnl/journals/Entry.py (split_title; tags are words starting with a tag symbol, "@" by default).
 */
import { parseDateTime } from './dates.ts';
import type { ImportedEntry, Importer, ParseContext, ParsedImport } from './imported-entry.ts';
import { isRecord, jsonOf, notThisFormat, sourceHash } from './source-text.ts';

const appName = 'jrnl';

export const jrnlImporter: Importer = {
  format: 'jrnl',
  name: appName,
  recognises(source) {
    const value = jsonOf(source)?.value;
    if (!isRecord(value) || !Array.isArray(value.entries)) return false;
    const first: unknown = value.entries[0];
    return isRecord(value.tags) || (isRecord(first) && 'date' in first && 'time' in first && 'title' in first);
  },
  parse(source, context) {
    if (source.kind !== 'file') throw notThisFormat(appName, 'it is a folder, and jrnl exports one .json file.');
    const json = jsonOf(source);
    if (!json) throw notThisFormat(appName, "it can't be read as JSON. It may be damaged or cut short.");
    if (!isRecord(json.value) || !Array.isArray(json.value.entries)) throw notThisFormat(appName, 'it has no entries list.');
    const parsed: ParsedImport = { entries: [], unreadable: [] };
    json.value.entries.forEach((raw: unknown, index) => {
      const label = `entry ${index + 1}`;
      if (!isRecord(raw)) throw notThisFormat(appName, `${label} is not an entry.`);
      const entry = readEntry(raw, label, context);
      if (entry) parsed.entries.push(entry);
      else parsed.unreadable.push({ label, reason: 'no-date' });
    });
    return parsed;
  },
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function readEntry(raw: Record<string, unknown>, label: string, context: ParseContext): ImportedEntry | null {
  const date = text(raw.date).trim();
  const time = text(raw.time).trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || (time !== '' && !/^\d{2}:\d{2}$/.test(time))) return null;
  const createdAt = parseDateTime(time ? `${date} ${time}` : date, context.zone);
  if (createdAt === null) return null;
  const title = text(raw.title).trim();
  const body = text(raw.body).trim();
  return {
    sourceId: typeof raw.uuid === 'string' && raw.uuid.trim() ? raw.uuid.trim() : sourceHash(date, time, title, body),
    label,
    createdAt,
    updatedAt: createdAt,
    // jrnl cut the title off the first line (or first sentence); one line break puts it
    // back as it was written, and Markdown shows a mid-sentence cut as one paragraph.
    body: body ? `${title}\n${body}` : title,
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [],
    emotions: [],
    leftOut: raw.starred === true ? { starred: 1 } : {},
  };
}
