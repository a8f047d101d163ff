import { callApi, createVault, expect, openApp, test, PASSPHRASE } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';

/**
 * Safe at every size: in every session state walked here, Stop, Help and (with a trusted person
 * set) Signal are inside the window and not covered by anything, without scrolling, and nothing
 * overflows sideways; the app's own bar folds into a Menu instead of running off the edge; Help
 * right now is one action away on the lock screen too. Sessions run 30× faster.
 */
test.use({ hostOptions: { sessionSpeed: 30 } });

const sizes = [
  [560, 480],
  [1100, 780],
  [1920, 1080],
] as const;

/** Inside the window and the thing actually under its centre (not hidden behind a bar or a dialog). */
async function inReach(control: Locator, what: string) {
  await expect(control, what).toBeVisible();
  const reach = await control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const inside = r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { inside, onTop: hit !== null && (hit === el || el.contains(hit)) };
  });
  expect(reach, what).toEqual({ inside: true, onTop: true });
}

async function noSidewaysOverflow(page: Page, what: string) {
  const overflow = await page.evaluate(() =>
    [document.documentElement, ...document.querySelectorAll<HTMLElement>('.session-space')].map((el) => el.scrollWidth - el.clientWidth),
  );
  for (const extra of overflow) expect(extra, `${what}: sideways overflow`).toBeLessThanOrEqual(0);
}

for (const [width, height] of sizes) {
  test(`at ${width}×${height}, Stop, Help and Signal stay in reach in every session state`, async ({ page, host }) => {
    // A whole session in every state, then a lock and unlock: near the default minute on a busy machine.
    test.slow();
    await page.setViewportSize({ width, height });
    await openApp(page, host);
    await createVault(page);
    // The settings that once pushed things out of the window together: box breathing, the still
    // cue, sound on (its volume control shows) and a trusted person (Signal shows).
    await callApi(page, 'settings.update', { breathPattern: 'box', motion: 'reduce', audioEnabled: true });
    await callApi(page, 'contacts.add', { name: 'Robin', channel: { type: 'messenger', kind: 'email', address: 'robin@example.org' } });

    // The app's bar: nothing off the edge; Help and Lock always there; the pages in reach.
    const help = page.getByRole('button', { name: 'Help right now' });
    await inReach(help, 'Help on the top bar');
    await inReach(page.getByRole('button', { name: 'Lock' }), 'Lock on the top bar');
    await noSidewaysOverflow(page, 'journal');
    await expectAccessible(page, 'journal');
    const menu = page.getByRole('button', { name: 'Menu' });
    if (await menu.isVisible()) {
      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
    }
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Practices' }).click();
    await expect(page.getByRole('heading', { name: 'Practices', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Start Quiet body' }).click();
    await page.getByRole('button', { name: 'Begin' }).click();

    const stop = page.getByRole('button', { name: 'Stop', exact: true });
    const signal = page.getByRole('button', { name: 'Signal my person' });
    const sessionTools = async (state: string) => {
      await inReach(stop, `Stop, ${state}`);
      await inReach(help, `Help, ${state}`);
      await inReach(signal, `Signal, ${state}`);
      await noSidewaysOverflow(page, state);
      await expectAccessible(page, state);
    };

    await expect(page.getByText('Step 1 of 8', { exact: true })).toBeVisible();
    await sessionTools('arriving');
    await expect(page.getByText('Step 2 of 8', { exact: true })).toBeVisible({ timeout: 20_000 });
    await sessionTools('a prompt');
    await inReach(page.getByRole('button', { name: 'Next' }), 'Next, a prompt');

    await page.getByRole('button', { name: 'Pause' }).click();
    await sessionTools('paused');
    await inReach(page.getByRole('button', { name: 'Resume' }), 'Resume, paused');
    await page.getByRole('button', { name: 'Resume' }).click();

    // Help in a session: the practice rests, Esc closes Help (it does not stop), and Stop is in the dialog.
    await help.click();
    const dialog = page.getByRole('dialog', { name: 'Help, right now' });
    await expect(dialog).toBeVisible();
    await inReach(dialog.getByRole('button', { name: 'Stop the session' }), 'Stop inside Help');
    await inReach(dialog.getByRole('button', { name: 'Close' }), 'Close inside Help');
    await expectAccessible(page, 'Help over a session');
    await expect(page.getByText('Paused. Take all the time you need.')).toBeAttached();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(stop).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Step 3 of 8', { exact: true })).toBeVisible();
    await expect(page.locator('[data-cue]')).toBeVisible();
    // Held still (sessions run 30× here), so the step can't move on while it is measured.
    await page.getByRole('button', { name: 'Pause' }).click();
    await inReach(page.locator('[data-cue]'), 'the breathing cue');
    await sessionTools('breathing (box, calmer visuals, sound on)');

    // Esc stops at once; the stop screen keeps Help and Signal in reach.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'You stopped, and that is fine' })).toBeVisible();
    await inReach(help, 'Help, stop screen');
    await inReach(signal, 'Signal, stop screen');
    await noSidewaysOverflow(page, 'stop screen');
    await expectAccessible(page, 'stop screen');

    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'How are you now?' })).toBeVisible();
    await inReach(help, 'Help, after the session');
    await noSidewaysOverflow(page, 'after the session');
    await expectAccessible(page, 'after the session');
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await inReach(help, 'Help, aftercare');
    await noSidewaysOverflow(page, 'aftercare');
    await expectAccessible(page, 'aftercare');
    await help.click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Stop the session' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('list', { name: 'Past sessions, newest first' })).toBeVisible();
    await expectAccessible(page, 'practices with a session in history');

    // Locked: crisis lines need no unlock.
    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByLabel('Passphrase', { exact: true })).toBeVisible();
    // Focus waits in the passphrase field, where the person will type.
    await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
    await inReach(help, 'Help, lock screen');
    await noSidewaysOverflow(page, 'lock screen');
    await expectAccessible(page, 'lock screen');
    await help.click();
    await expect(dialog.getByRole('list', { name: /^Crisis lines/ })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Journal', exact: true })).toBeVisible();
    expect(host.externalRequests).toEqual([]);
  });
}

test('the Menu at a narrow width works from the keyboard and closes with Esc', async ({ page, host }) => {
  await page.setViewportSize({ width: 560, height: 480 });
  await openApp(page, host);
  await createVault(page);
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Journal' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

/**
 * The rarer session states, where a person is most likely to be struggling: the distress offer,
 * Breathe a little, a memory opened and the ladder's step choice, at the smallest window, at 200%
 * zoom of the default window (550×390 CSS pixels), with large system text, and on a 4K screen.
 */
const hardMoments = [
  { what: '560×480', width: 560, height: 480 },
  { what: '200% zoom of 1100×780', width: 550, height: 390 },
  { what: 'large text at 1100×780', width: 1100, height: 780, text: true },
  { what: '3840×2160', width: 3840, height: 2160 },
] as const;

for (const size of hardMoments) {
  test(`${size.what}: Stop, Help and Signal stay in reach through the distress offer, Breathe a little, a memory and the ladder`, async ({ page, host }) => {
    test.slow();
    await page.setViewportSize({ width: size.width, height: size.height });
    await openApp(page, host);
    // Large system text: the browser's default font size doubled (as the OS setting would),
    // so rem sizes and em media queries both respond.
    if ('text' in size) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    }
    await createVault(page);
    await callApi(page, 'contacts.add', { name: 'Robin', channel: { type: 'messenger', kind: 'email', address: 'robin@example.org' } });
    await callApi(page, 'memories.add', { title: "Grandad's shed", text: 'Sawdust and radio.', intensity: 3 });
    await callApi(page, 'ladder.addSuggested', { track: 'letting-come' });

    const stop = page.getByRole('button', { name: 'Stop', exact: true });
    // The bar's Help (the distress offer repeats it in its own words).
    const help = page.getByRole('button', { name: 'Help right now' }).first();
    const signal = page.getByRole('button', { name: 'Signal my person' });
    const inReachAll = async (state: string) => {
      await inReach(stop, `Stop, ${state}`);
      await inReach(help, `Help, ${state}`);
      await inReach(signal, `Signal, ${state}`);
      await noSidewaysOverflow(page, state);
    };
    const start = async (title: string) => {
      const menu = page.getByRole('button', { name: 'Menu' });
      if (await menu.isVisible()) await menu.click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Practices' }).click();
      await page.getByRole('button', { name: `Start ${title}` }).click();
      await page.getByRole('button', { name: 'Begin' }).click();
    };
    const leave = async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('button', { name: 'Skip for now' }).click();
      await page.getByRole('button', { name: 'Done' }).click();
    };

    // Body first: a distress check-in answered high brings the offer; Breathe a little from there.
    await start('Body first');
    const next = page.getByRole('button', { name: /^(Next|Skip)$/ });
    await expect(page.getByText('Step 3 of 10', { exact: true })).toBeVisible({ timeout: 30_000 });
    await next.click();
    const checkIn = page.getByText('Step 5 of 10', { exact: true });
    await expect(checkIn).toBeVisible({ timeout: 30_000 });
    await inReachAll('a distress check-in');
    await page.getByRole('radio', { name: '9', exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: "Let's slow down for a moment" })).toBeVisible();
    await inReachAll('the distress offer');
    await expectAccessible(page, `the distress offer, ${size.what}`);
    await page.getByRole('button', { name: 'Breathe a little' }).click();
    await expect(page.getByRole('heading', { name: 'A few slow breaths' })).toBeVisible();
    // First: at 30× the few breaths last about a second, and then this button goes with them.
    await inReach(page.getByRole('button', { name: 'Back to the practice' }), 'Back to the practice');
    await inReachAll('Breathe a little');
    await leave();

    // Open one box: the memory on offer, then the memory itself.
    await start('Open one box');
    const offer = page.getByRole('region', { name: 'The memory on offer' });
    await expect(offer).toBeVisible({ timeout: 30_000 });
    await inReachAll('the memory on offer');
    await page.getByRole('group', { name: /How do you feel right now/ }).getByRole('radio', { name: 'Okay', exact: true }).check();
    await page.getByRole('button', { name: 'Open it' }).click();
    await expect(page.getByRole('region', { name: 'Your memory' })).toBeVisible();
    await inReachAll('a memory open');
    await expectAccessible(page, `a memory open, ${size.what}`);
    await leave();

    // Ladder step: choosing the step to try.
    await start('Ladder step');
    await expect(page.getByText('Step 3 of 7', { exact: true })).toBeVisible({ timeout: 30_000 });
    await inReachAll('the ladder step choice');
    await expectAccessible(page, `the ladder step choice, ${size.what}`);
    await leave();
  });
}
