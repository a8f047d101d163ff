import type { Page } from '@playwright/test';
import { advanceClock, chooseDate, chooseTime, createVault, expect, openApp, test, unlock } from './fixtures.ts';

/**
 * Reminders end to end: the services run on a manual clock starting on Sunday 22 Nov 2026,
 * 10:00 UTC (the test host's zone is this machine's, UTC here). A weekly schedule is planned
 * in the UI; moving the clock past its time makes the reminder reach the page.
 */
const HOUR = 3_600_000;
const FAKE_CLOCK = '2026-11-22T10:00:00Z';
// Ten hours pass in these tests: the idle lock is set far enough away not to lock meanwhile
// (the last test keeps the usual idle lock, to see a reminder wait behind the lock screen).
// Dates and times as a computer set to the United Kingdom writes them (the US is checked below).
test.use({ hostOptions: { fakeClock: FAKE_CLOCK, idleLockMs: 7 * 24 * HOUR }, locale: 'en-GB' });

async function planWeeklySunday(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reminders' }).click();
  await expect(page.getByRole('heading', { name: 'Reminders', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nothing planned yet' })).toBeVisible();

  await page.getByRole('button', { name: 'Plan a reflection' }).click();
  await expect(page.getByRole('heading', { name: 'Plan a reflection', level: 1 })).toBeVisible();
  await page.getByLabel('Practice', { exact: true }).selectOption({ label: 'Arrive and breathe' });
  await expect(page.getByRole('radio', { name: 'Repeating' })).toBeChecked();
  await page.getByLabel('Repeats', { exact: true }).selectOption({ label: 'Weekly, on the days you choose' });
  await chooseDate(page, 'Starting on', '2026-11-22');
  await chooseTime(page, 'Time', '20:00');
  const days = page.getByRole('group', { name: 'On these days' });
  for (const box of await days.getByRole('checkbox').all()) await box.setChecked(false);
  await days.getByRole('checkbox', { name: 'Sunday' }).check();

  // The live preview, in plain words, before anything is saved.
  const preview = page.getByRole('list', { name: 'Next times' });
  await expect(preview.getByRole('listitem')).toHaveCount(5);
  await expect(preview.getByRole('listitem').first()).toHaveText('Sunday 22 Nov, 20:00');
  await expect(preview.getByRole('listitem').nth(1)).toHaveText('Sunday 29 Nov, 20:00');
  await expect(page.getByText('Weekly on Sunday at 20:00', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Save' }).click();
  const list = page.getByRole('list', { name: 'Planned reflections' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Weekly on Sunday at 20:00 · Arrive and breathe');
  await expect(list).toContainText('Next: Sunday 22 Nov, 20:00');
}

test('a weekly reflection is planned with a preview; at its time the reminder arrives and Start now opens the practice', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await planWeeklySunday(page);

  // Nothing yet: it is 10:00.
  await expect(page.getByRole('region', { name: 'Reminder' })).toHaveCount(0);
  await advanceClock(host, 10 * HOUR + 60_000);

  const card = page.getByRole('region', { name: 'Reminder' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Time for your reflection' })).toBeVisible();
  // Private by default: the practice's name is not in the reminder's title.
  await expect(card).not.toContainText('Arrive and breathe');

  await card.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByRole('heading', { name: 'Arrive and breathe', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible();
  await expect(card).toHaveCount(0);
  expect(host.externalRequests).toEqual([]);
});

test('snooze brings the reminder back later; skip lets it go and the plan moves to next week', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await planWeeklySunday(page);

  await advanceClock(host, 10 * HOUR);
  const card = page.getByRole('region', { name: 'Reminder' });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Snooze' }).click();
  await card.getByRole('group', { name: 'Remind me again in' }).getByRole('button', { name: '10 minutes' }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByText("I'll remind you again at 20:10.")).toBeVisible();

  await advanceClock(host, 9 * 60_000);
  await page.waitForTimeout(300);
  await expect(card).toHaveCount(0);
  await advanceClock(host, 2 * 60_000);
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Skip this one' }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByText('Skipped. The rest of your plan stays as it is.')).toBeVisible();

  // The list shows next week's time.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Journal' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reminders' }).click();
  await expect(page.getByRole('list', { name: 'Planned reflections' })).toContainText('Next: Sunday 29 Nov, 20:00');
  expect(host.externalRequests).toEqual([]);
});

test.describe('while the vault has locked itself', () => {
  test.use({ hostOptions: { fakeClock: FAKE_CLOCK } });

  test('the reminder waits behind the lock screen and shows right after unlock', async ({ page, host }) => {
    await openApp(page, host);
    await createVault(page);
    await planWeeklySunday(page);

    // The quiet hours until 20:00 lock the vault (idle); the reminder still reaches the page.
    await advanceClock(host, 10 * HOUR);
    await expect(page.getByRole('heading', { name: 'Welcome back', level: 1 })).toBeVisible();
    // Nothing of it shows on the lock screen.
    await expect(page.getByRole('region', { name: 'Reminder' })).toHaveCount(0);
    await expect(page.getByText('Time for your reflection')).toHaveCount(0);

    await unlock(page);
    const card = page.getByRole('region', { name: 'Reminder' });
    await expect(card).toBeVisible();
    await card.getByRole('button', { name: 'Start now' }).click();
    await expect(page.getByRole('heading', { name: 'Arrive and breathe', level: 1 })).toBeVisible();
  });
});

test.describe('on a computer set to the United States', () => {
  test.use({ locale: 'en-US' });

  test('times read the American way everywhere, weeks start on Sunday, and a 24-hour choice in Settings changes every time shown', async ({ page, host }) => {
    await openApp(page, host);
    await createVault(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reminders' }).click();
    await page.getByRole('button', { name: 'Plan a reflection' }).click();
    await page.getByLabel('Repeats', { exact: true }).selectOption({ label: 'Weekly, on the days you choose' });
    // The fields follow the region: month before day, a 12-hour clock with AM and PM.
    const starting = page.getByRole('group', { name: 'Starting on', exact: true });
    const order = await starting.locator('select, input').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    expect(order).toEqual(['Month', 'Day', 'Year']);
    await chooseDate(page, 'Starting on', '2026-11-22');
    await chooseTime(page, 'Time', '20:00');
    const days = page.getByRole('group', { name: 'On these days' });
    await expect(days.getByRole('checkbox').first()).toHaveAccessibleName('Sunday');
    for (const box of await days.getByRole('checkbox').all()) await box.setChecked(false);
    await days.getByRole('checkbox', { name: 'Sunday' }).check();
    const preview = page.getByRole('list', { name: 'Next times' });
    await expect(preview.getByRole('listitem').first()).toHaveText('Sunday, Nov 22, 8:00 PM');
    await expect(page.getByText('Weekly on Sunday at 8:00 PM', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    const list = page.getByRole('list', { name: 'Planned reflections' });
    await expect(list).toContainText('Next: Sunday, Nov 22, 8:00 PM');

    // The person prefers a 24-hour clock: every time follows, here and in the editor.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: /^24-hour/ }).check();
    await expect(page.getByText(/Saved\. Times now read like \d\d:\d\d\./)).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reminders' }).click();
    await expect(list).toContainText('Weekly on Sunday at 20:00');
    await expect(list).toContainText('Next: Sunday, Nov 22, 20:00');
    await list.getByRole('button', { name: /^Edit/ }).click();
    await expect(page.getByRole('group', { name: 'Time', exact: true }).getByRole('combobox', { name: 'Morning or afternoon' })).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Time', exact: true }).getByRole('combobox', { name: 'Hour' })).toHaveValue('20');
  });
});
