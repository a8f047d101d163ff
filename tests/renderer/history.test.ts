/** Past sessions in plain words: how each one ended, tears and mood when given. */
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../preload/contract/sessions.ts';
import { historyLine, moodWords, outcomeWords } from '../../renderer/features/practices/history.ts';

const record = (over: Partial<SessionRecord>): SessionRecord => ({
  id: 7,
  practiceId: 'permission',
  practiceTitle: 'Permission',
  startedAt: new Date(2025, 2, 3, 20, 15).getTime(),
  endedAt: null,
  outcome: null,
  stepReached: 0,
  stepCount: 7,
  readiness: null,
  moodBefore: null,
  moodAfter: null,
  tears: null,
  relief: null,
  notes: '',
  tooMuch: false,
  checkIns: [],
  ...over,
});

describe('history wording', () => {
  it('counts steps from 1 for people: stopped at index 1 is "Stopped at step 2"', () => {
    expect(outcomeWords(record({ outcome: 'stopped', stepReached: 1 }))).toBe('Stopped at step 2');
    expect(outcomeWords(record({ outcome: 'stopped', stepReached: 0 }))).toBe('Stopped at step 1');
    expect(outcomeWords(record({ outcome: 'finished', stepReached: 6 }))).toBe('Finished');
    expect(outcomeWords(record({ outcome: null, stepReached: 3 }))).toBe('Interrupted');
  });

  it('gives mood before → after in words, or just the one given', () => {
    expect(moodWords(record({ moodBefore: 2, moodAfter: 4 }))).toBe('Mood: Low → Good');
    expect(moodWords(record({ moodBefore: 1 }))).toBe('Mood before: Very low');
    expect(moodWords(record({ moodAfter: 5 }))).toBe('Mood after: Very good');
    expect(moodWords(record({}))).toBeNull();
  });

  it('puts a line together: date, practice, outcome, tears and mood', () => {
    const line = historyLine(record({ outcome: 'finished', tears: 'welled', moodBefore: 2, moodAfter: 3 }), new Date(2025, 2, 3, 22, 0));
    expect(line.date).toMatch(/^Today at /);
    expect(line.title).toBe('Permission');
    expect(line.outcome).toBe('Finished');
    expect(line.details).toEqual(['Eyes welled up', 'Mood: Low → Okay']);
    expect(historyLine(record({}), new Date(2025, 2, 3)).details).toEqual([]);
  });

  it('says, on a line of its own, when the person said some of it felt like too much, and nothing when they did not', () => {
    expect(historyLine(record({ outcome: 'stopped', tooMuch: true })).said).toBe('You said some of it felt like too much.');
    expect(historyLine(record({ outcome: 'stopped' })).said).toBeNull();
  });
});
