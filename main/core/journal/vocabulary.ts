import { z } from 'zod';
import builtInJson from '../../../resources/emotions.json' with { type: 'json' };
import {
  AppError,
  EmotionPlacement,
  EmotionWord,
  type EmotionGranularity,
  type Vocabulary,
} from '../../../preload/contract/index.ts';
import { isTimeZone } from '../../../preload/contract/schedule/zone-time.ts';
import { systemZone, type Clock } from '../ports.ts';
import type { Db } from '../vault/database.ts';
import { countGranularity, foldWord, granularitySentence, type WordUse } from './granularity.ts';
import { statement } from '../vault/statements.ts';
import { parse } from './validate.ts';

const lowercaseWord = EmotionWord.refine((w) => w === w.toLowerCase(), 'Built-in words are lowercase');
const familyId = z.string().regex(/^[a-z][a-z-]*$/);

/**
 * The shape of resources/emotions.json; checked at load so a bad edit fails fast. Each
 * word carries its place on the mood-meter grid (see EmotionPlacement); `region` records
 * where most of a family's words sit, and the vocabulary test holds the placements to it.
 */
export const BuiltInVocabulary = z
  .object({
    version: z.literal(1),
    about: z.string(),
    families: z
      .array(
        z.object({
          id: familyId,
          name: z.string().min(1).max(60),
          description: z.string().min(1).max(200),
          region: z.object({
            pleasantness: z.enum(['pleasant', 'unpleasant', 'mixed']),
            energy: z.enum(['high', 'low', 'mixed']),
          }),
          words: z.array(z.object({ word: lowercaseWord, ...EmotionPlacement.shape })).min(1),
        }),
      )
      .min(1),
    /** The reserved "I can't name it yet" answer: a family of one word, with no place on the grid. */
    notYet: z.object({
      id: familyId,
      name: z.string().min(1).max(60),
      description: z.string().min(1).max(200),
      word: lowercaseWord,
    }),
  })
  .superRefine((vocab, ctx) => {
    const seenIds = new Set<string>([vocab.notYet.id]);
    const seenWords = new Set<string>([vocab.notYet.word]);
    for (const family of vocab.families) {
      if (seenIds.has(family.id)) ctx.addIssue({ code: 'custom', message: `Duplicate family ${family.id}` });
      seenIds.add(family.id);
      for (const { word } of family.words) {
        if (seenWords.has(word)) ctx.addIssue({ code: 'custom', message: `Word "${word}" appears twice` });
        seenWords.add(word);
      }
    }
  });
export type BuiltInVocabulary = z.infer<typeof BuiltInVocabulary>;

export const builtInVocabulary: BuiltInVocabulary = BuiltInVocabulary.parse(builtInJson);

/** The reserved answer for a feeling that has no name yet. The journal takes it like any word. */
export const notYetWord = builtInVocabulary.notYet.word;

/** Every word that ships with Saltwater, including the reserved one. */
const builtInWords: ReadonlySet<string> = new Set([
  notYetWord,
  ...builtInVocabulary.families.flatMap((f) => f.words.map((w) => w.word)),
]);
/** Also true for "Can’t name it yet" typed with a curly apostrophe. */
const isBuiltIn = (word: string) => builtInWords.has(word) || builtInWords.has(foldWord(word));

/**
 * A word a person may add: the contract's length limits, plus at least one letter and
 * no control characters, since it is shown as a chip and used as a search filter.
 */
const CustomWord = EmotionWord.transform((w) => w.replace(/\s+/gu, ' ').toLowerCase())
  .refine((w) => /\p{L}/u.test(w), 'A feeling word needs at least one letter.')
  .refine((w) => !/\p{Cc}/u.test(w), 'A feeling word cannot contain control characters.');

const OptionalPlacement = EmotionPlacement.nullable();

/** Generous, but keeps a runaway script from growing the list without end. */
export const maxCustomWords = 500;

interface CustomRow {
  word: string;
  family: string;
  pleasantness: number | null;
  energy: number | null;
}

/**
 * First and last use of each word in live entries. Soft-deleted entries are left out: the
 * person took those words back, at least for now (their feelings' written_at is NULL, see
 * migration 018). Walks the distinct words of the (word, written_at) index one search at a time
 * (SQLite has no skip scan without statistics), and takes each one's first and last time from
 * the same index: a few searches per word, however many entries there are.
 */
export const granularitySql = `
  WITH RECURSIVE words (word) AS (
    SELECT min(word) FROM entry_emotions
    UNION ALL
    SELECT (SELECT min(ee.word) FROM entry_emotions ee WHERE ee.word > words.word) FROM words WHERE words.word IS NOT NULL
  )
  SELECT word, firstUsed, lastUsed FROM (
    SELECT word,
      (SELECT min(ee.written_at) FROM entry_emotions ee WHERE ee.word = words.word AND ee.written_at IS NOT NULL) AS firstUsed,
      (SELECT max(ee.written_at) FROM entry_emotions ee WHERE ee.word = words.word) AS lastUsed
    FROM words WHERE word IS NOT NULL)
  WHERE firstUsed IS NOT NULL`;

const sql = {
  custom: `SELECT word, family, pleasantness, energy FROM custom_emotion_words ORDER BY created_at, rowid`,
  find: `SELECT word FROM custom_emotion_words WHERE word = ?`,
  count: `SELECT count(*) AS n FROM custom_emotion_words`,
  insert: `INSERT INTO custom_emotion_words (word, family, created_at, pleasantness, energy) VALUES (?, ?, ?, ?, ?)`,
  place: `UPDATE custom_emotion_words SET pleasantness = ?, energy = ? WHERE word = ?`,
} as const;

/**
 * The built-in emotion words, with the user's own words merged into their families, and
 * how many different words the user has put to their feelings over time.
 */
export class VocabularyService {
  /** `zone` gives the IANA zone whose calendar months granularity is counted in. */
  constructor(
    private readonly db: () => Db,
    private readonly clock: Clock,
    private readonly zone: () => string = systemZone,
  ) {}

  get(): Vocabulary {
    const rows = statement(this.db(), sql.custom).all() as CustomRow[];
    const families = builtInVocabulary.families.map((f) => ({
      id: f.id,
      name: f.name,
      description: f.description,
      words: f.words.map((w) => w.word),
    }));
    const placements: Record<string, EmotionPlacement> = {};
    for (const f of builtInVocabulary.families) {
      for (const { word, pleasantness, energy } of f.words) placements[word] = { pleasantness, energy };
    }
    const byId = new Map(families.map((f) => [f.id, f]));
    const custom: Vocabulary['custom'] = [];
    for (const row of rows) {
      // A family could disappear from a later emotions.json; its words are kept in the
      // vault but not shown until it returns, rather than guessed into another family.
      // A word that later became built-in shows once, in its built-in place.
      const family = byId.get(row.family);
      if (!family || isBuiltIn(row.word) || family.words.includes(row.word)) continue;
      family.words.push(row.word);
      const placement = placementOf(row);
      if (placement) placements[row.word] = placement;
      custom.push({ word: row.word, family: row.family, placement });
    }
    const { id, name, description, word } = builtInVocabulary.notYet;
    families.push({ id, name, description, words: [word] });
    return { families, custom, placements, notYetWord };
  }

  /**
   * Adds a word to an existing family (by id), optionally placed on the grid. A word that
   * is already known, built-in or custom, in any family, is left where it is: one word,
   * one place (use placeWord to move one of the person's own words).
   */
  addWord(word: string, family: string, placement: EmotionPlacement | null = null): Vocabulary {
    const normalised = parse(CustomWord, word);
    const place = parse(OptionalPlacement, placement);
    if (family === builtInVocabulary.notYet.id) {
      throw new AppError('INVALID_INPUT', 'Your own words can go in any family except this one, which is kept for "not yet".');
    }
    if (!builtInVocabulary.families.some((f) => f.id === family)) {
      throw new AppError('INVALID_INPUT', 'That feeling family does not exist.');
    }
    const db = this.db();
    if (!isBuiltIn(normalised) && !statement(db, sql.find).get(normalised)) {
      const { n } = statement(db, sql.count).get() as { n: number };
      if (n >= maxCustomWords) {
        throw new AppError('INVALID_INPUT', `You can keep up to ${maxCustomWords} words of your own.`);
      }
      statement(db, sql.insert).run(normalised, family, this.clock.now(), place?.pleasantness ?? null, place?.energy ?? null);
    }
    return this.get();
  }

  /** Moves one of the person's own words on the grid, or takes it off (null). */
  placeWord(word: string, placement: EmotionPlacement | null): Vocabulary {
    const normalised = parse(CustomWord, word);
    const place = parse(OptionalPlacement, placement);
    if (isBuiltIn(normalised)) {
      throw new AppError('INVALID_INPUT', 'Words that come with Saltwater keep their place. Words you added can be moved.');
    }
    const changed = statement(this.db(), sql.place).run(place?.pleasantness ?? null, place?.energy ?? null, normalised);
    if (changed.changes === 0) throw new AppError('NOT_FOUND', 'That word could not be found among the words you added.');
    return this.get();
  }

  /**
   * How many different feeling words the person has used, overall, in each of the last
   * 12 months (cumulative, in the person's time zone) and in the last 30 days. "Can't
   * name it yet" is a welcome answer but is not counted as a word.
   */
  granularity(): EmotionGranularity {
    const uses = statement(this.db(), granularitySql).all() as WordUse[];
    const zone = this.zone();
    const counts = countGranularity(uses, {
      now: this.clock.now(),
      // A zone Intl does not know would throw deep inside; UTC months are a fair fallback.
      zone: isTimeZone(zone) ? zone : 'UTC',
      notCounted: [notYetWord],
    });
    return { ...counts, sentence: granularitySentence(counts) };
  }
}

function placementOf(row: CustomRow): EmotionPlacement | null {
  return row.pleasantness === null || row.energy === null ? null : { pleasantness: row.pleasantness, energy: row.energy };
}
