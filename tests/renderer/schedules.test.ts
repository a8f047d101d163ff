/**
 * Reminders in the renderer, against the in-memory fake api: the editor's choices become the
 * right recurrence, the live preview, the list, quiet hours, export, the reminder card, the
 * missed-session prompt, and a reminder waiting behind the lock screen.
 */
import { mountApp } from './mount-app.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRecurrence, describeRecurrence, newDraft, type Draft } from '../../renderer/features/schedules/recurrence.ts';
import { SchedulesState } from '../../renderer/features/schedules/schedules.svelte.ts';
import { Toasts } from '../../renderer/state/toasts.svelte.ts';
import { byButton, byLabel, chooseDate, chooseTime, click, selectOption, settle, type } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { unmountAll } from './mount.ts';

let target: HTMLElement;

afterEach(unmountAll);

async function start(fake: FakeApi) {
  target = await mountApp(fake);
  return target;
}

const heading = () => target.querySelector('h1')?.textContent?.trim();
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const region = (name: string) => target.querySelector<HTMLElement>(`section[aria-label="${name}"]`);

function setChecked(input: HTMLInputElement, on: boolean) {
  if (input.checked !== on) click(input);
}

async function openReminders() {
  click(byButton(target, 'Reminders'));
  await settle();
  expect(heading()).toBe('Reminders');
}

async function openEditor(fake: FakeApi) {
  await start(fake);
  await openReminders();
  click(byButton(target, 'Plan a reflection'));
  await settle();
  expect(heading()).toBe('Plan a reflection');
  chooseDate(target, 'Starting on', '2026-11-22');
  chooseTime(target, 'Time', '20:00');
}

function dayBox(name: string) {
  return byLabel(target, name) as HTMLInputElement;
}

async function save(fake: FakeApi) {
  click(byButton(target, 'Save'));
  await settle();
  return fake.spies.schedules.create.mock.calls.at(-1)?.[0] as { recurrence: unknown } | undefined;
}

const never = { type: 'never' };

describe('the editor builds the recurrence the person chose', () => {
  it('every day', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openEditor(fake);
    selectOption(byLabel(target, 'Repeats') as HTMLSelectElement, 'daily');
    expect((await save(fake))?.recurrence).toEqual({ kind: 'daily', start: '2026-11-22', time: '20:00', interval: 1, end: never });
  });

  it('weekdays', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openEditor(fake);
    selectOption(byLabel(target, 'Repeats') as HTMLSelectElement, 'weekdays');
    expect((await save(fake))?.recurrence).toEqual({
      kind: 'weekly',
      start: '2026-11-22',
      time: '20:00',
      interval: 1,
      days: ['MO', 'TU', 'WE', 'TH', 'FR'],
      end: never,
    });
  });

  it('weekly on the days ticked, in week order', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openEditor(fake);
    selectOption(byLabel(target, 'Repeats') as HTMLSelectElement, 'weekly');
    for (const d of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) setChecked(dayBox(d), false);
    setChecked(dayBox('Thursday'), true);
    setChecked(dayBox('Monday'), true);
    expect((await save(fake))?.recurrence).toEqual({ kind: 'weekly', start: '2026-11-22', time: '20:00', interval: 1, days: ['MO', 'TH'], end: never });
  });

  it('every N days', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openEditor(fake);
    selectOption(byLabel(target, 'Repeats') as HTMLSelectElement, 'every-n-days');
    type(byLabel(target, 'Every how many days') as HTMLInputElement, '3');
    expect((await save(fake))?.recurrence).toEqual({ kind: 'daily', start: '2026-11-22', time: '20:00', interval: 3, end: never });
  });

  it('every N weeks on chosen days', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openEditor(fake);
    selectOption(byLabel(target, 'Repeats') as HTMLSelectElement, 'every-n-weeks');
    type(byLabel(target, 'Every how many weeks') as HTMLInputElement, '2');
    for (const d of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) setChecked(dayBox(d), d === 'Sunday');
    expect((await save(fake))?.recurrence).toEqual({ kind: 'weekly', start: '2026-11-22', time: '20:00', interval: 2, days: ['SU'], end: never });
  });

  it('monthly on the last day, ending after 4 times', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openEditor(fake);
    selectOption(byLabel(target, 'Repeats') as HTMLSelectElement, 'monthly');
    selectOption(byLabel(target, 'Day of the month') as HTMLSelectElement, '-1');
    click(byLabel(target, 'After a number of times') as HTMLInputElement);
    type(byLabel(target, 'How many times') as HTMLInputElement, '4');
    expect((await save(fake))?.recurrence).toEqual({
      kind: 'monthly',
      start: '2026-11-22',
      time: '20:00',
      interval: 1,
      day: -1,
      end: { type: 'count', count: 4 },
    });
  });

  it('ending on a date', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openEditor(fake);
    selectOption(byLabel(target, 'Repeats') as HTMLSelectElement, 'daily');
    click(byLabel(target, 'On a date') as HTMLInputElement);
    chooseDate(target, 'Last day', '2026-12-31');
    expect((await save(fake))?.recurrence).toEqual({
      kind: 'daily',
      start: '2026-11-22',
      time: '20:00',
      interval: 1,
      end: { type: 'until', date: '2026-12-31' },
    });
  });

  it('one time, with the reminder words, lead time and privacy', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openEditor(fake);
    click(byLabel(target, 'One time') as HTMLInputElement);
    chooseDate(target, 'Date', '2026-11-24');
    selectOption(byLabel(target, 'Practice') as HTMLSelectElement, 'permission');
    selectOption(byLabel(target, 'Remind me') as HTMLSelectElement, '15');
    type(byLabel(target, 'Reminder words') as HTMLInputElement, 'A quiet moment');
    expect((byLabel(target, "Keep the practice's name out of notifications") as HTMLInputElement).checked).toBe(true);
    click(byLabel(target, "Keep the practice's name out of notifications") as HTMLInputElement);
    await save(fake);
    expect(fake.spies.schedules.create).toHaveBeenCalledWith({
      practiceId: 'permission',
      private: false,
      text: 'A quiet moment',
      recurrence: { kind: 'once', date: '2026-11-24', time: '20:00' },
      tzid: null,
      leadMinutes: 15,
    });
    // Back on the list, in plain words.
    expect(heading()).toBe('Reminders');
    expect(target.textContent).toContain('Once, on 24 Nov 2026 at 20:00 · Permission');
    expect(target.textContent).toContain('Next: Tuesday 24 Nov, 20:00');
  });

  it('says what to change instead of saving: no day ticked, or words the services refuse', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openEditor(fake);
    selectOption(byLabel(target, 'Repeats') as HTMLSelectElement, 'weekly');
    for (const d of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) setChecked(dayBox(d), false);
    await save(fake);
    expect(fake.spies.schedules.create).not.toHaveBeenCalled();
    expect(target.querySelector('[role="alert"]')?.textContent).toContain('Choose at least one day.');

    setChecked(dayBox('Sunday'), true);
    type(byLabel(target, 'Reminder words') as HTMLInputElement, '   ');
    await save(fake);
    expect(fake.spies.schedules.create).toHaveBeenCalledTimes(1);
    // The services' own message (error.message), shown as it is.
    expect(target.querySelector('[role="alert"]')?.textContent).toContain('The reminder needs a few words.');
    expect(heading()).toBe('Plan a reflection');
  });
});

describe('the live preview', () => {
  it('shows the next five times for the current choices, once typing pauses', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await openEditor(fake);
    selectOption(byLabel(target, 'Repeats') as HTMLSelectElement, 'every-n-days');
    type(byLabel(target, 'Every how many days') as HTMLInputElement, '1');
    type(byLabel(target, 'Every how many days') as HTMLInputElement, '2');
    await wait(350);
    await settle();
    const calls = fake.spies.schedules.preview.mock.calls;
    // Debounced: the quick changes above asked once.
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toEqual({
      recurrence: { kind: 'daily', start: '2026-11-22', time: '20:00', interval: 2, end: never },
      tzid: null,
      count: 5,
    });
    const items = [...target.querySelectorAll('ul[aria-label="Next times"] li')].map((li) => li.textContent?.trim());
    // Written from each time itself, in the person's way (en-GB here: the fake computer's region).
    expect(items).toEqual(['Sunday 22 Nov, 20:00', 'Tuesday 24 Nov, 20:00', 'Thursday 26 Nov, 20:00', 'Saturday 28 Nov, 20:00', 'Monday 30 Nov, 20:00']);
    expect(target.textContent).toContain('Every 2 days at 20:00');
    // Nothing was saved by previewing.
    expect(fake.spies.schedules.create).not.toHaveBeenCalled();
  });
});

describe('plain words', () => {
  const draft = (patch: Partial<Draft>): Draft => ({ ...newDraft('p', new Date(2026, 10, 22)), ...patch });
  const words = (patch: Partial<Draft>) => {
    const built = buildRecurrence(draft(patch));
    if ('problem' in built) throw new Error(built.problem);
    return describeRecurrence(built.recurrence);
  };

  it('reads each kind the way a person would say it', () => {
    expect(words({ repeat: 'weekly', days: ['SU'] })).toBe('Weekly on Sunday at 20:00');
    expect(words({ repeat: 'weekdays' })).toBe('Weekdays at 20:00');
    expect(words({ repeat: 'every-n-weeks', every: '2', days: ['MO', 'TH'] })).toBe('Every other week on Monday and Thursday at 20:00');
    expect(words({ repeat: 'every-n-days', every: '3', end: 'count', endCount: '10' })).toBe('Every 3 days at 20:00, 10 times');
    expect(words({ repeat: 'monthly', monthDay: '3', end: 'until', endDate: '2027-03-01' })).toBe('Monthly on the 3rd at 20:00, until 1 Mar 2027');
    expect(words({ repeat: 'once', date: '2026-11-24' })).toBe('Once, on 24 Nov 2026 at 20:00');
  });
});

describe('the list', () => {
  it('is kind when empty; shows each plan with its next time; pauses, resumes and deletes with undo', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await start(fake);
    await openReminders();
    expect(target.textContent).toContain('Nothing planned yet');
    expect(target.textContent).toContain('a day you expect to feel steady');

    await fake.api.schedules.create({
      practiceId: 'arrive-and-breathe',
      recurrence: { kind: 'weekly', start: '2026-11-22', time: '20:00', days: ['SU'] },
    });
    click(byButton(target, 'Journal'));
    await openReminders();
    const item = target.querySelector('ul[aria-label="Planned reflections"] li')!;
    expect(item.textContent).toContain('Weekly on Sunday at 20:00 · Arrive and breathe');
    expect(item.textContent).toContain('Next: Sunday 22 Nov, 20:00');

    click(byButton(item, /^Pause .+, .+/));
    await settle();
    expect(fake.spies.schedules.setPaused).toHaveBeenCalledWith({ id: 1, paused: true });
    expect(target.querySelector('ul[aria-label="Planned reflections"] li')!.textContent).toContain('Paused');
    click(byButton(target.querySelector('ul[aria-label="Planned reflections"] li')!, /^Resume .+, .+/));
    await settle();
    expect(fake.spies.schedules.setPaused).toHaveBeenLastCalledWith({ id: 1, paused: false });

    click(byButton(target.querySelector('ul[aria-label="Planned reflections"] li')!, /^Delete .+, .+/));
    await settle();
    expect(fake.spies.schedules.delete).toHaveBeenCalledWith({ id: 1 });
    expect(target.textContent).toContain('Nothing planned yet');
    click(byButton(document.body, 'Undo'));
    await settle();
    expect(fake.schedules.size).toBe(1);
    expect(target.textContent).toContain('Weekly on Sunday at 20:00 · Arrive and breathe');
  });
});

describe('quiet hours and export', () => {
  it('saves quiet hours as they are changed', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await start(fake);
    await openReminders();
    click(byLabel(target, 'Keep quiet hours') as HTMLInputElement);
    await settle();
    expect(fake.spies.schedules.setQuietHours).toHaveBeenLastCalledWith({ enabled: true, start: '22:00', end: '08:00', policy: 'move' });
    click(byLabel(target, 'Skip it') as HTMLInputElement);
    await settle();
    expect(fake.spies.schedules.setQuietHours).toHaveBeenLastCalledWith({ enabled: true, start: '22:00', end: '08:00', policy: 'skip' });
    expect(target.textContent).toContain('Saved. Quiet from 22:00 to 08:00.');
  });

  it('shows the privacy note before the file is saved', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.vault.status();
    await fake.api.schedules.create({ practiceId: 'permission', recurrence: { kind: 'once', date: '2026-11-24', time: '20:00' } });
    await start(fake);
    await openReminders();
    click(byButton(target, 'Export to calendar…'));
    expect(target.textContent).toContain('Many calendars copy what you add to the cloud');
    expect(target.textContent).toContain('left out');
    expect(fake.spies.schedules.exportIcs).not.toHaveBeenCalled();
  });

  it('saves the calendar file as saltwater-reminders.ics', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const state = new SchedulesState(fake.api, new Toasts());
    const saved: { name: string; text: string }[] = [];
    const problem = await state.exportIcs((blob, name) => {
      void blob.text().then((text) => saved.push({ name, text }));
    });
    await settle();
    expect(problem).toBeNull();
    expect(saved).toEqual([{ name: 'saltwater-reminders.ics', text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }]);
  });
});

async function withSchedule(fake: FakeApi) {
  const created = await fake.api.schedules.create({
    practiceId: 'permission',
    recurrence: { kind: 'weekly', start: '2026-11-22', time: '20:00', days: ['SU'] },
  });
  if (!created.ok) throw new Error('no schedule');
  return { scheduleId: created.value.id, occurrence: '2026-11-22T20:00' };
}

describe('a reminder due while the app is open', () => {
  it('shows a calm card; Start now records the start and opens the practice’s start screen', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const ref = await withSchedule(fake);
    await start(fake);
    expect(region('Reminder')).toBeNull();
    fake.emit('reminder.due', { title: 'Saltwater', body: 'Time for your reflection', target: ref, at: Date.UTC(2026, 10, 22, 20) });
    await settle();
    const card = region('Reminder')!;
    expect(card.querySelector('h2')?.textContent).toBe('Time for your reflection');
    expect(target.querySelector('[role="status"]')?.textContent).toContain('Reminder: Time for your reflection');
    click(byButton(card, 'Start now'));
    await settle();
    expect(fake.spies.reminders.started).toHaveBeenCalledWith(ref);
    expect(heading()).toBe('Permission');
    byButton(target, 'Begin');
    expect(region('Reminder')).toBeNull();
  });

  it('Snooze offers 10, 30 and 60 minutes and calls snooze with the chosen one', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const ref = await withSchedule(fake);
    await start(fake);
    fake.emit('reminder.due', { title: 'Saltwater', body: 'Time for your reflection', target: ref, at: 0 });
    await settle();
    click(byButton(region('Reminder')!, 'Snooze'));
    const group = target.querySelector('[role="group"][aria-label="Remind me again in"]')!;
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['10 minutes', '30 minutes', '60 minutes']);
    click(byButton(group, '30 minutes'));
    await settle();
    expect(fake.spies.reminders.snooze).toHaveBeenCalledWith({ ...ref, minutes: 30 });
    expect(fake.spies.reminders.started).not.toHaveBeenCalled();
    expect(region('Reminder')).toBeNull();
    expect(document.body.textContent).toMatch(/I'll remind you again at \d\d:\d\d\./);
  });

  it('Skip this one calls skip and nothing else', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const ref = await withSchedule(fake);
    await start(fake);
    fake.emit('reminder.due', { title: 'Saltwater', body: 'Time for your reflection', target: ref, at: 0 });
    await settle();
    click(byButton(region('Reminder')!, 'Skip this one'));
    await settle();
    expect(fake.spies.reminders.skip).toHaveBeenCalledWith(ref);
    expect(fake.spies.reminders.started).not.toHaveBeenCalled();
    expect(fake.spies.reminders.snooze).not.toHaveBeenCalled();
    expect(region('Reminder')).toBeNull();
    expect(heading()).toBe('Journal');
  });
});

describe('while the vault is locked', () => {
  it('a clicked notification is remembered and opens the practice right after unlock', async () => {
    const fake = createFakeApi({ state: 'unlocked', passphrase: 'slow tide evening' });
    const ref = await withSchedule(fake);
    await fake.api.vault.lock();
    await start(fake);
    expect(heading()).toBe('Welcome back');
    fake.emit('reminder.open', ref);
    await settle();
    expect(fake.spies.reminders.started).not.toHaveBeenCalled();
    expect(heading()).toBe('Welcome back');

    type(byLabel(target, 'Passphrase') as HTMLInputElement, 'slow tide evening');
    click(byButton(target, 'Unlock'));
    await settle(10);
    expect(fake.spies.reminders.started).toHaveBeenCalledWith(ref);
    expect(heading()).toBe('Permission');
  });

  it('a reminder due while locked shows nothing on the lock screen, and its card after unlock', async () => {
    const fake = createFakeApi({ state: 'unlocked', passphrase: 'slow tide evening' });
    const ref = await withSchedule(fake);
    await fake.api.vault.lock();
    await start(fake);
    fake.emit('reminder.due', { title: 'Saltwater', body: 'Time for your reflection', target: ref, at: 0 });
    await settle();
    expect(region('Reminder')).toBeNull();
    expect(target.textContent).not.toContain('Time for your reflection');

    type(byLabel(target, 'Passphrase') as HTMLInputElement, 'slow tide evening');
    click(byButton(target, 'Unlock'));
    await settle(10);
    expect(region('Reminder')).not.toBeNull();
    expect(fake.spies.reminders.started).not.toHaveBeenCalled();
  });
});

describe('a missed session', () => {
  it('is offered once on arrival, never twice, and Skip answers it', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const ref = await withSchedule(fake);
    const offer = { ...ref, practiceId: 'permission', at: Date.UTC(2026, 10, 22, 20), label: 'Sunday 22 Nov, 20:00' };
    fake.setMissed(offer);
    await start(fake);
    expect(fake.spies.schedules.pendingMissed).toHaveBeenCalledTimes(1);
    // The event for the same occurrence too: still one prompt.
    fake.emit('reminder.missed', { scheduleId: ref.scheduleId, occurrence: ref.occurrence, at: offer.at, label: offer.label });
    await settle();
    expect(target.querySelectorAll('section[aria-label="Missed session"]')).toHaveLength(1);
    const prompt = region('Missed session')!;
    expect(prompt.querySelector('h2')?.textContent).toBe('You had a session planned for Sunday 22 Nov, 20:00');

    click(byButton(prompt, 'Skip'));
    await settle();
    expect(fake.spies.reminders.skip).toHaveBeenCalledWith(ref);
    expect(region('Missed session')).toBeNull();
    // Told again about the one just answered: not offered again.
    fake.emit('reminder.missed', { scheduleId: ref.scheduleId, occurrence: ref.occurrence, at: offer.at, label: offer.label });
    await settle();
    expect(region('Missed session')).toBeNull();
  });

  it('a newer missed one replaces the older (never a pile); Start now opens the practice', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const ref = await withSchedule(fake);
    await start(fake);
    fake.emit('reminder.missed', { scheduleId: ref.scheduleId, occurrence: '2026-11-15T20:00', at: Date.UTC(2026, 10, 15, 20), label: 'Sunday 15 Nov, 20:00' });
    fake.emit('reminder.missed', { scheduleId: ref.scheduleId, occurrence: ref.occurrence, at: Date.UTC(2026, 10, 22, 20), label: 'Sunday 22 Nov, 20:00' });
    await settle();
    expect(target.querySelectorAll('section[aria-label="Missed session"]')).toHaveLength(1);
    const prompt = region('Missed session')!;
    expect(prompt.textContent).toContain('Sunday 22 Nov, 20:00');
    click(byButton(prompt, 'Start now'));
    await settle();
    expect(fake.spies.reminders.started).toHaveBeenCalledWith(ref);
    expect(heading()).toBe('Permission');
  });
});
