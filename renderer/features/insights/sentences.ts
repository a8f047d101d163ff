import {
  FEWEST_TO_COMPARE,
  type FeelingsInsights,
  type InsightsPeriod,
  type LadderInsights,
  type MediaInsights,
  type MoodInsights,
  type ReliefInsights,
  type TearsInsights,
} from '../../../preload/contract/insights.ts';
import { EMPTY_CHART } from '../../components/charts/words.ts';
import { times } from '../../lib/format.svelte.ts';

/**
 * The one kind sentence beneath each chart of "Over time", written from the facts (counts) its
 * view returns. Plain words, never a score, a verdict or a "best": what happened, and when there
 * is too little to say anything (fewer than FEWEST_TO_COMPARE), that it is too early, kindly.
 * Pure: numbers in, words out (the page hands the results in).
 */

export { EMPTY_CHART };

/** "in the last 4 weeks", "so far". */
export function periodWords(period: InsightsPeriod): string {
  switch (period) {
    case '4w':
      return 'in the last 4 weeks';
    case '3m':
      return 'in the last 3 months';
    case '12m':
      return 'in the last 12 months';
    case 'all':
      return 'so far';
  }
}

/** "1 session", "3 sessions". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const tooEarly = (what: string) => `${what} — too early to say much yet, and that is fine. It comes with time.`;

/** How an average change on the 1–5 mood scale reads: never more precise than it deserves. */
function changeWords(change: number): string {
  if (change >= 0.75) return 'lighter than before';
  if (change >= 0.25) return 'a little lighter than before';
  if (change > -0.25) return 'about the same as before';
  if (change > -0.75) return 'a little heavier than before';
  return 'heavier than before';
}

export function moodSentence(totals: MoodInsights['totals'], period: InsightsPeriod): string {
  if (totals.sessions === 0) return EMPTY_CHART;
  if (totals.paired === 0) return `Mood wasn’t noted before and after your ${count(totals.sessions, 'session')} ${periodWords(period)}, and that is fine.`;
  if (totals.paired < FEWEST_TO_COMPARE || totals.averageChange === null) {
    return tooEarly(`${count(totals.paired, 'session')} with mood noted before and after ${periodWords(period)}`);
  }
  const heavier = totals.averageChange <= -0.25 ? ' Hard sessions are part of this work too.' : '';
  return `Across ${count(totals.paired, 'session')}, your mood after was ${changeWords(totals.averageChange)} on average.${heavier}`;
}

export function helpsSentence(practices: MoodInsights['practices']): string {
  if (practices.length === 0) return EMPTY_CHART;
  const compared = practices.filter((p): p is typeof p & { averageChange: number } => p.averageChange !== null);
  if (compared.length === 0) {
    return `A practice needs ${FEWEST_TO_COMPARE} sessions with mood noted before anything is said about it — too early to say yet, and that is fine.`;
  }
  const lifting = compared.filter((p) => p.averageChange >= 0.25).sort((a, b) => b.averageChange - a.averageChange);
  const first = lifting[0];
  if (!first) return 'So far your practices leave your mood about where it was. Some work slowly, and steadiness counts too.';
  const others = lifting.length > 1 ? `, and ${count(lifting.length - 1, 'other practice')} too` : '';
  return `After ${first.title}, your mood tended to be lighter than before (${count(first.compared, 'session')})${others}.`;
}

export function tearsSentence(totals: TearsInsights['totals'], period: InsightsPeriod): string {
  if (totals.sessions === 0) return EMPTY_CHART;
  const answered = totals.sessions - totals.notAnswered;
  if (answered === 0) return `Tears weren’t noted after your ${count(totals.sessions, 'session')} ${periodWords(period)}, and that is fine.`;
  if (answered < FEWEST_TO_COMPARE) return tooEarly(`${count(answered, 'session')} with tears noted ${periodWords(period)}`);
  const withTears = answered - totals.none;
  // "Your sessions" only when every one had tears noted: otherwise it says which ones it means.
  const noted = totals.notAnswered > 0 ? ' with tears noted' : '';
  if (totals.none === answered) return `No tears is an outcome too: all ${answered} of your sessions${noted} ${periodWords(period)} ended that way.`;
  if (totals.none === 0) return `Tears came, in some way, in all ${answered} of your sessions${noted} ${periodWords(period)}.`;
  return `No tears is an outcome too: ${totals.none} of your ${answered} sessions${noted} ${periodWords(period)} ended that way, and tears came in ${withTears}.`;
}

/** "4.5" — averages read to one decimal at most. */
const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

export function reliefSentence(totals: ReliefInsights['totals'], period: InsightsPeriod): string {
  if (totals.reliefAnswers === 0) return EMPTY_CHART;
  if (totals.reliefAnswers < FEWEST_TO_COMPARE) return tooEarly(`${count(totals.reliefAnswers, 'session')} with relief noted ${periodWords(period)}`);
  return `You felt some relief after ${totals.someRelief} of ${count(totals.reliefAnswers, 'session')} ${periodWords(period)}${
    totals.relief === null ? '' : `, around ${oneDecimal(totals.relief)} out of 10 on average`
  }.`;
}

export function distressSentence(totals: ReliefInsights['totals'], period: InsightsPeriod): string {
  if (totals.checkIns === 0) return EMPTY_CHART;
  if (totals.checkIns < FEWEST_TO_COMPARE) return tooEarly(`${count(totals.checkIns, 'check-in')} ${periodWords(period)}`);
  const average = totals.distress === null ? '' : `, distress was around ${oneDecimal(totals.distress)} out of 10 on average`;
  const high = totals.high > 0 ? `. When it runs high, pausing or stopping is always all right` : '';
  return `Across ${count(totals.checkIns, 'check-in')} ${periodWords(period)}${average}${high}.`;
}

export function wordsSentence(totals: FeelingsInsights['totals'], period: InsightsPeriod): string {
  if (totals.named === 0 && totals.notYet === 0) return EMPTY_CHART;
  const notYet = totals.notYet > 0 ? ` “I can’t name it yet” came ${times(totals.notYet)}: an honest answer, and part of the picture too.` : '';
  if (totals.named === 0) return `No feeling words ${periodWords(period)}.${notYet}`;
  const fresh = totals.newWords > 0 ? `, ${totals.newWords} of them for the first time` : '';
  return `You named ${count(totals.distinctWords, 'different feeling')} ${periodWords(period)}${fresh} — ${totals.distinctEver} in all so far.${notYet}`;
}

export function familiesSentence(families: FeelingsInsights['families'], totals: FeelingsInsights['totals'], period: InsightsPeriod): string {
  const [first, second] = families;
  if (!first) return totals.notYet > 0 ? `Only “I can’t name it yet” ${periodWords(period)} — that is a real answer, and it counts.` : EMPTY_CHART;
  const also = second ? `, then ${second.name.toLowerCase()}` : '';
  return `${first.name} came up most often ${periodWords(period)}${also}.`;
}

export function ladderSentence(track: LadderInsights['tracks'][number], period: InsightsPeriod): string {
  if (track.steps === 0) return EMPTY_CHART;
  const steady = `${track.steady} of your ${count(track.steps, 'step')} feel${track.steady === 1 ? 's' : ''} steady now`;
  if (track.tries === 0) return `${steady}. No tries ${periodWords(period)} — resting is part of it too.`;
  const newly = track.steadyInPeriod > 0 ? ` (${track.steadyInPeriod} of them became steady ${periodWords(period)})` : '';
  return `${count(track.tries, 'try', 'tries')} ${periodWords(period)}; ${steady}${newly}.`;
}

/**
 * Beneath "Each step's tries": how many tries on how many steps, and in how many the highest
 * distress stayed below the person's own calm level (the line on the charts). Counts, no verdict.
 */
export function stepTriesSentence(track: LadderInsights['tracks'][number], threshold: number, period: InsightsPeriod): string {
  const tried = track.stepTries.filter((s) => s.tries.length > 0);
  if (track.steps === 0) return EMPTY_CHART;
  if (tried.length === 0) return `No step was tried ${periodWords(period)} — resting is part of it too.`;
  const tries = tried.reduce((n, s) => n + s.tries.length, 0);
  const calm = tried.reduce((n, s) => n + s.tries.filter((t) => t.peak < threshold).length, 0);
  const what = `${count(tries, 'try', 'tries')} on ${count(tried.length, 'step')} ${periodWords(period)}`;
  const line = `your calm level (${threshold})`;
  if (calm === 0) return `${what}; distress reached ${line} ${tries === 1 ? 'in it' : 'in each'}, and every try counts, however it went.`;
  if (calm === tries) return `${what}; distress stayed below ${line} ${tries === 1 ? 'in it' : tries === 2 ? 'in both' : `in all ${tries}`}.`;
  return `${what}; distress stayed below ${line} in ${calm} of them.`;
}

export function mediaSentence(items: MediaInsights['items'], totals: MediaInsights['totals'], period: InsightsPeriod): string {
  if (totals.uses === 0) return EMPTY_CHART;
  const tears = items.filter((i) => i.withTears > 0).length;
  const relief = items.filter((i) => i.withRelief > 0).length;
  const what = count(totals.items, 'thing');
  if (tears === 0 && relief === 0) return `You turned to ${what} ${periodWords(period)}. Not every one has to move you — being there with it counts.`;
  if (totals.items === 1) {
    const came = [tears > 0 ? 'tears' : '', relief > 0 ? 'relief' : ''].filter(Boolean).join(' and with ');
    return `The one thing you turned to ${periodWords(period)} came with ${came} at least once.`;
  }
  return `Of the ${what} you turned to ${periodWords(period)}, ${tears} came with tears and ${relief} with relief at least once.`;
}

export function mediaReliefSentence(items: MediaInsights['items'], period: InsightsPeriod): string {
  const answered = items.filter((i) => i.reliefAnswers > 0);
  if (answered.length === 0) return EMPTY_CHART;
  const relief = answered.filter((i) => i.withRelief > 0).length;
  if (relief === 0) return `Relief didn’t come with these ${periodWords(period)}, and that is all right: they can still be worth keeping.`;
  if (answered.length === 1) return `The one thing with relief noted came with some relief ${periodWords(period)}.`;
  return `${relief} of the ${count(answered.length, 'thing')} with relief noted came with some relief ${periodWords(period)}.`;
}

export { careWords } from './care-words.ts';
