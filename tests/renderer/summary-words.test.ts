/** The summary's sentences (renderer/features/summary/summary-words.ts): plain, and grammatical at one. */
import { afterEach, describe, expect, it } from 'vitest';
import type { LadderInsights, MoodInsights, ReliefInsights, TearsInsights } from '../../preload/contract/index.ts';
import { ladderLines, sessionLines, spanWords } from '../../renderer/features/summary/summary-words.ts';
import { setFormats } from '../../renderer/lib/format.svelte.ts';

const ladder = (steady: number, tries: number): LadderInsights => ({
  span: { period: '4w', unit: 'week', from: 0, to: 1 },
  threshold: 50,
  tracks: [{ track: 'letting-come', title: 'Letting tears come', steps: 4, steady, steadyInPeriod: 0, tries, buckets: [], stepTries: [] }],
});

describe('ladder lines', () => {
  it('says one step feels steady, two steps feel steady, and how often a step was tried', () => {
    expect(ladderLines(ladder(1, 1))).toEqual([{ title: 'Letting tears come', lines: ['1 of 4 steps feels steady now.', 'I tried a step once.'] }]);
    expect(ladderLines(ladder(2, 0))[0]!.lines).toEqual(['2 of 4 steps feel steady now.', 'No tries in this time.']);
  });
});

describe('session lines', () => {
  const span = { period: '4w' as const, unit: 'week' as const, from: 0, to: 1 };
  const mood: MoodInsights = { span, buckets: [], practices: [], totals: { sessions: 2, paired: 0, higherAfter: 0, sameAfter: 0, lowerAfter: 0, averageChange: null } };
  const tears: TearsInsights = { span, buckets: [], totals: { sessions: 2, none: 0, welled: 0, tear: 0, cried: 0, deep: 0, notAnswered: 2 } };
  const relief = (saidTooMuch: number): ReliefInsights => ({
    span,
    buckets: [],
    totals: { reliefAnswers: 0, relief: null, someRelief: 0, checkIns: 0, distress: null, high: 0, sessionsWithHigh: 0, saidTooMuch },
  });

  it('say in the person’s words when some of a session felt like too much, and nothing of it when it was not said', () => {
    expect(sessionLines(mood, tears, relief(1))).toEqual(['I did 2 practice sessions.', 'After 1 session, I said some of it felt like too much.']);
    expect(sessionLines(mood, tears, relief(0)).join(' ')).not.toMatch(/too much/);
  });

  it('lists every practice done, with every session of it, whether or not the mood was noted after', () => {
    const practice = (title: string, sessions: number, compared: number) => ({ practiceId: title, title, sessions, compared, averageChange: null });
    // As main orders them: most sessions compared first.
    const five: MoodInsights = { ...mood, practices: [practice('Arrive and breathe', 2, 2), practice('It is OK not to cry', 3, 0)], totals: { ...mood.totals, sessions: 5, paired: 2, sameAfter: 2 } };
    const lines = sessionLines(five, { ...tears, totals: { ...tears.totals, sessions: 5, notAnswered: 5 } }, relief(0));
    expect(lines.slice(0, 2)).toEqual(['I did 5 practice sessions.', 'Practices: It is OK not to cry (3 times), Arrive and breathe (twice).']);
  });
});

describe('the span the page covers', () => {
  afterEach(() => setFormats({ system: null }));
  const local = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();

  it('ends today when the period’s last week has not ended yet, never on a day still to come', () => {
    setFormats({ system: { locale: 'en-GB', hourCycle: null } });
    // Four weeks to the end of the week holding Monday 13 January (its end: the next Monday's start).
    expect(spanWords(local(2024, 12, 23), local(2025, 1, 20), local(2025, 1, 13, 15))).toBe('23 December 2024 to 13 January 2025');
    // On the period's last day, its last day.
    expect(spanWords(local(2024, 12, 23), local(2025, 1, 20), local(2025, 1, 19, 23))).toBe('23 December 2024 to 19 January 2025');
  });
});
