/*
 * Daylio's CSV export (More → Export Entries → CSV): one row per mood entry, newest first,
 * with the header full_date,date,weekday,time,mood,activities,note_title,note.
 * full_date is "YYYY-MM-DD"; time is the phone's clock format ("10:00 pm" or "22:00"), with
 * no zone; mood is the mood's name (by default rad, good, meh, bad, awful; people rename
 * them and add their own); activities are joined by " | "; note_title and note are the
 * person's words (newer versions write light HTML such as <br> and <b> in notes).
 * Built from the export as documented and sampled by MichaelCurrin/daylio-csv-parser
 * (docs/csv-format.md, dayliopy/sample.csv) and staticf0x/daylio-parser.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { parseClock, localInstant } from './dates.ts';
import type { ImportedEntry, Importer, ParseContext, ParsedImport } from './imported-entry.ts';
import { decodeText, lowerName, notThisFormat, sourceHash } from './source-text.ts';

const appName = 'Daylio';

/**
 * Daylio's default moods where a Saltwater word fits; "meh" and "awful" have none that
 * would not put words in the person's mouth, so they stay as text. A mood named like a
 * word Saltwater knows ("sad", "anxious", or one of the person's own) is that word.
 */
const defaultMoodWords: Readonly<Record<string, string>> = { rad: 'joyful', good: 'glad', bad: 'low' };

/** Daylio records which mood, not how strong: the middle of Saltwater's 1–10 scale. */
const moodIntensity = 5;

const required = ['full_date', 'time', 'mood'] as const;

export const daylioImporter: Importer = {
  format: 'daylio',
  name: appName,
  recognises(source) {
    if (source.kind !== 'file' || !lowerName(source).endsWith('.csv')) return false;
    // Lenient decoding: the first 512 bytes may end inside a character.
    const head = Buffer.from(source.bytes.subarray(0, 512)).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    const columns = head.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
    return required.every((c) => columns.includes(c));
  },
  parse(source, context) {
    if (source.kind !== 'file') throw notThisFormat(appName, 'it is a folder, and Daylio exports one .csv file.');
    const text = decodeText(source.bytes);
    if (text === null) throw notThisFormat(appName, "it isn't text Saltwater can read (it should be UTF-8 CSV).");
    const rows = readRows(text);
    const header = (rows[0] ?? []).map((c) => c.trim().toLowerCase());
    const missing = required.filter((c) => !header.includes(c));
    if (missing.length > 0) throw notThisFormat(appName, `it has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}.`);
    const column = (row: string[], name: string) => (header.includes(name) ? (row[header.indexOf(name)] ?? '').trim() : '');

    const parsed: ParsedImport = { entries: [], unreadable: [] };
    rows.slice(1).forEach((row, index) => {
      // Row numbers as a spreadsheet shows them: the header is row 1.
      const label = `row ${index + 2}`;
      const entry = readRow((name) => column(row, name), label, context);
      if (entry) parsed.entries.push(entry);
      else parsed.unreadable.push({ label, reason: 'no-date' });
    });
    return parsed;
  },
};

function readRows(text: string): string[][] {
  try {
    return parseCsv(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw notThisFormat(appName, `${typeof line === 'number' ? `line ${line}` : 'part of it'} can't be read as CSV. The file may be damaged.`);
  }
}

function readRow(column: (name: string) => string, label: string, context: ParseContext): ImportedEntry | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(column('full_date'));
  const clock = parseClock(column('time'));
  if (!date || !clock) return null;
  const createdAt = localInstant(Number(date[1]), Number(date[2]), Number(date[3]), clock.hour, clock.minute, 0, context.zone);
  if (createdAt === null) return null;

  const mood = column('mood').replace(/\s+/g, ' ');
  const word = feelingFor(mood, context.knownWords);
  const title = noteText(column('note_title')).replace(/\s+/g, ' ');
  const note = noteText(column('note'));
  const parts = [word === null && mood ? `Mood: ${mood}` : '', title ? `# ${title}` : '', note].filter(Boolean);
  return {
    sourceId: sourceHash(column('full_date'), column('time'), mood, column('activities'), column('note_title'), column('note')),
    label,
    createdAt,
    updatedAt: createdAt,
    body: parts.join('\n\n'),
    tags: column('activities').split('|'),
    emotions: word === null ? [] : [{ word, intensity: moodIntensity, bodyLocation: '' }],
    leftOut: {},
  };
}

/** The Saltwater word for a Daylio mood, or null to keep the mood as text. */
export function feelingFor(mood: string, knownWords: ReadonlySet<string>): string | null {
  const name = mood.trim().toLowerCase();
  if (!name) return null;
  if (knownWords.has(name)) return name;
  const mapped = defaultMoodWords[name];
  return mapped !== undefined && knownWords.has(mapped) ? mapped : null;
}

/** Daylio's light note HTML as Markdown; anything else that looks like a tag is dropped. */
export function noteText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<\/?(?:b|strong)>/gi, '**')
    .replace(/<\/?(?:i|em)>/gi, '*')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<\/?[a-z][a-z0-9]*\b[^>]*>/gi, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
