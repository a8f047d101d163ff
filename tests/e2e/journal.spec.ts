import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault, expect, openApp, PASSPHRASE, startHost, test, unlock } from './fixtures.ts';

test('first run → write with feelings and tags → lock → wrong passphrase → unlock → search finds it', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await expect(page.getByRole('heading', { name: "Nothing here yet, and that's fine" })).toBeVisible();

  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByRole('textbox', { name: 'Your entry' }).fill('The garden was quiet and my throat felt tight. Pelicans flew over.');
  await page.getByRole('button', { name: 'Name a feeling' }).click();
  await page.getByRole('searchbox', { name: 'Search feelings' }).fill('anx');
  await page.getByRole('button', { name: 'anxious', exact: true }).click();
  await page.getByRole('slider', { name: 'Intensity of anxious' }).fill('7');
  await page.getByLabel('Where in the body for anxious').fill('throat');
  await page.getByLabel('Add a tag').fill('evening');
  await page.getByLabel('Add a tag').press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.getByRole('button', { name: 'Back to journal' }).click();
  await expect(page.getByRole('list', { name: 'Entries, newest first' }).getByRole('article')).toHaveCount(1);

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  // Nothing decrypted stays on screen once locked.
  await expect(page.getByText('Pelicans')).toHaveCount(0);

  await page.getByLabel('Passphrase', { exact: true }).fill('not my passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/doesn.t match/i);

  await unlock(page);
  await page.getByRole('searchbox', { name: 'Search your entries' }).fill('pelican');
  const results = page.getByRole('list', { name: 'Matching entries' });
  await expect(results.getByRole('article')).toHaveCount(1);
  await expect(results.locator('mark')).toHaveText(/pelican/i);

  // Filters: by feeling and by tag, alone and together.
  await page.getByRole('searchbox', { name: 'Search your entries' }).fill('');
  await page.getByRole('combobox', { name: 'Feeling' }).selectOption('anxious');
  await expect(page.getByRole('list', { name: 'Matching entries' }).getByRole('article')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('evening');
  await expect(page.getByRole('list', { name: 'Matching entries' }).getByRole('article')).toHaveCount(1);

  expect(host.externalRequests).toEqual([]);
});

test('delete with undo, and HTML in an entry stays inert', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByRole('textbox', { name: 'Your entry' }).fill('<img src=x onerror="alert(1)"> <script>alert(2)</script> [link](javascript:alert(3)) **safe**');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('strong', { hasText: 'safe' })).toBeVisible();
  await expect(page.locator('main script, main img[onerror], main a[href^="javascript"]')).toHaveCount(0);

  await page.getByRole('button', { name: 'Write' }).click();
  await page.getByRole('button', { name: 'Delete this entry' }).click();
  await expect(page.getByText('Entry deleted.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Entries, newest first' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Entry restored.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Entries, newest first' }).getByRole('article')).toHaveCount(1);
  expect(dialogs).toBe(0);
});

test('unlock with the recovery key when the passphrase is lost, then the new passphrase works', async ({ page, host }) => {
  await openApp(page, host);
  const recoveryKey = await createVault(page);
  await page.getByRole('button', { name: 'Lock' }).click();

  await page.getByRole('button', { name: "I've lost my passphrase" }).click();
  // Typed the way a person might: lower case, spaces instead of dashes.
  await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
  await page.getByLabel('New passphrase', { exact: true }).fill('a brand new passphrase');
  await page.getByLabel('Repeat new passphrase').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Unlock with recovery key' }).click();
  await expect(page.getByRole('heading', { name: 'Journal', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await unlock(page, 'a brand new passphrase');
});

test.describe('idle lock', () => {
  test.use({ hostOptions: { idleLockMs: 2500 } });

  test('locks itself after the idle time and says so gently', async ({ page, host }) => {
    await openApp(page, host);
    await createVault(page);
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(/locked itself/i)).toBeVisible();
    await unlock(page);
  });
});

test('an edit survives a crash one second after typing', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'saltwater-e2e-crash-'));
  const first = await startHost({ dataDir });
  try {
    await openApp(page, first.host);
    await createVault(page);
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByRole('textbox', { name: 'Your entry' }).pressSequentially('written just before the crash', { delay: 20 });
    await page.waitForTimeout(1000);
    await first.stop('SIGKILL');

    const second = await startHost({ dataDir });
    try {
      await openApp(page, second.host);
      await unlock(page);
      await expect(page.getByRole('list', { name: 'Entries, newest first' })).toContainText('written just before the crash');
    } finally {
      await second.stop();
    }
  } finally {
    await first.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the feelings list is one Tab stop per family, with arrow keys inside; Tags are a few Tabs away', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByRole('button', { name: 'Name a feeling' }).click();
  const families = page.locator('.families [role="group"]');
  const familyCount = await families.count();
  expect(familyCount).toBeGreaterThan(3);

  // From the first word, Tab goes to the next family, not the next word.
  const first = families.nth(0).getByRole('button').first();
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(families.nth(0).getByRole('button').nth(1)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(families.nth(1).getByRole('button').first()).toBeFocused();
  // Back into the first family: to the word last used there.
  await page.keyboard.press('Shift+Tab');
  await expect(families.nth(0).getByRole('button').nth(1)).toBeFocused();

  // Every family crossed with Tab: the tag field is reached in little more than one Tab per family.
  let tabs = 0;
  while (!(await page.getByLabel('Add a tag').evaluate((el) => el === document.activeElement)) && tabs < 60) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  expect(tabs).toBeLessThan(familyCount + 15);
});
