/**
 * A restore cut off when Saltwater closed is finished or given up at the next start; the first
 * unlock after it says which, once, so nobody wonders why their journal looks older.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { byButton, byLabel, click, settle, type } from './dom-helpers.ts';
import { createFakeApi } from './fake-api.ts';
import { mountApp } from './mount-app.ts';
import { unmountAll } from './mount.ts';

let target: HTMLElement;
const heading = () => target.querySelector('h1')?.textContent?.trim();
const text = () => target.textContent?.replace(/\s+/g, ' ') ?? '';
afterEach(unmountAll);

async function unlock() {
  type(byLabel(target, 'Passphrase') as HTMLInputElement, 'correct horse battery');
  click(byButton(target, /^Unlock/));
  await settle();
}

describe('a restore cut off when Saltwater closed', () => {
  it('finished at start: names the backup and where the journal as it was is kept', async () => {
    const safetyCopy = '/home/me/.config/Saltwater/vault before restore 2026-12-04 0915';
    const fake = createFakeApi({
      state: 'locked',
      restoreAtStart: { outcome: 'completed', backupMadeAt: Date.UTC(2026, 10, 20, 12), safetyCopy },
    });
    target = await mountApp(fake);
    expect(text()).not.toMatch(/restore from a backup was under way/);
    await unlock();
    expect(heading()).toBe('Journal');
    expect(text()).toMatch(/A restore from a backup was under way when Saltwater closed, and it was finished/);
    expect(text()).toMatch(/your journal is now the backup from .*2026/);
    expect(text()).toContain(`kept whole in the folder “${safetyCopy}”`);
    click(byButton(target, 'I understand'));
    await settle();
    expect(text()).not.toMatch(/under way/);
  });

  it('given up at start: the journal is as it was, with the way to the backups', async () => {
    const fake = createFakeApi({ state: 'locked', restoreAtStart: { outcome: 'discarded' } });
    target = await mountApp(fake);
    await unlock();
    expect(text()).toMatch(/it didn't happen: your journal is just as it was/);
    click(byButton(target, 'Open backups'));
    await settle();
    expect(heading()).toBe('Settings');
    expect(text()).not.toMatch(/under way/);
  });
});
