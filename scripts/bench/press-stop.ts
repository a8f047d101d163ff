import type { Page } from '@playwright/test';

/**
 * One try of "Esc in a running session": arms `probe` in the page (it sets `window.__stopResult`
 * with its timings, taken in the page from the key event on), presses Esc, waits for the result,
 * then leaves the stop screen (Continue, Skip for now, Done) so the next try can start.
 */
export async function pressStopAndMeasure<T>(page: Page, probe: string): Promise<T> {
  await page.evaluate(probe);
  await page.keyboard.press('Escape');
  const handle = await page.waitForFunction(() => (window as unknown as { __stopResult?: unknown }).__stopResult, undefined, { timeout: 10_000 });
  const result = (await handle.jsonValue()) as T;
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  return result;
}
