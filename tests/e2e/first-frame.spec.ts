import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { PASSPHRASE, createVault, expect, openApp, test, unlock, watchCspViolations } from './fixtures.ts';

/**
 * The lock screen comes painted in the page's HTML while the vault is locked (renderer/prerender),
 * before any of the app's code has run; the code then takes it over where it stands.
 */

/**
 * Holds back the app's code (not the small first script) and its full stylesheet until `release`
 * is called; with `andBridge`, also the test host's stand-in for the preload, which asks the
 * vault's state early.
 */
async function holdAppCode(page: Page, andBridge = false): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(andBridge ? /\/assets\/(app|main)-[^/]+\.(js|css)$|\/__test-host\/bridge\.js$/ : /\/assets\/(app|main)-[^/]+\.(js|css)$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

async function startPage(page: Page, url: string): Promise<string> {
  const response = await page.request.get(url);
  expect(response.ok()).toBe(true);
  return response.text();
}

test('the start page has the lock screen in it only while the vault is locked', async ({ page, host }) => {
  test.slow();
  // First run: the plain page, which draws the welcome once its code has run.
  expect(await startPage(page, host.appUrl)).not.toContain('unlock-passphrase');
  await openApp(page, host);
  await createVault(page);
  // Open: the plain page too (nothing of the lock screen to take over).
  expect(await startPage(page, host.appUrl)).not.toContain('unlock-passphrase');
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  const locked = await startPage(page, host.appUrl);
  expect(locked).toContain('data-prerendered="locked"');
  expect(locked).toMatch(/<input id="unlock-passphrase"[^>]*autofocus/);
  // Nothing private in it, whatever the journal holds: it is the same page for everyone.
  expect(locked).not.toContain(PASSPHRASE);
});

test('typed before the code has loaded, the passphrase is kept, focus stays, and it unlocks', async ({ page, host }) => {
  test.slow();
  const violations = await watchCspViolations(page);
  await openApp(page, host);
  await createVault(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();

  const release = await holdAppCode(page);
  await page.goto(host.appUrl, { waitUntil: 'commit' });
  const field = page.getByLabel('Passphrase', { exact: true });
  // Painted from HTML, with focus already in the field, while the app's code is still held back.
  await expect(field).toBeFocused();
  await expect(page.locator('#app')).toHaveAttribute('data-prerendered', 'locked');
  // Styled by the rules in its own page (the full stylesheet is held back too): the theme's
  // background, the primary button's colour, the focus ring.
  const unstyled = 'rgba(0, 0, 0, 0)';
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(unstyled);
  expect(await page.getByRole('button', { name: 'Unlock', exact: true }).evaluate((button) => getComputedStyle(button).backgroundColor)).not.toBe(unstyled);
  expect(await field.evaluate((input) => getComputedStyle(input).outlineStyle)).toBe('solid');
  await page.keyboard.type('quiet water');
  // Marks the element, to see that the code takes over this very field rather than drawing a new one.
  await field.evaluate((input) => ((input as HTMLInputElement & { seen?: boolean }).seen = true));

  release();
  await expect(page.locator('#app')).not.toHaveAttribute('data-prerendered');
  // The quick note, which needs the code, shows it has taken over.
  await expect(page.getByRole('button', { name: 'Write a quick note' })).toBeEnabled();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('quiet water');
  expect(await field.evaluate((input) => (input as HTMLInputElement & { seen?: boolean }).seen)).toBe(true);
  await expectAccessible(page, 'lock screen taken over from HTML');

  await page.keyboard.type(' at dusk');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Journal', exact: true })).toBeVisible();
  // From the page painted ahead to the journal, nothing was refused by the CSP.
  expect(await violations()).toEqual([]);
});

test('a lock screen painted ahead that is no longer right is replaced: unlocked meanwhile, the journal shows', async ({ page, host }) => {
  test.slow();
  await openApp(page, host);
  await createVault(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();

  const release = await holdAppCode(page, true);
  await page.goto(host.appUrl, { waitUntil: 'commit' });
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeVisible();
  // Unlocked elsewhere before the page's code ran (as the keychain or another window could).
  const token = new URL(host.appUrl).searchParams.get('token');
  const response = await page.request.post(`${host.url}/__test-host/call/vault.unlock`, {
    headers: { authorization: `Bearer ${token}` },
    data: { input: { passphrase: PASSPHRASE } },
  });
  expect(await response.json()).toMatchObject({ ok: true });
  release();
  await expect(page.getByRole('heading', { name: 'Journal', exact: true })).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await unlock(page);
});

test('pressed before the code has loaded: a click and Enter are done once it is there, and focus stays where it was moved', async ({ page, host }) => {
  test.slow();
  const violations = await watchCspViolations(page);
  await openApp(page, host);
  await createVault(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  const field = page.getByLabel('Passphrase', { exact: true });

  // A click on Show, from the keyboard, while nothing can answer it yet.
  let release = await holdAppCode(page);
  await page.goto(host.appUrl, { waitUntil: 'commit' });
  await expect(field).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Tab');
  const show = page.getByRole('button', { name: /^Show/ });
  await expect(show).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field).toHaveAttribute('type', 'password');
  release();
  await expect(page.locator('#app')).not.toHaveAttribute('data-prerendered');
  // Taken over: the click is done (the passphrase shows), and focus stayed on the button.
  await expect(field).toHaveAttribute('type', 'text');
  await expect(page.getByRole('button', { name: /^Hide/ })).toBeFocused();

  // Enter in the field, while nothing can answer it yet: it unlocks once the code is there.
  release = await holdAppCode(page);
  await page.goto(host.appUrl, { waitUntil: 'commit' });
  await expect(field).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.locator('#app')).toHaveAttribute('data-prerendered', 'locked');
  release();
  await expect(page.getByRole('heading', { name: 'Journal', exact: true })).toBeVisible();
  // The early Enter didn't try to send the form natively (the CSP's form-action would have refused it).
  expect(await violations()).toEqual([]);
});
