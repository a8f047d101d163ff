import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { estimatedMinutes, stepSeconds } from '../../preload/contract/breath.ts';
import { builtInPatternIds, Practice, SPEAK_TEXT, type BreathPattern } from '../../preload/contract/practice.ts';
import { isOwnPracticeId } from '../../preload/contract/own-practices.ts';
import { PracticeLibrary } from '../../main/core/practices/library.ts';

const resources = fileURLToPath(new URL('../../resources/', import.meta.url));
const practicesDir = join(resources, 'practices');

/** Parse with the schema; on failure, say which file and which zod issues. */
function parsePractice(file: string, raw: unknown): Practice {
  const result = Practice.safeParse(raw);
  if (!result.success) {
    throw new Error(`${file} does not match the Practice schema:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

const files = readdirSync(practicesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const raw = files.map((file) => ({ file, json: JSON.parse(readFileSync(join(practicesDir, file), 'utf8')) as unknown }));

/** Parsed lazily so one broken file fails its own test, not the whole suite. */
function loadAll(): Array<{ file: string; practice: Practice }> {
  return raw.map(({ file, json }) => ({ file, practice: parsePractice(file, json) }));
}

function totalSeconds(practice: Practice, defaultPattern: BreathPattern): number {
  return practice.steps.reduce((sum, step) => sum + (stepSeconds(step, defaultPattern) ?? 60), 0);
}

/** Every piece of text a person reads in a practice. */
function practiceTexts(p: Practice): string[] {
  const texts = [p.title, p.summary, ...p.suits];
  if (p.caution) texts.push(p.caution);
  for (const step of p.steps) {
    if (step.title) texts.push(step.title);
    switch (step.kind) {
      case 'permission':
        texts.push(step.statement);
        break;
      case 'close':
        texts.push(step.text, ...step.aftercare);
        break;
      case 'breathe':
        if (step.text) texts.push(step.text);
        break;
      default:
        texts.push(step.text);
    }
  }
  return texts;
}

/** Our tone: no exclamation marks, never "you failed", short. */
function toneProblems(texts: string[]): string[] {
  const problems: string[] = [];
  for (const t of texts) {
    if (t.includes('!')) problems.push(`exclamation mark: ${t}`);
    if (/\bfail/i.test(t)) problems.push(`mentions failing: ${t}`);
    if (t.length > 300) problems.push(`longer than 300 characters (${t.length}): ${t}`);
    if (t.trim() !== t || t.length === 0) problems.push(`empty or untrimmed: "${t}"`);
  }
  return problems;
}

const shortestId = 'arrive-and-breathe';
const expectedIds = [
  'arrive-and-breathe',
  'body-first',
  'boost-the-signal',
  'keep-talking-through-tears',
  'ladder-step',
  'name-it-to-tame-it',
  'ok-not-to-cry',
  'open-one-box',
  'permission',
  'quiet-body',
];

describe('built-in practices', () => {
  it('ships the expected practices', () => {
    expect(files.map((f) => basename(f, '.json'))).toEqual(expect.arrayContaining(expectedIds));
  });

  it.each(raw.map((r) => r.file))('%s matches the Practice schema', (file) => {
    const json = raw.find((r) => r.file === file)?.json;
    expect(() => parsePractice(file, json)).not.toThrow();
  });

  it('each file is named after its id, and ids are unique', () => {
    const all = loadAll();
    for (const { file, practice } of all) expect(`${practice.id}.json`).toBe(file);
    const ids = all.map((a) => a.practice.id);
    expect(new Set(ids).size).toBe(ids.length);
    // "own-" is the person's own practices' prefix: a built-in can never collide with one.
    for (const id of ids) expect(isOwnPracticeId(id), id).toBe(false);
  });

  it('the library leaves out a built-in file whose id looks like one of the person\'s own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saltwater-practices-'));
    try {
      mkdirSync(join(dir, 'practices'));
      const calm = JSON.parse(readFileSync(join(practicesDir, 'arrive-and-breathe.json'), 'utf8')) as Practice;
      writeFileSync(join(dir, 'practices', 'own-calm.json'), JSON.stringify({ ...calm, id: 'own-calm' }));
      writeFileSync(join(dir, 'practices', 'calm.json'), JSON.stringify({ ...calm, id: 'calm' }));
      const reported: string[] = [];
      const library = new PracticeLibrary(dir, (p) => reported.push(p));
      expect(library.list().map((p) => p.id)).toEqual(['calm']);
      expect(reported).toEqual(['practice own-calm.json left out: a built-in id may not start with "own-"']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(builtInPatternIds)('with "%s" as the chosen pattern, every practice runs 5–20 minutes', (pattern) => {
    for (const { practice } of loadAll()) {
      const minutes = estimatedMinutes(practice, pattern);
      expect(minutes, `${practice.id}: ${minutes} min`).toBeGreaterThanOrEqual(5);
      expect(minutes, `${practice.id}: ${minutes} min`).toBeLessThanOrEqual(20);
    }
  });

  it.each(builtInPatternIds)(`with "%s" as the chosen pattern, ${shortestId} is strictly the shortest`, (pattern) => {
    const all = loadAll().map((a) => a.practice);
    const shortest = all.find((p) => p.id === shortestId);
    expect(shortest, `${shortestId} is missing`).toBeDefined();
    if (!shortest) return;
    for (const other of all) {
      if (other.id === shortestId) continue;
      // Strict in minutes too, so a test picking "the shortest" from the library never meets a tie.
      expect(estimatedMinutes(shortest, pattern), other.id).toBeLessThan(estimatedMinutes(other, pattern));
      expect(totalSeconds(shortest, pattern), other.id).toBeLessThan(totalSeconds(other, pattern));
    }
  });

  it(`${shortestId} has exactly one check-in, a mood question just before the close`, () => {
    const practice = loadAll().find((a) => a.practice.id === shortestId)?.practice;
    expect(practice).toBeDefined();
    if (!practice) return;
    const checkIns = practice.steps.filter((s) => s.kind === 'check-in');
    expect(checkIns).toHaveLength(1);
    const beforeClose = practice.steps.at(-2);
    expect(beforeClose?.kind).toBe('check-in');
    expect(beforeClose?.kind === 'check-in' && beforeClose.question).toBe('mood');
    // It uses the person's own chosen breathing pattern.
    const breathe = practice.steps.filter((s) => s.kind === 'breathe');
    expect(breathe.length).toBeGreaterThan(0);
    for (const b of breathe) expect(b.kind === 'breathe' && b.pattern).toBeUndefined();
  });

  it('every deeper practice has a caution or a distress check-in', () => {
    const deeper = loadAll()
      .map((a) => a.practice)
      .filter((p) => p.intensity === 'deeper');
    expect(deeper.length).toBeGreaterThan(0);
    for (const p of deeper) {
      const distress = p.steps.some((s) => s.kind === 'check-in' && s.question === 'distress');
      expect(Boolean(p.caution) || distress, p.id).toBe(true);
    }
  });

  it('body-first carries a caution about talking to a therapist, and a distress check-in', () => {
    const p = loadAll().find((a) => a.practice.id === 'body-first')?.practice;
    expect(p?.caution).toMatch(/therapist/i);
    expect(p?.steps.some((s) => s.kind === 'check-in' && s.question === 'distress')).toBe(true);
  });

  it('step lengths are realistic', () => {
    for (const { practice } of loadAll()) {
      practice.steps.forEach((step, i) => {
        const where = `${practice.id} step ${i + 1} (${step.kind})`;
        switch (step.kind) {
          case 'arrive':
            expect(step.seconds, where).toBeGreaterThanOrEqual(45);
            expect(step.seconds, where).toBeLessThanOrEqual(90);
            break;
          case 'silence':
            expect(step.seconds, where).toBeGreaterThanOrEqual(60);
            expect(step.seconds, where).toBeLessThanOrEqual(180);
            break;
          case 'permission':
            expect(step.seconds, where).toBeGreaterThanOrEqual(60);
            expect(step.seconds, where).toBeLessThanOrEqual(120);
            break;
          case 'breathe':
            expect(step.cycles, where).toBeGreaterThanOrEqual(4);
            expect(step.cycles, where).toBeLessThanOrEqual(10);
            break;
          case 'close':
            expect(step.aftercare.length, where).toBeGreaterThanOrEqual(3);
            expect(step.aftercare.length, where).toBeLessThanOrEqual(5);
            break;
          default:
            break;
        }
      });
    }
  });

  it('only the close step is a close, and every practice has 1–3 "suits" phrases', () => {
    for (const { practice } of loadAll()) {
      expect(practice.steps.filter((s) => s.kind === 'close'), practice.id).toHaveLength(1);
      expect(practice.suits.length, practice.id).toBeGreaterThanOrEqual(1);
      expect(practice.suits.length, practice.id).toBeLessThanOrEqual(3);
    }
  });

  it('the words keep our tone: no exclamation marks, no "fail", short texts', () => {
    const problems = loadAll().flatMap(({ practice }) =>
      toneProblems(practiceTexts(practice)).map((p) => `${practice.id}: ${p}`),
    );
    expect(problems).toEqual([]);
  });
});

/** The kinds of a practice's steps, in order (with the check-in question). */
function kinds(p: Practice): string[] {
  return p.steps.map((s) => (s.kind === 'check-in' ? `check-in:${s.question}` : s.kind));
}

describe('the practices that use the person\'s own tools', () => {
  const byId = (id: string) => {
    const p = loadAll().find((a) => a.practice.id === id)?.practice;
    if (!p) throw new Error(`${id} is missing`);
    return p;
  };

  it('open-one-box: breathe, open one memory, sit with it, write, a distress check-in, then close it and breathe', () => {
    const p = byId('open-one-box');
    expect(p.intensity).toBe('deeper');
    expect(p.caution).toMatch(/stop at any moment/i);
    expect(kinds(p)).toEqual([
      'arrive',
      'breathe',
      'memory-open',
      'silence',
      'prompt',
      'check-in:distress',
      'memory-close',
      'breathe',
      'close',
    ]);
    const prompt = p.steps[4];
    expect(prompt?.kind === 'prompt' && prompt.writing).toBe(true);
  });

  it('boost-the-signal: deeper, with a caution (it gets the readiness check); one item offered, a timed "let it play", then the tears check-in', () => {
    const p = byId('boost-the-signal');
    expect(p.intensity).toBe('deeper');
    expect(p.caution).toBeTruthy();
    expect(kinds(p)).toEqual(['arrive', 'breathe', 'media-offer', 'silence', 'check-in:tears', 'close']);
    const play = p.steps[3];
    expect(play?.title).toBe('Let it play');
    expect(play?.kind === 'silence' && play.seconds).toBeGreaterThanOrEqual(120);
  });

  it('ladder-step: relaxation breathing before and after one ladder step, done in an untimed prompt', () => {
    const p = byId('ladder-step');
    expect(p.intensity).toBe('deeper');
    expect(p.caution).toBeTruthy();
    expect(kinds(p)).toEqual(['arrive', 'breathe', 'ladder-choose', 'prompt', 'ladder-record', 'breathe', 'close']);
    const doIt = p.steps[3];
    expect(doIt?.kind === 'prompt' && doIt.seconds).toBeUndefined();
  });

  it('keep-talking-through-tears: live words, what is under the tears, a phrase to lean on, and paced breathing between', () => {
    const p = byId('keep-talking-through-tears');
    const texts = p.steps.map((s) => ('text' in s ? (s.text ?? '') : ''));
    expect(texts.some((t) => /as it happens/i.test(t))).toBe(true);
    expect(p.steps.some((s) => s.title === 'What is under the tears?')).toBe(true);
    expect(p.steps.some((s) => s.title === 'A phrase to lean on' && s.kind === 'prompt' && s.writing)).toBe(true);
    // Keep going, out loud: a place to record it, if the person wants to hear it back.
    expect(p.steps.find((s) => s.kind === 'speak')?.title).toBe('Keep going, out loud');
    expect(kinds(p)).toContain('check-in:distress');
    // The breath comes back between the hard parts.
    expect(kinds(p).filter((k) => k === 'breathe').length).toBeGreaterThanOrEqual(3);
  });

  it('tool steps wait for the person: they have no time of their own', () => {
    for (const id of ['open-one-box', 'boost-the-signal', 'ladder-step']) {
      for (const step of byId(id).steps) {
        if (['memory-open', 'memory-close', 'media-offer', 'ladder-choose', 'ladder-record'].includes(step.kind)) {
          expect(stepSeconds(step, 'coherent'), `${id} ${step.kind}`).toBeNull();
        }
      }
    }
  });
});

describe('the Practice schema rejects broken practices', () => {
  const valid = {
    id: 'tiny',
    version: 1,
    title: 'Tiny',
    summary: 'A tiny practice.',
    suits: ['for a test'],
    intensity: 'gentle',
    steps: [
      { kind: 'arrive', text: 'Arrive.', seconds: 60 },
      { kind: 'close', text: 'Done.', aftercare: ['Water'] },
    ],
  };

  it('accepts the valid baseline (so the rejections below mean something)', () => {
    expect(Practice.safeParse(valid).success).toBe(true);
  });

  it('takes a speak step (say it aloud): the gentle words when it brings none, waiting for Next unless timed', () => {
    const parsed = Practice.parse({ ...valid, steps: [{ kind: 'speak' }, { kind: 'speak', text: 'Tell it.', seconds: 120 }, valid.steps[1]] });
    expect(parsed.steps[0]).toEqual({ kind: 'speak', text: SPEAK_TEXT });
    expect(SPEAK_TEXT).toBe('Say what is here, out loud. Nobody hears this but you.');
    expect(stepSeconds(parsed.steps[0]!, 'coherent')).toBeNull();
    expect(stepSeconds(parsed.steps[1]!, 'coherent')).toBe(120);
    expect(Practice.safeParse({ ...valid, steps: [{ kind: 'speak', text: '' }, valid.steps[1]] }).success).toBe(false);
    expect(Practice.safeParse({ ...valid, steps: [{ kind: 'speak', seconds: 2 }, valid.steps[1]] }).success).toBe(false);
  });

  it('rejects a practice without a close step', () => {
    const noClose = { ...valid, steps: [valid.steps[0], { kind: 'silence', text: 'Quiet.', seconds: 60 }] };
    const result = Practice.safeParse(noClose);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join('\n')).toMatch(/close step/);
  });

  const withSteps = (...steps: object[]) => ({ ...valid, steps: [...steps, valid.steps[1]] });
  const memoryOpen = { kind: 'memory-open', text: 'One memory.' };
  const memoryClose = { kind: 'memory-close', text: 'Put it away.' };
  const ladderChoose = { kind: 'ladder-choose', text: 'Your step.' };
  const ladderRecord = { kind: 'ladder-record', text: 'How it went.' };

  it('accepts tool steps in pairs, and a ladder step fixed to one track', () => {
    expect(Practice.safeParse(withSteps(memoryOpen, memoryClose, memoryOpen, memoryClose)).success).toBe(true);
    expect(Practice.safeParse(withSteps({ ...ladderChoose, track: 'staying-with' }, ladderRecord)).success).toBe(true);
    expect(Practice.safeParse(withSteps({ kind: 'media-offer', text: 'Something.' })).success).toBe(true);
  });

  it.each([
    ['a memory opened and never closed', [memoryOpen]],
    ['a memory closed that was never opened', [memoryClose]],
    ['two memories open at once', [memoryOpen, memoryOpen, memoryClose]],
    ['a ladder step never recorded', [ladderChoose]],
    ['a ladder record before its step', [ladderRecord, ladderChoose]],
  ])('rejects %s', (_name, steps) => {
    const result = Practice.safeParse(withSteps(...steps));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join('\n')).toMatch(/followed by its own/);
  });

  it('rejects an unknown ladder track and a tool step without words', () => {
    expect(Practice.safeParse(withSteps({ ...ladderChoose, track: 'sideways' }, ladderRecord)).success).toBe(false);
    expect(Practice.safeParse(withSteps({ kind: 'media-offer' })).success).toBe(false);
  });

  it('takes an optional background sound of its own, only one of the known ones', () => {
    expect(Practice.parse({ ...valid, soundscape: 'waves' }).soundscape).toBe('waves');
    expect(Practice.safeParse({ ...valid, soundscape: 'none' }).success).toBe(true);
    const result = Practice.safeParse({ ...valid, soundscape: 'https://example.org/rain.mp3' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['soundscape']);
  });

  it('rejects a step of an unknown kind', () => {
    const unknownKind = { ...valid, steps: [{ kind: 'dance', text: 'Dance.', seconds: 60 }, valid.steps[1]] };
    const result = Practice.safeParse(unknownKind);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['steps', 0, 'kind']);
  });
});

// ---- session texts -----------------------------------------------------------
const line = z.string().trim().min(1).max(300).refine((s) => !s.includes('!') && !/\bfail/i.test(s), {
  message: 'No exclamation marks and no "fail".',
});
const messages = z.array(line).min(2).max(3);
const tearOutcomes = ['none', 'welled', 'tear', 'cried', 'deep'] as const;

const SessionTexts = z.strictObject({
  kindMessages: z.strictObject(
    Object.fromEntries(tearOutcomes.map((o) => [o, messages])) as Record<(typeof tearOutcomes)[number], typeof messages>,
  ),
  stopped: z.strictObject({ title: line, message: line, groundingBreaths: line }),
  aftercare: z.array(line).min(6).max(8),
  readiness: z.strictObject({
    question: z.literal('How steady do you feel today?'),
    labels: z.array(line).length(5),
    lowForDeeper: line,
  }),
  moodLabels: z.array(line).length(5),
  distressHigh: line,
});

describe('session texts', () => {
  const json = JSON.parse(readFileSync(join(resources, 'session-texts.json'), 'utf8')) as unknown;

  it('session-texts.json matches its schema', () => {
    const result = SessionTexts.safeParse(json);
    if (!result.success) throw new Error(z.prettifyError(result.error));
    expect(Object.keys(result.data.kindMessages).sort()).toEqual([...tearOutcomes].sort());
  });

  it('the schema rejects a missing outcome and an empty message', () => {
    const parsed = SessionTexts.parse(json);
    const { deep: _deep, ...fourOutcomes } = parsed.kindMessages;
    expect(SessionTexts.safeParse({ ...parsed, kindMessages: fourOutcomes }).success).toBe(false);
    const emptyMessage = { ...parsed, kindMessages: { ...parsed.kindMessages, none: ['', 'x'] } };
    expect(SessionTexts.safeParse(emptyMessage).success).toBe(false);
  });

  it('the stop screen tells the person they did well to listen to themselves', () => {
    expect(SessionTexts.parse(json).stopped.message).toMatch(/part of being in charge/i);
  });
});

describe('estimated minutes (for the report)', () => {
  it('lists each practice', () => {
    const rows = loadAll().map(({ practice }) => ({
      id: practice.id,
      ...Object.fromEntries(builtInPatternIds.map((p) => [p, estimatedMinutes(practice, p)])),
    }));
    console.table(rows);
    expect(rows.length).toBe(files.length);
  });
});
