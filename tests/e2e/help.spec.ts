import { createVault, expect, handoffs, openApp, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

/**
 * Help right now, as a person in Italy at 2 a.m. would see it: the emergency number first, lines
 * open now before closed ones (which say when they open), Call hands a tel: link to the computer
 * and Copy puts the number on the clipboard (both through the test host's hand-off log), and a
 * line we could not confirm offers only its website.
 */
test.use({ hostOptions: { region: 'IT' }, timezoneId: 'Europe/Rome', locale: 'en-GB' });

async function openHelp(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Show help now' }).click();
  return page.getByRole('dialog', { name: 'Help, right now' });
}

test('help follows the computer’s region and the clock; calls and copies go through the computer', async ({ page, host }) => {
  // Thursday 3 December 2026, 02:00 in Rome.
  await page.clock.install({ time: new Date('2026-12-03T01:00:00Z') });
  await openApp(page, host);
  await createVault(page);
  const help = await openHelp(page);

  // The emergency number comes first, with a way to call it.
  await expect(help.getByText('If you are in danger right now, call 112 for emergency services.')).toBeVisible();
  await help.getByRole('button', { name: 'Call emergency services, 112' }).click();
  await expect.poll(async () => (await handoffs(host)).opened).toContain('tel:112');

  // The region (from the OS, not the language) picked Italy. At 2 a.m. Telefono Amico is closed:
  // it moves below the line that is open and says when it opens.
  const lines = help.getByRole('list', { name: 'Crisis lines: Italy' }).getByRole('listitem');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText('Telefono Azzurro');
  await expect(lines.nth(0)).toContainText('Open any time, day and night');
  await expect(lines.nth(1)).toContainText('Telefono Amico Italia');
  await expect(lines.nth(1)).toContainText('Closed now, opens today at 09:00.');
  await expect(lines.nth(1)).toContainText('Every day, 09:00 to midnight');

  // Copy number puts exactly that number on the clipboard, and says so.
  await lines.nth(0).getByRole('button', { name: 'Copy the number of Telefono Azzurro, 19696' }).click();
  await expect(help.getByRole('status').filter({ hasText: '19696 is copied.' })).toBeVisible();
  await lines.nth(1).getByRole('button', { name: 'Call Telefono Amico Italia, 02 2327 2327' }).click();
  await expect.poll(async () => handoffs(host)).toEqual({ opened: ['tel:112', 'tel:0223272327'], copied: ['19696'] });

  // A text line: Copy and a clear instruction, no Call.
  await help.getByLabel('Country for crisis lines').selectOption('IE');
  const ireland = help.getByRole('list', { name: 'Crisis lines: Ireland' });
  const pieta = ireland.getByRole('listitem').filter({ hasText: 'Pieta' });
  await expect(pieta).toContainText('Call 1800 247 247, or text HELP to 51444');
  await pieta.getByRole('button', { name: 'Copy the text number of Pieta, 51444' }).click();
  await expect.poll(async () => (await handoffs(host)).copied).toEqual(['19696', '51444']);
  const textOnly = ireland.getByRole('listitem').filter({ hasText: '50808' });
  await expect(textOnly.getByRole('button', { name: /^Call/ })).toHaveCount(0);

  // A line we could not confirm is only a website, below the confirmed ones.
  await help.getByLabel('Country for crisis lines').selectOption('DK');
  const unconfirmed = help.getByRole('list', { name: 'Lines we could not confirm' });
  await expect(unconfirmed).toContainText('Livslinien');
  await expect(unconfirmed).toContainText("We couldn't confirm this line's number or hours recently.");
  await expect(unconfirmed.getByRole('button', { name: /^Call|^Copy/ })).toHaveCount(0);
  await unconfirmed.getByRole('button', { name: 'Open livslinien.dk' }).click();
  await expect.poll(async () => (await handoffs(host)).opened).toContain('https://www.livslinien.dk');

  // Another country: the world-wide list, and the local emergency number in words.
  await help.getByLabel('Country for crisis lines').selectOption('ZZ');
  await expect(help).toContainText("We don't have lines for your country in Saltwater yet.");
  await expect(help.getByText('If you are in danger right now, call your local emergency number.')).toBeVisible();

  expect(host.externalRequests).toEqual([]);
});
