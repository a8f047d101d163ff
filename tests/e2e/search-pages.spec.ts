import { callApi, createVault, expect, openApp, test } from './fixtures.ts';

test('search says how many entries match in all, and "Show more results" reaches the last of them', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  const matching = 63;
  for (let i = 0; i < matching; i++) await callApi(page, 'journal.create', { body: `Harbour note ${i}: the boats came in.` });
  await callApi(page, 'journal.create', { body: 'A quiet walk inland.' });

  await page.getByRole('searchbox', { name: 'Search your entries' }).fill('harbour');
  const results = page.getByRole('list', { name: 'Matching entries' });
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText(`${matching} entries match.`);
  // The list is virtual: each card says where it stands among all the matches.
  await expect(results.locator('li').first()).toHaveAttribute('aria-setsize', String(matching));
  await expect(results.locator('li').first()).toContainText(`Harbour note ${matching - 1}:`);
  await expect(results.getByText('Harbour note 0:')).toHaveCount(0);

  await page.getByRole('button', { name: 'Show more results' }).click();
  // Reading goes on where the new results begin (the 51st).
  await expect(results.locator('li[aria-posinset="51"] article button').first()).toBeFocused();
  await expect(results.locator('li[aria-posinset="51"]')).toContainText(`Harbour note ${matching - 51}:`);
  // Newest first: the first entry written is the last one, and now it is on the page.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(results.locator(`li[aria-posinset="${matching}"]`)).toContainText('Harbour note 0:');
  await expect(page.getByRole('button', { name: 'Show more results' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText(`${matching} entries match.`);

  // A match written elsewhere while two pages of results are being read: the pages stay, and the
  // new match is among them (on top, the newest), so every match counted can be reached.
  await callApi(page, 'journal.create', { body: 'Harbour note late: one more boat.' });
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText(`${matching + 1} entries match.`);
  await expect(results.locator(`li[aria-posinset="${matching + 1}"]`)).toContainText('Harbour note 0:');
  await expect(results.locator('li').first()).toHaveAttribute('aria-setsize', String(matching + 1));
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(results.locator('li[aria-posinset="1"]')).toContainText('Harbour note late:');

  // One match: said in the singular, and nothing more to show.
  await page.getByRole('searchbox', { name: 'Search your entries' }).fill('inland');
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('1 entry matches.');
  await expect(page.getByRole('button', { name: 'Show more results' })).toHaveCount(0);

  // Only the first page shown: a match written elsewhere shows in it at once, on top.
  await callApi(page, 'journal.create', { body: 'Another walk inland, by the river.' });
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('2 entries match.');
  await expect(results.getByRole('article').first()).toContainText('Another walk inland');
});
