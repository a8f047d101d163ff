import { z } from 'zod';
import { method, none, ok, SessionId, timestamp } from './common.ts';
import { MediaKind } from './media.ts';
import { LadderTrack } from './practice.ts';

/**
 * "Over time": one method per chart, each answering with the numbers the chart draws and the
 * facts (counts) its one kind sentence needs; the page writes the words. Aggregated in main with
 * SQL over the person's own local weeks. Nothing here is a score: counts, averages and "not
 * enough yet".
 */

export const InsightsPeriod = z.enum(['4w', '3m', '12m', 'all'], {
  error: 'Please choose a period: the last 4 weeks, 3 months, 12 months, or everything.',
});
export type InsightsPeriod = z.output<typeof InsightsPeriod>;

const weekStartMessage = 'The first day of the week is a weekday from 0 (Sunday) to 6 (Saturday).';

export const InsightsQuery = z.strictObject({
  period: InsightsPeriod,
  /**
   * The day weeks start on, as Date.getDay() counts (0 Sunday … 6 Saturday): the locale's own,
   * from Intl.Locale's weekInfo.firstDay (1 Monday … 7 Sunday) as `firstDay % 7`.
   */
  weekStartsOn: z.number({ error: weekStartMessage }).int({ error: weekStartMessage }).min(0, { error: weekStartMessage }).max(6, { error: weekStartMessage }),
});
export type InsightsQuery = z.input<typeof InsightsQuery>;

/** Fewer sessions than this with a practice, and no average is given for it: too few to say anything. */
export const FEWEST_TO_COMPARE = 3;

const count = z.number().int().nonnegative();
/** An average (2 decimals), or null when there was nothing to average. */
const average = z.number().nullable();

/**
 * What the numbers cover. Buckets are whole local weeks starting on `weekStartsOn` (4, 13 or 52
 * of them, the last holding today), or, for 'all' over more than 53 weeks, calendar months.
 * Each bucket starts at local midnight, so a week with a clock change is 167 or 169 hours long.
 */
export const InsightsSpan = z.object({
  period: InsightsPeriod,
  unit: z.enum(['week', 'month']),
  /** The first bucket's start. */
  from: timestamp,
  /** The last bucket's end (the next week's or month's start: just after today). */
  to: timestamp,
});
export type InsightsSpan = z.output<typeof InsightsSpan>;

const Bucket = z.object({ start: timestamp, end: timestamp });

// ---- mood before and after, and what seems to help --------------------------------

export const MoodInsights = z.object({
  span: InsightsSpan,
  buckets: z.array(
    Bucket.extend({
      sessions: count,
      /** Sessions with both moods (1–5) answered; `before` and `after` average these. */
      paired: count,
      before: average,
      after: average,
    }),
  ),
  /** Each practice used in the period, those with most sessions compared first, then most used. */
  practices: z.array(
    z.object({
      practiceId: z.string(),
      title: z.string(),
      /** All its sessions in the period, moods answered or not. */
      sessions: count,
      /** Those with both moods answered: the sessions the average is based on. */
      compared: count,
      /** Mood after minus before, on average (−4 … 4); null below FEWEST_TO_COMPARE sessions. */
      averageChange: average,
    }),
  ),
  totals: z.object({
    sessions: count,
    paired: count,
    higherAfter: count,
    sameAfter: count,
    lowerAfter: count,
    /** Null below FEWEST_TO_COMPARE paired sessions. */
    averageChange: average,
  }),
});
export type MoodInsights = z.output<typeof MoodInsights>;

// ---- tears per week ---------------------------------------------------------------

/** Sessions by the tears answered after them; "none" is an outcome like the others. */
const TearCounts = z.object({ none: count, welled: count, tear: count, cried: count, deep: count, notAnswered: count });

export const TearsInsights = z.object({
  span: InsightsSpan,
  buckets: z.array(Bucket.extend({ sessions: count, ...TearCounts.shape })),
  totals: TearCounts.extend({ sessions: count }),
});
export type TearsInsights = z.output<typeof TearsInsights>;

// ---- relief after sessions, distress in check-ins ----------------------------------

export const ReliefInsights = z.object({
  span: InsightsSpan,
  buckets: z.array(
    Bucket.extend({
      /** Sessions with relief (0–10) answered, and its average. */
      reliefAnswers: count,
      relief: average,
      /** Distress check-ins (0–10) in the week's sessions: how many, average, highest. */
      checkIns: count,
      distress: average,
      highest: z.number().int().nullable(),
      /** Check-ins at or above HIGH_DISTRESS. */
      high: count,
    }),
  ),
  totals: z.object({
    reliefAnswers: count,
    relief: average,
    /** Sessions whose relief was above 0. */
    someRelief: count,
    checkIns: count,
    distress: average,
    high: count,
    /** Sessions with at least one high check-in. */
    sessionsWithHigh: count,
    /** Sessions after which the person said some of it felt like too much (the therapy summary's sessions say so). */
    saidTooMuch: count,
  }),
});
export type ReliefInsights = z.output<typeof ReliefInsights>;

// ---- feelings named ---------------------------------------------------------------

export const FeelingsInsights = z.object({
  span: InsightsSpan,
  buckets: z.array(
    // How often feelings were named is in the totals only: week by week it would cost a second
    // index read on the first visit after unlock, for numbers no chart shows.
    Bucket.extend({
      /** Words used for the first time ever. */
      newWords: count,
      /** Different words used so far, counted as granularity counts them (all time, up to the bucket's end). */
      distinctSoFar: count,
    }),
  ),
  /** Feeling families by times named in the period, most first; families not used are left out. */
  families: z.array(z.object({ id: z.string(), name: z.string(), named: count })),
  totals: z.object({
    /** Times a feeling word was chosen in the period's entries ("can't name it yet" not included). */
    named: count,
    /** Times "I can't name it yet" was chosen: an honest answer, counted on its own. */
    notYet: count,
    /** Times a word was named that belongs to no family (typed in the journal, never added). */
    withoutFamily: count,
    /** Different words in the period, and those first used in it. */
    distinctWords: count,
    newWords: count,
    /** Different words ever (the same number as emotions.granularity). */
    distinctEver: count,
  }),
});
export type FeelingsInsights = z.output<typeof FeelingsInsights>;

// ---- ladder -----------------------------------------------------------------------

const percent = z.number().int().min(0).max(100);

export const LadderInsights = z.object({
  span: InsightsSpan,
  /** The calm-enough level steadiness is judged by (ladder.setThreshold). */
  threshold: z.number().int().min(1).max(100),
  tracks: z.array(
    z.object({
      track: LadderTrack,
      title: z.string(),
      /** Steps on the track, and how many feel steady now (mastery.ts: two calm tries in a row). */
      steps: count,
      steady: count,
      /** Steps that became steady within the period, and tries made in it. */
      steadyInPeriod: count,
      tries: count,
      /** Steps steady by each bucket's end. */
      buckets: z.array(Bucket.extend({ steady: count })),
      /** Each step in the track's order, with its tries in the period, oldest first. */
      stepTries: z.array(
        z.object({
          stepId: z.number().int().positive(),
          text: z.string(),
          steady: z.boolean(),
          /** When it became steady (the second calm try in a row ended), or null. */
          steadyAt: timestamp.nullable(),
          tries: z.array(z.object({ at: timestamp, before: percent, peak: percent, after: percent })),
        }),
      ),
    }),
  ),
});
export type LadderInsights = z.output<typeof LadderInsights>;

// ---- moving media -----------------------------------------------------------------

export const MediaInsights = z.object({
  span: InsightsSpan,
  /** Items used in the period: those that came with tears or relief most often first. */
  items: z.array(
    z.object({
      id: z.number().int().positive(),
      title: z.string(),
      kind: MediaKind,
      uses: count,
      /** Uses that came with tears (eyes welled or more; the use's own answer, else its session's). */
      withTears: count,
      /** Uses whose session's relief was above 0, of those where relief was answered. */
      withRelief: count,
      reliefAnswers: count,
      relief: average,
    }),
  ),
  totals: z.object({ uses: count, items: count, withTears: count, withRelief: count }),
});
export type MediaInsights = z.output<typeof MediaInsights>;

// ---- the care card ----------------------------------------------------------------

/**
 * The patterns after which "talking to someone can help" is offered (main/core/insights/care-rules.ts
 * says exactly when). Names of what happened, never of a condition:
 * - said-too-much: the person said some of a recent session felt like too much (their own words, first);
 * - often-high-distress: high distress in several of the last sessions that asked;
 * - stopped-after-high: the last sessions were stopped after a high distress answer;
 * - top-of-scale: distress at the very top of the scale more than once lately ("too much");
 * - very-low-after: feeling very low after several of the last sessions.
 */
export const CarePattern = z.enum(['said-too-much', 'often-high-distress', 'stopped-after-high', 'top-of-scale', 'very-low-after']);
export type CarePattern = z.output<typeof CarePattern>;

/** After the card is shown (or put away), it stays away this long, and comes back only for something new since. */
export const CARE_CARD_QUIET_DAYS = 7;

/**
 * Asking for the card to show it. Over time asks with nothing; the screen after a session names
 * that session, and the card is offered there only when this very session is the newest match.
 */
export const CareCardQuery = z
  .strictObject({ afterSession: SessionId.optional() }, { error: 'Ask for the care card with nothing, or with the session just finished.' })
  .optional();
export type CareCardQuery = z.output<typeof CareCardQuery>;

export const CareCard = z.discriminatedUnion('show', [
  z.object({ show: z.literal(false) }),
  z.object({
    show: z.literal(true),
    pattern: CarePattern,
    /** Sessions that matched, of those the pattern looked at. */
    sessions: count,
    of: count,
    /** The newest matching session: the page after a session can tell whether it was this one. */
    latestSessionId: SessionId,
    latestAt: timestamp,
  }),
]);
export type CareCard = z.output<typeof CareCard>;

export const insightsMethods = {
  /** Mood before and after sessions per bucket, and the average change per practice. */
  'insights.mood': method(InsightsQuery, MoodInsights),
  /** Sessions per bucket by the five tear outcomes. */
  'insights.tears': method(InsightsQuery, TearsInsights),
  /** Relief after sessions and distress in their check-ins, per bucket. */
  'insights.relief': method(InsightsQuery, ReliefInsights),
  /** Feeling words named per bucket, how many different ones so far, the families used most. */
  'insights.feelings': method(InsightsQuery, FeelingsInsights),
  /** Each track's steps steady over time, and each step's tries in the period. */
  'insights.ladder': method(InsightsQuery, LadderInsights),
  /** Which moving media came with tears or relief in the period. */
  'insights.media': method(InsightsQuery, MediaInsights),
  /**
   * The "talking to someone can help" card to show now, and the pattern behind it; ask only to show
   * it. An answer with show: true counts as the card seen, remembered in the vault at once: it is not
   * offered again within CARE_CARD_QUIET_DAYS however the screen ends (Not now, leaving, the idle
   * lock, quitting, a crash). The page keeps showing the card it was given. Never for a notification.
   */
  'insights.careCard': method(CareCardQuery, CareCard),
  /** "Not now": the card was put away; the quiet days start again from now. */
  'insights.dismissCareCard': method(none, ok),
} as const;
