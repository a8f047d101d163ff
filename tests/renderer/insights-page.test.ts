/** The Over time page with the fake api: periods asked with the locale's first weekday, the kind empty state, sentences, and the care card. */
import { afterEach, describe, expect, it } from 'vitest';
import Page from '../../renderer/features/insights/Page.svelte';
import { setFormats, weekStartsOn } from '../../renderer/lib/format.svelte.ts';
import { byButton, click, settle } from './dom-helpers.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { mountWithApi, unmountAll } from './mount.ts';

let target: HTMLElement;
let helpOpened = 0;
afterEach(() => {
  unmountAll();
  setFormats({ system: null });
});

const NOW = Date.parse('2025-03-12T12:00:00Z');

async function openPage(fake: FakeApi, props: { onsummary?: () => void } = {}) {
  helpOpened = 0;
  target = mountWithApi(Page, fake.api, { onhelp: () => helpOpened++, ...props });
  await settle();
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const radio = (name: string) => [...target.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => text(r.closest('label')) === name)!;
const section = (heading: string) => [...target.querySelectorAll('section')].find((s) => text(s.querySelector('h2, h3, h4')) === heading)!;
const VIEWS = ['mood', 'tears', 'relief', 'feelings', 'ladder', 'media'] as const;

describe('Over time', () => {
  it('asks every view for the last 4 weeks first, with the week starting where the region says, and again for each period chosen', async () => {
    setFormats({ system: { locale: 'en-US', hourCycle: null } });
    expect(weekStartsOn()).toBe(0);
    const fake = createFakeApi({ state: 'unlocked', now: () => NOW });
    await openPage(fake);
    for (const view of VIEWS) expect(fake.spies.insights[view]).toHaveBeenLastCalledWith({ period: '4w', weekStartsOn: 0 });
    expect(radio('Last 4 weeks').checked).toBe(true);

    radio('12 months').click();
    await settle();
    for (const view of VIEWS) expect(fake.spies.insights[view]).toHaveBeenLastCalledWith({ period: '12m', weekStartsOn: 0 });
    expect(radio('12 months').checked).toBe(true);

    setFormats({ system: { locale: 'en-GB', hourCycle: null } });
    radio('All').click();
    await settle();
    expect(fake.spies.insights.tears).toHaveBeenLastCalledWith({ period: 'all', weekStartsOn: 1 });
  });

  it('remembers the period chosen when the page is opened again', async () => {
    const fake = createFakeApi({ state: 'unlocked', now: () => NOW });
    await openPage(fake);
    radio('3 months').click();
    await settle();
    unmountAll();
    await openPage(fake);
    expect(radio('3 months').checked).toBe(true);
    expect(fake.spies.insights.mood).toHaveBeenLastCalledWith(expect.objectContaining({ period: '3m' }));
    radio('Last 4 weeks').click();
    await settle();
  });

  it('an empty vault: every chart says nothing is here yet, kindly, and nothing is concluded', async () => {
    const fake = createFakeApi({ state: 'unlocked', now: () => NOW });
    await openPage(fake);
    expect(text(target.querySelector('h1'))).toBe('Over time');
    for (const heading of ['Mood before and after sessions', 'Relief after sessions', 'Distress in check-ins', 'Different feeling words so far', 'What came with tears']) {
      expect(text(section(heading)), heading).toContain('Nothing here yet — that is fine.');
    }
    expect(text(section('Your ladder'))).toContain('Nothing here yet — that is fine.');
    expect(target.querySelector('[role="alert"]')).toBeNull();
    expect(target.textContent).not.toMatch(/best|score|streak|failed/i);
  });

  it('writes one kind sentence beneath each chart from the numbers, and shows "I can’t name it yet" as part of the picture', async () => {
    const fake = createFakeApi({ state: 'unlocked', now: () => NOW });
    const empty = await fake.api.insights.tears({ period: '4w', weekStartsOn: 1 });
    if (!empty.ok) throw new Error('fake');
    const { span, buckets } = empty.value;
    fake.insights.set('tears', {
      span,
      buckets: buckets.map((b, i) => ({ ...b, sessions: i === 3 ? 9 : 0, none: i === 3 ? 5 : 0, welled: i === 3 ? 2 : 0, tear: 0, cried: i === 3 ? 2 : 0, deep: 0, notAnswered: 0 })),
      totals: { sessions: 9, none: 5, welled: 2, tear: 0, cried: 2, deep: 0, notAnswered: 0 },
    });
    fake.insights.set('mood', {
      span,
      buckets: buckets.map((b, i) => ({ ...b, sessions: i === 3 ? 12 : 0, paired: i === 3 ? 12 : 0, before: i === 3 ? 2.5 : null, after: i === 3 ? 3 : null })),
      practices: [
        { practiceId: 'permission', title: 'Permission', sessions: 9, compared: 9, averageChange: 0.6 },
        { practiceId: 'quiet-body', title: 'Quiet body', sessions: 2, compared: 2, averageChange: null },
        // Used, but never with both moods: not part of what seems to help.
        { practiceId: 'ok-not-to-cry', title: 'It is OK not to cry', sessions: 1, compared: 0, averageChange: null },
      ],
      totals: { sessions: 12, paired: 12, higherAfter: 7, sameAfter: 4, lowerAfter: 1, averageChange: 0.5 },
    });
    fake.insights.set('feelings', {
      span,
      buckets: buckets.map((b) => ({ ...b, newWords: 0, distinctSoFar: 4 })),
      families: [{ id: 'sadness', name: 'Sadness', named: 3 }],
      totals: { named: 4, notYet: 2, withoutFamily: 1, distinctWords: 3, newWords: 1, distinctEver: 4 },
    });
    const ladder = await fake.api.insights.ladder({ period: '4w', weekStartsOn: 1 });
    if (!ladder.ok) throw new Error('fake');
    const [track, ...others] = ladder.value.tracks;
    fake.insights.set('ladder', {
      ...ladder.value,
      tracks: [
        {
          ...track!,
          steps: 2,
          steady: 1,
          tries: 1,
          buckets: buckets.map((b) => ({ ...b, steady: 1 })),
          stepTries: [
            { stepId: 1, text: 'Imagine crying', steady: true, steadyAt: null, tries: [] },
            { stepId: 2, text: 'Cry alone', steady: false, steadyAt: null, tries: [{ at: NOW - 86_400_000, before: 30, peak: 60, after: 20 }] },
          ],
        },
        ...others,
      ],
    });
    await openPage(fake);

    // Each step's tries: one tried in the period (a slider through its tries), one not, said for this time.
    const tries = section('Each step’s tries');
    expect(text(tries)).toContain('Imagine crying · steady No tries in the last 4 weeks.');
    // Its sentence says what the tries were, from the numbers, like every other chart's.
    expect(text(tries)).toContain('1 try on 1 step in the last 4 weeks; distress reached your calm level (50) in it, and every try counts, however it went.');
    expect([...tries.querySelectorAll('[role="slider"]')].map((s) => s.getAttribute('aria-label'))).toEqual(['Cry alone: use the arrow keys to go through the points']);

    expect(text(section('Tears, week by week'))).toContain('No tears is an outcome too: 5 of your 9 sessions in the last 4 weeks ended that way, and tears came in 4.');
    expect(text(section('Mood before and after sessions'))).toContain('Across 12 sessions, your mood after was a little lighter than before on average.');
    const helps = section('What seems to help you');
    expect(text(helps)).toContain('After Permission, your mood tended to be lighter than before (9 sessions).');
    // Quiet body rests on 2 sessions: in the table as too few, never drawn as a conclusion.
    click(byButton(helps, 'Show as a table'));
    expect(text(helps.querySelector('table'))).toMatch(/Quiet body.*too few to say yet/);
    expect(text(helps)).not.toContain('It is OK not to cry');
    const named = section('Feelings you named most');
    click(byButton(named, 'Show as a table'));
    expect(text(named.querySelector('tbody'))).toContain('I can’t name it yet2');
    expect(text(section('Different feeling words so far'))).toContain('“I can’t name it yet” came twice: an honest answer');
  });

  it('says gently when part of it can’t be gathered, keeps the rest, and tries again', async () => {
    const fake = createFakeApi({ state: 'unlocked', now: () => NOW });
    const real = fake.spies.insights.relief.getMockImplementation()!;
    fake.spies.insights.relief.mockImplementationOnce(async () => ({ ok: false, error: { code: 'INTERNAL', message: 'The vault was busy.' } }));
    await openPage(fake);
    const alert = target.querySelector('[role="alert"]')!;
    expect(text(alert)).toContain('Part of this couldn’t be gathered just now. The vault was busy. Nothing of yours has changed.');
    expect(section('Tears, week by week')).toBeTruthy();
    expect(target.querySelector('#insights-relief')).toBeNull();
    fake.spies.insights.relief.mockImplementation(real);
    click(byButton(target, 'Try again'));
    await settle();
    expect(target.querySelector('[role="alert"]')).toBeNull();
    expect(section('Relief after sessions')).toBeTruthy();
  });

  it('leaves a place for the summary for therapy, shown once it is wired', async () => {
    const fake = createFakeApi({ state: 'unlocked', now: () => NOW });
    await openPage(fake);
    expect(target.textContent).not.toContain('Make a summary for therapy');
    unmountAll();
    let asked = 0;
    await openPage(fake, { onsummary: () => asked++ });
    click(byButton(target, 'Make a summary for therapy'));
    expect(asked).toBe(1);
  });
});

describe('the care card on Over time', () => {
  const card = { show: true as const, pattern: 'often-high-distress' as const, sessions: 3, of: 5, latestSessionId: 4, latestAt: NOW };

  it('shows at the top when the care rules offer it: plain words, help lines one action away, and "Not now" puts it away', async () => {
    const fake = createFakeApi({ state: 'unlocked', now: () => NOW });
    fake.insights.setCareCard(card);
    await openPage(fake);
    const cardSection = section('Talking to someone can help');
    expect(text(cardSection)).toContain('Distress ran high in 3 of your last 5 sessions.');
    expect(text(cardSection)).toContain('Talking to a professional');
    expect(text(cardSection)).not.toMatch(/diagnos|disorder|depress|you have/i);
    // Before the charts.
    expect(cardSection.compareDocumentPosition(target.querySelector('#insights-mood') ?? target.querySelector('.views')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    click(byButton(cardSection, 'See help lines'));
    expect(helpOpened).toBe(1);

    click(byButton(cardSection, 'Not now'));
    await settle();
    expect(fake.spies.insights.dismissCareCard).toHaveBeenCalledTimes(1);
    expect(target.textContent).not.toContain('Talking to someone can help');
    expect(fake.insights.dismissedAt).toBe(NOW);
  });

  it('is not there when the rules offer nothing; once shown it counts as seen at once, so the vault locking before the page ends cannot bring it back', async () => {
    const fake = createFakeApi({ state: 'unlocked', now: () => NOW });
    await openPage(fake);
    expect(target.textContent).not.toContain('Talking to someone can help');
    unmountAll();
    expect(fake.insights.seenAt).toBeNull();

    fake.insights.setCareCard(card);
    await openPage(fake);
    expect(target.textContent).toContain('Talking to someone can help');
    // Remembered as it was handed over, not when the page ends (by then the vault may be locked).
    expect(fake.insights.seenAt).toBe(NOW);
    expect(fake.spies.insights.careCard).toHaveBeenCalledWith();
    await fake.api.vault.lock();
    unmountAll();
    expect(fake.spies.insights.dismissCareCard).not.toHaveBeenCalled();
    await fake.api.vault.unlock({ passphrase: 'correct horse battery' });
    await openPage(fake);
    expect(target.textContent).not.toContain('Talking to someone can help');
  });
});
