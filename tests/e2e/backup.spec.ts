import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unpackBackup } from '../../main/core/backup/backup-file.ts';
import { Vault } from '../../main/core/vault/vault.ts';
import { expectAccessible } from './axe.ts';
import { answerDialog, createVault, expect, openApp, PASSPHRASE, startHost, test, unlock } from './fixtures.ts';
import type { Page } from '@playwright/test';

async function writeEntry(page: Page, text: string) {
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByRole('textbox', { name: 'Your entry' }).fill(text);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Back to journal' }).click();
}

async function openBackups(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('region', { name: 'Backups' });
}

/** Back up now, through the app: a checked, encrypted file beside the vault that opens as a vault of its own. */
test('Back up now in Settings makes one encrypted file that opens with the passphrase and holds the journal', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByRole('textbox', { name: 'Your entry' }).fill('Words worth keeping for years.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Backups' });
  await expect(section).toContainText('No backups yet.');
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(section).toContainText(/Backed up and checked: Saltwater \d{4}-\d\d-\d\d \d{4}\.swbackup/);
  await expect(section.getByRole('list', { name: 'Your backups' }).getByRole('listitem')).toHaveCount(1);
  await expect(section.getByRole('button', { name: 'Back up now' })).toBeFocused();

  const folder = path.join(path.dirname(host.dataDir), 'backups');
  const [name] = fs.readdirSync(folder);
  const file = path.join(folder, name!);
  expect(fs.readFileSync(file).includes('Words worth keeping')).toBe(false);
  const copy = fs.mkdtempSync(path.join(path.dirname(host.dataDir), 'restored-'));
  expect(unpackBackup(file, copy)).toBe(true);
  const restored = new Vault({ dir: copy, clock: { now: () => Date.now() }, kdf: { N: 1024, r: 8, p: 1 } });
  await restored.unlock(PASSPHRASE);
  expect(restored.db().prepare('SELECT body FROM entries').pluck().all()).toEqual(['Words worth keeping for years.']);
  restored.lock();
  expect(host.externalRequests).toEqual([]);
});

test('Restore from Settings: unlock the backup, see what it holds, restore; the journal as it was is kept as a safety copy', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await writeEntry(page, 'Before the backup.');
  let section = await openBackups(page);
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(section).toContainText('Backed up and checked');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Journal' }).click();
  await writeEntry(page, 'After the backup.');

  section = await openBackups(page);
  await section.getByRole('button', { name: /^Restore the backup from/ }).click();
  await expect(section.getByRole('heading', { name: 'Unlock the backup' })).toBeFocused();
  await section.getByLabel('Passphrase of the backup').fill('not the passphrase');
  await section.getByRole('button', { name: 'Open the backup' }).click();
  await expect(section.getByRole('alert')).toContainText(/passphrase/i);
  await expect(section.getByLabel('Passphrase of the backup')).toBeFocused();
  await section.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Open the backup' }).click();
  await expect(section.getByRole('heading', { name: 'Restore this backup?' })).toBeFocused();
  await expect(section).toContainText('It holds 1 journal entry');
  await expect(section).toContainText('kept whole as a safety copy');
  await expectAccessible(page, 'restore review in Settings');

  await section.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByRole('heading', { name: 'Journal', exact: true })).toBeVisible();
  await expect(page.getByText(/Your backup from .* is restored\. Your journal as it was is kept whole beside it/)).toBeVisible();
  await expect(page.getByText('Before the backup.')).toBeVisible();
  await expect(page.getByText('After the backup.')).toHaveCount(0);

  // The journal as it was, with the entry written after the backup, is whole in the safety copy.
  const parent = path.dirname(host.dataDir);
  const safety = fs.readdirSync(parent).find((n) => n.startsWith('vault before restore'));
  expect(safety).toBeDefined();
  const kept = new Vault({ dir: path.join(parent, safety!), clock: { now: () => Date.now() }, kdf: { N: 1024, r: 8, p: 1 } });
  await kept.unlock(PASSPHRASE);
  expect(kept.db().prepare('SELECT body FROM entries ORDER BY id').pluck().all()).toEqual(['Before the backup.', 'After the backup.']);
  kept.lock();
});

test('Cancel gives the backup up and changes nothing; focus goes back to the button that opened it', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await writeEntry(page, 'Still here.');
  const section = await openBackups(page);
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(section).toContainText('Backed up and checked');
  const opener = section.getByRole('button', { name: /^Restore the backup from/ });
  await opener.click();
  await section.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Open the backup' }).click();
  await expect(section.getByRole('heading', { name: 'Restore this backup?' })).toBeVisible();
  await section.getByRole('button', { name: 'Cancel' }).click();
  await expect(opener).toBeFocused();
  expect(fs.readdirSync(path.dirname(host.dataDir)).filter((n) => n.includes('restor'))).toEqual([]);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Journal' }).click();
  await expect(page.getByText('Still here.')).toBeVisible();
});

test('A new computer starts from a backup: "I have a backup", the recovery key, a new passphrase', async ({ page, host }) => {
  await openApp(page, host);
  const recoveryKey = await createVault(page);
  await writeEntry(page, 'Carried to a new computer.');
  const section = await openBackups(page);
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(section).toContainText('Backed up and checked');
  const folder = path.join(path.dirname(host.dataDir), 'backups');
  const backup = path.join(folder, fs.readdirSync(folder)[0]!);

  const fresh = await startHost();
  try {
    await openApp(page, fresh.host);
    await page.getByRole('button', { name: 'I have a backup' }).click();
    await expect(page.getByRole('heading', { name: 'Start from a backup' })).toBeFocused();
    // Cancel in the OS dialog: nothing happens, the button is still there.
    await answerDialog(fresh.host, null);
    await page.getByRole('button', { name: 'Choose the backup file…' }).click();
    await expect(page.getByRole('button', { name: 'Choose the backup file…' })).toBeFocused();
    await answerDialog(fresh.host, backup);
    await page.getByRole('button', { name: 'Choose the backup file…' }).click();
    await expect(page.getByText(path.basename(backup))).toBeVisible();
    await page.getByRole('button', { name: 'Use my recovery key instead' }).click();
    await expect(page.getByLabel('Recovery key')).toBeFocused();
    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await page.getByRole('button', { name: 'Open the backup' }).click();
    await expect(page.getByRole('heading', { name: 'Restore this backup?' })).toBeFocused();
    await expect(page.getByText('It holds 1 journal entry')).toBeVisible();
    await expect(page.getByText('kept whole as a safety copy')).toHaveCount(0);
    await expectAccessible(page, 'restore review on first run');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(page.getByText('Please choose a passphrase.')).toBeVisible();
    await page.getByLabel('New passphrase', { exact: true }).fill('a new lock for a new home');
    await page.getByLabel('Repeat new passphrase').fill('a new lock for a new home');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(page.getByText('Carried to a new computer.')).toBeVisible();
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlock(page, 'a new lock for a new home');
    await expect(page.getByText('Carried to a new computer.')).toBeVisible();
  } finally {
    await fresh.stop();
  }
});

test('A journal that will not open: the unlock screen offers a backup, and the damaged vault is kept as the safety copy', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await writeEntry(page, 'Before the damage.');
  const section = await openBackups(page);
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(section).toContainText('Backed up and checked');
  const folder = path.join(path.dirname(host.dataDir), 'backups');
  const [made] = fs.readdirSync(folder);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  // A locked journal that opens is never offered a restore.
  await expect(page.getByRole('button', { name: 'Restore from a backup…' })).toHaveCount(0);

  // The disk spoils the start of the journal file while the vault is locked.
  const database = path.join(host.dataDir, 'saltwater.db');
  const fd = fs.openSync(database, 'r+');
  fs.writeSync(fd, randomBytes(8192), 0, 8192, 0);
  fs.closeSync(fd);
  const damaged = fs.readFileSync(database);

  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('does not open the vault file');
  await page.getByRole('button', { name: 'Restore from a backup…' }).click();
  await expect(page.getByRole('heading', { name: 'Restore from a backup' })).toBeFocused();
  await expect(page.getByRole('list', { name: 'Backups beside your vault' }).getByRole('listitem')).toHaveCount(fs.readdirSync(folder).length);

  await answerDialog(host, path.join(folder, made!));
  await page.getByRole('button', { name: 'Choose the backup file…' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock the backup' })).toBeFocused();
  await page.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Open the backup' }).click();
  await expect(page.getByRole('heading', { name: 'Restore this backup?' })).toBeFocused();
  await expect(page.getByText('It holds 1 journal entry')).toBeVisible();
  await expect(page.getByText('kept whole as a safety copy beside it, and the message')).toBeVisible();
  await expectAccessible(page, 'restore review on the unlock screen');
  await page.getByRole('button', { name: 'Restore this backup' }).click();

  await expect(page.getByRole('heading', { name: 'Journal', exact: true })).toBeVisible();
  await expect(page.getByText(/Your backup from .* is restored\. Your journal as it was is kept whole beside it/)).toBeVisible();
  await expect(page.getByText('Before the damage.')).toBeVisible();
  const parent = path.dirname(host.dataDir);
  const safety = fs.readdirSync(parent).find((n) => n.startsWith('vault before restore'));
  expect(safety).toBeDefined();
  expect(fs.readFileSync(path.join(parent, safety!, 'saltwater.db')).equals(damaged)).toBe(true);

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await unlock(page);
  await expect(page.getByText('Before the damage.')).toBeVisible();
});

test('Backups go to the folder chosen in the OS dialog, and back beside the vault on request', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  const chosen = fs.mkdtempSync(path.join(path.dirname(host.dataDir), 'usb-'));
  const section = await openBackups(page);
  await expect(section).toContainText('on the same disk as your vault');
  await answerDialog(host, chosen);
  await section.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(section).toContainText('From now on, backups go to the folder you chose.');
  await expect(section.getByText(chosen, { exact: true })).toBeVisible();
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(section).toContainText('Backed up and checked');
  expect(fs.readdirSync(chosen).filter((n) => n.endsWith('.swbackup'))).toHaveLength(1);

  await section.getByRole('button', { name: 'Use the folder beside the vault' }).click();
  await expect(section).toContainText('backups go to the folder beside your vault');
  await expect(section.getByRole('button', { name: 'Choose folder…' })).toBeFocused();
  await expectAccessible(page, 'Backups in Settings');
});
