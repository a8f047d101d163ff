import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuiltInVocabulary } from '../../main/core/journal/vocabulary.ts';

/**
 * The built-in words as a person will meet them on the mood-meter picker: read from disk,
 * independent of the module's own import, so a careless edit of emotions.json fails here.
 */
const file = path.join(import.meta.dirname, '../../resources/emotions.json');
const vocab = BuiltInVocabulary.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
const words = vocab.families.flatMap((f) => f.words);
const place = (word: string) => {
  const found = words.find((w) => w.word === word);
  if (!found) throw new Error(`"${word}" is not in the vocabulary`);
  return found;
};

// Journal entries store words, so none of the first vocabulary may ever disappear.
const firstVocabulary: Record<string, string[]> = {
  sadness: ['sad', 'grieving', 'heartbroken', 'lonely', 'disappointed', 'hurt', 'homesick', 'melancholy', 'hopeless', 'wistful', 'low', 'left out', 'longing'],
  fear: ['afraid', 'anxious', 'worried', 'nervous', 'scared', 'panicky', 'dreading', 'uneasy', 'insecure', 'vulnerable', 'terrified', 'on edge'],
  anger: ['angry', 'frustrated', 'irritated', 'resentful', 'furious', 'bitter', 'annoyed', 'betrayed', 'jealous', 'indignant', 'fed up'],
  joy: ['happy', 'glad', 'joyful', 'excited', 'hopeful', 'proud', 'playful', 'relieved', 'delighted', 'amused', 'light'],
  tenderness: ['loving', 'tender', 'warm', 'grateful', 'moved', 'connected', 'caring', 'compassionate', 'touched', 'cherished'],
  shame: ['ashamed', 'guilty', 'embarrassed', 'regretful', 'exposed', 'humiliated', 'unworthy', 'self-conscious', 'small'],
  surprise: ['surprised', 'shocked', 'confused', 'bewildered', 'startled', 'amazed', 'unsure', 'torn'],
  calm: ['calm', 'peaceful', 'safe', 'content', 'relaxed', 'settled', 'at ease', 'steady', 'soft'],
  numb: ['numb', 'empty', 'disconnected', 'flat', 'detached', 'blank', 'frozen', 'shut down', 'hollow'],
  overwhelmed: ['overwhelmed', 'stressed', 'flooded', 'restless', 'exhausted', 'pressured', 'swamped', 'raw', 'frazzled'],
};

describe('built-in vocabulary: words', () => {
  it('has at least 120 words, each placed once', () => {
    expect(words.length).toBeGreaterThanOrEqual(120);
    expect(new Set(words.map((w) => w.word)).size).toBe(words.length);
  });

  it('keeps every word of the first vocabulary, in its family', () => {
    for (const [id, list] of Object.entries(firstVocabulary)) {
      const family = vocab.families.find((f) => f.id === id);
      expect(family, id).toBeDefined();
      expect(family!.words.map((w) => w.word), id).toEqual(expect.arrayContaining(list));
    }
  });

  it('gives every family a name and a short, gentle description', () => {
    for (const f of vocab.families) {
      expect(f.name.trim(), f.id).not.toBe('');
      expect(f.description.length, f.id).toBeGreaterThan(20);
      expect(f.description, f.id).toMatch(/[.!]$/);
      expect(f.description.toLowerCase(), f.id).not.toMatch(/\b(disorder|symptom|patholog|abnormal|should)\b/);
    }
    expect(vocab.notYet.word).toBe("can't name it yet");
  });
});

describe('built-in vocabulary: places on the grid', () => {
  it('puts well-known feelings where people would look for them', () => {
    const unpleasantHigh = ['furious', 'enraged', 'terrified', 'panicky', 'angry', 'anxious', 'overwhelmed', 'shocked'];
    const unpleasantLow = ['sad', 'hopeless', 'lonely', 'numb', 'empty', 'exhausted', 'bored', 'despairing'];
    const pleasantHigh = ['excited', 'thrilled', 'elated', 'joyful', 'happy', 'amazed', 'playful'];
    const pleasantLow = ['calm', 'peaceful', 'serene', 'relaxed', 'content', 'at ease', 'safe'];
    for (const w of unpleasantHigh) expect([w, Math.sign(place(w).pleasantness), Math.sign(place(w).energy)]).toEqual([w, -1, 1]);
    for (const w of unpleasantLow) expect([w, Math.sign(place(w).pleasantness), Math.sign(place(w).energy)]).toEqual([w, -1, -1]);
    for (const w of pleasantHigh) expect([w, Math.sign(place(w).pleasantness), Math.sign(place(w).energy)]).toEqual([w, 1, 1]);
    for (const w of pleasantLow) expect([w, Math.sign(place(w).pleasantness), Math.sign(place(w).energy)]).toEqual([w, 1, -1]);
  });

  it('keeps the extremes for the strongest words and the stronger word of a pair further out', () => {
    expect(place('furious').pleasantness).toBeLessThanOrEqual(-4);
    expect(place('furious').energy).toBeGreaterThanOrEqual(4);
    expect(place('terrified').energy).toBeGreaterThanOrEqual(4);
    expect(place('burnt out').energy).toBeLessThanOrEqual(-4);
    expect(place('serene').energy).toBeLessThanOrEqual(-3);
    expect(place('thrilled').pleasantness).toBeGreaterThanOrEqual(4);
    const stronger: [string, string][] = [
      ['furious', 'annoyed'],
      ['terrified', 'nervous'],
      ['elated', 'glad'],
      ['enraged', 'irritated'],
    ];
    for (const [strong, mild] of stronger) {
      const reach = (w: string) => Math.abs(place(w).pleasantness) + Math.abs(place(w).energy);
      expect(reach(strong), `${strong} vs ${mild}`).toBeGreaterThan(reach(mild));
    }
  });

  it('has each family sit mostly where its region says, and mixed only where declared', () => {
    const side = { pleasant: 1, unpleasant: -1, high: 1, low: -1 } as const;
    let mixedAxes = 0;
    for (const f of vocab.families) {
      for (const axis of ['pleasantness', 'energy'] as const) {
        const declared = f.region[axis];
        if (declared === 'mixed') {
          mixedAxes++;
          // Mixed must be honest: both sides really have words.
          expect(f.words.filter((w) => w[axis] > 0).length, `${f.id} ${axis}`).toBeGreaterThanOrEqual(2);
          expect(f.words.filter((w) => w[axis] < 0).length, `${f.id} ${axis}`).toBeGreaterThanOrEqual(2);
          continue;
        }
        const onSide = f.words.filter((w) => Math.sign(w[axis]) === side[declared]).length;
        expect(onSide / f.words.length, `${f.id} ${axis}`).toBeGreaterThanOrEqual(2 / 3);
      }
    }
    // A region that says "mixed" everywhere would prove nothing.
    expect(mixedAxes).toBeLessThanOrEqual(3);
  });

  it('offers words in all four corners of the picker', () => {
    const quadrant = (w: { pleasantness: number; energy: number }) => `${w.pleasantness > 0 ? '+' : '-'}${w.energy > 0 ? '+' : '-'}`;
    const counts = new Map<string, number>();
    for (const w of words) counts.set(quadrant(w), (counts.get(quadrant(w)) ?? 0) + 1);
    for (const q of ['++', '+-', '-+', '--']) expect(counts.get(q) ?? 0, q).toBeGreaterThanOrEqual(15);
  });
});

describe('built-in vocabulary: the check that runs at load', () => {
  const good = () => JSON.parse(fs.readFileSync(file, 'utf8')) as {
    families: { id: string; words: { word: string; pleasantness: unknown; energy: unknown }[] }[];
    notYet: { id: string; word: string };
  };
  const refuses = (edit: (v: ReturnType<typeof good>) => void) => {
    const v = good();
    edit(v);
    return !BuiltInVocabulary.safeParse(v).success;
  };

  it('accepts the shipped file', () => {
    expect(refuses(() => {})).toBe(false);
  });

  it('refuses a placement off the grid, on 0, fractional or missing', () => {
    expect(refuses((v) => (v.families[0]!.words[0]!.pleasantness = 0))).toBe(true);
    expect(refuses((v) => (v.families[0]!.words[0]!.energy = 6))).toBe(true);
    expect(refuses((v) => (v.families[0]!.words[0]!.energy = -6))).toBe(true);
    expect(refuses((v) => (v.families[0]!.words[0]!.pleasantness = 1.5))).toBe(true);
    expect(refuses((v) => delete (v.families[0]!.words[0] as { energy?: unknown }).energy)).toBe(true);
  });

  it('refuses the reserved word inside a family, or a family sharing its id', () => {
    expect(refuses((v) => v.families[0]!.words.push({ word: v.notYet.word, pleasantness: -1, energy: -1 }))).toBe(true);
    expect(refuses((v) => (v.families[0]!.id = v.notYet.id))).toBe(true);
  });
});
