import fs from 'node:fs';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expectAccessible } from './axe.ts';
import { createVault, expect, openApp, PASSPHRASE, startHost, test, unlock } from './fixtures.ts';
import type { Page } from '@playwright/test';

/** A vault folder of our own, so the host can be killed and started again on it. */
function vaultFolder(): { dataDir: string; remove: () => void } {
  const parent = mkdtempSync(path.join(tmpdir(), 'saltwater-e2e-recovery-'));
  return { dataDir: path.join(parent, 'vault'), remove: () => rmSync(parent, { recursive: true, force: true }) };
}

async function shownKey(page: Page): Promise<string[]> {
  const groups = await page.getByRole('region', { name: 'The key, in 17 groups' }).getByRole('listitem').allTextContents();
  return groups.map((g) => /Group \d+:\s*([0-9A-F]{4})/.exec(g)![1]!);
}

async function typeBackAskedGroups(page: Page, key: string[]): Promise<void> {
  for (const field of await page.getByRole('textbox', { name: /^Group \d+$/ }).all()) {
    const label = await field.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
    await field.fill(key[Number(/Group (\d+)/.exec(label)![1]) - 1]!);
  }
}

test('a first run cut off before the key was confirmed shows the same key again after unlock, until it is confirmed', async ({ page }) => {
  const folder = vaultFolder();
  try {
    const first = await startHost({ dataDir: folder.dataDir });
    await openApp(page, first.host);
    await page.getByRole('button', { name: "Let's begin" }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Repeat passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create my journal' }).click();
    await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
    const key = await shownKey(page);
    // The app dies while the key is on screen.
    await first.stop('SIGKILL');

    const second = await startHost({ dataDir: folder.dataDir });
    await openApp(page, second.host);
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
    await expect(page.getByText(/closed last time before you could confirm/)).toBeVisible();
    expect(await shownKey(page)).toEqual(key);
    await expectAccessible(page, 'recovery key shown again after unlock');
    await page.getByRole('button', { name: "I've saved it, continue" }).click();
    await typeBackAskedGroups(page, key);
    await page.getByRole('button', { name: 'Open my journal' }).click();
    await expect(page.getByRole('heading', { name: 'Journal', exact: true })).toBeVisible();

    // Confirmed: the next unlock goes straight to the journal.
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlock(page);
    await second.stop();
  } finally {
    folder.remove();
  }
});

test('after an unclean exit that lost the write-ahead log, the next unlock says recent changes may be missing', async ({ page }) => {
  const folder = vaultFolder();
  try {
    const first = await startHost({ dataDir: folder.dataDir });
    await openApp(page, first.host);
    await createVault(page);
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByRole('textbox', { name: 'Your entry' }).fill('Written just before the crash.');
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
    await first.stop('SIGKILL');
    // Lost with the crash: the log that held the newest changes (a sync tool, a copy of just saltwater.db).
    fs.rmSync(path.join(folder.dataDir, 'saltwater.db-wal'));
    fs.rmSync(path.join(folder.dataDir, 'saltwater.db-shm'), { force: true });

    const second = await startHost({ dataDir: folder.dataDir });
    await openApp(page, second.host);
    await unlock(page);
    const notice = page.getByText(/didn't close properly last time, and the most recent changes may be missing/);
    await expect(notice).toBeVisible();
    await expectAccessible(page, 'recent changes may be missing');
    await page.getByRole('button', { name: 'Open backups' }).click();
    await expect(page.getByRole('region', { name: 'Backups' })).toBeVisible();
    await second.stop();

    // Said once: the following start is quiet.
    const third = await startHost({ dataDir: folder.dataDir });
    await openApp(page, third.host);
    await unlock(page);
    await expect(page.getByText(/didn't close properly/)).toHaveCount(0);
    await third.stop();
  } finally {
    folder.remove();
  }
});

test('after an unclean exit with the log intact, nothing is lost and nothing is said', async ({ page }) => {
  const folder = vaultFolder();
  try {
    const first = await startHost({ dataDir: folder.dataDir });
    await openApp(page, first.host);
    await createVault(page);
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByRole('textbox', { name: 'Your entry' }).fill('Kept through the crash.');
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
    await first.stop('SIGKILL');

    const second = await startHost({ dataDir: folder.dataDir });
    await openApp(page, second.host);
    await unlock(page);
    await expect(page.getByText('Kept through the crash.')).toBeVisible();
    await expect(page.getByText(/didn't close properly/)).toHaveCount(0);
    await second.stop();
  } finally {
    folder.remove();
  }
});
