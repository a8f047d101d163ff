import { expectAccessible } from './axe.ts';
import { createVault, expect, openApp, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

/**
 * A background sound under a real session (test host at real speed, Chromium's own audio):
 * chosen in Settings, heard from the session's output, changed with the keyboard beside the
 * tones' volume, and silenced by Esc through the same master gain as the cues.
 */
test.use({ hostOptions: { sessionSpeed: 1 } });

interface AudioHooks {
  gain(): number;
  level(): number;
  soundscape(): string | null;
}

const hooks = (page: Page) =>
  page.evaluate(() => {
    const a = (window as unknown as { __saltwaterAudio?: AudioHooks }).__saltwaterAudio;
    return a ? { gain: a.gain(), level: a.level(), soundscape: a.soundscape() } : null;
  });

test('chosen in Settings, it plays under Quiet body, changes by keyboard, and Esc silences it with everything else', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);

  // Settings: sound on, and each practice's own background sound (Quiet body comes with rain).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('checkbox', { name: 'Sound in sessions' }).check();
  await expect(page.getByText('Saved. Soft tones will mark each breath.')).toBeVisible();
  await page.getByRole('group', { name: 'Background sound' }).getByRole('radio', { name: /Each practice’s own/ }).check();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();

  // The sound's code is held back until after Begin, as on a busy computer when Begin is pressed
  // at once: the session waits for it rather than running silent.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/session-audio-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Practices' }).click();
  await page.getByRole('button', { name: 'Start Quiet body' }).click();
  await page.getByRole('button', { name: 'Begin' }).click();
  release();

  // Heard: the session's output carries sound (it fades in over a few seconds).
  await expect.poll(async () => (await hooks(page))?.soundscape, { timeout: 10_000 }).toBe('rain');
  await expect.poll(async () => (await hooks(page))?.level ?? 0, { timeout: 10_000 }).toBeGreaterThan(0.001);

  const bar = page.getByRole('group', { name: 'Sound in this session' });
  const background = bar.getByRole('combobox', { name: 'Background' });
  await expect(background).toHaveValue('rain');
  await expect(bar.getByRole('slider', { name: 'Tones' })).toBeVisible();
  await expect(bar.getByRole('slider', { name: 'Background volume' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Help right now' })).toBeVisible();

  // The keyboard alone: the next sound down the list, for this session only.
  await background.focus();
  await page.keyboard.press('ArrowDown');
  await expect(background).toHaveValue('waves');
  await expect.poll(async () => (await hooks(page))?.soundscape).toBe('waves');
  await expect(page.getByText('Waves for this session only.', { exact: false }).first()).toBeVisible();
  await expect(background).toBeFocused();
  await expectAccessible(page, 'a session with a background sound');

  // Esc: the stop screen, and nothing more leaves the mix.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: /You stopped/ })).toBeVisible();
  await expect.poll(async () => (await hooks(page))?.gain).toBe(0);
  await expect.poll(async () => (await hooks(page))?.level).toBe(0);
  // And it stays silent.
  await page.waitForTimeout(300);
  expect((await hooks(page))?.level).toBe(0);
});
