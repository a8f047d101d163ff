/**
 * The Practices page and a whole session in the DOM (happy-dom, fake api, fake clock and frames):
 * the library, the start screen, Esc, the stop screen, help, the after-session check-in, history.
 */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { PracticesState } from '../../renderer/features/practices/practices.svelte.ts';
import { countryFor, emergencyWords } from '../../renderer/features/safety/crisis-lines.ts';
import { texts } from '../../renderer/features/session/texts.ts';
import { byButton, check, click, pressEscape, settle } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { mountInBody, unmountAll } from './mount.ts';
import PracticesHarness from './PracticesHarness.svelte';
import { fakeClock, fakeFrames } from './session-helpers.ts';

let target: HTMLElement;

afterEach(unmountAll);

async function open(fake: FakeApi) {
  const clock = fakeClock();
  const frames = fakeFrames();
  const practices = new PracticesState(fake.api, { loadAudio: async () => null, speed: null, clock, frames });
  await practices.refresh();
  target = mountInBody(PracticesHarness, { api: fake.api, practices });
  await settle();
  return { practices, clock, frames };
}

const heading = () => target.querySelector('h1')?.textContent?.trim();
const text = () => target.textContent!.replace(/\s+/g, ' ');
const radio = (name: string) => {
  const label = [...target.querySelectorAll('label')].find((l) => l.textContent?.trim() === name);
  if (!label) throw new Error(`no choice ${name}`);
  return label.querySelector('input')!;
};
function choose(name: string) {
  check(radio(name));
}

describe('Practices page', () => {
  it('shows the library in words (minutes, who it suits, gentle or deeper) and a kind empty history', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await open(fake);
    expect(heading()).toBe('Practices');
    const cards = [...target.querySelectorAll('ul[aria-label="Practices"] article')];
    expect(cards.map((c) => c.querySelector('h3')!.textContent)).toEqual(['Arrive and breathe', 'Permission', 'Body first']);
    expect(cards[0]!.textContent).toMatch(/Gentle/);
    expect(cards[0]!.textContent).toMatch(/About \d+ minutes/);
    expect(cards[0]!.textContent).toMatch(/when you want to start gently/);
    expect(cards[2]!.textContent).toMatch(/Deeper/);
    byButton(target, 'Start Body first');
    expect(text()).toMatch(/No sessions yet/);
  });

  it('a low readiness answer before a deeper practice suggests a gentle one or another day, without blocking', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const { practices } = await open(fake);
    click(byButton(target, 'Start Body first'));
    await settle();
    expect(heading()).toBe('Body first');
    expect(text()).toContain(practices.chosen!.caution!);
    expect(text()).toContain(texts.readiness.question);
    choose('A bit shaky');
    expect(text()).toContain(texts.readiness.lowForDeeper);
    byButton(target, 'Arrive and breathe'); // a gentle practice, one click away
    byButton(target, 'Another day');
    expect(byButton(target, 'Begin').disabled).toBe(false);
    click(byButton(target, 'Continue anyway'));
    expect(text()).not.toContain(texts.readiness.lowForDeeper);
    choose('Fairly steady');
    expect(text()).not.toContain(texts.readiness.lowForDeeper);
  });

  it('Begin → the session; Esc stops at step 2 → stop screen with help → check-in → kind message → history', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const ctx = await open(fake);
    click(byButton(target, 'Start Arrive and breathe'));
    await settle();
    choose('Fairly steady');
    choose('Low');
    click(byButton(target, 'Begin'));
    await settle();
    expect(fake.spies.app.sessionMode).toHaveBeenCalledWith({ active: true });
    expect(fake.spies.sessions.start).toHaveBeenCalledWith({ practiceId: 'arrive-and-breathe', readiness: 4, moodBefore: 2 });
    expect(text()).toContain('Step 1 of 6');
    const progress = target.querySelector('[role="progressbar"]')!;
    expect(progress.getAttribute('aria-label')).toBe('Session progress');
    expect(progress.getAttribute('aria-valuenow')).toBe('1');
    byButton(target, 'Stop');
    byButton(target, 'Pause');
    byButton(target, 'Next');
    byButton(target, 'Help right now');
    expect(byButton(target, 'Sound').getAttribute('aria-pressed')).toBe('false');

    // Sound pressed in a session is for this session only, until the person asks to keep it.
    click(byButton(target, 'Sound'));
    await settle();
    expect(byButton(target, 'Sound').getAttribute('aria-pressed')).toBe('true');
    expect(text()).toContain('Sound is on for this session only.');
    expect(fake.spies.settings.update).not.toHaveBeenCalledWith({ audioEnabled: true });
    click(byButton(target, 'Keep it on for every session'));
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ audioEnabled: true });
    expect(text()).toContain('Saved: sessions start with sound on.');
    expect(document.activeElement).toBe(byButton(target, 'Sound'));
    click(byButton(target, 'Sound'));
    await settle();
    expect(text()).toContain('Sound is off for this session only.');

    ctx.clock.advance(61);
    ctx.frames.frame();
    await settle();
    expect(text()).toContain('Step 2 of 6');

    // Pause first: Esc still stops, at once, with no question.
    click(byButton(target, 'Pause'));
    pressEscape();
    expect(heading()).toBe(texts.stopped.title);
    expect(text()).toContain('Stopping is part of being in charge');
    await settle();
    expect(fake.sessions.get(1)).toMatchObject({ outcome: 'stopped', stepReached: 1 });
    // The stop screen is an ordinary screen again: no full screen, no paused idle lock.
    expect(fake.spies.app.sessionMode).toHaveBeenLastCalledWith({ active: false });

    click(byButton(target, 'Help right now'));
    const dialog = document.querySelector('dialog')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    await settle();
    // No country chosen and no region from the OS: the computer's language (happy-dom says en-US) decides.
    const us = countryFor(null, null, 'en-US')!;
    const lines = [...dialog.querySelectorAll('ul[aria-label^="Crisis lines"] li')].map((li) => li.textContent!.trim());
    expect(lines).toHaveLength(us.lines.length);
    expect(lines[0]).toContain('988 Suicide & Crisis Lifeline');
    expect(dialog.textContent).toContain(emergencyWords(us));
    expect(dialog.textContent).toContain('911');
    click(byButton(dialog, 'Close'));
    expect(dialog.hasAttribute('open')).toBe(false);

    click(byButton(target, 'Continue'));
    expect(heading()).toBe('How are you now?');
    choose('Okay');
    choose('A tear');
    // Nothing is shown as chosen until the person chooses.
    const reliefGroup = [...target.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent?.includes('Felt relief'))!;
    expect([...reliefGroup.querySelectorAll<HTMLInputElement>('input[type=radio]')].some((r) => r.checked)).toBe(false);
    check(reliefGroup.querySelector<HTMLInputElement>('input[value="6"]')!);
    flushSync();
    click(byButton(target, 'Save'));
    await settle();
    expect(fake.spies.sessions.reflect).toHaveBeenCalledWith({ sessionId: 1, moodAfter: 3, tears: 'tear', relief: 6, notes: '' });
    expect(texts.kindMessages.tear.some((m) => text().includes(m))).toBe(true);
    byButton(target, 'Write about it');

    click(byButton(target, 'Done'));
    await settle();
    expect(fake.spies.app.sessionMode).toHaveBeenLastCalledWith({ active: false });
    expect(heading()).toBe('Practices');
    const history = target.querySelector('ul[aria-label="Past sessions, newest first"]')!;
    expect(history.textContent).toContain('Arrive and breathe');
    expect(history.textContent).toContain('Stopped at step 2');
    expect(history.textContent).toContain('A tear');
    expect(history.textContent).toContain('Mood: Low → Okay');
  });

  it('"Skip for now" leaves the questions unanswered and still says something kind', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await open(fake);
    click(byButton(target, 'Start Arrive and breathe'));
    await settle();
    click(byButton(target, 'Begin'));
    await settle();
    click(byButton(target, 'Stop'));
    click(byButton(target, 'Continue'));
    click(byButton(target, 'Skip for now'));
    expect(fake.spies.sessions.reflect).not.toHaveBeenCalled();
    expect(text()).toMatch(/it counts/);
    byButton(target, 'Done');
  });

  it('"Write about it" creates a journal entry linked to the session', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const written: number[] = [];
    const clock = fakeClock();
    const practices = new PracticesState(fake.api, { loadAudio: async () => null, speed: null, clock, frames: fakeFrames() });
    await practices.refresh();
    target = mountInBody(PracticesHarness, { api: fake.api, practices, onwrite: (id: number) => written.push(id) });
    await settle();
    click(byButton(target, 'Start Permission'));
    await settle();
    click(byButton(target, 'Begin'));
    await settle();
    pressEscape();
    click(byButton(target, 'Continue'));
    click(byButton(target, 'Skip for now'));
    click(byButton(target, 'Write about it'));
    await settle();
    expect(fake.spies.journal.create).toHaveBeenCalledWith({ body: '', sessionId: 1 });
    expect(written).toEqual([1]);
  });
});
