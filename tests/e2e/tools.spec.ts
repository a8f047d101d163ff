import type { Page } from '@playwright/test';
import { createVault, expect, handoffs, openApp, test } from './fixtures.ts';

/**
 * The practice tools end to end (issue 6): the memory box with "Open one box", the ladder,
 * and moving media with "Boost the signal". Sessions run 30× faster; all else is real.
 */
test.use({ hostOptions: { sessionSpeed: 30 } });

async function goTo(page: Page, name: 'Your tools' | 'Practices') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

async function tab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

async function putAway(page: Page, title: string, words: string, strength: number) {
  await page.getByRole('button', { name: 'Put a memory away' }).click();
  await page.getByLabel('A short title').fill(title);
  await page.getByLabel('A few words').fill(words);
  await page.getByRole('group', { name: /How strong is it/ }).getByRole('radio', { name: String(strength), exact: true }).check();
  await page.getByRole('button', { name: 'Put it in the box' }).click();
  await expect(page.getByRole('list', { name: 'Your memory box' })).toContainText(title);
}

/** Reads the memory box through the api the page itself uses (no text ever comes back in a list). */
async function box(page: Page): Promise<Array<{ title: string; status: string; openings: number }>> {
  return page.evaluate(async () => {
    const api = (window as unknown as { saltwater: { memories: { list(): Promise<{ ok: boolean; value: Array<{ title: string; status: string; openings: number }> }> } } }).saltwater;
    const result = await api.memories.list();
    return result.value.map((m) => ({ title: m.title, status: m.status, openings: m.openings }));
  });
}

test('three memories: Open one box offers the gentlest; Esc mid-way reseals it and logs the opening as stopped', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await goTo(page, 'Your tools');
  await tab(page, 'Memory box');
  await putAway(page, 'The harbour goodbye', 'Waving from the pier in the rain.', 7);
  await putAway(page, "Grandad's shed", 'Sawdust and his radio.', 3);
  await putAway(page, 'The last phone call', 'I said I would call back.', 9);
  // The box shows titles only, never the words.
  const list = page.getByRole('list', { name: 'Your memory box' });
  await expect(list).not.toContainText('Sawdust');

  await goTo(page, 'Practices');
  await page.getByRole('button', { name: 'Start Open one box' }).click();
  await expect(page.getByRole('heading', { name: 'Open one box', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Begin' }).click();

  const offer = page.getByRole('region', { name: 'The memory on offer' });
  await expect(offer).toBeVisible({ timeout: 30_000 });
  await expect(offer).toContainText("Grandad's shed");
  await expect(offer).not.toContainText('Sawdust');
  await page.getByRole('group', { name: /How do you feel right now/ }).getByRole('radio', { name: 'Okay', exact: true }).check();
  await page.getByRole('button', { name: 'Open it' }).click();
  const memory = page.getByRole('region', { name: 'Your memory' });
  await expect(memory).toContainText('Sawdust and his radio.');

  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'You stopped, and that is fine' })).toBeVisible();
  await expect.poll(() => box(page)).toEqual(
    expect.arrayContaining([{ title: "Grandad's shed", status: 'sealed', openings: 1 }]),
  );
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await page.getByRole('button', { name: 'Done' }).click();

  await goTo(page, 'Your tools');
  await tab(page, 'Memory box');
  await page.getByRole('button', { name: "History of Grandad's shed" }).click();
  await expect(page.getByRole('list', { name: "Times “Grandad's shed” was opened" })).toContainText('Stopped part-way, sealed again');
  expect(host.externalRequests).toEqual([]);
});

test('a ladder of three steps: two calm tries master step 1, and step 2 is next', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await goTo(page, 'Your tools');
  await tab(page, 'Ladder');
  const track = page.getByRole('list', { name: 'Steps of Letting tears come, in order' });
  for (const [text, distress] of [
    ['Imagine crying, for a minute', '20'],
    ['Let tears come alone, with a sad song', '40'],
    ['Cry with someone in the next room', '70'],
  ] as const) {
    await page.getByRole('button', { name: 'Add a step to Letting tears come' }).click();
    await page.getByLabel('Your step').fill(text);
    await page.getByLabel('Expected distress (0–100)').fill(distress);
    await page.getByRole('button', { name: 'Add this step' }).click();
    await expect(track).toContainText(text);
  }
  await expect(track.locator(':scope > li')).toHaveCount(3);

  await page.getByRole('button', { name: "Tries at 'Imagine crying, for a minute'" }).click();
  const tries = page.getByRole('list', { name: "Tries at 'Imagine crying, for a minute'" });
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: "Note a try at 'Imagine crying, for a minute'" }).click();
    await page.getByLabel('Distress just before (0–100)').fill('30');
    await page.getByLabel('Highest distress during it (0–100)').fill('35');
    await page.getByLabel('Distress afterwards (0–100)').fill('15');
    await page.getByRole('radio', { name: 'My eyes welled up' }).check();
    await page.getByRole('button', { name: 'Save this try' }).click();
    await expect(tries.getByRole('listitem')).toHaveCount(i + 1);
  }
  const steps = track.locator(':scope > li');
  await expect(steps.first()).toContainText('Feels steady now.');
  await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step');
  await expect(steps.nth(1)).toContainText('Your next step');
  await expect(page.getByText('One step feels steady already.')).toBeVisible();
  await expect(page.getByText(/Two calm tries in a row: this step feels steady now/)).toBeVisible();
  expect(host.externalRequests).toEqual([]);
});

test('the Ladder step practice: breathing, the next step, then how it went is saved as a try with breathing before and after', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await goTo(page, 'Your tools');
  await tab(page, 'Ladder');
  await page.getByRole('button', { name: 'Add a step to Letting tears come' }).click();
  await page.getByLabel('Your step').fill('Imagine crying, for a minute');
  await page.getByLabel('Expected distress (0–100)').fill('20');
  await page.getByRole('button', { name: 'Add this step' }).click();

  await goTo(page, 'Practices');
  await page.getByRole('button', { name: 'Start Ladder step' }).click();
  await page.getByRole('button', { name: 'Begin' }).click();
  const step = page.getByRole('region', { name: 'Your step' });
  await expect(step).toContainText('Imagine crying, for a minute', { timeout: 30_000 });
  await page.getByRole('group', { name: /How much distress do you feel right now/ }).getByRole('radio', { name: '30', exact: true }).check();
  await page.getByRole('button', { name: 'Begin this step' }).click();
  await expect(page.getByRole('heading', { name: /Do your step/i })).toBeVisible();
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('group', { name: /highest distress during the step/ }).getByRole('radio', { name: '40', exact: true }).check();
  await page.getByRole('group', { name: /how much distress do you feel now/i }).getByRole('radio', { name: '10', exact: true }).check();
  await page.getByRole('group', { name: 'Did any tears come?' }).getByRole('radio').nth(1).check();
  await page.getByRole('button', { name: 'Save how it went' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await page.getByRole('button', { name: 'Done' }).click();

  const attempts = await page.evaluate(async () => {
    type R<T> = { ok: true; value: T };
    const api = (window as unknown as { saltwater: { ladder: { view(): Promise<R<{ tracks: Array<{ steps: Array<{ id: number }> }> }>>; attempts(i: { stepId: number }): Promise<R<unknown[]>> } } }).saltwater;
    const view = await api.ladder.view();
    const stepId = view.value.tracks[0]!.steps[0]!.id;
    return (await api.ladder.attempts({ stepId })).value;
  });
  expect(attempts).toEqual([
    expect.objectContaining({ distressBefore: 30, distressPeak: 40, distressAfter: 10, tears: 1, breathedBefore: true, breathedAfter: true, sessionId: expect.any(Number) }),
  ]);
  expect(host.externalRequests).toEqual([]);
});

test('a film that once moved you is offered by Boost the signal, and its use is remembered', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await goTo(page, 'Your tools');
  await tab(page, 'Moving media');
  await page.getByRole('button', { name: 'Add something' }).click();
  await page.getByLabel('Title').fill('Up (the first ten minutes)');
  await page.getByRole('radio', { name: 'A film' }).check();
  await page.getByLabel(/What it stirred in you/).fill('Every time.');
  await page.getByLabel(/Link/).fill('https://example.org/up');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('list', { name: 'Things that moved you' })).toContainText('Up (the first ten minutes)');

  await goTo(page, 'Practices');
  await page.getByRole('button', { name: 'Start Boost the signal' }).click();
  await page.getByRole('button', { name: 'Begin' }).click();
  const card = page.getByRole('region', { name: 'From your moving media' });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText('Up (the first ten minutes)');
  await page.getByRole('button', { name: 'Open link' }).click();
  // The OS is asked to open it a moment after the click.
  await expect.poll(async () => (await handoffs(host)).opened).toEqual(['https://example.org/up']);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await page.getByRole('button', { name: 'Done' }).click();

  await goTo(page, 'Your tools');
  await tab(page, 'Moving media');
  await expect(page.getByRole('list', { name: 'Things that moved you' })).toContainText('Used once');
  // The page never fetched the link itself: the OS browser would open it.
  expect(host.externalRequests).toEqual([]);
});
