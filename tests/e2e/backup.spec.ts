import fs from 'node:fs';
import path from 'node:path';
import { unpackBackup } from '../../main/core/backup/backup-file.ts';
import { Vault } from '../../main/core/vault/vault.ts';
import { createVault, expect, openApp, PASSPHRASE, test } from './fixtures.ts';

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
