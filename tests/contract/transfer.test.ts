import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PLAIN_FILES_WARNING, type EventName, type ExportOutcome, type ExportProgress, type ImportPreview, type ImportResult } from '../../preload/contract/index.ts';
import { createCore, type Core, type Dialogs } from '../../main/core/services.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { callOrThrow } from '../helpers/router-call.ts';
import { cheapKdf, makeTempDir, PASSPHRASE } from '../helpers/vault-fixtures.ts';
import { readTree, readZip } from '../fixtures/export/helpers.ts';

/** Export and import through the router, as the page uses them, on real files in a temp folder. */
let root: string;
let cleanup: () => void;
let clock: FakeClock;
let core: Core;
let heard: { event: EventName; payload: unknown }[];
/** What the next OS dialogs answer, in order; the test fails if one is asked with none left. */
let answers: (string | null)[];
let asked: string[];

const fixture = (...parts: string[]) => path.join(import.meta.dirname, '../fixtures/import', ...parts);

function start(dataDir = path.join(root, 'vault')): Core {
  const answer = (which: string) => async () => {
    asked.push(which);
    if (answers.length === 0) throw new Error(`no answer for the ${which} dialog`);
    return answers.shift() ?? null;
  };
  const dialogs: Dialogs = {
    chooseFolder: answer('backup folder'),
    chooseBackupFile: answer('backup file'),
    chooseExportFolder: answer('export folder'),
    chooseExportZip: answer('export zip'),
    chooseImportFile: answer('import file'),
    chooseImportFolder: answer('import folder'),
    chooseSummaryPdf: answer('summary pdf'),
    choosePracticeFile: answer('practice file'),
    choosePracticeSaveAs: answer('practice save'),
  };
  return createCore({
    dataDir,
    resourcesDir: path.join(import.meta.dirname, '../../resources'),
    clock,
    timers: clock,
    kdf: cheapKdf,
    emit: (event, payload) => void heard.push({ event, payload }),
    dialogs,
  });
}

beforeEach(async () => {
  ({ dir: root, cleanup } = makeTempDir());
  clock = new FakeClock(new Date(2026, 11, 4, 9, 0).getTime());
  heard = [];
  answers = [];
  asked = [];
  core = start();
  await call('vault.create', { passphrase: PASSPHRASE });
});
afterEach(() => {
  vi.restoreAllMocks();
  core.close();
  cleanup();
});

const call = <T = unknown>(method: string, input?: unknown, on: Core = core) => callOrThrow<T>(on, method, input);
async function failure(method: string, input?: unknown): Promise<{ code: string; message: string }> {
  const result = await core.router.call(method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}
const bodies = async (on: Core = core) => (await call<{ preview: string }[]>('journal.list', { limit: 200 }, on)).map((e) => e.preview).sort();
const folder = (name: string) => {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};
const everything = { markdown: true, json: 'everything', from: null, to: null, understood: true } as const;

describe('export', () => {
  beforeEach(async () => {
    await call('journal.create', { body: 'The first thing I wrote.', tags: ['start'] });
    // A day later (the idle lock has closed the vault meanwhile).
    clock.advance(86_400_000);
    await call('vault.unlock', { passphrase: PASSPHRASE });
    await call('journal.create', { body: 'A second day, quieter.' });
  });

  it('writes Markdown and JSON into a new folder in the one chosen, with progress and the plain-files warning', async () => {
    const parent = folder('exports');
    answers.push(parent);
    expect(await call('export.chooseDestination', { as: 'folder' })).toEqual({ name: 'exports' });

    const outcome = await call<ExportOutcome>('export.run', everything);
    expect(outcome).toMatchObject({ outcome: 'saved', files: 3, entries: 2 });
    if (outcome.outcome !== 'saved') return;
    expect(path.dirname(outcome.where)).toBe(parent);
    // The same words the page showed before anything was written.
    expect(outcome.warnings[0]).toBe(PLAIN_FILES_WARNING);
    const files = readTree(outcome.where);
    expect(Object.keys(files).sort()).toEqual(['Journal/2026-12-04 0900.md', 'Journal/2026-12-05 0900.md', 'saltwater-export.json']);
    expect(files['Journal/2026-12-04 0900.md']).toContain('The first thing I wrote.');
    expect(JSON.parse(files['saltwater-export.json']!).journal.entries).toHaveLength(2);
    // Nothing else beside it: no temporary copy left over.
    expect(fs.readdirSync(parent)).toEqual([path.basename(outcome.where)]);

    const progress = heard.filter((h) => h.event === 'export.progress').map((h) => h.payload as ExportProgress);
    expect(progress[0]).toEqual({ done: 0, total: 3 });
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
  });

  it('saves a .zip where the save dialog said, adding the extension the dialog left off, and only the dates chosen', async () => {
    const parent = folder('zips');
    answers.push(path.join(parent, 'my journal'));
    expect(await call('export.chooseDestination', { as: 'zip' })).toEqual({ name: 'my journal.zip' });
    const from = new Date(2026, 11, 5).getTime();
    const outcome = await call<ExportOutcome>('export.run', { markdown: true, json: 'journal', from, to: from + 86_400_000, understood: true });
    expect(outcome).toMatchObject({ outcome: 'saved', where: path.join(parent, 'my journal.zip'), files: 2, entries: 1 });
    const zip = readZip(path.join(parent, 'my journal.zip'));
    expect(Object.keys(zip).sort()).toEqual(['Journal/2026-12-05 0900.md', 'saltwater-export.json']);
    expect(zip['Journal/2026-12-05 0900.md']).toContain('A second day, quieter.');

    // The .zip exists now: writing over it must go through the save dialog (and its question) again.
    expect(await failure('export.run', everything)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stops on Cancel, leaving nothing behind, and can run again afterwards', async () => {
    const parent = folder('cancelled');
    answers.push(parent);
    await call('export.chooseDestination', { as: 'folder' });
    const running = call<ExportOutcome>('export.run', everything);
    await call('export.cancel');
    expect(await running).toEqual({ outcome: 'cancelled' });
    expect(fs.readdirSync(parent)).toEqual([]);

    // The folder chosen is still the place; a second run finishes.
    expect(await call<ExportOutcome>('export.run', everything)).toMatchObject({ outcome: 'saved' });
    expect(fs.readdirSync(parent)).toHaveLength(1);
  });

  it('says where the unfinished copy is when a cancel could not remove it, instead of "cancelled"', async () => {
    const parent = folder('stuck');
    answers.push(parent);
    await call('export.chooseDestination', { as: 'folder' });
    vi.spyOn(fs, 'rmSync').mockImplementation(() => {
      throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
    });
    // Cancel once writing has begun (the unfinished copy exists from the first progress event).
    const push = heard.push.bind(heard);
    heard.push = (...items) => {
      if (items.some((h) => h.event === 'export.progress')) void core.router.call('export.cancel', undefined);
      return push(...items);
    };
    const result = await core.router.call('export.run', everything);
    vi.restoreAllMocks();
    if (result.ok) throw new Error('the cancel should have reported the leftover');
    const names = fs.readdirSync(parent);
    expect(names).toEqual([expect.stringMatching(/^Saltwater export .* \(unfinished, safe to delete\)$/)]);
    expect(result.error).toMatchObject({ code: 'FILE_PROBLEM', message: expect.stringMatching(/^The export was cancelled\. /) });
    expect(result.error.message).toContain(path.join(parent, names[0]!));
  });

  it('stops when the vault locks mid-way, and leaves nothing behind', async () => {
    const parent = folder('locked');
    answers.push(parent);
    await call('export.chooseDestination', { as: 'folder' });
    const running = call<ExportOutcome>('export.run', everything);
    await call('vault.lock');
    expect(await running).toEqual({ outcome: 'cancelled' });
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it('refuses without a place chosen, without the warning confirmed, or with nothing to export; writes nothing', async () => {
    expect(await failure('export.run', everything)).toEqual({ code: 'NOT_FOUND', message: 'Please choose where to save the export first.' });
    const parent = folder('refused');
    answers.push(parent);
    await call('export.chooseDestination', { as: 'folder' });
    expect(await failure('export.run', { ...everything, understood: false })).toEqual({
      code: 'INVALID_INPUT',
      message: 'Please confirm you understand these files are not encrypted.',
    });
    expect(await failure('export.run', { ...everything, markdown: false, json: 'none' })).toEqual({
      code: 'INVALID_INPUT',
      message: 'Please choose at least one thing to export.',
    });
    expect(await failure('export.run', { ...everything, from: 2, to: 1 })).toMatchObject({ code: 'INVALID_INPUT', message: /start of the date range/ });
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it('keeps the place when the dialog is cancelled', async () => {
    const parent = folder('kept');
    answers.push(parent, null);
    await call('export.chooseDestination', { as: 'folder' });
    expect(await call('export.chooseDestination', { as: 'zip' })).toBeNull();
    expect(await call<ExportOutcome>('export.run', everything)).toMatchObject({ outcome: 'saved' });
    expect(fs.readdirSync(parent)).toHaveLength(1);
  });

  it('names a folder that went away as such, and leaves nothing', async () => {
    const parent = folder('unplugged');
    answers.push(parent);
    await call('export.chooseDestination', { as: 'folder' });
    fs.rmSync(parent, { recursive: true });
    const error = await failure('export.run', everything);
    expect(error.code).toBe('FILE_PROBLEM');
    expect(error.message).toBe(
      "We couldn't write the export. The folder is not there any more. If it is on a drive, is the drive plugged in? No files were left behind.",
    );
    expect(fs.existsSync(parent)).toBe(false);
  });
});

describe('import', () => {
  it('previews a jrnl export without changing anything, then adds it; the same file again adds nothing', async () => {
    answers.push(fixture('jrnl.json'));
    expect(await call('import.chooseSource', { from: 'file' })).toEqual({ name: 'jrnl.json' });
    expect(asked).toEqual(['import file']);

    const preview = await call<ImportPreview>('import.preview');
    expect(preview).toMatchObject({ source: 'jrnl.json', formatName: 'jrnl', found: 3, toAdd: 3, skipped: [], alsoAdds: [] });
    expect(preview.firstAt).toBeLessThan(preview.lastAt!);
    expect(await bodies()).toEqual([]);
    expect(heard.some((h) => h.event === 'journal.changed')).toBe(false);

    const result = await call<ImportResult>('import.commit');
    expect(result).toMatchObject({ added: 3, toAdd: 3 });
    expect(await bodies()).toHaveLength(3);
    expect((await bodies()).join('\n')).toContain('Called mum.');
    // The journal on screen reloads.
    expect(heard.filter((h) => h.event === 'journal.changed')).toHaveLength(1);

    const again = await call<ImportPreview>('import.preview');
    expect(again.toAdd).toBe(0);
    expect(again.skipped).toEqual([expect.objectContaining({ count: 3, message: '3 entries are already in your journal from an earlier import.' })]);
    expect(await call<ImportResult>('import.commit')).toMatchObject({ added: 0 });
    expect(await bodies()).toHaveLength(3);
    expect(heard.filter((h) => h.event === 'journal.changed')).toHaveLength(1);
  });

  it('says what a Day One export leaves out', async () => {
    answers.push(fixture('day-one-journal.json'));
    await call('import.chooseSource', { from: 'file' });
    const preview = await call<ImportPreview>('import.preview');
    expect(preview.formatName).toBe('Day One');
    expect(preview.toAdd).toBeGreaterThan(0);
    expect(preview.leftOut.map((l) => l.message).join(', ')).toMatch(/photo/);
  });

  it('reads a folder of Markdown files', async () => {
    answers.push(fixture('markdown-folder'));
    expect(await call('import.chooseSource', { from: 'folder' })).toEqual({ name: 'markdown-folder' });
    expect(asked).toEqual(['import folder']);
    const result = await call<ImportResult>('import.commit');
    expect(result).toMatchObject({ formatName: expect.any(String), added: 3 });
    expect(await bodies()).toHaveLength(3);
  });

  it('refuses a bad file with its reason and changes nothing', async () => {
    await call('journal.create', { body: 'Already here.' });
    heard = [];
    for (const bad of ['truncated.json', 'jrnl-broken-entry.json', 'daylio-missing-column.csv']) {
      answers.push(fixture('bad', bad));
      await call('import.chooseSource', { from: 'file' });
      const previewed = await failure('import.preview');
      expect(previewed.code, bad).toBe('INVALID_INPUT');
      expect(previewed.message.length, bad).toBeGreaterThan(10);
      expect(await failure('import.commit'), bad).toEqual(previewed);
    }
    expect(await bodies()).toEqual(['Already here.']);
    expect(heard).toEqual([]);
  });

  it('asks for the source again when none was chosen, and keeps the last one when the dialog is cancelled', async () => {
    expect(await failure('import.preview')).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure('import.commit')).toMatchObject({ code: 'NOT_FOUND' });
    answers.push(fixture('jrnl.json'), null);
    await call('import.chooseSource', { from: 'file' });
    expect(await call('import.chooseSource', { from: 'folder' })).toBeNull();
    expect((await call<ImportPreview>('import.preview')).formatName).toBe('jrnl');
  });

  it("brings Saltwater's own export (its folder, its .zip or its JSON) into a new vault, once", async () => {
    await call('journal.create', { body: 'Written in the old vault.', tags: ['old'] });
    await call('memories.add', { title: 'The harbour', text: 'the boats at night', intensity: 4 });
    const out = folder('out');
    answers.push(out, path.join(out, 'all.zip'));
    await call('export.chooseDestination', { as: 'folder' });
    const made = await call<ExportOutcome>('export.run', everything);
    await call('export.chooseDestination', { as: 'zip' });
    await call<ExportOutcome>('export.run', everything);
    if (made.outcome !== 'saved') throw new Error('export failed');

    const other = start(path.join(root, 'new-vault'));
    try {
      await call('vault.create', { passphrase: PASSPHRASE }, other);
      answers.push(made.where);
      await call('import.chooseSource', { from: 'folder' }, other);
      const preview = await call<ImportPreview>('import.preview', undefined, other);
      expect(preview).toMatchObject({ formatName: 'Saltwater', toAdd: 1 });
      expect(preview.alsoAdds).toContain('1 memory');
      const result = await call<ImportResult>('import.commit', undefined, other);
      expect(result.added).toBe(1);
      expect(await bodies(other)).toEqual(['Written in the old vault.']);
      expect((await call<{ title: string }[]>('memories.list', undefined, other)).map((m) => m.title)).toEqual(['The harbour']);

      // The .zip and the JSON inside the folder are the same export: nothing new.
      answers.push(path.join(out, 'all.zip'), path.join(made.where, 'saltwater-export.json'));
      for (const from of ['file', 'file'] as const) {
        await call('import.chooseSource', { from }, other);
        expect(await call<ImportPreview>('import.preview', undefined, other)).toMatchObject({
          formatName: 'Saltwater',
          toAdd: 0,
          alsoAdds: [],
          firstAt: null,
          lastAt: null,
        });
      }
    } finally {
      other.close();
    }
  });

  it("dates a Saltwater import's preview by the entries it will add, not those already here", async () => {
    const first = await call<{ createdAt: number }>('journal.create', { body: 'The first evening.' });
    const out = folder('twice');
    answers.push(out);
    await call('export.chooseDestination', { as: 'folder' });
    const once = await call<ExportOutcome>('export.run', everything);
    clock.advance(3 * 86_400_000);
    await call('vault.unlock', { passphrase: PASSPHRASE });
    const later = await call<{ createdAt: number }>('journal.create', { body: 'Three days on.' });
    answers.push(out);
    await call('export.chooseDestination', { as: 'folder' });
    const twice = await call<ExportOutcome>('export.run', everything);
    if (once.outcome !== 'saved' || twice.outcome !== 'saved') throw new Error('export failed');

    const other = start(path.join(root, 'second-vault'));
    try {
      await call('vault.create', { passphrase: PASSPHRASE }, other);
      answers.push(once.where);
      await call('import.chooseSource', { from: 'folder' }, other);
      expect(await call<ImportResult>('import.commit', undefined, other)).toMatchObject({ added: 1, firstAt: first.createdAt, lastAt: first.createdAt });

      answers.push(twice.where);
      await call('import.chooseSource', { from: 'folder' }, other);
      const preview = await call<ImportPreview>('import.preview', undefined, other);
      expect(preview).toMatchObject({ found: 2, toAdd: 1, firstAt: later.createdAt, lastAt: later.createdAt });
      // What the import reports afterwards is dated the same way.
      expect(await call<ImportResult>('import.commit', undefined, other)).toMatchObject({ added: 1, firstAt: later.createdAt, lastAt: later.createdAt });
    } finally {
      other.close();
    }
  });
});
