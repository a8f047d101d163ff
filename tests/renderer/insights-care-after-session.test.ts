/** The care card after a session: offered on the kind message when this very session matched a care rule; "Not now" puts it away. */
import { afterEach, describe, expect, it } from 'vitest';
import { PracticesState } from '../../renderer/features/practices/practices.svelte.ts';
import { byButton, click, settle } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { unmountAll } from './mount.ts';
import { beginInPage, fakeClock, fakeFrames } from './session-helpers.ts';

let target: HTMLElement;
afterEach(unmountAll);

const text = () => target.textContent!.replace(/\s+/g, ' ');

async function runAndStop(fake: FakeApi, checkIn: () => void = () => click(byButton(target, 'Skip for now'))) {
  const practices = new PracticesState(fake.api, { loadAudio: async () => null, speed: null, clock: fakeClock(), frames: fakeFrames() });
  target = await beginInPage(practices, fake.api, 'Arrive and breathe');
  click(byButton(target, 'Stop'));
  click(byButton(target, 'Continue'));
  checkIn();
  await settle();
}

const card = (latestSessionId: number) => ({ show: true as const, pattern: 'stopped-after-high' as const, sessions: 2, of: 2, latestSessionId, latestAt: 0 });

describe('the care card after a session', () => {
  it('shows with the kind message when this session matched, opens Help in one action, and "Not now" puts it away', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    fake.insights.setCareCard(card(1));
    await runAndStop(fake);
    expect(text()).toMatch(/it counts/);
    expect(text()).toContain('Talking to someone can help');
    expect(text()).toContain('Your last 2 sessions stopped after distress ran high.');

    click(byButton(target, 'See help lines'));
    const dialog = target.ownerDocument.querySelector('dialog.help')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    click(byButton(dialog, 'Close'));

    // Asked for this very session, and counted as seen as it was handed over.
    expect(fake.spies.insights.careCard).toHaveBeenCalledWith({ afterSession: 1 });
    expect(fake.insights.seenAt).not.toBeNull();

    click(byButton(target, 'Not now'));
    await settle();
    expect(fake.spies.insights.dismissCareCard).toHaveBeenCalledTimes(1);
    expect(text()).not.toContain('Talking to someone can help');
    byButton(target, 'Done');
  });

  it('once shown, needs nothing when the screen ends: a lock before leaving cannot bring it back after unlocking', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    fake.insights.setCareCard(card(1));
    await runAndStop(fake);
    expect(text()).toContain('Talking to someone can help');
    await fake.api.vault.lock();
    unmountAll();
    expect(fake.spies.insights.dismissCareCard).not.toHaveBeenCalled();
    await fake.api.vault.unlock({ passphrase: 'correct horse battery' });
    expect(await fake.api.insights.careCard()).toEqual({ ok: true, value: { show: false } });
  });

  it('after "some of this felt like too much" is ticked and saved, is asked for only once that is saved, and says it back', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    fake.insights.setCareCard({ ...card(1), pattern: 'said-too-much', sessions: 1, of: 1 });
    await runAndStop(fake, () => {
      const label = [...target.querySelectorAll('label')].find((l) => l.textContent === 'Some of this felt like too much for me')!;
      click(target.ownerDocument.getElementById(label.htmlFor)!);
      click(byButton(target, 'Save'));
    });
    expect(fake.spies.sessions.reflect).toHaveBeenCalledWith({ sessionId: 1, notes: '', tooMuch: true });
    expect(fake.sessions.get(1)!.tooMuch).toBe(true);
    const reflected = fake.spies.sessions.reflect.mock.invocationCallOrder[0]!;
    const asked = fake.spies.insights.careCard.mock.invocationCallOrder;
    expect(asked.length).toBeGreaterThan(0);
    expect(Math.min(...asked)).toBeGreaterThan(reflected);
    expect(text()).toContain('Talking to someone can help');
    expect(text()).toContain('You said some of this session felt like too much.');
    byButton(target, 'See help lines');
    // Put away: the card goes, and no other line takes its place.
    click(byButton(target, 'Not now'));
    await settle();
    expect(text()).not.toContain('Talking to someone can help');
    expect(text()).not.toContain('Thank you for saying it was too much.');
  });

  it('when "too much" is ticked while the card is resting for the week, still says it was heard, with help one action away', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await runAndStop(fake, () => {
      const label = [...target.querySelectorAll('label')].find((l) => l.textContent === 'Some of this felt like too much for me')!;
      click(target.ownerDocument.getElementById(label.htmlFor)!);
      click(byButton(target, 'Save'));
    });
    await settle();
    expect(text()).not.toContain('Talking to someone can help');
    expect(text()).toContain('Thank you for saying it was too much.');
    click(byButton(target, 'See help lines'));
    expect(target.ownerDocument.querySelector('dialog.help')!.hasAttribute('open')).toBe(true);
    unmountAll();

    // Not ticked: nothing extra.
    const quiet = createFakeApi({ state: 'unlocked' });
    await runAndStop(quiet);
    expect(text()).not.toContain('Thank you for saying it was too much.');
  });

  it('is not shown for a pattern an earlier session matched, nor when there is none', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    fake.insights.setCareCard(card(99));
    await runAndStop(fake);
    expect(fake.spies.insights.careCard).toHaveBeenCalledWith({ afterSession: 1 });
    expect(text()).not.toContain('Talking to someone can help');
    // Not shown here, so not counted as seen: Over time may still offer it.
    expect(fake.insights.seenAt).toBeNull();
    expect(await fake.api.insights.careCard()).toMatchObject({ ok: true, value: { show: true, latestSessionId: 99 } });
    unmountAll();

    const none = createFakeApi({ state: 'unlocked' });
    await runAndStop(none);
    expect(text()).not.toContain('Talking to someone can help');
    expect(none.spies.insights.dismissCareCard).not.toHaveBeenCalled();
  });
});
