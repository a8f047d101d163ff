/** The kind sentences beneath the Over time charts: plain facts, too early below three, never a score or a verdict. */
import { describe, expect, it } from 'vitest';
import type { FeelingsInsights, MediaInsights, MoodInsights, ReliefInsights, TearsInsights } from '../../preload/contract/index.ts';
import { CarePattern } from '../../preload/contract/insights.ts';
import * as say from '../../renderer/features/insights/sentences.ts';

const mood = (t: Partial<MoodInsights['totals']>): MoodInsights['totals'] => ({ sessions: 0, paired: 0, higherAfter: 0, sameAfter: 0, lowerAfter: 0, averageChange: null, ...t });
const tears = (t: Partial<TearsInsights['totals']>): TearsInsights['totals'] => ({ sessions: 0, none: 0, welled: 0, tear: 0, cried: 0, deep: 0, notAnswered: 0, ...t });
const relief = (t: Partial<ReliefInsights['totals']>): ReliefInsights['totals'] => ({ reliefAnswers: 0, relief: null, someRelief: 0, checkIns: 0, distress: null, high: 0, sessionsWithHigh: 0, saidTooMuch: 0, ...t });
const feelings = (t: Partial<FeelingsInsights['totals']>): FeelingsInsights['totals'] => ({ named: 0, notYet: 0, withoutFamily: 0, distinctWords: 0, newWords: 0, distinctEver: 0, ...t });

/** Words none of the sentences may ever use. */
const VERDICTS = /\b(score|best|worst|failed|fail|streak|goal|missed|should|diagnos)/i;

describe('the Over time sentences', () => {
  it('mood: the change in plain words, too early below three, kind when it was heavier', () => {
    expect(say.moodSentence(mood({}), '4w')).toBe('Nothing here yet — that is fine.');
    expect(say.moodSentence(mood({ sessions: 12, paired: 12, averageChange: 0.4 }), '3m')).toBe('Across 12 sessions, your mood after was a little lighter than before on average.');
    expect(say.moodSentence(mood({ sessions: 2, paired: 2 }), '4w')).toBe('2 sessions with mood noted before and after in the last 4 weeks — too early to say much yet, and that is fine. It comes with time.');
    expect(say.moodSentence(mood({ sessions: 4, paired: 0 }), 'all')).toBe('Mood wasn’t noted before and after your 4 sessions so far, and that is fine.');
    const heavier = say.moodSentence(mood({ sessions: 5, paired: 5, averageChange: -1 }), '4w');
    expect(heavier).toContain('heavier than before');
    expect(heavier).toContain('Hard sessions are part of this work too.');
  });

  it('what seems to help: nothing concluded from fewer than three sessions', () => {
    expect(say.helpsSentence([])).toBe('Nothing here yet — that is fine.');
    expect(say.helpsSentence([{ practiceId: 'a', title: 'Permission', sessions: 2, compared: 2, averageChange: null }])).toMatch(/needs 3 sessions .* too early to say yet/);
    expect(
      say.helpsSentence([
        { practiceId: 'a', title: 'Permission', sessions: 4, compared: 4, averageChange: 0.5 },
        // Said on the sessions compared (6), not all of them (8).
        { practiceId: 'b', title: 'Quiet body', sessions: 8, compared: 6, averageChange: 1.2 },
        { practiceId: 'c', title: 'Body first', sessions: 3, compared: 3, averageChange: -0.5 },
      ]),
    ).toBe('After Quiet body, your mood tended to be lighter than before (6 sessions), and 1 other practice too.');
    expect(say.helpsSentence([{ practiceId: 'a', title: 'Permission', sessions: 4, compared: 4, averageChange: 0 }])).toMatch(/about where it was.*steadiness counts too/);
  });

  it('tears: no tears is an outcome too', () => {
    expect(say.tearsSentence(tears({ sessions: 9, none: 5, welled: 2, cried: 2 }), '4w')).toBe(
      'No tears is an outcome too: 5 of your 9 sessions in the last 4 weeks ended that way, and tears came in 4.',
    );
    expect(say.tearsSentence(tears({ sessions: 4, none: 4 }), '12m')).toBe('No tears is an outcome too: all 4 of your sessions in the last 12 months ended that way.');
    expect(say.tearsSentence(tears({ sessions: 1, deep: 1 }), '4w')).toMatch(/^1 session with tears noted in the last 4 weeks — too early/);
    expect(say.tearsSentence(tears({ sessions: 3, notAnswered: 3 }), '4w')).toMatch(/weren’t noted/);
    // Sessions without tears noted are not folded into "all of your sessions".
    expect(say.tearsSentence(tears({ sessions: 5, none: 3, notAnswered: 2 }), '4w')).toBe('No tears is an outcome too: all 3 of your sessions with tears noted in the last 4 weeks ended that way.');
    expect(say.tearsSentence(tears({ sessions: 6, welled: 3, notAnswered: 3 }), '4w')).toBe('Tears came, in some way, in all 3 of your sessions with tears noted in the last 4 weeks.');
    expect(say.tearsSentence(tears({ sessions: 6, none: 2, cried: 2, notAnswered: 2 }), '3m')).toBe(
      'No tears is an outcome too: 2 of your 4 sessions with tears noted in the last 3 months ended that way, and tears came in 2.',
    );
  });

  it('relief and distress: counts and averages to one decimal, a kind word when distress runs high', () => {
    expect(say.reliefSentence(relief({ reliefAnswers: 5, someRelief: 4, relief: 4.25 }), '3m')).toBe(
      'You felt some relief after 4 of 5 sessions in the last 3 months, around 4.3 out of 10 on average.',
    );
    expect(say.reliefSentence(relief({ reliefAnswers: 1, someRelief: 1, relief: 3 }), '4w')).toMatch(/too early/);
    expect(say.distressSentence(relief({ checkIns: 6, distress: 6.5, high: 2 }), 'all')).toBe(
      'Across 6 check-ins so far, distress was around 6.5 out of 10 on average. When it runs high, pausing or stopping is always all right.',
    );
    expect(say.distressSentence(relief({}), '4w')).toBe('Nothing here yet — that is fine.');
  });

  it('feelings: different words, and “I can’t name it yet” as part of the picture', () => {
    expect(say.wordsSentence(feelings({ named: 20, distinctWords: 7, newWords: 2, distinctEver: 15, notYet: 3 }), '4w')).toBe(
      'You named 7 different feelings in the last 4 weeks, 2 of them for the first time — 15 in all so far. “I can’t name it yet” came 3 times: an honest answer, and part of the picture too.',
    );
    expect(say.wordsSentence(feelings({ notYet: 1 }), '4w')).toMatch(/^No feeling words in the last 4 weeks\. “I can’t name it yet” came once/);
    expect(say.familiesSentence([{ id: 'sad', name: 'Sadness', named: 5 }, { id: 'fear', name: 'Fear', named: 2 }], feelings({ named: 7 }), '3m')).toBe(
      'Sadness came up most often in the last 3 months, then fear.',
    );
    expect(say.familiesSentence([], feelings({ notYet: 2 }), '4w')).toMatch(/Only “I can’t name it yet”.*it counts/);
  });

  it('ladder and media', () => {
    const track = { track: 'letting-come' as const, title: 'Letting it come', steps: 4, steady: 1, steadyInPeriod: 1, tries: 3, buckets: [], stepTries: [] };
    expect(say.ladderSentence(track, '4w')).toBe('3 tries in the last 4 weeks; 1 of your 4 steps feels steady now (1 of them became steady in the last 4 weeks).');
    expect(say.ladderSentence({ ...track, tries: 0 }, '4w')).toBe('1 of your 4 steps feels steady now. No tries in the last 4 weeks — resting is part of it too.');
    // Each step's tries: counts from the tries themselves, against the person's own calm level.
    const step = (stepId: number, peaks: number[]) => ({ stepId, text: `Step ${stepId}`, steady: false, steadyAt: null, tries: peaks.map((peak, i) => ({ at: i, before: 30, peak, after: 20 })) });
    expect(say.stepTriesSentence({ ...track, stepTries: [step(1, [40, 70]), step(2, [30]), step(3, [])] }, 50, '4w')).toBe(
      '3 tries on 2 steps in the last 4 weeks; distress stayed below your calm level (50) in 2 of them.',
    );
    expect(say.stepTriesSentence({ ...track, stepTries: [step(1, [20, 45])] }, 50, '3m')).toBe('2 tries on 1 step in the last 3 months; distress stayed below your calm level (50) in both.');
    // A peak at the line is not below it (as the ladder judges a calm try).
    expect(say.stepTriesSentence({ ...track, stepTries: [step(1, [50])] }, 50, 'all')).toBe(
      '1 try on 1 step so far; distress reached your calm level (50) in it, and every try counts, however it went.',
    );
    expect(say.stepTriesSentence({ ...track, stepTries: [step(1, []), step(2, [])] }, 50, '12m')).toBe('No step was tried in the last 12 months — resting is part of it too.');
    expect(say.stepTriesSentence({ ...track, steps: 0 }, 50, '4w')).toBe('Nothing here yet — that is fine.');
    const item = (id: number, withTears: number, withRelief: number): MediaInsights['items'][number] => ({ id, title: `Song ${id}`, kind: 'song', uses: 2, withTears, withRelief, reliefAnswers: 2, relief: 3 });
    const items = [item(1, 1, 2), item(2, 0, 0), item(3, 2, 0)];
    expect(say.mediaSentence(items, { uses: 6, items: 3, withTears: 3, withRelief: 2 }, '12m')).toBe(
      'Of the 3 things you turned to in the last 12 months, 2 came with tears and 1 with relief at least once.',
    );
    expect(say.mediaReliefSentence(items, '12m')).toBe('1 of the 3 things with relief noted came with some relief in the last 12 months.');
    // One thing: said as one, not "1 of the 1 thing".
    expect(say.mediaSentence([item(1, 1, 2)], { uses: 2, items: 1, withTears: 1, withRelief: 2 }, '4w')).toBe(
      'The one thing you turned to in the last 4 weeks came with tears and with relief at least once.',
    );
    expect(say.mediaSentence([item(1, 0, 2)], { uses: 2, items: 1, withTears: 0, withRelief: 2 }, '4w')).toBe(
      'The one thing you turned to in the last 4 weeks came with relief at least once.',
    );
    expect(say.mediaReliefSentence([item(1, 0, 2)], '4w')).toBe('The one thing with relief noted came with some relief in the last 4 weeks.');
  });

  it('the care card names what happened, never a condition', () => {
    expect(say.careWords('said-too-much', 1, 6)).toBe('After a recent session, you said some of it felt like too much.');
    expect(say.careWords('said-too-much', 1, 6, true)).toBe('You said some of this session felt like too much.');
    expect(say.careWords('often-high-distress', 3, 5, true)).toBe('Distress ran high in 3 of your last 5 sessions.');
    expect(say.careWords('said-too-much', 2, 6)).toBe('You said some of it felt like too much after 2 sessions in the last four weeks.');
    expect(say.careWords('often-high-distress', 3, 5)).toBe('Distress ran high in 3 of your last 5 sessions.');
    expect(say.careWords('stopped-after-high', 2, 2)).toBe('Your last 2 sessions stopped after distress ran high.');
    expect(say.careWords('top-of-scale', 2, 4)).toBe('Distress reached the very top of the scale twice in the last two weeks.');
    expect(say.careWords('very-low-after', 3, 4)).toBe('You felt very low after 3 of your last 4 sessions.');
  });

  it('no sentence ever uses the words of scores or verdicts', () => {
    const all = [
      say.moodSentence(mood({ sessions: 9, paired: 9, averageChange: -2 }), '4w'),
      say.helpsSentence([{ practiceId: 'a', title: 'A', sessions: 9, compared: 9, averageChange: -2 }]),
      say.stepTriesSentence({ track: 'letting-come', title: 'T', steps: 1, steady: 0, steadyInPeriod: 0, tries: 2, buckets: [], stepTries: [{ stepId: 1, text: 'S', steady: false, steadyAt: null, tries: [{ at: 0, before: 90, peak: 100, after: 90 }, { at: 1, before: 90, peak: 100, after: 90 }] }] }, 50, '4w'),
      say.tearsSentence(tears({ sessions: 5, none: 5 }), '4w'),
      say.reliefSentence(relief({ reliefAnswers: 5, someRelief: 0, relief: 0 }), '4w'),
      say.distressSentence(relief({ checkIns: 5, distress: 10, high: 5 }), '4w'),
      say.mediaSentence([], { uses: 2, items: 1, withTears: 0, withRelief: 0 }, '4w'),
      ...CarePattern.options.flatMap((p) => [say.careWords(p, 1, 5), say.careWords(p, 3, 5)]),
    ];
    for (const sentence of all) expect(sentence).not.toMatch(VERDICTS);
  });
});
