import type { Page } from '@playwright/test';
import { createVault, expect, openApp, test } from './fixtures.ts';

/**
 * Focus you can trust: after each in-place action the keyboard lands on the result or the next
 * sensible control, in view — never on the page body, where a screen reader would start over.
 */
async function focusKept(page: Page, what: string) {
  // Let the screen settle (a form closes, a toast appears) before looking.
  await page.waitForTimeout(150);
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const r = el.getBoundingClientRect();
    return { tag: el.tagName, text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60), inView: r.bottom > 0 && r.top < innerHeight && r.width > 0 };
  });
  expect(focus, `${what}: focus fell to the page body`).not.toBeNull();
  expect(focus!.inView, `${what}: focus is on ${focus!.tag} "${focus!.text}", out of view`).toBe(true);
  return focus!;
}

async function goTo(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('focus lands somewhere sensible after saving, adding, deleting and undoing, all through the app', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);

  // Journal: delete an entry, then Undo from the keyboard.
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByRole('textbox', { name: 'Your entry' }).fill('A few words.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Delete this entry' }).click();
  await focusKept(page, 'after Delete this entry');
  await page.getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Entry restored.')).toBeVisible();
  await focusKept(page, 'after Undo');

  // Your tools: a memory put away, the suggested ladder steps added, a film saved.
  await goTo(page, 'Your tools');
  await page.getByRole('tab', { name: 'Memory box' }).click();
  await page.getByRole('button', { name: 'Put a memory away' }).click();
  await page.getByLabel('A short title').fill('The harbour');
  await page.getByLabel('A few words').fill('Rain on the pier.');
  await page.getByRole('group', { name: /How strong is it/ }).getByRole('radio', { name: '4', exact: true }).check();
  await page.getByRole('button', { name: 'Put it in the box' }).press('Enter');
  await expect(page.getByRole('list', { name: 'Your memory box' })).toContainText('The harbour');
  await focusKept(page, 'after Put it in the box');

  await page.getByRole('tab', { name: 'Ladder' }).click();
  // An empty ladder shows its suggested steps already.
  await page.getByRole('button', { name: /^Add the suggested steps to/ }).first().press('Enter');
  await focusKept(page, 'after Add the suggested steps');

  await page.getByRole('tab', { name: 'Moving media' }).click();
  await page.getByRole('button', { name: 'Add something' }).click();
  await page.getByLabel('Title').fill('Up');
  await page.getByRole('radio', { name: 'A film' }).check();
  await page.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(page.getByRole('list', { name: 'Things that moved you' })).toContainText('Up');
  const afterMedia = await focusKept(page, 'after saving a film');
  // The result: the film just saved.
  expect(afterMedia.text).toContain('Up');

  // Settings: a trusted person saved, then removed.
  await goTo(page, 'Settings');
  await page.getByRole('button', { name: 'Add a trusted person' }).click();
  await page.getByLabel('Their name').fill('Robin');
  await page.getByLabel('Their e-mail address').fill('robin@example.org');
  await page.getByRole('form').getByRole('button', { name: 'Save' }).press('Enter');
  await expect(page.getByText('Robin', { exact: true })).toBeVisible();
  await focusKept(page, 'after saving a trusted person');
});
