import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { answerDialog, createVault, expect, openApp, test, type RunningHost } from './fixtures.ts';

/** Your own practices (issue 15): build one by keyboard, try it, save it; share, import, remove and undo. */

test.use({ hostOptions: { sessionSpeed: 20 } });

async function openPractices(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Practices' }).click();
  await expect(page.getByRole('heading', { name: 'Practices', level: 1 })).toBeVisible();
}

/** The builder's step headings, in order ("Step 1 of 3: Breathe"). */
const stepHeadings = (page: Page) => page.locator('h3[id^="step-"]').evaluateAll((hs) => hs.map((h) => h.getAttribute('aria-label') ?? ''));

function folderFor(host: RunningHost, name: string): string {
  const dir = path.join(path.dirname(host.dataDir), name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

test('build a practice by keyboard: messages on the field at fault, reorder keeping focus, a try-out that records nothing, then save', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await openPractices(page);
  await page.getByRole('button', { name: 'Build a practice' }).click();
  await expect(page.getByRole('heading', { name: 'Build a practice', level: 1 })).toBeFocused();

  // Saving at once: each message sits on its field, and focus goes to the first.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toBeFocused();
  await expect(name).toHaveAccessibleDescription('Please give your practice a name.');
  await expect(page.getByRole('textbox', { name: 'Who it may suit' })).toHaveAccessibleDescription(/Please say who it may suit/);
  await expect(page.getByText(/things need another look before this practice can be tried or saved/)).toBeVisible();
  await expectAccessible(page, 'the builder with its messages');

  await name.fill('Evening letting go');
  await page.getByRole('textbox', { name: 'What it is' }).fill('A few slow breaths and a kind word before sleep.');
  await page.getByRole('textbox', { name: 'Who it may suit' }).fill('before sleep\nafter a long day');
  await page.getByRole('radio', { name: /A deeper practice/ }).check();

  // New steps go in before the close, and focus moves to them.
  await page.getByLabel('Add a step').selectOption({ label: 'Breathe' });
  await page.getByRole('button', { name: 'Add this step' }).click();
  await expect(page.getByRole('heading', { name: 'Step 1 of 2: Breathe' })).toBeFocused();
  await page.getByLabel('Breathing pattern').selectOption({ label: 'A rhythm of its own' });
  await page.getByRole('spinbutton', { name: 'Out' }).fill('7');
  const breaths = page.getByRole('spinbutton', { name: 'How many breaths' });
  await breaths.fill('0');
  await expect(breaths).toHaveAccessibleDescription('Please choose a number from 1 to 200.');
  await breaths.fill('2');
  await expect(breaths).not.toHaveAttribute('aria-invalid');

  await page.getByLabel('Add a step').selectOption({ label: 'Permission' });
  await page.getByRole('button', { name: 'Add this step' }).click();
  await page.getByRole('textbox', { name: 'The words of permission' }).fill('It is safe to feel this now.');
  await page.getByRole('textbox', { name: 'What it says' }).last().fill('Rest now. You gave yourself this time.');
  expect(await stepHeadings(page)).toEqual(['Step 1 of 3: Breathe', 'Step 2 of 3: Permission', 'Step 3 of 3: Close']);

  // Reorder by keyboard: Enter on Move up, then Alt+↓; focus stays on the step that moved.
  await page.getByRole('button', { name: 'Move step 2 (Permission) up' }).focus();
  await page.keyboard.press('Enter');
  expect(await stepHeadings(page)).toEqual(['Step 1 of 3: Permission', 'Step 2 of 3: Breathe', 'Step 3 of 3: Close']);
  // At the top its Move up is off: focus is on its Move down.
  await expect(page.getByRole('button', { name: 'Move step 1 (Permission) down' })).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  expect(await stepHeadings(page)).toEqual(['Step 1 of 3: Breathe', 'Step 2 of 3: Permission', 'Step 3 of 3: Close']);
  await expect(page.getByRole('button', { name: 'Move step 2 (Permission) down' })).toBeFocused();
  // Nothing needs another look now.
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);

  // Try it: the same session screens, marked as a try-out; Esc ends it back here.
  await page.getByRole('button', { name: 'Try it' }).click();
  await expect(page.getByText('A try-out: nothing is recorded')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status').filter({ hasText: 'Your try-out has ended. Nothing from it was recorded.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try it' })).toBeFocused();
  // The work is as it was.
  await expect(name).toHaveValue('Evening letting go');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('“Evening letting go” is kept in your own practices.')).toBeVisible();
  const own = page.getByRole('list', { name: 'Your own practices' });
  await expect(own.getByRole('button', { name: 'Start Evening letting go' })).toBeFocused();
  await expect(own.getByRole('article', { name: 'Evening letting go' })).toContainText('Your own');
  await expect(own.getByRole('article', { name: 'Evening letting go' })).toContainText('Deeper');
  // The try-out left nothing in History.
  await expect(page.getByText('No sessions yet.')).toBeVisible();

  // It starts like any practice, from its own start screen (a deeper one: a low readiness answer offers gentler ones).
  await own.getByRole('button', { name: 'Start Evening letting go' }).click();
  await expect(page.getByRole('heading', { name: 'Evening letting go', level: 1 })).toBeVisible();
  await expect(page.getByText('A deeper practice')).toBeVisible();
  expect(host.externalRequests).toEqual([]);
});

test('share a practice as a file, import one (looked through first, bad files refused), remove it and undo', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await openPractices(page);

  // A copy of a built-in, saved as the person's own.
  await page.getByRole('button', { name: 'Make your own copy of Permission' }).click();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Permission (mine)');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const own = page.getByRole('list', { name: 'Your own practices' });
  await expect(own.getByRole('article')).toHaveCount(1);

  // Share: the file holds the practice alone.
  const shared = folderFor(host, 'shared');
  await answerDialog(host, path.join(shared, 'for a friend.json'));
  await own.getByRole('button', { name: 'Share Permission (mine) as a file' }).click();
  await expect(page.getByText(/Saved as .*for a friend\.json\. The file holds this practice only/)).toBeVisible();
  const file = JSON.parse(fs.readFileSync(path.join(shared, 'for a friend.json'), 'utf8')) as { practice: { title: string; steps: unknown[] } };
  expect(Object.keys(file)).toEqual(['saltwater-practice', 'practice']);
  for (const key of Object.keys(file.practice)) expect(['title', 'summary', 'suits', 'intensity', 'caution', 'steps']).toContain(key);
  expect(JSON.stringify(file)).not.toMatch(/own-/);

  // A file that carries more than a practice is refused, with its reason; nothing is added.
  const smuggler = path.join(shared, 'with more.json');
  fs.writeFileSync(smuggler, JSON.stringify({ ...file, journal: [{ body: 'what I wrote' }] }));
  await answerDialog(host, smuggler);
  await page.getByRole('button', { name: 'Import a practice…' }).click();
  await expect(page.getByRole('alert')).toContainText('The file holds more than a practice (“journal”), so it wasn’t opened.');

  // A friend's file: looked through in the builder before anything is kept.
  const friend = path.join(shared, 'from Sam.json');
  fs.writeFileSync(friend, JSON.stringify({ ...file, practice: { ...file.practice, title: 'Sam’s permission' } }));
  await answerDialog(host, friend);
  await page.getByRole('button', { name: 'Import a practice…' }).click();
  await expect(page.getByRole('heading', { name: 'A practice from a file', level: 1 })).toBeFocused();
  await expect(page.getByText('From “from Sam.json”. Read it through before you keep it')).toBeVisible();
  expect((await stepHeadings(page)).length).toBe(file.practice.steps.length);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(own.getByRole('article')).toHaveCount(2);
  await expectAccessible(page, 'the library with own practices');

  // Remove, then Undo: it comes back, focus on its Start.
  await own.getByRole('button', { name: 'Remove Sam’s permission' }).click();
  await expect(own.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Your own practices' })).toBeFocused();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(own.getByRole('button', { name: 'Start Sam’s permission' })).toBeFocused();
  expect(host.externalRequests).toEqual([]);
});
