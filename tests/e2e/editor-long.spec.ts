import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { createVault, expect, openApp, test, unlock, watchCspViolations } from './fixtures.ts';

/**
 * Very long entries (issue #13): the editor takes them, what is typed is saved, Preview shows it
 * and the page stays usable. Timing is measured in `npm run bench frontend`, not asserted here.
 */

type JournalApi = {
  create(input: unknown): Promise<{ ok: true; value: { id: number } }>;
  get(input: unknown): Promise<{ ok: true; value: { body: string } }>;
};

async function create(page: Page, body: string): Promise<number> {
  return page.evaluate(async (b) => (await (window as unknown as { saltwater: { journal: JournalApi } }).saltwater.journal.create({ body: b })).value.id, body);
}

async function savedBody(page: Page, id: number): Promise<string> {
  return page.evaluate(async (i) => (await (window as unknown as { saltwater: { journal: JournalApi } }).saltwater.journal.get({ id: i })).value.body, id);
}


/** CodeMirror's own base styles are applied (not refused): its editor is a flex column, its lines wrap. */
async function expectBaseStyles(page: Page): Promise<void> {
  const styles = await page.evaluate(() => {
    const editor = document.querySelector('.cm-editor')!;
    const content = document.querySelector('.cm-content')!;
    return { display: getComputedStyle(editor).display, direction: getComputedStyle(editor).flexDirection, wrap: getComputedStyle(content).whiteSpace };
  });
  expect(styles).toEqual({ display: 'flex', direction: 'column', wrap: 'break-spaces' });
}

test('a 200,000-character entry without spaces: typing at the end and in the middle is saved, Preview shows it, the page stays usable', async ({ page, host }) => {
  const violations = await watchCspViolations(page);
  await openApp(page, host);
  await createVault(page);
  const body = `begin${'saltwater'.repeat(22_222)}`.slice(0, 200_000);
  expect(body).toHaveLength(200_000);
  const id = await create(page, body);
  // The list shows the new entry after a lock and unlock.
  await page.getByRole('button', { name: 'Lock' }).click();
  await unlock(page);
  await page.getByRole('article').first().getByRole('button').first().click();

  const field = page.getByRole('textbox', { name: 'Your entry' });
  await expect(field).toBeVisible();
  await expect(field).toHaveAttribute('aria-describedby', 'entry-body-help');
  await expectBaseStyles(page);
  await expectAccessible(page, 'the editor with a 200,000-character entry');

  // At the end.
  await field.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('END');
  // In the middle (where the caret lands in the text shown), then a new line.
  await field.focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('MID');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  const saved = await savedBody(page, id);
  expect(saved).toHaveLength(200_000 + 7);
  expect(saved.startsWith('beginMID\nsaltwater')).toBe(true);
  expect(saved.endsWith(`${body.slice(-10)}END`)).toBe(true);

  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('beginMID');
  await expect(preview).toContainText('END');

  // Back to writing, undo works, and the rest of the app answers.
  await page.getByRole('button', { name: 'Write', exact: true }).click();
  await expect(field).toBeVisible();
  await page.getByRole('button', { name: 'Back to journal' }).click();
  await expect(page.getByRole('heading', { name: 'Journal', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  await unlock(page);
  expect(await savedBody(page, id)).toBe(saved);
  expect(await violations()).toEqual([]);
});

test('an entry that grows past what a textarea can hold moves to the long-text editor with nothing lost', async ({ page, host }) => {
  const violations = await watchCspViolations(page);
  await openApp(page, host);
  await createVault(page);
  await page.getByRole('button', { name: 'New entry' }).click();
  const field = page.getByRole('textbox', { name: 'Your entry' });
  const pasted = 'word '.repeat(6_000);
  await field.fill(pasted);
  // Typing goes on straight away, in whichever field is there.
  await page.keyboard.type('and on');
  await expect(page.getByTestId('long-entry-editor')).toBeVisible();
  await expect(field).toBeFocused();
  await expectBaseStyles(page);
  await page.keyboard.type(' and on');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Back to journal' }).click();
  await page.getByRole('article').first().getByRole('button').first().click();
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('word and on and on');
  expect(await violations()).toEqual([]);
});
