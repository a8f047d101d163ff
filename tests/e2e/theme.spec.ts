import { createVault, expect, openApp, test, PASSPHRASE } from './fixtures.ts';
import type { Page } from '@playwright/test';

/**
 * Light and dark: Saltwater follows the computer until the person chooses, the choice is worn on
 * the lock screen too, sessions stay dim unless the person turns that off, native controls
 * follow the theme, and Windows high contrast keeps every control and focus ring drawn.
 */
test.use({ colorScheme: 'light', hostOptions: { sessionSpeed: 30 } });

const html = (page: Page) => page.locator('html');
const background = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Appearance', level: 2 })).toBeVisible();
}

test('the theme follows the computer, a choice in Settings holds through locking, and sessions stay dim', async ({ page, host }) => {
  await openApp(page, host);
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await createVault(page);
  const lightPage = await background(page, 'body');

  // The computer switches to dark while Saltwater is open: it follows at once.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html(page)).toHaveAttribute('data-theme', 'light');

  // Choosing Dark holds whatever the computer says, on the lock screen too.
  await openSettings(page);
  await page.getByRole('radio', { name: /^Dark/ }).check();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  expect(await background(page, 'body')).not.toBe(lightPage);
  await expect(page.getByRole('checkbox', { name: 'Keep sessions dim' })).toHaveCSS('color-scheme', 'dark');
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  // Opened again (a new window, as after a restart): dark before anything is unlocked.
  const again = await page.context().newPage();
  await openApp(again, host);
  await expect(again.getByLabel('Passphrase', { exact: true })).toBeVisible();
  await expect(html(again)).toHaveAttribute('data-theme', 'dark');
  await again.close();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.keyboard.press('Enter');

  // Back to following the computer (light here); native controls turn light with it.
  await openSettings(page);
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: /^As your computer is/ }).check();
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('checkbox', { name: 'Keep sessions dim' })).toHaveCSS('color-scheme', 'light');
  await expect(page.getByText('Saved.')).toBeVisible();

  // A session in a light app is dim by default…
  const sessionLook = async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Practices' }).click();
    await page.getByRole('button', { name: 'Start Arrive and breathe' }).click();
    await page.getByRole('button', { name: 'Begin' }).click();
    await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
    const look = { theme: await page.locator('.session-space').getAttribute('data-theme'), bg: await background(page, '.session-space') };
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    return look;
  };
  const dim = await sessionLook();
  expect(dim.theme).toBe('dark');
  // …and follows the theme when the person turns that off.
  await openSettings(page);
  await page.getByRole('checkbox', { name: 'Keep sessions dim' }).uncheck();
  await expect(page.getByText('Saved. Sessions will follow the theme.')).toBeVisible();
  const themed = await sessionLook();
  expect(themed.theme).toBeNull();
  expect(themed.bg).not.toBe(dim.bg);
});

test('in Windows high contrast, buttons keep a border and focus keeps its ring', async ({ page, host }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await openApp(page, host);
  const begin = page.getByRole('button', { name: "Let's begin" });
  await expect(begin).toHaveCSS('border-top-style', 'solid');
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus-visible');
  await expect(focused).toHaveCount(1);
  expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
});
