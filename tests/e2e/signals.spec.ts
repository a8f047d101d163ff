import type { Page } from '@playwright/test';
import { DEFAULT_FOLLOW_UP, DEFAULT_MESSAGE, testMessage } from '../../preload/contract/signals.ts';
import { LocalNotifier } from '../helpers/local-notifier.ts';
import { createVault, expect, handoffs, openApp, test } from './fixtures.ts';

/**
 * The trusted-contact signal end to end: a real notifier on 127.0.0.1 receives what main
 * sends; the renderer itself never makes a request that leaves the test host.
 */
test.use({ hostOptions: { sessionSpeed: 30 } });

let notifier: LocalNotifier;
test.beforeEach(async () => {
  notifier = new LocalNotifier();
  await notifier.up();
});
test.afterEach(async () => {
  await notifier.down();
});

async function goTo(page: Page, name: 'Settings' | 'Practices') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('a webhook contact gets the test, the signal from a session and the "I\'m OK" follow-up, exactly once each', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await goTo(page, 'Settings');

  // Set up Sam with their own notifier.
  await page.getByRole('button', { name: 'Add a trusted person' }).click();
  const form = page.getByRole('form', { name: 'Someone you trust' });
  await form.getByLabel('Their name').fill('Sam');
  await form.getByRole('radio', { name: 'My own notifier (webhook)' }).check();
  await form.getByLabel('Web address').fill('javascript:alert(1)');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toContainText('only sends to https://');
  await form.getByLabel('Web address').fill(notifier.url('sam'));
  await expect(form.getByLabel('The message you agreed on')).toHaveValue(DEFAULT_MESSAGE);
  await form.getByRole('button', { name: 'Save' }).click();
  const people = page.getByRole('list', { name: 'Your trusted people' });
  await expect(people).toContainText('Sam');
  await expect(people).toContainText(`notifier · 127.0.0.1:${notifier.port}`);

  // A test is clearly marked as one.
  await people.getByRole('button', { name: 'Send a test to Sam' }).click();
  await expect(page.getByText("The test message reached Sam's notifier.")).toBeVisible();
  expect(notifier.delivered).toEqual([testMessage(DEFAULT_MESSAGE)]);

  // The help panel follows the chosen country.
  await page.getByLabel('Show crisis lines for').selectOption('GB');
  await expect(page.getByText('Saved.')).toBeVisible();

  // In a session: one click, beside Stop.
  await goTo(page, 'Practices');
  await page.getByRole('button', { name: 'Start Quiet body' }).click();
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await page.getByRole('button', { name: 'Signal my person' }).click();
  await expect(page.getByText("Your message reached Sam's notifier.")).toBeVisible();
  expect(notifier.delivered).toEqual([testMessage(DEFAULT_MESSAGE), DEFAULT_MESSAGE]);
  // Exactly the agreed words: nothing about the practice, the journal or the person.
  const sent = notifier.requests[1]!;
  expect(sent.method).toBe('POST');
  expect(sent.body).toBe(DEFAULT_MESSAGE);
  expect(sent.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect(JSON.stringify(sent)).not.toMatch(/Quiet body|quiet-body|Sam/);

  // Stop: the calm screen offers help for the chosen country, and the signal again.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'You stopped, and that is fine' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Signal my person' })).toBeVisible();
  await page.getByRole('button', { name: 'Help right now' }).click();
  const help = page.getByRole('dialog', { name: 'Help, right now' });
  const lines = help.getByRole('list', { name: 'Crisis lines: United Kingdom' }).getByRole('listitem');
  await expect(lines.first()).toContainText('Samaritans');
  await expect(lines.first()).toContainText('116 123');
  await expect(help).toContainText('call 999 or 112 for emergency services');
  await help.getByRole('button', { name: 'Close' }).click();

  // At the end, the follow-up is offered once a help signal went out.
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await page.getByRole('button', { name: "Tell Sam I'm OK now" }).click();
  await expect(page.getByText("Your “I’m OK” message reached Sam's notifier.")).toBeVisible();
  expect(notifier.delivered).toEqual([testMessage(DEFAULT_MESSAGE), DEFAULT_MESSAGE, DEFAULT_FOLLOW_UP]);
  expect(notifier.requests).toHaveLength(3);
  await page.getByRole('button', { name: 'Done' }).click();

  // The history keeps when, to whom, how and whether it arrived; it can be deleted.
  await goTo(page, 'Settings');
  const history = page.getByRole('table', { name: 'Signals you have sent' });
  await expect(history.getByRole('row')).toHaveCount(4);
  await expect(history).toContainText('Test');
  await expect(history).toContainText('Asked for a check-in');
  await expect(history.getByRole('cell', { name: 'Delivered' })).toHaveCount(3);
  await page.getByRole('button', { name: 'Delete this history' }).click();
  await expect(page.getByText('3 signals were removed from the history.')).toBeVisible();
  await expect(page.getByText('No signals yet.')).toBeVisible();

  expect(host.externalRequests).toEqual([]);
});

test('an e-mail contact: the mail app is asked to open with only the agreed message', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await goTo(page, 'Settings');
  await page.getByRole('button', { name: 'Add a trusted person' }).click();
  const form = page.getByRole('form', { name: 'Someone you trust' });
  await form.getByLabel('Their name').fill('Robin');
  await form.getByLabel('Their e-mail address').fill('robin@example.org');
  await form.getByLabel('The message you agreed on').fill('Tide is high 🌊 could you call me?');
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Send a test to Robin' }).click();
  await expect(page.getByText(/Your mail app should be open with the test message to Robin/)).toBeVisible();

  const expected = testMessage('Tide is high 🌊 could you call me?');
  const handedOff = await handoffs(host);
  expect(handedOff.opened).toEqual([`mailto:robin@example.org?body=${encodeURIComponent(expected)}`]);
  expect(handedOff.copied).toEqual([expected]);
  expect(notifier.requests).toEqual([]);
  expect(host.externalRequests).toEqual([]);
});
