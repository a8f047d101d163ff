import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportService, type ImportPreview } from '../../main/core/import/import-service.ts';
import type { ImportFormat } from '../../main/core/import/imported-entry.ts';
import { Journal } from '../../main/core/journal/journal.ts';
import type { Db } from '../../main/core/vault/database.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import { expectAppError, openTestDatabase } from '../helpers/vault-fixtures.ts';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'import');
const fixture = (...parts: string[]) => path.join(fixtures, ...parts);

let db: Db;
let dir: string;
let clock: FakeClock;
let cleanup: () => void;
let journal: Journal;

beforeEach(() => {
  ({ db, dir, clock, cleanup } = openTestDatabase());
  journal = new Journal(() => db, clock);
});
afterEach(() => cleanup());

const service = (zone = 'Europe/London', options: Partial<ConstructorParameters<typeof ImportService>[0]> = {}) =>
  new ImportService({ db: () => db, clock, zone: () => zone, ...options });

/** Every row an import could touch, so a test can prove nothing changed. */
function rowCounts(): { entries: number; emotions: number; tags: number; imported: number; customWords: number } {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    entries: count('entries'),
    emotions: count('entry_emotions'),
    tags: count('entry_tags'),
    imported: count('imported_entries'),
    customWords: count('custom_emotion_words'),
  };
}

/** The entries as the journal shows them, oldest first. */
function allEntries() {
  return journal
    .list({ limit: 200 })
    .map((summary) => journal.get(summary.id))
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** A Day One export as the app makes it: the journal JSON at the root, photos beside it. */
function writeDayOneZip(files: Record<string, Uint8Array> = {}): string {
  const file = path.join(dir, 'Day One Export.zip');
  const journalJson = fs.readFileSync(fixture('day-one-journal.json'));
  const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
  fs.writeFileSync(
    file,
    zipSync({
      'Journal.json': journalJson,
      'photos/31c871f18f68d2fde4196ccba1f8ece1.jpeg': photo,
      'photos/0cc175b9c0f1b6a831c399e269772661.jpeg': photo,
      'audios/f35f41739499e70c6b2714e3a7d82d8c.m4a': strToU8('fake audio'),
      ...files,
    }),
  );
  return file;
}

function writeFile(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const byReason = (preview: ImportPreview) => Object.fromEntries(preview.skipped.map((s) => [s.reason, s.examples]));
const leftOut = (preview: ImportPreview) => Object.fromEntries(preview.leftOut.map((l) => [l.what, l.count]));

describe('Day One', () => {
  it('keeps text, dates, tags; drops attachment placeholders and stray escapes; says what was left out', () => {
    const file = writeDayOneZip();
    const preview = service().preview(file);
    expect(preview).toMatchObject({ format: 'day-one', formatName: 'Day One', found: 4, toAdd: 2 });
    expect(byReason(preview)).toEqual({ empty: ['entry 3'], 'no-date': ['entry 4'] });
    // Counted over the entries that will be added: entry 3's photo goes with entry 3.
    expect(leftOut(preview)).toEqual({ photos: 1, locations: 1, weather: 1, starred: 1, audio: 1, pinned: 1 });
    expect(preview.leftOut.find((l) => l.what === 'photos')?.message).toBe('1 photo');

    const result = service().commit(file);
    expect(result.added).toBe(2);
    const [walk, night] = allEntries();
    expect(walk).toMatchObject({
      createdAt: Date.UTC(2024, 2, 24, 18, 28, 37),
      updatedAt: Date.UTC(2024, 2, 24, 19, 2, 11),
      body:
        '# Walk by the river\n\nThe water was high after the rain. I stood there for a long time!\n' +
        'Something in my chest let go (a little).\n\n\\- not a list, just a dash',
      tags: ['walks', 'river'],
      emotions: [],
    });
    expect(night).toMatchObject({ createdAt: Date.UTC(2024, 6, 2, 6, 15), body: "Couldn't sleep. Wrote this at two in the morning." });
    // Found by search, through the FTS triggers.
    expect(journal.search({ text: 'chest' }).hits.map((h) => h.id)).toEqual([walk!.id]);
  });

  it('reads an unzipped Journal.json too', () => {
    const preview = service().preview(fixture('day-one-journal.json'));
    expect(preview).toMatchObject({ format: 'day-one', toAdd: 2 });
  });

  it('reads every journal in a zip with several, naming the journal in labels', () => {
    const other = JSON.stringify({
      metadata: { version: '1.0' },
      entries: [{ uuid: 'AAAA', creationDate: '2025-01-01T10:00:00Z', text: 'From the second journal', tags: ['Work'] }, { uuid: 'BBBB', text: 'x' }],
    });
    const preview = service().preview(writeDayOneZip({ 'Work.json': strToU8(other) }));
    expect(preview.toAdd).toBe(3);
    expect(byReason(preview)['no-date']).toEqual(['Journal, entry 4', 'Work, entry 2']);
  });

  it('reads only top-level journal files from a zip, never a path outside it, and writes nothing to disk', () => {
    const sneaky = JSON.stringify({ metadata: { version: '1.0' }, entries: [{ uuid: 'EVIL', creationDate: '2025-01-01T10:00:00Z', text: 'sneaky' }] });
    const file = writeDayOneZip({ '../evil.json': strToU8(sneaky), 'photos/inner.json': strToU8(sneaky), '._Journal.json': strToU8(sneaky) });
    const filesBeside = fs.readdirSync(path.dirname(dir)).sort();
    const filesHere = fs.readdirSync(dir).sort();
    expect(service().commit(file).added).toBe(2);
    expect(allEntries().map((e) => e.body)).not.toContain('sneaky');
    expect(fs.readdirSync(dir).sort()).toEqual(filesHere);
    expect(fs.readdirSync(path.dirname(dir)).sort()).toEqual(filesBeside);
  });

  it('refuses a journal file whose unpacked size is over the limit, without unpacking it', async () => {
    const file = writeDayOneZip();
    // Claim a 300 MB journal in the zip's headers (a zip bomb announces itself the same way).
    const bytes = fs.readFileSync(file);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 46 < bytes.length; i++) {
      const signature = view.getUint32(i, true);
      const nameAt = signature === 0x04034b50 ? i + 30 : signature === 0x02014b50 ? i + 46 : -1;
      if (nameAt < 0) continue;
      const nameLength = view.getUint16(signature === 0x04034b50 ? i + 26 : i + 28, true);
      if (bytes.subarray(nameAt, nameAt + nameLength).toString() !== 'Journal.json') continue;
      view.setUint32(signature === 0x04034b50 ? i + 22 : i + 24, 300 * 1024 * 1024, true);
    }
    fs.writeFileSync(file, bytes);
    const error = await expectAppError(() => service().preview(file), 'INVALID_INPUT');
    expect(error.message).toMatch(/^This doesn't look like a Day One export: its journal file is larger than Saltwater can read/);
  });

  it('names what is wrong with a zip that is not a Day One export', async () => {
    const noJournal = writeFile('photos-only.zip', zipSync({ 'photos/a.jpeg': new Uint8Array([1, 2, 3]) }));
    expect((await expectAppError(() => service().preview(noJournal), 'INVALID_INPUT')).message).toBe(
      "This doesn't look like a Day One export: the zip holds no journal file (a .json file next to the photos folder).",
    );
    const damaged = writeFile('damaged.zip', 'this is not a zip at all');
    expect((await expectAppError(() => service().preview(damaged), 'INVALID_INPUT')).message).toMatch(/the zip file can't be opened/);
    const noEntries = writeFile('Journal.json', '{"metadata":{"version":"1.0"},"journal":[]}');
    expect((await expectAppError(() => service().commit(noEntries, 'day-one'), 'INVALID_INPUT')).message).toBe(
      "This doesn't look like a Day One export: it has no entries list.",
    );
  });
});

describe('jrnl', () => {
  it('joins title and body, reads local times in the zone, cleans @tags, leaves out stars', () => {
    const preview = service('Europe/London').preview(fixture('jrnl.json'));
    expect(preview).toMatchObject({ format: 'jrnl', found: 3, toAdd: 3, skipped: [] });
    expect(leftOut(preview)).toEqual({ starred: 1 });

    service('Europe/London').commit(fixture('jrnl.json'));
    const [work, mum, titleOnly] = allEntries();
    expect(work).toMatchObject({
      createdAt: Date.UTC(2023, 10, 5, 21, 40),
      body: "Long day at @work.\nThe meeting ran over and I felt my jaw tighten the whole time.\nI didn't say anything.",
      tags: ['work'],
    });
    expect(mum).toMatchObject({ createdAt: Date.UTC(2023, 10, 6, 19, 5), tags: ['family', 'work'] });
    // 01:30 on 31 March 2024 never happened in London (clocks went 01:00 → 02:00): it is read as 02:30 BST.
    expect(titleOnly).toMatchObject({ createdAt: Date.UTC(2024, 2, 31, 1, 30), body: 'Only a title this time', tags: [] });
  });

  it('honours the zone it is told: the same file read in New York is five hours later', () => {
    service('America/New_York').commit(fixture('jrnl.json'));
    expect(allEntries()[0]!.createdAt).toBe(Date.UTC(2023, 11 - 1, 6, 2, 40));
  });
});

describe('Daylio', () => {
  it('maps moods to feelings where a word fits, keeps the rest as text, activities as tags', () => {
    const preview = service().preview(fixture('daylio.csv'));
    expect(preview).toMatchObject({ format: 'daylio', found: 6, toAdd: 5 });
    expect(byReason(preview)).toEqual({ 'no-date': ['row 7'] });

    service().commit(fixture('daylio.csv'));
    const rows = allEntries();
    expect(rows.map((e) => [e.createdAt, e.emotions.map((m) => `${m.word}:${m.intensity}`), e.tags, e.body])).toEqual([
      [Date.UTC(2024, 1, 8, 19, 0), ['glad:5'], ['movies / tv', 'relax'], ''],
      [Date.UTC(2024, 1, 9, 18, 45), ['sad:5'], ['work'], ''],
      [Date.UTC(2024, 1, 10, 14, 15), ['joyful:5'], ['family', 'friends', 'walk'], '# Lunch with Jo\n\nWe laughed so much my face hurt. **Remember this.**'],
      [Date.UTC(2024, 1, 11, 8, 30), [], [], 'Mood: meh'],
      [Date.UTC(2024, 1, 12, 22, 5), [], ['work', 'bad sleep'], 'Mood: awful\n\nEverything felt too loud today.\nI went to bed early.'],
    ]);
  });

  it("maps a mood to one of the person's own feeling words", () => {
    db.prepare("INSERT INTO custom_emotion_words (word, family, created_at) VALUES ('meh', 'numb', 1)").run();
    service().commit(fixture('daylio.csv'));
    expect(allEntries().find((e) => e.createdAt === Date.UTC(2024, 1, 11, 8, 30))).toMatchObject({ body: '', emotions: [{ word: 'meh' }] });
  });

  it('names a missing column', async () => {
    const error = await expectAppError(() => service().preview(fixture('bad', 'daylio-missing-column.csv'), 'daylio'), 'INVALID_INPUT');
    expect(error.message).toBe("This doesn't look like a Daylio export: it has no full_date column.");
  });
});

describe('a folder of Markdown or text files', () => {
  it('dates entries from jrnl headers, front matter and file names; skips files with no date', () => {
    const preview = service().preview(fixture('markdown-folder'));
    expect(preview).toMatchObject({ format: 'markdown', found: 4, toAdd: 3 });
    // Hidden folders (.obsidian) and files that are not text are not read at all.
    expect(byReason(preview)).toEqual({ 'no-date': ['letter-i-did-not-send.md'] });
    expect(leftOut(preview)).toEqual({ 'front-matter': 2 });

    service().commit(fixture('markdown-folder'));
    expect(allEntries().map((e) => [e.createdAt, e.tags, e.body])).toEqual([
      [Date.UTC(2019, 5, 1, 7, 45), [], "The first entry.\nI'm trying this journal thing. @start"],
      // A daily note with no time is placed at midday.
      [Date.UTC(2026, 11, 3, 12, 0), [], 'Quiet morning. Made tea and watched the frost melt off the window.\n\nFelt **steady**, for once.'],
      [Date.UTC(2026, 11, 4, 21, 30), ['evening', 'gratitude'], 'Three small good things: the bus was on time, a kind email, soup.'],
    ]);
  });

  it('imports a single Markdown file', () => {
    const file = writeFile('2025-05-05.md', '---\ntitle: Spring\ntags: walk, sun\n---\nBlossom everywhere.\n');
    expect(service().commit(file).added).toBe(1);
    expect(allEntries()[0]).toMatchObject({ createdAt: Date.UTC(2025, 4, 5, 11, 0), body: '# Spring\n\nBlossom everywhere.', tags: ['walk', 'sun'] });
  });

  it('skips a file longer than an entry can be, saying why', () => {
    const folder = path.join(dir, 'notes');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, '2025-01-01.md'), 'a'.repeat(2_000_001));
    fs.writeFileSync(path.join(folder, '2025-01-02.md'), 'short');
    fs.writeFileSync(path.join(folder, '2025-01-03.md'), new Uint8Array([0xff, 0xfe, 0x00, 0x41]));
    const result = service().commit(folder);
    expect(result.added).toBe(1);
    expect(result.skipped.map((s) => [s.reason, s.message])).toEqual([
      ['not-text', "1 file isn't text Saltwater can read."],
      ['too-long', '1 entry is longer than a journal entry can be (2,000,000 characters).'],
    ]);
  });
});

describe('importing is one careful step', () => {
  const sources: [string, () => string, ImportFormat][] = [
    ['Day One', () => writeDayOneZip(), 'day-one'],
    ['jrnl', () => fixture('jrnl.json'), 'jrnl'],
    ['Daylio', () => fixture('daylio.csv'), 'daylio'],
    ['Markdown', () => fixture('markdown-folder'), 'markdown'],
  ];

  it.each(sources)('%s: the preview says exactly what commit does, and a second import adds nothing', (_name, source, format) => {
    const file = source();
    const before = rowCounts();
    const preview = service().preview(file);
    expect(preview.format).toBe(format);
    expect(rowCounts()).toEqual(before);

    const result = service().commit(file);
    expect(result).toEqual({ ...preview, added: preview.toAdd });
    expect(rowCounts().entries - before.entries).toBe(preview.toAdd);
    expect(rowCounts().imported - before.imported).toBe(preview.toAdd);

    const afterFirst = rowCounts();
    const again = service().preview(file);
    expect(again.toAdd).toBe(0);
    expect(again.skipped.find((s) => s.reason === 'already-imported')?.count).toBe(preview.toAdd);
    expect(again.leftOut).toEqual([]);
    expect(service().commit(file).added).toBe(0);
    expect(rowCounts()).toEqual(afterFirst);
  });

  it('a bad file changes nothing and says what is wrong', async () => {
    service().commit(fixture('jrnl.json'));
    const before = rowCounts();
    const broken = await expectAppError(() => service().commit(fixture('bad', 'jrnl-broken-entry.json')), 'INVALID_INPUT');
    expect(broken.message).toBe("This doesn't look like a jrnl export: entry 2 is not an entry.");
    const truncated = await expectAppError(() => service().commit(fixture('bad', 'truncated.json')), 'INVALID_INPUT');
    expect(truncated.message).toBe("This .json file can't be read as JSON. It may be damaged or cut short.");
    const unknown = await expectAppError(() => service().commit(fixture('bad', 'day-one-no-entries.json')), 'INVALID_INPUT');
    expect(unknown.message).toMatch(/^We couldn't tell which app this came from\. Saltwater can import a Day One export/);
    expect(rowCounts()).toEqual(before);
  });

  it('a failure halfway through writing rolls the whole import back', async () => {
    db.exec(`CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON entries WHEN NEW.body LIKE 'Called mum.%'
             BEGIN SELECT RAISE(ABORT, 'disk said no'); END`);
    const before = rowCounts();
    expect(() => service().commit(fixture('jrnl.json'))).toThrow('disk said no');
    expect(rowCounts()).toEqual(before);
    db.exec('DROP TRIGGER refuse_one');
    expect(service().commit(fixture('jrnl.json')).added).toBe(3);
  });

  it('an imported entry in the trash still counts as imported; once purged, importing again brings it back', () => {
    service().commit(fixture('jrnl.json'));
    const first = allEntries()[0]!;
    journal.delete(first.id);
    expect(service().preview(fixture('jrnl.json')).toAdd).toBe(0);
    journal.purgeDeleted();
    expect(rowCounts().imported).toBe(2);
    const again = service().commit(fixture('jrnl.json'));
    expect(again.added).toBe(1);
    expect(allEntries()[0]!.body).toBe(first.body);
  });

  it('an entry written in Saltwater after an import is left alone by the next one', () => {
    service().commit(fixture('daylio.csv'));
    const mine = journal.create({ body: 'Written here, today.' });
    const before = rowCounts();
    expect(service().commit(fixture('daylio.csv')).added).toBe(0);
    expect(rowCounts()).toEqual(before);
    expect(journal.get(mine.id).body).toBe('Written here, today.');
  });

  it('adds an entry that appears twice in one file once, and keeps at most 30 tags an entry', () => {
    const tags = Array.from({ length: 33 }, (_, i) => `@tag${i + 1}`);
    const entry = { title: 'Twice.', body: 'Same words.', date: '2024-01-01', time: '10:00', tags, starred: false };
    const file = writeFile('twice.json', JSON.stringify({ tags: {}, entries: [entry, entry] }));
    const result = service().commit(file);
    expect(result.added).toBe(1);
    expect(result.skipped).toEqual([
      { reason: 'repeated', count: 1, message: '1 entry appears twice in this file; it is added once.', examples: ['entry 2'] },
    ]);
    expect(result.leftOut).toEqual([{ what: 'extra-tags', count: 3, message: '3 tags beyond the 30 an entry can hold' }]);
    expect(allEntries()[0]!.tags).toEqual(tags.slice(0, 30).map((t) => t.slice(1)));
  });

  it('knows each format, and Saltwater’s own export, which is left to its own importer', async () => {
    expect(service().detect(writeDayOneZip())).toBe('day-one');
    expect(service().detect(fixture('day-one-journal.json'))).toBe('day-one');
    expect(service().detect(fixture('jrnl.json'))).toBe('jrnl');
    expect(service().detect(fixture('daylio.csv'))).toBe('daylio');
    expect(service().detect(fixture('markdown-folder'))).toBe('markdown');
    const own = writeFile('saltwater-export.json', JSON.stringify({ format: 'saltwater-export', version: 1, entries: [] }));
    expect(service().detect(own)).toBe('saltwater');
    const before = rowCounts();
    expect((await expectAppError(() => service().commit(own), 'INVALID_INPUT')).message).toMatch(/^This is a Saltwater export\./);
    expect(rowCounts()).toEqual(before);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const error = await expectAppError(
      () => service('Europe/London', { sourceLimits: { fileBytes: 100, folderFiles: 10, folderBytes: 1000, folderDepth: 2 } }).preview(fixture('jrnl.json')),
      'INVALID_INPUT',
    );
    expect(error.message).toBe('That file is larger than Saltwater can import at once (0 MB).');
  });

  it('says plainly when the file is not there', async () => {
    const error = await expectAppError(() => service().preview(path.join(dir, 'gone.zip')), 'FILE_PROBLEM');
    expect(error.message).toBe("We couldn't find that file or folder. It may have been moved or renamed.");
  });
});
