import { expectAccessible } from './axe.ts';
import { callApi, createVault, expect, openApp, test } from './fixtures.ts';

/**
 * The journal list is virtual: however many entries are loaded, only the cards near the screen
 * are in the page. "Back to journal" comes back to the same place, with focus on the entry closed.
 */
test('a long journal: few cards in the page, Tab from card to card, and Back returns to the same entry', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  const count = 300;
  await page.evaluate(async (n) => {
    const api = (window as unknown as { saltwater: { journal: { create: (i: unknown) => Promise<{ ok: boolean }> } } }).saltwater;
    for (let i = 0; i < n; i++) {
      const made = await api.journal.create({ body: `Tide note ${i}: the water came and went.`, tags: i % 3 ? [] : ['sea'] });
      if (!made.ok) throw new Error('create failed');
    }
  }, count);

  const list = page.getByRole('list', { name: 'Entries, newest first' });
  await expect(list.getByRole('article').first()).toContainText(`Tide note ${count - 1}:`);
  // Every page, as a person would load them.
  for (let pages = 1; pages < count / 50; pages++) {
    const more = page.getByRole('button', { name: 'Show older entries' });
    await more.scrollIntoViewIfNeeded();
    await more.click();
    // How many in all is not known while older pages remain (-1); once all are loaded, it is.
    await expect(list.locator('li').first()).toHaveAttribute('aria-setsize', (pages + 1) * 50 < count ? '-1' : String(count));
  }
  await expect(page.getByRole('button', { name: 'Show older entries' })).toHaveCount(0);

  // Bounded: far fewer cards in the page than loaded, and each says where it stands.
  const rendered = await page.locator('article').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(60);
  await expect(list.locator('li').first()).toHaveAttribute('aria-posinset', /\d+/);

  await expectAccessible(page, 'the journal list, 300 entries loaded');

  // Tab goes from one card's button to the next, past the screen's edge.
  const first = list.getByRole('article').first().getByRole('button').first();
  await page.evaluate(() => window.scrollTo(0, 0));
  await first.focus();
  for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
  const focusedPos = await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset'));
  expect(focusedPos).toBe('26');
  await expect(page.locator('li[aria-posinset="26"] article button').first()).toBeFocused();
  await expect(page.locator('li[aria-posinset="26"] article')).toBeInViewport();
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('li[aria-posinset="25"] article button').first()).toBeFocused();

  // Deep in the list: the 201st entry, reached by scrolling down.
  const deep = page.locator('li[aria-posinset="201"]');
  await page.evaluate(async () => {
    for (let i = 0; i < 400 && !document.querySelector('li[aria-posinset="201"]'); i++) {
      window.scrollBy(0, 400);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
  });
  await deep.scrollIntoViewIfNeeded();
  const deepText = (await deep.locator('p').last().textContent())?.trim() ?? '';
  expect(deepText).toContain(`Tide note ${count - 201}:`);
  // Where the card sits on screen (the page above the list may change meanwhile: a welcome note goes).
  const topBefore = (await deep.boundingBox())!.y;
  await deep.getByRole('button').first().click();
  await expect(page.getByRole('button', { name: 'Back to journal' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to journal' }).click();

  // The same entry, focused and on screen, at the same place; every page still loaded.
  const back = page.locator('li[aria-posinset="201"]');
  await expect(back.getByRole('button').first()).toBeFocused();
  await expect(back).toBeInViewport();
  await expect(back).toContainText(`Tide note ${count - 201}:`);
  expect(Math.abs((await back.boundingBox())!.y - topBefore)).toBeLessThan(5);
  await expect(list.locator('li').first()).toHaveAttribute('aria-setsize', String(count));
  await expect(page.getByRole('button', { name: 'Show older entries' })).toHaveCount(0);
  expect(await page.locator('article').count()).toBeLessThan(60);

  // Written elsewhere meanwhile (a practice's prompt, a quick note): it goes on top, every page stays
  // loaded, and what is on screen stays where it is.
  const screenY = (await back.boundingBox())!.y;
  await callApi(page, 'journal.create', { body: 'Written in a practice: one long breath.' });
  await expect(list.locator('li').first()).toHaveAttribute('aria-setsize', String(count + 1));
  const moved = page.locator('li[aria-posinset="202"]');
  await expect(moved).toContainText(`Tide note ${count - 201}:`);
  await expect(moved.getByRole('button').first()).toBeFocused();
  expect(Math.abs((await moved.boundingBox())!.y - screenY)).toBeLessThan(5);
  // Deleted elsewhere, above the screen: it drops out, and the screen still does not move.
  await callApi(page, 'journal.delete', { id: count });
  await expect(list.locator('li').first()).toHaveAttribute('aria-setsize', String(count));
  await expect(page.locator('li[aria-posinset="201"]')).toContainText(`Tide note ${count - 201}:`);
  expect(Math.abs((await page.locator('li[aria-posinset="201"]').boundingBox())!.y - screenY)).toBeLessThan(5);
  await expect(page.getByRole('button', { name: 'Show older entries' })).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(list.getByRole('article').first()).toContainText('Written in a practice: one long breath.');
  await expect(list.getByText(`Tide note ${count - 1}:`)).toHaveCount(0);
});

test('leaving an open entry by the top bar saves what was just typed, and the list keeps it', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  for (const body of ['The first evening.', 'A second, quieter one.']) await callApi(page, 'journal.create', { body });
  const list = page.getByRole('list', { name: 'Entries, newest first' });
  await list.getByRole('article').filter({ hasText: 'The first evening.' }).getByRole('button').first().click();
  const field = page.getByRole('textbox', { name: 'Your entry' });
  await field.press('End');
  // Typed, and the top bar straight away: no pause for the autosave to run on its own.
  await page.keyboard.type(' And then the rain.');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Journal' }).click();
  await expect(list.getByRole('article').filter({ hasText: 'The first evening. And then the rain.' })).toHaveCount(1);
  await expect(list.getByRole('article')).toHaveCount(2);
});
