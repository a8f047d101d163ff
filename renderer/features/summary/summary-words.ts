import type { FeelingsInsights, InsightsPeriod, LadderInsights, MoodInsights, ReliefInsights, TearsInsights } from '../../../preload/contract/index.ts';
import { longDate, number, times } from '../../lib/format.svelte.ts';

/**
 * The summary's sentences, from the insights views' numbers: plain facts in the person's words, no
 * scores and no verdicts. Each function speaks only of its own section, and never of what was left
 * out of the summary (not even how much).
 */

export const PERIODS: { id: InsightsPeriod; label: string }[] = [
  { id: '4w', label: 'The last 4 weeks' },
  { id: '3m', label: 'The last 3 months' },
  { id: '12m', label: 'The last 12 months' },
  { id: 'all', label: 'All of it' },
];

export const SECTIONS = {
  notes: 'What I want to talk about',
  sessions: 'Practice sessions',
  feelings: 'Feelings I named',
  ladder: 'Steps on my ladder',
  charts: 'Over time, in pictures',
  entries: 'From my journal',
} as const;

const plural = (n: number, one: string, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;

/**
 * "3 November 2026 to 1 December 2026" (the span's end is the next day's start). The span runs to
 * the end of this week or month, but the page speaks only of days that have been: it ends today.
 */
export function spanWords(from: number, to: number, today: number): string {
  return `${longDate(from)} to ${longDate(Math.min(to - 1, today))}`;
}

export const TEAR_LABELS = [
  ['none', 'no tears'],
  ['welled', 'eyes welled up'],
  ['tear', 'a tear'],
  ['cried', 'cried'],
  ['deep', 'a deep cry'],
] as const;

/** The sessions section, as sentences. Empty: one kind line. */
export function sessionLines(mood: MoodInsights, tears: TearsInsights, relief: ReliefInsights): string[] {
  const sessions = Math.max(mood.totals.sessions, tears.totals.sessions);
  if (sessions === 0) return ['No practice sessions in this time. That is fine.'];
  const lines = [`I did ${plural(sessions, 'practice session')}.`];
  // Every session counts here, moods answered or not; most used first.
  const practices = mood.practices.filter((p) => p.sessions > 0).sort((a, b) => b.sessions - a.sessions);
  if (practices.length > 0) lines.push(`Practices: ${practices.map((p) => `${p.title} (${times(p.sessions)})`).join(', ')}.`);
  const tearParts = TEAR_LABELS.filter(([key]) => tears.totals[key] > 0).map(([key, label]) => `${label} ${times(tears.totals[key])}`);
  if (tearParts.length > 0) lines.push(`Afterwards: ${tearParts.join(', ')}.`);
  const t = mood.totals;
  if (t.paired > 0) {
    const moodParts = [
      t.higherAfter > 0 ? `lighter after ${plural(t.higherAfter, 'session')}` : null,
      t.sameAfter > 0 ? `about the same after ${plural(t.sameAfter, 'session')}` : null,
      t.lowerAfter > 0 ? `heavier after ${plural(t.lowerAfter, 'session')}` : null,
    ].filter((part): part is string => part !== null);
    lines.push(`My mood was ${moodParts.join(', ')}.`);
  }
  if (relief.totals.reliefAnswers > 0) {
    lines.push(`I felt some relief after ${plural(relief.totals.someRelief, 'session')}.`);
  }
  if (relief.totals.sessionsWithHigh > 0) {
    lines.push(`Distress ran high during ${plural(relief.totals.sessionsWithHigh, 'session')}.`);
  }
  if (relief.totals.saidTooMuch > 0) {
    lines.push(`After ${plural(relief.totals.saidTooMuch, 'session')}, I said some of it felt like too much.`);
  }
  return lines;
}

export function feelingLines(feelings: FeelingsInsights): string[] {
  const t = feelings.totals;
  if (t.named === 0 && t.notYet === 0) return ['No feelings named in this time. That is fine.'];
  const lines: string[] = [];
  if (t.named > 0) lines.push(`I named a feeling ${times(t.named)}, with ${plural(t.distinctWords, 'different word')}${t.newWords > 0 ? `, ${number(t.newWords)} of them new to me` : ''}.`);
  if (feelings.families.length > 0) lines.push(`Most often: ${feelings.families.slice(0, 5).map((f) => `${f.name.toLowerCase()} (${times(f.named)})`).join(', ')}.`);
  if (t.notYet > 0) lines.push(`“I can’t name it yet” ${times(t.notYet)}: an honest answer too.`);
  return lines;
}

export function ladderLines(ladder: LadderInsights): { title: string; lines: string[] }[] {
  return ladder.tracks
    .filter((track) => track.steps > 0)
    .map((track) => ({
      title: track.title,
      lines: [
        `${number(track.steady)} of ${plural(track.steps, 'step')} feel${track.steady === 1 ? 's' : ''} steady now${track.steadyInPeriod > 0 ? ` (${number(track.steadyInPeriod)} became steady in this time)` : ''}.`,
        track.tries > 0 ? `I tried a step ${times(track.tries)}.` : 'No tries in this time.',
      ],
    }));
}
