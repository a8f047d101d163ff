import { expectAccessible } from './axe.ts';
import { createVault, expect, openApp, pressTrayQuickNote, test, unlock } from './fixtures.ts';

/** Writing while locked: the lock screen's quick note (and the tray's), in the real renderer against the real core. */
test('a quick note written on the lock screen is sealed, then in the journal at the next unlock; a draft is never lost', async ({ page, host }) => {
  test.slow();
  await openApp(page, host);
  await createVault(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();

  const section = page.getByRole('region', { name: 'Write without unlocking' });
  await section.getByRole('button', { name: 'Write a quick note' }).click();
  const note = section.getByRole('textbox', { name: 'Quick note' });
  await expect(note).toBeFocused();
  await expectAccessible(page, 'lock screen: quick note');
  await page.keyboard.type('The kettle clicked and it all came up at once.');
  await section.getByRole('button', { name: 'Keep this note' }).click();
  await expect(section.getByText('Kept and sealed. It will be in your journal when you unlock.')).toBeFocused();
  await expect(section.getByText('One note is waiting, sealed, for your next unlock.')).toBeVisible();
  // Sealed means sealed: the lock screen cannot show it either.
  await expect(page.getByText('The kettle clicked')).toHaveCount(0);

  // The tray's "Quick note…" opens the form at once; closing it keeps the words, sealed (nobody
  // at the lock screen can read them back).
  await pressTrayQuickNote(host);
  await expect(note).toBeFocused();
  await page.keyboard.type('Second thought, closed half way');
  await section.getByRole('button', { name: 'Close' }).click();
  await expect(section.getByText('Kept and sealed. It will be in your journal when you unlock.')).toBeFocused();
  await expect(section.getByText('2 notes are waiting, sealed, for your next unlock.')).toBeVisible();
  await section.getByRole('button', { name: 'Write a quick note' }).click();
  await expect(note).toHaveValue('');
  await page.keyboard.type('A third, still open at unlock');

  // Unlocking with a note still open: it is sealed as the lock screen goes, and all reach the journal.
  await unlock(page);
  await expect(page.getByText(/quick notes? you wrote while Saltwater was locked/)).toBeVisible();
  const list = page.getByRole('list', { name: /entries/i });
  await expect(list.getByText('The kettle clicked and it all came up at once.')).toBeVisible();
  await expect(list.getByText('Second thought, closed half way')).toBeVisible();
  await expect(list.getByText('A third, still open at unlock')).toBeVisible();
  await expectAccessible(page, 'journal: quick notes taken in');
  await page.getByRole('button', { name: 'Got it' }).click();
  await expect(page.getByText(/quick notes? you wrote while Saltwater was locked/)).toHaveCount(0);

  // Unlocked, the tray's "Quick note…" opens a new journal entry.
  await pressTrayQuickNote(host);
  await expect(page.getByRole('textbox', { name: 'Your entry' })).toBeFocused();
});
