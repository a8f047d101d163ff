import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { answerDialog, callApi, createVault, expect, openApp, test, type RunningHost } from './fixtures.ts';

/** Export to plain files and import from other journals, through Settings → Your data. */

const fixture = (...parts: string[]) => path.join(import.meta.dirname, '../fixtures/import', ...parts);

/** A folder of this test's own, beside the vault (removed with the host's temp folder). */
function folderFor(host: RunningHost, name: string): string {
  const dir = path.join(path.dirname(host.dataDir), name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

async function openYourData(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Export and import' }).click();
  await expect(page.getByRole('heading', { name: 'Export your words' })).toBeFocused();
  return page.getByRole('region', { name: 'Your data' });
}

test('export to a folder: the warning first, nothing written until it is confirmed, then Markdown and JSON files', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await callApi(page, 'journal.create', { body: 'The tide came in slowly tonight.', tags: ['sea'] });
  const section = await openYourData(page);
  const exports = folderFor(host, 'exports');

  await section.getByRole('button', { name: 'Export…' }).click();
  const warning = section.getByRole('group', { name: 'Before you export' });
  await expect(warning).toContainText('These files are not encrypted');
  // "Everything" is chosen: the webhook addresses and keys are named before anything is written.
  await expect(warning).toContainText('web addresses and keys Saltwater uses to send signals');
  // The safe choice has the focus, and nothing has been written yet.
  await expect(warning.getByRole('button', { name: 'Not now' })).toBeFocused();
  await expectAccessible(page, 'the export warning');
  await warning.getByRole('button', { name: 'Not now' }).click();
  await expect(section.getByRole('button', { name: 'Export…' })).toBeFocused();
  expect(fs.readdirSync(exports)).toEqual([]);

  await section.getByRole('button', { name: 'Export…' }).click();
  await answerDialog(host, exports);
  await section.getByRole('button', { name: 'I understand, choose where to save…' }).click();
  await expect(section.getByText(/Saved 1 entry \(2 files\) to/)).toBeVisible();
  await expect(section.getByRole('button', { name: 'Export…' })).toBeFocused();

  const [made] = fs.readdirSync(exports);
  expect(made).toMatch(/^Saltwater export \d{4}-\d\d-\d\d \d{4}$/);
  const folder = path.join(exports, made!);
  const [markdown] = fs.readdirSync(path.join(folder, 'Journal'));
  expect(fs.readFileSync(path.join(folder, 'Journal', markdown!), 'utf8')).toContain('The tide came in slowly tonight.');
  const json = JSON.parse(fs.readFileSync(path.join(folder, 'saltwater-export.json'), 'utf8')) as { journal: { entries: { tags: string[] }[] } };
  expect(json.journal.entries.map((e) => e.tags)).toEqual([['sea']]);
  expect(host.externalRequests).toEqual([]);
});

test('export to a .zip, the journal only, and a cancelled dialog writes nothing', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await callApi(page, 'journal.create', { body: 'Packed into one file.' });
  const section = await openYourData(page);
  const zips = folderFor(host, 'zips');

  await section.getByRole('radio', { name: 'One .zip file' }).check();
  await section.getByRole('radio', { name: /The journal only/ }).check();
  await section.getByRole('checkbox', { name: 'Each entry as a Markdown file' }).uncheck();

  // The person closes the save dialog: nothing is exported.
  await section.getByRole('button', { name: 'Export…' }).click();
  await answerDialog(host, null);
  await section.getByRole('button', { name: 'I understand, choose where to save…' }).click();
  await expect(section.getByText('Nothing was exported.')).toBeVisible();
  expect(fs.readdirSync(zips)).toEqual([]);

  await section.getByRole('button', { name: 'Export…' }).click();
  await answerDialog(host, path.join(zips, 'my journal.zip'));
  await section.getByRole('button', { name: 'I understand, choose where to save…' }).click();
  await expect(section.getByText(/Saved 1 entry \(1 file\) to/)).toBeVisible();
  const zip = fs.readFileSync(path.join(zips, 'my journal.zip'));
  expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(fs.readdirSync(zips)).toEqual(['my journal.zip']);
});

test('import a jrnl export: preview, add, the entries appear; twice adds nothing; a bad file changes nothing', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  const section = await openYourData(page);

  await answerDialog(host, fixture('bad', 'truncated.json'));
  await section.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(section.getByRole('alert')).toContainText('Nothing in your journal was changed.');

  await answerDialog(host, fixture('jrnl.json'));
  await section.getByRole('button', { name: 'Choose a file…' }).click();
  const preview = section.getByRole('region', { name: 'What “jrnl.json” holds' });
  await expect(preview.getByRole('heading', { name: 'What “jrnl.json” holds' })).toBeFocused();
  await expect(preview).toContainText('A jrnl export with 3 entries.');
  await expect(preview).toContainText(/3 entries will be added, written from .+ to .+\./);
  await expectAccessible(page, 'the import preview');

  await preview.getByRole('button', { name: 'Add 3 entries' }).click();
  await expect(section.getByText('Added 3 entries from jrnl to your journal.')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Choose a file…' })).toBeFocused();

  // The same file again: nothing new.
  await answerDialog(host, fixture('jrnl.json'));
  await section.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(preview).toContainText('No new entries to add.');
  await expect(preview).toContainText('3 entries are already in your journal from an earlier import.');
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(section.getByRole('button', { name: 'Choose a file…' })).toBeFocused();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Journal' }).click();
  const list = page.getByRole('list', { name: 'Entries, newest first' });
  await expect(list.getByRole('article')).toHaveCount(3);
  await expect(list).toContainText('Called mum.');
  expect(host.externalRequests).toEqual([]);
});

test('import a folder of Markdown files, and the section passes axe in the dark theme at a small window', async ({ page, host }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, host);
  await createVault(page);
  const section = await openYourData(page);
  // Small only now: at this width the main navigation folds into a menu.
  await page.setViewportSize({ width: 560, height: 480 });
  await expectAccessible(page, 'export and import, dark, small');
  // Nothing wider than the window: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

  await answerDialog(host, fixture('markdown-folder'));
  await section.getByRole('button', { name: 'Choose a folder…' }).click();
  const preview = section.getByRole('region', { name: 'What “markdown-folder” holds' });
  await expect(preview).toContainText('3 entries will be added');
  await expect(preview.getByRole('heading', { name: 'Not added' })).toBeVisible();
  await expectAccessible(page, 'the import preview, dark, small');
  await preview.getByRole('button', { name: 'Add 3 entries' }).click();
  await expect(section.getByText(/Added 3 entries from .+ to your journal\./)).toBeVisible();
});

test('a large export shows its progress and can be cancelled, leaving no files behind', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  // Thousands of entries in one go: a jrnl export of our own making, imported through the API.
  const many = Array.from({ length: 5000 }, (_, i) => ({
    title: `Evening note ${i + 1}.`,
    body: 'A few quiet words.',
    date: `20${String(10 + Math.floor(i / 365)).padStart(2, '0')}-01-01`,
    time: `${String(Math.floor((i % 1440) / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
    tags: [],
    starred: false,
  }));
  const source = path.join(folderFor(host, 'source'), 'many.json');
  fs.writeFileSync(source, JSON.stringify({ tags: {}, entries: many }));
  await answerDialog(host, source);
  await callApi(page, 'import.chooseSource', { from: 'file' });
  await callApi(page, 'import.commit');

  const section = await openYourData(page);
  const exports = folderFor(host, 'exports');
  await section.getByRole('button', { name: 'Export…' }).click();
  await answerDialog(host, exports);
  await section.getByRole('button', { name: 'I understand, choose where to save…' }).click();

  await expect(section.getByRole('progressbar', { name: 'Writing your files…' })).toBeVisible();
  await expect(section.getByText(/^[\d,]+ of 5,001 files$/)).toBeVisible();
  const cancel = section.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeFocused();
  await cancel.click();
  await expect(section.getByText('The export was cancelled. No files were left behind.')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Export…' })).toBeFocused();
  expect(fs.readdirSync(exports)).toEqual([]);
});
