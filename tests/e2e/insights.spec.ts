import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { advanceClock, createVault, expect, openApp, test, type RunningHost } from './fixtures.ts';

/**
 * "Over time" end to end through the test host: real sessions and journal entries in a real vault
 * (recorded through the api as a practice records them), the page's periods, keyboard-only use,
 * axe at a small and a large window, and the care card after a practice run through the page.
 */

// The services' clock starts here (a Monday), so weeks and months come out the same on any day.
// Days pass between sessions: the idle lock is set far beyond them (it is not the subject here).
test.use({ hostOptions: { fakeClock: '2025-01-06T09:00:00Z', idleLockMs: 10 * 365 * 24 * 3_600_000 }, locale: 'en-GB' });

const DAY = 24 * 3_600_000;

/** Calls the app's api in the page and returns its value. */
async function call<T = unknown>(page: Page, method: string, input?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) => {
      const [domain, name] = (m as string).split('.') as [string, string];
      const api = (window as unknown as { saltwater: Record<string, Record<string, (input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>>> }).saltwater;
      const result = await api[domain]![name]!(i);
      if (!result.ok) throw new Error(`${m as string} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    [method, input] as const,
  ) as Promise<T>;
}

interface Run {
  moodBefore: number;
  moodAfter: number;
  tears: 'none' | 'welled' | 'tear' | 'cried' | 'deep';
  relief: number;
  distress?: number;
  stopped?: boolean;
}

/** One practice run as a practice records it: start, a distress check-in, end, the check-in after. */
async function recordSession(page: Page, practiceId: string, run: Run): Promise<number> {
  const { sessionId } = await call<{ sessionId: number }>(page, 'sessions.start', { practiceId, moodBefore: run.moodBefore });
  if (run.distress !== undefined) await call(page, 'sessions.checkIn', { sessionId, stepIndex: 0, question: 'distress', value: run.distress });
  await call(page, 'sessions.end', { sessionId, stepIndex: 0, outcome: run.stopped ? 'stopped' : 'finished' });
  await call(page, 'sessions.reflect', { sessionId, moodAfter: run.moodAfter, tears: run.tears, relief: run.relief });
  return sessionId;
}

/** About ten weeks of sessions and entries, two or three days apart, ending "now" on the host's clock. */
async function fillVault(page: Page, host: RunningHost): Promise<void> {
  const practices = await call<Array<{ id: string }>>(page, 'practices.list');
  const ids = practices.map((p) => p.id);
  const tears: Run['tears'][] = ['none', 'welled', 'none', 'tear', 'cried', 'none', 'deep'];
  const words = ['sad', 'lonely', 'hurt', "can't name it yet", 'disappointed', 'sad'];
  for (let i = 0; i < 24; i++) {
    await recordSession(page, ids[i % 3]!, { moodBefore: 2 + (i % 2), moodAfter: 3 + (i % 3 === 0 ? 1 : 0), tears: tears[i % tears.length]!, relief: (i * 3) % 8, distress: 2 + (i % 4) });
    if (i % 2 === 0) {
      await call(page, 'journal.create', { body: `After the practice, day ${i}.`, emotions: [{ word: words[i % words.length]!, intensity: 4 }] });
    }
    await advanceClock(host, (i % 2 ? 2 : 3) * DAY);
  }
}

/** A page from the top bar (in a narrower window, from its Menu). */
async function goTo(page: Page, name: string) {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
}

async function openOverTime(page: Page) {
  await goTo(page, 'Over time');
  await expect(page.getByRole('heading', { name: 'Over time', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Gathering your weeks' })).toHaveCount(0);
}

test('the page shows the weeks in charts and kind words, switches periods, and passes axe at both sizes', async ({ page, host }) => {
  // Ten weeks of sessions and four axe runs: 25–40 s alone here, past 60 s on a busy shared machine.
  test.slow();
  await page.setViewportSize({ width: 1100, height: 780 });
  await openApp(page, host);
  await createVault(page);
  await fillVault(page, host);
  await openOverTime(page);

  const fourWeeks = page.getByRole('radio', { name: 'Last 4 weeks' });
  await expect(fourWeeks).toBeChecked();
  await expect(page.getByRole('heading', { name: 'Mood before and after sessions' })).toBeVisible();
  await expect(page.getByText(/^Across \d+ sessions, your mood after was .* on average\.$/)).toBeVisible();
  await expect(page.getByText(/No tears is an outcome too: \d+ of your \d+ sessions in the last 4 weeks ended that way/)).toBeVisible();
  await expect(page.getByText(/You named \d+ different feelings? in the last 4 weeks/)).toBeVisible();
  // No score, no verdict, no "best" anywhere on the page.
  await expect(page.locator('main')).not.toContainText(/best week|score|streak|you failed/i);
  await expectAccessible(page, 'Over time, 4 weeks, 1100×780');

  await page.getByRole('radio', { name: '12 months' }).check();
  await expect(page.getByText(/No tears is an outcome too: \d+ of your 24 sessions in the last 12 months ended that way/)).toBeVisible();
  await expect(page.getByText('Across 24 sessions, your mood after was', { exact: false })).toBeVisible();

  // The choice holds when the page is opened again.
  await goTo(page, 'Journal');
  await openOverTime(page);
  await expect(page.getByRole('radio', { name: '12 months' })).toBeChecked();

  await page.setViewportSize({ width: 560, height: 480 });
  await expect(page.getByRole('heading', { name: 'Tears, week by week' })).toBeVisible();
  await expectAccessible(page, 'Over time, 12 months, 560×480');
  await page.getByRole('radio', { name: 'All' }).check();
  await expect(page.getByText(/24 sessions so far/).first()).toBeVisible();
  await expectAccessible(page, 'Over time, all, 560×480');
});

test('keyboard only: the period by arrow keys, a chart point by point, and its table', async ({ page, host }) => {
  await page.setViewportSize({ width: 1100, height: 780 });
  await openApp(page, host);
  await createVault(page);
  await fillVault(page, host);
  // At this width the pages sit in the Menu: open it and choose Over time, by keyboard.
  await page.getByRole('button', { name: 'Menu' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Over time' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Over time', level: 1 })).toBeFocused();

  // Tab into the period choice (one stop), and the arrow keys move the choice.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Last 4 weeks' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '3 months' })).toBeChecked();
  await expect(page.getByText(/in the last 3 months ended that way/)).toBeVisible();
  await expect(page.locator('.views')).toHaveAttribute('aria-busy', 'false');

  // Past "Make a summary for therapy", on to the first chart: a slider that goes through the weeks.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Make a summary for therapy' })).toBeFocused();
  await page.keyboard.press('Tab');
  const slider = page.getByRole('slider', { name: /Mood before and after sessions/ });
  await expect(slider).toBeFocused();
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuenow', '13');
  await expect(slider).toHaveAttribute('aria-valuetext', /^Week of/);
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuenow', '12');
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuenow', '1');

  // Its table, by keyboard.
  await page.keyboard.press('Tab');
  const toggle = page.getByRole('region', { name: 'Mood before and after sessions' }).locator('button[aria-controls]');
  await expect(toggle).toHaveText('Show as a table');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toHaveText('Hide the table');
  const table = page.getByRole('table', { name: 'Mood before and after sessions' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader').first()).toHaveText(/^Week of/);
  await expectAccessible(page, 'Over time with a table open');
});

test('an empty vault: nothing here yet, and that is fine', async ({ page, host }) => {
  await page.setViewportSize({ width: 560, height: 480 });
  await openApp(page, host);
  await createVault(page);
  await openOverTime(page);
  await expect(page.getByText('Nothing here yet — that is fine.').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page, 'Over time, empty, 560×480');
});

test.describe('after a practice', () => {
  // Practices run 30× faster here, on the same manual clock.
  test.use({ hostOptions: { fakeClock: '2025-01-06T09:00:00Z', idleLockMs: 10 * 365 * 24 * 3_600_000, sessionSpeed: 30 } });

  test('a real session that completes a pattern brings the care card: help in one action, Not now, and not again within the week', async ({ page, host }) => {
    await page.setViewportSize({ width: 1100, height: 780 });
    await openApp(page, host);
    await createVault(page);
    const [practice] = await call<Array<{ id: string }>>(page, 'practices.list');
    // Four earlier sessions, a day apart: distress ran high (7 or more) in two of them. Not yet a pattern.
    for (const distress of [8, 3, 9, 2]) {
      await recordSession(page, practice!.id, { moodBefore: 3, moodAfter: 3, tears: 'none', relief: 4, distress });
      await advanceClock(host, DAY);
    }
    await openOverTime(page);
    await expect(page.getByRole('heading', { name: 'Mood before and after sessions' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Talking to someone can help' })).toHaveCount(0);

    // The fifth, through the practice itself: its check-in answered 8 makes three of the last five.
    await goTo(page, 'Practices');
    await page.getByRole('button', { name: 'Start Name it to tame it' }).click();
    await page.getByRole('button', { name: 'Begin' }).click();
    for (const prompt of [3, 4, 6]) {
      await expect(page.getByText(`Step ${prompt} of 9`, { exact: true })).toBeVisible({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Next' }).click();
    }
    const checkIn = page.getByRole('group', { name: 'How much distress do you feel right now?' });
    await expect(checkIn).toBeVisible({ timeout: 30_000 });
    await checkIn.getByRole('radio', { name: '8', exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: "Let's slow down for a moment" })).toBeVisible();
    await page.getByRole('button', { name: 'Continue the practice' }).click();
    await page.getByRole('button', { name: 'Finish' }).click({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'How are you now?' })).toBeVisible();
    await page.getByRole('button', { name: 'Skip for now' }).click();

    // With the kind message: the card, in plain words, with the help lines one action away.
    const card = page.getByRole('region', { name: 'Talking to someone can help' });
    await expect(card).toBeVisible();
    await expect(card).toContainText('Distress ran high in 3 of your last 5 sessions.');
    await expect(card).toContainText('Talking to a professional');
    await expectAccessible(page, 'The kind message with the care card');
    await card.getByRole('button', { name: 'See help lines' }).click();
    const help = page.getByRole('dialog', { name: 'Help, right now' });
    await expect(help).toBeVisible();
    await help.getByRole('button', { name: 'Close' }).click();
    await expect(help).toBeHidden();
    await card.getByRole('button', { name: 'Not now' }).click();
    await expect(card).toHaveCount(0);
    await page.getByRole('button', { name: 'Done' }).click();

    // Three days on, distress runs high again: within the week the card stays away.
    await advanceClock(host, 3 * DAY);
    await recordSession(page, practice!.id, { moodBefore: 3, moodAfter: 3, tears: 'none', relief: 4, distress: 9 });
    await openOverTime(page);
    await expect(page.getByRole('heading', { name: 'Mood before and after sessions' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Talking to someone can help' })).toHaveCount(0);

    // A week after Not now, with that session since: it is offered again, on Over time.
    await goTo(page, 'Journal');
    await advanceClock(host, 5 * DAY);
    await openOverTime(page);
    const again = page.getByRole('region', { name: 'Talking to someone can help' });
    await expect(again).toContainText('Distress ran high in 3 of your last 5 sessions.');
    await again.getByRole('button', { name: 'Not now' }).click();
    await expect(again).toHaveCount(0);
  });

  test('ticking "some of this felt like too much" after a short practice brings the care card at once, and History says it back', async ({ page, host }) => {
    await page.setViewportSize({ width: 560, height: 480 });
    await openApp(page, host);
    await createVault(page);
    await goTo(page, 'Practices');
    await page.getByRole('button', { name: 'Start Arrive and breathe' }).click();
    await page.getByRole('button', { name: 'Begin' }).click();
    const checkIn = page.getByRole('group', { name: 'How do you feel right now?' });
    await expect(checkIn).toBeVisible({ timeout: 30_000 });
    await checkIn.getByRole('radio', { name: 'Okay', exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Finish' }).click();

    // Unticked at first; its hint says what ticking it does. Nothing else is answered.
    await expect(page.getByRole('heading', { name: 'How are you now?' })).toBeVisible();
    const box = page.getByRole('checkbox', { name: 'Some of this felt like too much for me' });
    await expect(box).not.toBeChecked();
    await expect(box).toHaveAccessibleDescription(/Only if you'd like to say so\..*suggest someone to talk to/);
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
    await page.getByRole('button', { name: 'Save' }).click();

    // Right after: the card, in the person's own words, with help one action away.
    const card = page.getByRole('region', { name: 'Talking to someone can help' });
    await expect(card).toContainText('You said some of this session felt like too much.');
    await expectAccessible(page, 'The kind message with the care card, said too much, 560×480');
    await card.getByRole('button', { name: 'See help lines' }).click();
    const help = page.getByRole('dialog', { name: 'Help, right now' });
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('list', { name: 'Past sessions, newest first' })).toContainText('You said some of it felt like too much.');
    expect(host.externalRequests).toEqual([]);
  });
});
