import { expectAccessible } from './axe.ts';
import { createVault, expect, openApp, test, unlock } from './fixtures.ts';

/** Quick hide and "Privacy on this computer", in the real renderer against the real core. */
test('the quick-hide shortcut locks at once from the journal, and the settings section is accessible', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);

  // Someone walks in mid-sentence: the shortcut takes the journal away (the test host has no window to hide).
  await page.getByRole('button', { name: /new entry/i }).first().click();
  await page.keyboard.type('Not for anyone else');
  await page.keyboard.press('Control+Shift+H');
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  await expect(page.getByText('Your journal is locked. Type your passphrase to open it.')).toBeVisible();
  await expect(page.getByText('Not for anyone else')).toHaveCount(0);

  await unlock(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Privacy on this computer' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('radio', { name: 'Ctrl+Shift+H' })).toBeChecked();
  await expect(section.getByRole('checkbox', { name: 'Hide Saltwater from screen sharing and screenshots' })).toBeChecked();
  await expectAccessible(page, 'settings: privacy on this computer');

  // Another shortcut: the old one does nothing now, the new one hides.
  await section.getByRole('radio', { name: 'Ctrl+Alt+H' }).check();
  await expect(section.getByText('Saved. Ctrl+Alt+H now hides Saltwater.')).toBeVisible();
  await page.keyboard.press('Control+Shift+H');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+Alt+H');
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
});
