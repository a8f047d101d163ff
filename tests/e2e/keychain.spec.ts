import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expectAccessible } from './axe.ts';
import { createVault, expect, openApp, startHost, test, unlock } from './fixtures.ts';

/**
 * "Unlock with this computer's keychain", in the real renderer against the real core. The test
 * host stands in for the keychain with a test-only protector (--test-keychain, see
 * scripts/test-host/test-keychain.ts).
 */
const LABEL = "Unlock with this computer's keychain";

test.describe('with a keychain', () => {
  test.use({ hostOptions: { keychain: 'available' } });

  test('turned on in Settings, it unlocks with one press after a lock', async ({ page, host }) => {
    await openApp(page, host);
    await createVault(page);

    // Off by default: the lock screen offers only the passphrase.
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    await expect(page.getByRole('button', { name: LABEL })).toHaveCount(0);
    await unlock(page);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Unlocking with the keychain' });
    const box = section.getByRole('checkbox', { name: LABEL });
    await expect(box).not.toBeChecked();
    await expect(box).toBeEnabled();
    await expect(section.getByText(/anyone who can use your account on this computer while it is unlocked could open Saltwater without your passphrase/)).toBeVisible();
    await box.check();
    await expect(section.getByText(/Saved\. Saltwater can now be unlocked with this computer’s keychain/)).toBeVisible();
    await expect(box).toBeChecked();
    await expectAccessible(page, 'settings: keychain unlock');

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    // Never by itself: still locked until the press; focus stays in the passphrase field.
    await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
    await expectAccessible(page, 'unlock screen with the keychain button');
    await page.getByRole('button', { name: LABEL }).click();
    await expect(page.getByRole('heading', { name: 'Journal', exact: true })).toBeVisible();

    // Turned off again, the lock screen no longer offers it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('region', { name: 'Unlocking with the keychain' }).getByRole('checkbox', { name: LABEL }).uncheck();
    await expect(page.getByText('Saved. Only your passphrase (or your recovery key) unlocks Saltwater now.')).toBeVisible();
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    await expect(page.getByRole('button', { name: LABEL })).toHaveCount(0);
  });
});

test('when the keychain can no longer open it (a new computer), the passphrase is ready and the message says why', async ({ page }) => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'saltwater-e2e-keychain-')), 'vault');
  const first = await startHost({ dataDir, keychain: 'available' });
  try {
    await openApp(page, first.host);
    await createVault(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('region', { name: 'Unlocking with the keychain' }).getByRole('checkbox', { name: LABEL }).check();
    await expect(page.getByText(/Saved\. Saltwater can now be unlocked/)).toBeVisible();
  } finally {
    await first.stop();
  }
  // The test keychain's key lived in that process only: to this one, the item is a stranger's.
  const second = await startHost({ dataDir, keychain: 'available' });
  try {
    await openApp(page, second.host);
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    await page.getByRole('button', { name: LABEL }).click();
    await expect(page.getByText("This computer's keychain couldn't open Saltwater this time, so unlocking with it is off now. Your passphrase still works — you can turn it back on in Settings.")).toBeVisible();
    await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
    await expect(page.getByRole('button', { name: LABEL })).toHaveCount(0);
    await unlock(page);
  } finally {
    await second.stop();
    rmSync(dirname(dataDir), { recursive: true, force: true });
  }
});

test.describe('on a desktop whose keychain would be plain text', () => {
  test.use({ hostOptions: { keychain: 'plain-text' } });

  test('the setting is shown off and unavailable, with the reason', async ({ page, host }) => {
    await openApp(page, host);
    await createVault(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Unlocking with the keychain' });
    const box = section.getByRole('checkbox', { name: LABEL });
    await expect(box).not.toBeChecked();
    await expect(box).toBeDisabled();
    await expect(box).toHaveAccessibleDescription(/there is no keyring service running, so the “keychain” would be a plain file anyone with access to this computer could read/);
    await expectAccessible(page, 'settings: keychain refused');
  });
});
