import { z } from 'zod';
import builtInJson from '../../../resources/emotions.json' with { type: 'json' };
import { AppError, EmotionWord, type Vocabulary } from '../../../preload/contract/index.ts';
import type { Clock } from '../ports.ts';
import type { Db } from '../vault/database.ts';
import { statement } from './statements.ts';
import { parse } from './validate.ts';

const lowercaseWord = EmotionWord.refine((w) => w === w.toLowerCase(), 'Built-in words are lowercase');

/** The shape of resources/emotions.json; checked at load so a bad edit fails fast. */
export const BuiltInVocabulary = z
  .object({
    version: z.literal(1),
    families: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z][a-z-]*$/),
          name: z.string().min(1).max(60),
          words: z.array(lowercaseWord).min(1),
        }),
      )
      .min(1),
  })
  .superRefine((vocab, ctx) => {
    const seenIds = new Set<string>();
    const seenWords = new Set<string>();
    for (const family of vocab.families) {
      if (seenIds.has(family.id)) ctx.addIssue({ code: 'custom', message: `Duplicate family ${family.id}` });
      seenIds.add(family.id);
      for (const word of family.words) {
        if (seenWords.has(word)) ctx.addIssue({ code: 'custom', message: `Word "${word}" appears twice` });
        seenWords.add(word);
      }
    }
  });
export type BuiltInVocabulary = z.infer<typeof BuiltInVocabulary>;

export const builtInVocabulary: BuiltInVocabulary = BuiltInVocabulary.parse(builtInJson);

/**
 * A word a person may add: the contract's length limits, plus at least one letter and
 * no control characters, since it is shown as a chip and used as a search filter.
 */
const CustomWord = EmotionWord.transform((w) => w.replace(/\s+/gu, ' ').toLowerCase())
  .refine((w) => /\p{L}/u.test(w), 'A feeling word needs at least one letter.')
  .refine((w) => !/\p{Cc}/u.test(w), 'A feeling word cannot contain control characters.');

/** Generous, but keeps a runaway script from growing the list without end. */
export const maxCustomWords = 500;

const sql = {
  custom: `SELECT word, family FROM custom_emotion_words ORDER BY created_at, rowid`,
  find: `SELECT word, family FROM custom_emotion_words WHERE word = ?`,
  count: `SELECT count(*) AS n FROM custom_emotion_words`,
  insert: `INSERT INTO custom_emotion_words (word, family, created_at) VALUES (?, ?, ?)`,
} as const;

/** The built-in emotion words, with the user's own words merged into their families. */
export class VocabularyService {
  constructor(
    private readonly db: () => Db,
    private readonly clock: Clock,
  ) {}

  get(): Vocabulary {
    const custom = statement(this.db(), sql.custom).all() as { word: string; family: string }[];
    const families = builtInVocabulary.families.map((f) => ({ id: f.id, name: f.name, words: [...f.words] }));
    const byId = new Map(families.map((f) => [f.id, f]));
    const shown: { word: string; family: string }[] = [];
    for (const c of custom) {
      // A family could disappear from a later emotions.json; its words are kept in the
      // vault but not shown until it returns, rather than guessed into another family.
      const family = byId.get(c.family);
      if (!family || family.words.includes(c.word)) continue;
      family.words.push(c.word);
      shown.push(c);
    }
    return { families, custom: shown };
  }

  /**
   * Adds a word to an existing family (by id). A word that is already known, built-in
   * or custom, in any family, is left where it is: one word, one place.
   */
  addWord(word: string, family: string): Vocabulary {
    const normalised = parse(CustomWord, word);
    if (!builtInVocabulary.families.some((f) => f.id === family)) {
      throw new AppError('INVALID_INPUT', 'That feeling family does not exist.');
    }
    const db = this.db();
    const isBuiltIn = builtInVocabulary.families.some((f) => f.words.includes(normalised));
    if (!isBuiltIn && !statement(db, sql.find).get(normalised)) {
      const { n } = statement(db, sql.count).get() as { n: number };
      if (n >= maxCustomWords) {
        throw new AppError('INVALID_INPUT', `You can keep up to ${maxCustomWords} words of your own.`);
      }
      statement(db, sql.insert).run(normalised, family, this.clock.now());
    }
    return this.get();
  }
}
