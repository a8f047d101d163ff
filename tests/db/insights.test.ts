import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type InsightsPeriod, type TearOutcome } from '../../preload/contract/index.ts';
import { InsightsService } from '../../main/core/insights/insights-service.ts';
import { Journal } from '../../main/core/journal/journal.ts';
import { notYetWord, VocabularyService } from '../../main/core/journal/vocabulary.ts';
import { LadderService } from '../../main/core/ladder/ladder-service.ts';
import { systemZone } from '../../main/core/ports.ts';
import type { Db } from '../../main/core/vault/database.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import { openTestDatabase } from '../helpers/vault-fixtures.ts';

/**
 * "Over time" on a real encrypted vault, with fixtures whose answers are worked out by hand.
 * Weeks are the person's local weeks: the zone is the service's (the computer's, in the app).
 */

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
/** A Wednesday. */
const NOW = '2024-05-15T12:00:00Z';

let db: Db;
let clock: FakeClock;
let cleanup: () => void;
let zone: string;
let journal: Journal;
let vocabulary: VocabularyService;
let insights: InsightsService;

beforeEach(() => {
  ({ db, clock, cleanup } = openTestDatabase(at(NOW)));
  zone = 'UTC';
  journal = new Journal(() => db, clock);
  vocabulary = new VocabularyService(() => db, clock, () => zone);
  insights = new InsightsService({ db: () => db, clock, zone: () => zone, vocabulary: () => vocabulary.get() });
});
afterEach(() => cleanup());

const setNow = (iso: string) => clock.advance(at(iso) - clock.now());
const query = (period: InsightsPeriod, weekStartsOn = 1) => ({ period, weekStartsOn });
const starts = (buckets: Array<{ start: number }>) => buckets.map((b) => new Date(b.start).toISOString());

interface SessionFixture {
  practice?: string;
  title?: string;
  before?: number;
  after?: number;
  tears?: TearOutcome;
  relief?: number;
  outcome?: 'finished' | 'stopped' | null;
  distress?: number[];
  mood?: number[];
  tooMuch?: true;
}

/** A session as the sessions service leaves it, written directly so every field is known. */
function session(iso: string, f: SessionFixture = {}): number {
  const started = at(iso);
  const outcome = f.outcome === undefined ? 'finished' : f.outcome;
  const id = Number(
    db
      .prepare(
        `INSERT INTO sessions (practice_id, practice_title, step_count, started_at, ended_at, outcome, mood_before, mood_after, tears, relief, too_much)
         VALUES (?, ?, 5, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(f.practice ?? 'arrive-and-breathe', f.title ?? 'Arrive and breathe', started, outcome && started + 600_000, outcome,
        f.before ?? null, f.after ?? null, f.tears ?? null, f.relief ?? null, f.tooMuch ? 1 : null).lastInsertRowid,
  );
  const checkIn = db.prepare('INSERT INTO session_check_ins (session_id, step_index, question, value, at) VALUES (?, 1, ?, ?, ?)');
  for (const value of f.distress ?? []) checkIn.run(id, 'distress', value, started + 60_000);
  for (const value of f.mood ?? []) checkIn.run(id, 'mood', value, started + 60_000);
  return id;
}

/** An entry written at that moment through the journal, with these feeling words. */
function entry(iso: string, ...words: string[]): number {
  const now = clock.now();
  setNow(iso);
  const id = journal.create({ body: 'x', emotions: words.map((word) => ({ word, intensity: 5, bodyLocation: '' })) }).id;
  clock.advance(now - clock.now());
  return id;
}

describe('periods: the person’s own weeks', () => {
  it('shows 4, 13 or 52 whole weeks ending with this one, starting on the locale’s first day', () => {
    const mondays = insights.tears(query('4w', 1));
    expect(mondays.span).toEqual({ period: '4w', unit: 'week', from: at('2024-04-22T00:00:00Z'), to: at('2024-05-20T00:00:00Z') });
    expect(starts(mondays.buckets)).toEqual(['2024-04-22T00:00:00.000Z', '2024-04-29T00:00:00.000Z', '2024-05-06T00:00:00.000Z', '2024-05-13T00:00:00.000Z']);
    expect(insights.tears(query('4w', 0)).span.from).toBe(at('2024-04-21T00:00:00Z'));
    // Saturday weeks: this Wednesday's week began on Saturday the 11th.
    expect(insights.tears(query('4w', 6)).span).toMatchObject({ from: at('2024-04-20T00:00:00Z'), to: at('2024-05-18T00:00:00Z') });
    const quarter = insights.tears(query('3m'));
    expect(quarter.buckets).toHaveLength(13);
    expect(quarter.span.from).toBe(at('2024-02-19T00:00:00Z'));
    const year = insights.tears(query('12m'));
    expect(year.buckets).toHaveLength(52);
    expect(year.span.from).toBe(at('2023-05-22T00:00:00Z'));
  });

  it('counts a session in the week it started in, at the edges too, by the chosen first day', () => {
    session('2024-04-21T23:59:59.999Z'); // Sunday night, before a Monday-week period starts
    session('2024-04-22T00:00:00.000Z'); // the first Monday's first moment
    session('2024-05-12T10:00:00.000Z'); // a Sunday
    session('2024-05-20T00:00:00.000Z'); // next week: after the period
    expect(insights.tears(query('4w', 1)).buckets.map((b) => b.sessions)).toEqual([1, 0, 1, 0]);
    expect(insights.tears(query('4w', 0)).buckets.map((b) => b.sessions)).toEqual([2, 0, 0, 1]);
    expect(insights.tears(query('4w', 1)).totals.sessions).toBe(2);
  });

  it('keeps a spring-forward week Monday to Monday (167 hours) in the person’s zone', () => {
    zone = 'Europe/London';
    setNow('2024-04-03T12:00:00Z');
    session('2024-03-31T22:30:00Z'); // Sunday 23:30 BST: still the week the clocks went forward
    session('2024-03-31T23:30:00Z'); // Monday 00:30 BST: the next week (a fixed 7 × 24 h would say otherwise)
    const { buckets } = insights.tears(query('4w', 1));
    expect(starts(buckets)).toEqual(['2024-03-11T00:00:00.000Z', '2024-03-18T00:00:00.000Z', '2024-03-25T00:00:00.000Z', '2024-03-31T23:00:00.000Z']);
    expect((buckets[2]!.end - buckets[2]!.start) / HOUR).toBe(167);
    expect(buckets.map((b) => b.sessions)).toEqual([0, 0, 1, 1]);
  });

  it('keeps a fall-back week Sunday to Sunday (169 hours), in the computer’s own zone (TZ)', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      insights = new InsightsService({ db: () => db, clock, zone: systemZone, vocabulary: () => vocabulary.get() });
      setNow('2024-11-06T17:00:00Z');
      session('2024-11-03T03:30:00Z'); // Saturday 23:30 EDT: the week before
      session('2024-11-03T04:30:00Z'); // Sunday 00:30 EDT: the week the clocks went back
      session('2024-11-10T04:30:00Z'); // Saturday 23:30 EST: still that week
      const { buckets, span } = insights.tears(query('4w', 0));
      expect(starts(buckets).at(-1)).toBe('2024-11-03T04:00:00.000Z');
      expect((span.to - buckets.at(-1)!.start) / HOUR).toBe(169);
      expect(buckets.map((b) => b.sessions)).toEqual([0, 0, 1, 2]);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('shows everything in weeks while it fits in a year, then in the zone’s calendar months', () => {
    expect(insights.mood(query('all')).span).toEqual({ period: 'all', unit: 'week', from: at('2024-05-13T00:00:00Z'), to: at('2024-05-20T00:00:00Z') });
    session('2024-03-06T10:00:00Z');
    expect(insights.mood(query('all')).buckets).toHaveLength(11);
    zone = 'Europe/London';
    // An entry in the trash is not where things began; one kept two years ago is.
    journal.delete(entry('2021-01-05T10:00:00Z', 'calm'));
    entry('2022-03-10T10:00:00Z');
    const all = insights.mood(query('all'));
    expect(all.span).toMatchObject({ unit: 'month', from: at('2022-03-01T00:00:00Z'), to: at('2024-05-31T23:00:00Z') });
    expect(all.buckets).toHaveLength(27);
    expect(new Date(all.buckets[1]!.start).toISOString()).toBe('2022-03-31T23:00:00.000Z'); // 1 April, BST
  });

  it('starts nothing in the future from a time written by a wrong clock', () => {
    session('2031-01-01T10:00:00Z');
    expect(insights.tears(query('all')).buckets).toHaveLength(1);
    expect(insights.tears(query('all')).totals.sessions).toBe(0);
  });
});

/** Every number in an answer that is not a time or the ladder's threshold and is not 0, by its path. */
function countsAbove0(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return /(start|end|from|to|threshold)$/.test(path) || value === 0 ? [] : [`${path}=${value}`];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => countsAbove0(v, `${path}.${key}`));
}

describe('an empty vault', () => {
  it('answers every view for every period with zeros and empty lists, in the contract’s shapes', () => {
    for (const view of ['mood', 'tears', 'relief', 'feelings', 'ladder', 'media'] as const) {
      for (const period of ['4w', '3m', '12m', 'all'] as const) {
        const answer = insights[view](query(period));
        expect(contract[`insights.${view}`].output.parse(answer)).toEqual(answer);
        expect(countsAbove0(answer), `${view} ${period}`).toEqual([]);
      }
    }
    expect(insights.mood(query('4w')).totals).toEqual({ sessions: 0, paired: 0, higherAfter: 0, sameAfter: 0, lowerAfter: 0, averageChange: null });
    expect(insights.feelings(query('12m')).families).toEqual([]);
    expect(insights.ladder(query('4w')).tracks.map((t) => [t.track, t.steps, t.stepTries])).toEqual([
      ['letting-come', 0, []],
      ['staying-with', 0, []],
    ]);
    expect(insights.media(query('all'))).toMatchObject({ items: [], totals: { uses: 0, items: 0, withTears: 0, withRelief: 0 } });
    expect(insights.careCard()).toEqual({ show: false });
  });
});

describe('mood before and after', () => {
  it('averages the sessions with both moods, and says what seems to help only from 3 sessions on', () => {
    session('2024-04-01T10:00:00Z', { title: 'Breathe (old name)', before: 1, after: 5 }); // before the period
    session('2024-05-07T10:00:00Z', { title: 'Breathe (old name)', before: 2, after: 4 });
    session('2024-05-08T10:00:00Z', { before: 3, after: 3 });
    session('2024-05-08T11:00:00Z', { practice: 'quiet-body', title: 'Quiet body', before: 4 }); // no mood after: not compared
    session('2024-05-14T10:00:00Z', { before: 1, after: 3 });
    session('2024-05-14T11:00:00Z', { practice: 'permission', title: 'Permission', before: 3, after: 2 });
    session('2024-05-15T09:00:00Z', { practice: 'permission', title: 'Permission', before: 2, after: 4 });
    const mood = insights.mood(query('4w'));
    expect(mood.buckets.map(({ sessions, paired, before, after }) => ({ sessions, paired, before, after }))).toEqual([
      { sessions: 0, paired: 0, before: null, after: null },
      { sessions: 0, paired: 0, before: null, after: null },
      { sessions: 3, paired: 2, before: 2.5, after: 3.5 },
      { sessions: 3, paired: 3, before: 2, after: 3 },
    ]);
    // Every practice used is there, with its sessions compared apart (a summary lists them all).
    expect(mood.practices).toEqual([
      { practiceId: 'arrive-and-breathe', title: 'Arrive and breathe', sessions: 3, compared: 3, averageChange: 1.33 },
      { practiceId: 'permission', title: 'Permission', sessions: 2, compared: 2, averageChange: null },
      { practiceId: 'quiet-body', title: 'Quiet body', sessions: 1, compared: 0, averageChange: null },
    ]);
    expect(mood.totals).toEqual({ sessions: 6, paired: 5, higherAfter: 3, sameAfter: 1, lowerAfter: 1, averageChange: 1 });
  });
});

describe('each practice used', () => {
  it('counts every session of it, mood noted after or not; the average rests only on those compared', () => {
    session('2024-05-13T10:00:00Z', { before: 2, after: 3 });
    session('2024-05-13T11:00:00Z', { before: 2, after: 4 });
    for (const hour of [12, 13, 14]) session(`2024-05-13T${hour}:00:00Z`, { practice: 'ok-not-to-cry', title: 'It is OK not to cry', before: 3 });
    const mood = insights.mood(query('4w'));
    expect(mood.totals).toMatchObject({ sessions: 5, paired: 2 });
    expect(mood.practices).toEqual([
      { practiceId: 'arrive-and-breathe', title: 'Arrive and breathe', sessions: 2, compared: 2, averageChange: null },
      { practiceId: 'ok-not-to-cry', title: 'It is OK not to cry', sessions: 3, compared: 0, averageChange: null },
    ]);
    expect(mood.practices.reduce((n, p) => n + p.sessions, 0)).toBe(mood.totals.sessions);
  });
});

describe('tears per week', () => {
  it('counts each of the five outcomes, "none" as one of them, and unanswered sessions apart', () => {
    session('2024-05-06T10:00:00Z', { tears: 'none' });
    session('2024-05-07T10:00:00Z', { tears: 'none' });
    session('2024-05-08T10:00:00Z', { tears: 'welled' });
    session('2024-05-13T10:00:00Z', { tears: 'tear' });
    session('2024-05-14T10:00:00Z', { tears: 'cried' });
    session('2024-05-14T12:00:00Z', { tears: 'deep' });
    session('2024-05-15T10:00:00Z', { outcome: 'stopped' });
    const { buckets, totals } = insights.tears(query('4w'));
    expect(buckets[2]).toMatchObject({ sessions: 3, none: 2, welled: 1, tear: 0, cried: 0, deep: 0, notAnswered: 0 });
    expect(buckets[3]).toMatchObject({ sessions: 4, none: 0, welled: 0, tear: 1, cried: 1, deep: 1, notAnswered: 1 });
    expect(totals).toEqual({ sessions: 7, none: 2, welled: 1, tear: 1, cried: 1, deep: 1, notAnswered: 1 });
  });
});

describe('relief and distress', () => {
  it('averages relief after sessions and the distress answered in their check-ins, week by week', () => {
    session('2024-05-07T10:00:00Z', { relief: 6, distress: [3, 8], mood: [2] });
    session('2024-05-08T10:00:00Z', { relief: 0 });
    session('2024-05-14T10:00:00Z', { relief: 9, distress: [10] });
    session('2024-05-14T11:00:00Z', { distress: [2], tooMuch: true });
    session('2024-04-01T10:00:00Z', { tooMuch: true }); // before the period
    const { buckets, totals } = insights.relief(query('4w'));
    expect(buckets[1]).toMatchObject({ reliefAnswers: 0, relief: null, checkIns: 0, distress: null, highest: null, high: 0 });
    expect(buckets[2]).toMatchObject({ reliefAnswers: 2, relief: 3, checkIns: 2, distress: 5.5, highest: 8, high: 1 });
    expect(buckets[3]).toMatchObject({ reliefAnswers: 1, relief: 9, checkIns: 2, distress: 6, highest: 10, high: 1 });
    expect(totals).toEqual({ reliefAnswers: 3, relief: 5, someRelief: 2, checkIns: 4, distress: 5.75, high: 2, sessionsWithHigh: 2, saidTooMuch: 1 });
  });
});

describe('feelings named', () => {
  it('counts words as granularity does, "can’t name it yet" on its own, families most used first', () => {
    vocabulary.addWord('saudade', 'sadness');
    entry('2023-11-01T10:00:00Z', 'sad'); // first used long before the period
    entry('2024-04-23T10:00:00Z', 'sad', 'lonely', notYetWord);
    entry('2024-05-07T10:00:00Z', 'saudade', 'glad', 'blorp');
    const raw = entry('2024-05-14T10:00:00Z', 'calm');
    // Spellings written before the journal folded them, or by hand: the same words.
    db.prepare("INSERT INTO entry_emotions (entry_id, position, word, intensity) VALUES (?, 1, 'LONELY', 4), (?, 2, 'can\u2019t name it yet', 3)").run(raw, raw);
    journal.delete(entry('2024-05-14T11:00:00Z', 'furious', 'lonely')); // in the trash: taken back
    entry('2024-06-01T10:00:00Z', 'tender'); // written by a clock ahead: after the period

    const f = insights.feelings(query('4w'));
    expect(f.buckets.map(({ newWords, distinctSoFar }) => ({ newWords, distinctSoFar }))).toEqual([
      { newWords: 1, distinctSoFar: 2 },
      { newWords: 0, distinctSoFar: 2 },
      { newWords: 3, distinctSoFar: 5 },
      { newWords: 1, distinctSoFar: 6 },
    ]);
    expect(f.families).toEqual([
      { id: 'sadness', name: 'Sadness and grief', named: 4 },
      { id: 'calm', name: 'Calm and ease', named: 1 },
      { id: 'joy', name: 'Joy and lightness', named: 1 },
    ]);
    expect(f.totals).toEqual({ named: 7, notYet: 2, withoutFamily: 1, distinctWords: 6, newWords: 5, distinctEver: 7 });
    expect(f.totals.distinctEver).toBe(vocabulary.granularity().distinctWords);
    // Restored from the trash, its words count again.
    journal.restore(db.prepare("SELECT entry_id FROM entry_emotions WHERE word = 'furious'").pluck().get() as number);
    expect(insights.feelings(query('4w')).totals).toMatchObject({ named: 9, distinctWords: 7 });
  });
});

describe('ladder', () => {
  it('shows steps steady over time and each step’s tries in the period', () => {
    const ladder = new LadderService({ db: () => db, clock });
    const first = ladder.addStep({ track: 'letting-come', text: 'Imagine tears coming', expectedDistress: 10 });
    const second = ladder.addStep({ track: 'letting-come', text: 'Cry alone', expectedDistress: 40 });
    const early = ladder.addStep({ track: 'staying-with', text: 'Say my phrase aloud', expectedDistress: 15 });
    const attempt = (stepId: number, iso: string, peak: number) =>
      ladder.recordAttempt({ stepId, distressBefore: 30, distressPeak: peak, distressAfter: 10, tears: 1, breathedBefore: true, breathedAfter: true, startedAt: at(iso), endedAt: at(iso) + 600_000 });
    attempt(early.id, '2024-01-10T10:00:00Z', 20);
    attempt(early.id, '2024-01-17T10:00:00Z', 25); // steady long ago
    attempt(first.id, '2024-04-10T10:00:00Z', 60); // before the period
    attempt(first.id, '2024-04-30T10:00:00Z', 40);
    attempt(first.id, '2024-05-08T10:00:00Z', 30); // the second calm try in a row: steady now
    attempt(second.id, '2024-05-14T10:00:00Z', 70);

    const l = insights.ladder(query('4w'));
    expect(l.threshold).toBe(50);
    const [lettingCome, stayingWith] = l.tracks;
    expect(lettingCome).toMatchObject({ track: 'letting-come', steps: 2, steady: 1, steadyInPeriod: 1, tries: 3 });
    expect(lettingCome!.buckets.map((b) => b.steady)).toEqual([0, 0, 1, 1]);
    expect(lettingCome!.stepTries).toEqual([
      {
        stepId: first.id,
        text: 'Imagine tears coming',
        steady: true,
        steadyAt: at('2024-05-08T10:10:00Z'),
        tries: [
          { at: at('2024-04-30T10:00:00Z'), before: 30, peak: 40, after: 10 },
          { at: at('2024-05-08T10:00:00Z'), before: 30, peak: 30, after: 10 },
        ],
      },
      { stepId: second.id, text: 'Cry alone', steady: false, steadyAt: null, tries: [{ at: at('2024-05-14T10:00:00Z'), before: 30, peak: 70, after: 10 }] },
    ]);
    expect(stayingWith).toMatchObject({ steps: 1, steady: 1, steadyInPeriod: 0, tries: 0 });
    expect(stayingWith!.buckets.map((b) => b.steady)).toEqual([1, 1, 1, 1]);
    // The person's own threshold decides: at 30, the first step's tries were never calm enough.
    ladder.setThreshold(30);
    expect(insights.ladder(query('4w')).tracks[0]).toMatchObject({ steady: 0, steadyInPeriod: 0 });
  });
});

describe('moving media', () => {
  it('tells which items came with tears or relief in the period', () => {
    const item = db.prepare(`INSERT INTO media_items (title, kind, created_at, updated_at) VALUES (?, ?, 0, 0)`);
    const film = Number(item.run('The harbour', 'film').lastInsertRowid);
    const song = Number(item.run('Slow song', 'song').lastInsertRowid);
    const book = Number(item.run('Old letters', 'book').lastInsertRowid);
    const use = db.prepare('INSERT INTO media_uses (media_id, session_id, used_at, tears) VALUES (?, ?, ?, ?)');
    use.run(film, session('2024-05-07T10:00:00Z', { tears: 'cried', relief: 7 }), at('2024-05-07T10:05:00Z'), null);
    // The use's own answer wins over its session's.
    use.run(film, session('2024-05-14T10:00:00Z', { tears: 'deep', relief: 0 }), at('2024-05-14T10:05:00Z'), 'none');
    use.run(song, null, at('2024-05-09T20:00:00Z'), 'welled');
    use.run(book, session('2024-03-01T10:00:00Z', { tears: 'cried', relief: 9 }), at('2024-03-01T10:05:00Z'), null);
    const m = insights.media(query('4w'));
    expect(m.items).toEqual([
      { id: film, title: 'The harbour', kind: 'film', uses: 2, withTears: 1, withRelief: 1, reliefAnswers: 2, relief: 3.5 },
      { id: song, title: 'Slow song', kind: 'song', uses: 1, withTears: 1, withRelief: 0, reliefAnswers: 0, relief: null },
    ]);
    expect(m.totals).toEqual({ uses: 3, items: 2, withTears: 2, withRelief: 1 });
  });
});
