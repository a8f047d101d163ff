import type { CarePattern } from '../../../preload/contract/insights.ts';
import { times } from '../../lib/format.svelte.ts';

/**
 * The care card's words for what happened lately (never the name of a condition). On its own, apart
 * from sentences.ts: the card shows after a session too, in the shell, which must not reach the charts.
 */

const count = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;


/**
 * What happened lately, in plain words (never the name of a condition). `justNow`: shown right
 * after the session that is the newest it names (the kind message), so it can say "this session".
 */
export function careWords(pattern: CarePattern, sessions: number, of: number, justNow = false): string {
  switch (pattern) {
    case 'said-too-much':
      // Their own words, given back plainly: no more is made of them than they said.
      if (sessions === 1 && justNow) return 'You said some of this session felt like too much.';
      return sessions === 1
        ? 'After a recent session, you said some of it felt like too much.'
        : `You said some of it felt like too much after ${count(sessions, 'session')} in the last four weeks.`;
    case 'often-high-distress':
      return `Distress ran high in ${sessions} of your last ${count(of, 'session')}.`;
    case 'stopped-after-high':
      return `Your last ${count(sessions, 'session')} stopped after distress ran high.`;
    case 'top-of-scale':
      return `Distress reached the very top of the scale ${times(sessions)} in the last two weeks.`;
    case 'very-low-after':
      return `You felt very low after ${sessions} of your last ${count(of, 'session')}.`;
  }
}
