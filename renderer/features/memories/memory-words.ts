import type { BoxItem, MemoryStatus, Opening, OpeningOutcome } from '../../../preload/contract/index.ts';
import { numberChoices, type ScaleChoice } from '../../components/scale-choices.ts';
import { plainDate } from '../../lib/format.svelte.ts';
import { moodWords } from '../practices/history.ts';
import { tearWords } from '../session/texts.ts';

/** The memory box in plain words: status, intensity, how an opening ended. */

/** The 1–10 choices for ScaleField. */
export const intensityChoices: ScaleChoice[] = numberChoices(1, 10);
export const intensityEnds: [string, string] = ['1 · gentle, easy to hold', '10 · very strong'];

const statusWords: Record<MemoryStatus, string> = {
  sealed: 'Sealed',
  open: 'Kept open',
  'at-peace': 'At peace',
};

export function statusLabel(status: MemoryStatus): string {
  return statusWords[status];
}

export function lastOpenedWords(item: Pick<BoxItem, 'lastOpenedAt'>, now: Date = new Date()): string {
  return item.lastOpenedAt === null ? 'Not opened yet' : `Last opened ${lowerFirst(plainDate(item.lastOpenedAt, now))}`;
}

const endedWords: Record<OpeningOutcome, string> = {
  resealed: 'Sealed again',
  'kept-open': 'Kept open',
  'at-peace': 'Marked at peace',
  stopped: 'Stopped part-way, sealed again',
};

export function endedLabel(outcome: OpeningOutcome | null): string {
  return outcome === null ? 'Still open now' : endedWords[outcome];
}

/** One line of a memory's history: when, how it ended, and what was noted. */
export function openingLine(opening: Opening, now: Date = new Date()): { date: string; ended: string; details: string[] } {
  const details: string[] = [];
  const mood = moodWords(opening);
  if (mood) details.push(mood);
  if (opening.tears) details.push(tearWords[opening.tears]);
  return { date: plainDate(opening.openedAt, now), ended: endedLabel(opening.outcome), details };
}

function lowerFirst(text: string): string {
  // "Today at 09:41" → "today at 09:41"; a month name or weekday keeps its capital.
  return /^(Today|Yesterday) /.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
