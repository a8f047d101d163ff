import { callApi, createVault, expect, openApp, test } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';

/**
 * axe-core (WCAG 2.2 A/AA and best practices) on every page of the app and its main states; the
 * session's states, the stop screen, after-session, aftercare, Help and the lock screen are
 * checked in layout.spec.ts.
 */
async function goTo(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

for (const colorScheme of ['dark', 'light'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    test('every page passes axe: journal and editor, practices and a start screen, your tools, reminders, settings', async ({ page, host }) => {
      // A long walk through every page (with a backup made at each lock): more than the default minute on a busy machine.
      test.slow();
      await openApp(page, host);
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await expectAccessible(page, 'first run');
      await createVault(page);

      await page.getByRole('button', { name: 'New entry' }).click();
      await page.getByRole('textbox', { name: 'Your entry' }).fill('# A heading\n\nSome **words** about the harbour.');
      await expect(page.getByTestId('save-status')).toHaveText('Saved');
      await expectAccessible(page, 'the editor');
      await page.getByRole('button', { name: 'Back to journal' }).click();
      await expect(page.getByRole('list', { name: 'Entries, newest first' })).toBeVisible();
      await expectAccessible(page, 'the journal list');

      await goTo(page, 'Practices');
      await expectAccessible(page, 'practices and history');
      await page.getByRole('button', { name: 'Start Open one box' }).click();
      await expectAccessible(page, 'a start screen with the readiness check');
      // Your tools with something in each tab.
      await callApi(page, 'memories.add', { title: "Grandad's shed", text: 'Sawdust and radio.', intensity: 4 });
      await callApi(page, 'ladder.addSuggested', { track: 'letting-come' });
      await callApi(page, 'media.add', { title: 'A film that moved me', kind: 'film' });
      await goTo(page, 'Your tools');
      for (const tab of await page.getByRole('tab').all()) {
        await tab.click();
        await expectAccessible(page, `your tools: ${await tab.textContent()}`);
      }
      await goTo(page, 'Reminders');
      await expectAccessible(page, 'reminders');
      await goTo(page, 'Settings');
      await expectAccessible(page, 'settings');
      // A long page: its section list moves straight to a section, focus on the heading, in view below the top bar.
      await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Your data' }).click();
      const dataHeading = page.getByRole('heading', { name: 'Your data', level: 2 });
      await expect(dataHeading).toBeFocused();
      await expect(dataHeading).toBeInViewport();
      expect(host.externalRequests).toEqual([]);
    });
  });
}
