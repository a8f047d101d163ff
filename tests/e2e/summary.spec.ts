import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { callApi, createVault, expect, openApp, test } from './fixtures.ts';

/**
 * "A summary to bring to therapy" (issue 14 §3), end to end: the page is printed as Chromium prints
 * it (page.pdf() in print media: the same print stylesheet Electron's printToPDF uses), and the
 * PDF's text must hold what was chosen and nothing else.
 */

const CHOSEN = 'The harbour lights made me think of my grandmother';
const NOT_CHOSEN = 'A private line about the argument with my brother';

async function fill(page: Page): Promise<void> {
  await callApi(page, 'journal.create', { body: `${CHOSEN}.\n\nI cried a little at the window.`, emotions: [{ word: 'sad', intensity: 6 }] });
  await callApi(page, 'journal.create', { body: `${NOT_CHOSEN}.` });
  // Two sessions recorded as a practice records them.
  for (const [before, after, tears] of [
    [2, 4, 'welled'],
    [3, 3, 'none'],
  ] as const) {
    const id = await page.evaluate(async (mood) => {
      const api = (window as unknown as { saltwater: { sessions: { start(i: unknown): Promise<{ ok: boolean; value: { sessionId: number } }> } } }).saltwater;
      const started = await api.sessions.start({ practiceId: 'arrive-and-breathe', moodBefore: mood });
      return started.value.sessionId;
    }, before);
    await callApi(page, 'sessions.end', { sessionId: id, stepIndex: 0, outcome: 'finished' });
    await callApi(page, 'sessions.reflect', { sessionId: id, moodAfter: after, tears, relief: 5 });
  }
}

/** The page printed to PDF in print media, as text. */
async function printedText(page: Page, dir: string, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  // pdftotext (poppler-utils) writes the text to stdout with "-"; lines joined, spacing evened out.
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function openSummary(page: Page): Promise<void> {
  // Reached from Over time (the lead wires AppShell's Over time page to this screen with `onsummary`).
  await page.getByRole('button', { name: 'Over time' }).click();
  await page.getByRole('button', { name: 'Make a summary for therapy' }).click();
  await expect(page.getByRole('heading', { name: 'A summary to bring to therapy' })).toBeFocused();
}

test('the summary prints what was chosen and nothing else', async ({ page, host }) => {
  const dir = mkdtempSync(join(tmpdir(), 'saltwater-summary-pdf-'));
  try {
    await openApp(page, host);
    await createVault(page);
    await fill(page);
    await openSummary(page);
    const preview = page.getByRole('article', { name: 'The summary as it will print' });
    await expect(page.getByText(/not encrypted\. Anyone who opens the file/)).toBeVisible();

    // Nothing chosen yet: no entry, no section, only the heading and the period.
    await expect(page.getByRole('checkbox', { name: new RegExp(CHOSEN) })).not.toBeChecked();
    const empty = await printedText(page, dir, 'empty');
    expect(empty).toContain('Notes to bring to therapy');
    expect(empty).not.toContain(CHOSEN);
    expect(empty).not.toContain(NOT_CHOSEN);
    expect(empty).not.toMatch(/practice session/i);

    // First choice, by keyboard: one entry (found by searching), the notes, the sessions.
    await page.getByLabel('Find an entry').fill('harbour');
    await expect(page.getByRole('checkbox', { name: new RegExp(NOT_CHOSEN) })).toHaveCount(0);
    await page.getByRole('checkbox', { name: new RegExp(CHOSEN) }).focus();
    await page.keyboard.press('Space');
    await expect(preview.getByText(CHOSEN)).toBeVisible();
    await page.getByLabel('What I want to talk about').fill('Why crying at work still scares me');
    await page.getByRole('checkbox', { name: 'Practice sessions' }).focus();
    await page.keyboard.press('Space');
    await expect(preview.getByText('I did 2 practice sessions.')).toBeVisible();
    await expectAccessible(page, 'the therapy summary');

    const first = await printedText(page, dir, 'first');
    expect(first).toContain('Why crying at work still scares me');
    expect(first).toContain(CHOSEN);
    expect(first).toContain('I did 2 practice sessions.');
    expect(first).not.toContain(NOT_CHOSEN);
    expect(first).not.toContain('Feelings I named');
    expect(first).not.toContain('Steps on my ladder');
    // Nothing of the app around it, and no word of what was left out.
    expect(first).not.toMatch(/Save as PDF|Print…|Find an entry|Over time|Lock|left out|not included|more entr/i);

    // Second choice: the entry let go, feelings and charts in, the notes cleared.
    await page.getByLabel('Find an entry').fill('');
    await page.getByRole('checkbox', { name: new RegExp(CHOSEN) }).uncheck();
    await page.getByRole('checkbox', { name: 'Practice sessions' }).uncheck();
    await page.getByRole('checkbox', { name: 'Feelings I named' }).check();
    await page.getByRole('checkbox', { name: 'Over time, in pictures' }).check();
    await page.getByLabel('What I want to talk about').fill('');
    await expect(preview.getByRole('img', { name: /mood before and after/i })).toBeVisible();
    await expectAccessible(page, 'the therapy summary with charts');

    const second = await printedText(page, dir, 'second');
    expect(second).toContain('Feelings I named');
    expect(second).toContain('I named a feeling once');
    expect(second).toContain('Mood before and after sessions');
    expect(second).not.toContain(CHOSEN);
    expect(second).not.toContain(NOT_CHOSEN);
    expect(second).not.toContain('Why crying at work');
    expect(second).not.toContain('I did 2 practice sessions.');
    expect(second).not.toMatch(/Save as PDF|Find an entry|left out|not included/i);

    // Saving a PDF needs the desktop app here: it says so plainly, and nothing breaks.
    await page.getByRole('button', { name: 'Save as PDF…' }).click();
    await expect(page.getByRole('alert')).toContainText('needs the Saltwater desktop app');

    // Back to Over time.
    await page.getByRole('button', { name: 'Back to Over time' }).click();
    await expect(page.getByRole('button', { name: 'Make a summary for therapy' })).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
