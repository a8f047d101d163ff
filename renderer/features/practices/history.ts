import type { SessionRecord } from '../../../preload/contract/sessions.ts';
import { plainDate } from '../../lib/format.svelte.ts';
import { tearWords, texts } from '../session/texts.ts';

/** How a past session ended, in plain words; step numbers count from 1, as people do. */
export function outcomeWords(record: Pick<SessionRecord, 'outcome' | 'stepReached'>): string {
  switch (record.outcome) {
    case 'finished':
      return 'Finished';
    case 'stopped':
      return `Stopped at step ${record.stepReached + 1}`;
    case null:
      return 'Interrupted';
  }
}

/** "Low → Okay", "Low before", or null when neither was given. */
export function moodWords(record: Pick<SessionRecord, 'moodBefore' | 'moodAfter'>): string | null {
  const label = (v: number | null) => (v === null ? null : (texts.moodLabels[v - 1] ?? null));
  const before = label(record.moodBefore);
  const after = label(record.moodAfter);
  if (before && after) return `Mood: ${before} → ${after}`;
  if (before) return `Mood before: ${before}`;
  if (after) return `Mood after: ${after}`;
  return null;
}

export interface HistoryLine {
  id: number;
  date: string;
  title: string;
  outcome: string;
  details: string[];
  /** What the person said about the session in their own words, or null. */
  said: string | null;
}

export function historyLine(record: SessionRecord, now: Date = new Date()): HistoryLine {
  const details: string[] = [];
  if (record.tears) details.push(tearWords[record.tears]);
  const mood = moodWords(record);
  if (mood) details.push(mood);
  return {
    id: record.id,
    date: plainDate(record.startedAt, now),
    title: record.practiceTitle,
    outcome: outcomeWords(record),
    details,
    said: record.tooMuch ? 'You said some of it felt like too much.' : null,
  };
}
