import { createVault, expect, openApp, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

/**
 * Sessions end to end, through the test host: the clock runs 30× faster (data-session-speed),
 * so a six-minute practice takes seconds; everything else is real (services, vault, Chromium).
 */
// A computer set to the United States: with no country chosen, Help shows its lines.
test.use({ hostOptions: { sessionSpeed: 30 }, locale: 'en-US' });

async function openPractice(page: Page, title: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Practices' }).click();
  await expect(page.getByRole('heading', { name: 'Practices', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: `Start ${title}` }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

test('the shortest practice runs to the end, the check-in is answered, and History shows it finished', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await openPractice(page, 'Arrive and breathe');

  await page.getByRole('group', { name: /How steady do you feel today/ }).getByRole('radio', { name: 'Fairly steady' }).check();
  await page.getByRole('group', { name: /How do you feel right now/ }).getByRole('radio', { name: 'Low', exact: true }).check();
  await page.getByRole('button', { name: 'Begin' }).click();

  // Distraction-free: the app's navigation is gone; Stop is always there.
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByRole('progressbar', { name: 'Session progress' })).toBeVisible();

  // Timed steps move on by themselves (30× here); the check-in waits for an answer.
  const checkIn = page.getByRole('group', { name: 'How do you feel right now?' });
  await expect(checkIn).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Step 5 of 6', { exact: true })).toBeVisible();
  await checkIn.getByRole('radio', { name: 'Good', exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByText('Step 6 of 6', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Finish' }).click();

  await expect(page.getByRole('heading', { name: 'How are you now?' })).toBeVisible();
  await page.getByRole('group', { name: /How do you feel now/ }).getByRole('radio', { name: 'Good', exact: true }).check();
  await page.getByRole('group', { name: /Did any tears come/ }).getByRole('radio', { name: 'My eyes welled up' }).check();
  await page.getByRole('group', { name: /Felt relief/ }).getByRole('radio', { name: '7', exact: true }).check();
  await page.getByRole('textbox', { name: /Anything you'd like to remember/ }).fill('Lighter than before.');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByText(/eyes welled up|Warm eyes/)).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  const history = page.getByRole('list', { name: 'Past sessions, newest first' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history).toContainText('Arrive and breathe');
  await expect(history).toContainText('Finished');
  await expect(history).toContainText('Eyes welled up');
  await expect(history).toContainText('Mood: Low → Good');
  expect(host.externalRequests).toEqual([]);
});

test('Esc at step 2 stops at once: a calm stop screen, help one click away, and "Stopped at step 2" in History', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await openPractice(page, 'Quiet body');
  await page.getByRole('button', { name: 'Begin' }).click();

  // Step 1 is timed; step 2 (a prompt) waits for the person.
  await expect(page.getByText('Step 2 of 8', { exact: true })).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Escape');

  await expect(page.getByRole('heading', { name: 'You stopped, and that is fine' })).toBeVisible();
  await expect(page.getByText('Stopping is part of being in charge')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Help right now' }).click();
  const help = page.getByRole('dialog', { name: 'Help, right now' });
  await expect(help).toBeVisible();
  // No country chosen yet: the browser's region (en-US here) decides.
  const lines = help.getByRole('list', { name: 'Crisis lines: United States' }).getByRole('listitem');
  await expect(lines).toHaveCount(3);
  await expect(lines.first()).toContainText('988 Suicide & Crisis Lifeline');
  await expect(lines.first()).toContainText('Call or text 988');
  await expect(help).toContainText('If you are in danger right now, call 911 for emergency services.');
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'How are you now?' })).toBeVisible();
  await page.getByRole('button', { name: 'Skip for now' }).click();

  // "Write about it" opens a journal entry (linked to this session) in the editor.
  await page.getByRole('button', { name: 'Write about it' }).click();
  await page.getByRole('textbox', { name: 'Your entry' }).fill('I stopped because my chest felt tight.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Back to journal' }).click();
  await expect(page.getByRole('list', { name: 'Entries, newest first' })).toContainText('my chest felt tight');
  const link = await page.evaluate(async () => {
    type R<T> = { ok: true; value: T };
    const api = (window as unknown as { saltwater: Record<string, Record<string, (input?: unknown) => Promise<R<never>>>> }).saltwater;
    const entries = (await api.journal!.list!({ limit: 5 })) as R<Array<{ id: number }>>;
    const entry = (await api.journal!.get!({ id: entries.value[0]!.id })) as R<{ sessionId: number | null }>;
    const sessions = (await api.sessions!.list!({ limit: 1 })) as R<Array<{ id: number }>>;
    return { entrySession: entry.value.sessionId, session: sessions.value[0]!.id };
  });
  expect(link.entrySession).toBe(link.session);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Practices' }).click();
  const history = page.getByRole('list', { name: 'Past sessions, newest first' });
  await expect(history).toContainText('Quiet body');
  await expect(history).toContainText('Stopped at step 2');
});

test.describe('at real speed', () => {
  // Skipping with Next must not race timed steps that last two seconds at 30×.
  test.use({ hostOptions: { sessionSpeed: 1 } });

  test('the breathing cue is still with reduced motion (system or setting), animated otherwise', async ({ page, host }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page, host);
    await createVault(page);
    await openPractice(page, 'Arrive and breathe');
    await page.getByRole('button', { name: 'Begin' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Step 3 of 6', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Pause' }).click();

    const cue = page.locator('[data-cue]');
    await expect(cue).toHaveAttribute('data-cue', 'still');
    await expect(cue.getByText('Breathe in')).toBeVisible();

    // The system preference changes: the cue follows.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect(cue).toHaveAttribute('data-cue', 'animated');

    // "Calmer visuals" in Settings gives the still cue whatever the system says.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('checkbox', { name: 'Calmer visuals' }).check();
    await expect(page.getByText('The breathing cue will stay still')).toBeVisible();
    await openPractice(page, 'Arrive and breathe');
    await page.getByRole('button', { name: 'Begin' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.locator('[data-cue]')).toHaveAttribute('data-cue', 'still');
  });
});

test('words written in a practice’s prompt are in the journal list at once, without a search or a lock', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  // The journal list is loaded first, empty, and stays alive while the session runs.
  await expect(page.getByText("Nothing here yet, and that's fine")).toBeVisible();
  await openPractice(page, 'Name it to tame it');
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByText('Step 3 of 9', { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('textbox', { name: 'Write, if you like' }).fill('A knot under the ribs, and something like anger.');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Journal' }).click();
  const list = page.getByRole('list', { name: 'Entries, newest first' });
  await expect(list).toContainText('A knot under the ribs');
  // It says where it came from, in the list and in the editor, and leads back to that session.
  await expect(list).toContainText('From the practice “Name it to tame it”');
  await list.getByRole('button').first().click();
  await expect(page.getByText(/Written with the practice “Name it to tame it”, today at/)).toBeVisible();
  await page.getByRole('button', { name: 'See that session in History' }).click();
  await expect(page.getByRole('heading', { name: 'Practices', level: 1 })).toBeVisible();
  const session = page.getByRole('list', { name: 'Past sessions, newest first' }).getByRole('listitem').first();
  await expect(session).toContainText('Name it to tame it');
  await expect(session).toBeFocused();
});

test('"Write about it" names the session, and an entry left empty is not kept', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await openPractice(page, 'Quiet body');
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await page.getByRole('button', { name: 'Write about it' }).click();
  await expect(page.getByText(/Written with the practice “Quiet body”/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Your entry' })).toBeFocused();
  await page.getByRole('button', { name: 'Back to journal' }).click();
  await expect(page.getByText("Nothing here yet, and that's fine")).toBeVisible();
});
