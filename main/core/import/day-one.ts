/*
 * Day One's JSON export, as the app makes it (File → Export → JSON, or Settings → Import/Export):
 * a .zip holding one "<journal name>.json" per journal at its root, with photos/, videos/,
 * audios/ and pdfs/ folders of attachments named by their md5. Each JSON file is
 * { metadata: { version: "1.0" }, entries: [...] }, and an entry has uuid, creationDate and
 * modifiedDate (ISO 8601 in UTC, "2019-05-04T18:31:08Z"), timeZone (IANA, "Europe/London"),
 * text (Markdown, with attachments inline as ![](dayone-moment://ID) for photos and
 * ![](dayone-moment:/video|audio|pdfAttachment/ID) for the rest, and punctuation escaped
 * with backslashes), richText (the same as JSON), tags, starred, isPinned, location,
 * weather, and photos/videos/audios/pdfAttachments arrays.
 * Built from: Day One's export guide (dayoneapp.com/guides/tips-and-tutorials/exporting-entries/),
 * jrnl's Day One 2 importer (jrnl/plugins/dayone2_importer.py: keys uuid, creationDate,
 * timeZone, text, tags, starred, photos, audios), and real exports as read by open-source
 * converters (simrun/dayone-export; ploum/dayone2markdown: Journal.json beside photos/).
 */
import { unzipSync } from 'fflate';
import { isTimeZone } from '../../../preload/contract/schedule/zone-time.ts';
import { parseDateTime } from './dates.ts';
import type { ImportSource, ImportedEntry, Importer, LeftOutKind, ParseContext, ParsedImport } from './imported-entry.ts';
import { decodeText, isRecord, jsonOf, lowerName, notThisFormat, sourceHash } from './source-text.ts';

const appName = 'Day One';

/** The largest journal JSON read out of a zip (uncompressed); photos are never unpacked. */
export const maxJournalJsonBytes = 256 * 1024 * 1024;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A Day One journal JSON: an entries list, with Day One's metadata or Day One's entry fields. */
function looksLikeDayOneJson(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.entries)) return false;
  const first: unknown = value.entries[0];
  return isRecord(value.metadata) || (isRecord(first) && 'creationDate' in first);
}

export const dayOneImporter: Importer = {
  format: 'day-one',
  name: appName,
  recognises(source) {
    // Day One's is the only zip export read here, so a damaged .zip still gets its messages.
    if (source.kind !== 'file') return false;
    return lowerName(source).endsWith('.zip') || looksLikeDayOneJson(jsonOf(source)?.value);
  },
  parse(source, context) {
    if (source.kind !== 'file') throw notThisFormat(appName, 'it is a folder, and Day One exports a .zip file.');
    const zipped = isZip(source.bytes) || lowerName(source).endsWith('.zip');
    const journals = zipped ? journalsInZip(source.bytes) : [{ name: source.name, value: jsonFile(source) }];
    const parsed: ParsedImport = { entries: [], unreadable: [] };
    // Labels name the journal only when the zip holds more than one.
    for (const journal of journals) readJournal(journal.value, journals.length > 1 ? journal.name : null, context, parsed);
    return parsed;
  },
};

/** An unzipped journal file (Journal.json picked on its own). */
function jsonFile(source: ImportSource): unknown {
  const json = jsonOf(source);
  if (!json) throw notThisFormat(appName, "it can't be read as JSON. It may be damaged or cut short.");
  return json.value;
}

/** The journal JSON files at the zip's root, unpacked in memory; nothing is written to disk. */
function journalsInZip(bytes: Uint8Array): { name: string; value: unknown }[] {
  let tooLarge = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        // Only top-level .json files: attachments stay packed, and a name with a folder,
        // "..", or macOS's "._" shadow files is never a journal.
        const wanted = /^[^/\\]+\.json$/i.test(file.name) && !file.name.startsWith('._') && !file.name.includes('..');
        if (wanted && file.originalSize > maxJournalJsonBytes) tooLarge = true;
        return wanted && !tooLarge;
      },
    });
  } catch {
    throw notThisFormat(appName, "the zip file can't be opened. It may be damaged or not fully downloaded.");
  }
  if (tooLarge) {
    throw notThisFormat(appName, `its journal file is larger than Saltwater can read (over ${maxJournalJsonBytes / 1024 / 1024} MB of text).`);
  }
  const names = Object.keys(files).sort();
  if (names.length === 0) throw notThisFormat(appName, 'the zip holds no journal file (a .json file next to the photos folder).');
  return names.map((name) => {
    const text = decodeText(files[name]!);
    let value: unknown;
    try {
      value = text === null ? undefined : JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (value === undefined) throw notThisFormat(appName, `${name} in the zip can't be read as JSON. It may be damaged.`);
    return { name: name.replace(/\.json$/i, ''), value };
  });
}

function readJournal(value: unknown, journal: string | null, context: ParseContext, into: ParsedImport): void {
  if (!isRecord(value) || !Array.isArray(value.entries)) {
    throw notThisFormat(appName, journal ? `its journal "${journal}" has no entries list.` : 'it has no entries list.');
  }
  value.entries.forEach((raw: unknown, index) => {
    const label = journal ? `${journal}, entry ${index + 1}` : `entry ${index + 1}`;
    if (!isRecord(raw)) throw notThisFormat(appName, `${label} is not an entry.`);
    const entry = readEntry(raw, label, context);
    if (entry) into.entries.push(entry);
    else into.unreadable.push({ label, reason: 'no-date' });
  });
}

function readEntry(raw: Record<string, unknown>, label: string, context: ParseContext): ImportedEntry | null {
  // creationDate carries its zone ("Z"); timeZone is where the person was, used only if a
  // date ever comes without one.
  const zone = typeof raw.timeZone === 'string' && isTimeZone(raw.timeZone) ? raw.timeZone : context.zone;
  const createdAt = typeof raw.creationDate === 'string' ? parseDateTime(raw.creationDate, zone) : null;
  if (createdAt === null) return null;
  const modified = typeof raw.modifiedDate === 'string' ? parseDateTime(raw.modifiedDate, zone) : null;
  const text = typeof raw.text === 'string' ? raw.text : '';
  return {
    sourceId: typeof raw.uuid === 'string' && raw.uuid.trim() ? raw.uuid.trim() : sourceHash(String(raw.creationDate), text),
    label,
    createdAt,
    updatedAt: Math.max(createdAt, modified ?? createdAt),
    body: dayOneText(text),
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [],
    emotions: [],
    leftOut: leftOutOf(raw),
  };
}

const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);

function leftOutOf(raw: Record<string, unknown>): Partial<Record<LeftOutKind, number>> {
  const found: Partial<Record<LeftOutKind, number>> = {
    photos: count(raw.photos),
    videos: count(raw.videos),
    audio: count(raw.audios),
    pdfs: count(raw.pdfAttachments),
    locations: isRecord(raw.location) ? 1 : 0,
    weather: isRecord(raw.weather) ? 1 : 0,
    starred: raw.starred === true ? 1 : 0,
    pinned: raw.isPinned === true ? 1 : 0,
  };
  return Object.fromEntries(Object.entries(found).filter(([, n]) => n > 0));
}

/**
 * Day One's Markdown as Saltwater's: attachment placeholders go (the preview says how many
 * photos were left out), and the backslashes Day One puts before ordinary punctuation
 * ("Home\. Tired\!") are dropped mid-line, where they mean nothing. Escapes at a line's
 * start, which stop a heading or list from forming, and on marks that could start
 * formatting (* _ ` [ ] < > | \) are kept.
 */
export function dayOneText(text: string): string {
  return text
    .replace(/[ \t]*!\[[^\]]*\]\(dayone-moment:[^)]*\)[ \t]*/g, '')
    .replace(/(?<!^|\\)\\([.!?,;:()\-+{}#='"/])/gm, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
