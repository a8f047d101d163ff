import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../main/core/journal/validate.ts';
import { PracticeLibrary } from '../../main/core/practices/library.ts';
import { BARRIER_IDS, BARRIERS, DOCTOR_NOTE, ReflectionInput, type BarrierId } from '../../preload/contract/reflection.ts';
import { leaningOf, suggestPracticeOrder, suitability, type PracticeRef } from '../../main/core/reflection/suggest.ts';
import { refusal as refusalBy } from '../helpers/refusal.ts';

/** The library's default order today (gentle first, shorter first), plus the ones coming in this issue. */
const practices: PracticeRef[] = [
  { id: 'arrive-and-breathe', intensity: 'gentle' },
  { id: 'name-it-to-tame-it', intensity: 'gentle' },
  { id: 'permission', intensity: 'gentle' },
  { id: 'quiet-body', intensity: 'gentle' },
  { id: 'ok-not-to-cry', intensity: 'gentle' },
  { id: 'boost-the-signal', intensity: 'deeper' },
  { id: 'body-first', intensity: 'deeper' },
  { id: 'keep-talking-through-tears', intensity: 'deeper' },
  { id: 'open-one-box', intensity: 'deeper' },
  { id: 'ladder-step', intensity: 'deeper' },
];
const intensityOf = new Map(practices.map((p) => [p.id, p.intensity]));
const order = (style: number | null, barriers: BarrierId[] = [], list: PracticeRef[] = practices) => suggestPracticeOrder(list, { style, barriers }).order;
const before = (list: string[], a: string, b: string) => list.indexOf(a) < list.indexOf(b);

describe('where someone sits on the slider', () => {
  it('leans to blocked below 40, to over-crying above 60, in between otherwise', () => {
    expect([0, 39, 40, 50, 60, 61, 100, null].map(leaningOf)).toEqual(['blocked', 'blocked', 'between', 'between', 'between', 'over', 'over', 'unsure']);
  });
});

describe('suggestPracticeOrder', () => {
  it("keeps the library's order when there is no reflection yet", () => {
    const shuffled = [practices[6]!, practices[0]!, practices[8]!, practices[2]!];
    expect(suggestPracticeOrder(shuffled, null)).toEqual({ order: shuffled.map((p) => p.id), leaning: null, talkWithDoctor: false });
  });

  it('blocked criers: gentle "letting tears come" first, and keep-talking-through-tears last', () => {
    const result = order(10);
    expect(result.slice(0, 2)).toEqual(['permission', 'ok-not-to-cry']);
    expect(result.slice(5, 8)).toEqual(['boost-the-signal', 'body-first', 'open-one-box']);
    expect(result.at(-1)).toBe('keep-talking-through-tears');
  });

  it('over-criers: "staying with tears" first, and the ones that bring tears up move down', () => {
    const result = order(90);
    expect(result.slice(0, 3)).toEqual(['arrive-and-breathe', 'name-it-to-tame-it', 'quiet-body']);
    expect(result[5]).toBe('keep-talking-through-tears');
    expect(result.slice(-3)).toEqual(['boost-the-signal', 'body-first', 'open-one-box']);
  });

  it('in between or unsure, with nothing else said: gentle first, otherwise the library order', () => {
    const gentleFirst = [...practices.filter((p) => p.intensity === 'gentle'), ...practices.filter((p) => p.intensity === 'deeper')].map((p) => p.id);
    expect(order(50)).toEqual(gentleFirst);
    expect(order(null)).toEqual(gentleFirst);
    const mixed = [practices[5]!, practices[0]!, practices[7]!, practices[1]!];
    expect(order(50, [], mixed)).toEqual(['arrive-and-breathe', 'name-it-to-tame-it', 'boost-the-signal', 'keep-talking-through-tears']);
  });

  it('gentle always comes before deeper, for every answer, and every practice appears once', () => {
    const subsets = Array.from({ length: 2 ** BARRIER_IDS.length }, (_, mask) => BARRIER_IDS.filter((_, i) => mask & (1 << i)));
    for (const style of [null, 0, 39, 50, 61, 100]) {
      for (const barriers of subsets) {
        const result = order(style, barriers);
        expect([...result].sort()).toEqual(practices.map((p) => p.id).sort());
        const firstDeeper = result.findIndex((id) => intensityOf.get(id) === 'deeper');
        expect(result.slice(firstDeeper).every((id) => intensityOf.get(id) === 'deeper'), `${style} ${barriers.join(',')}`).toBe(true);
      }
    }
  });

  it('what gets in the way nudges within each band', () => {
    // Afraid of not stopping: grounding first.
    expect(order(null, ['wont-stop']).slice(0, 2)).toEqual(['arrive-and-breathe', 'quiet-body']);
    // Numb: the ones that start from the body or from a film or song lead the deeper ones.
    expect(order(null, ['numb']).slice(5, 7)).toEqual(['boost-the-signal', 'body-first']);
    // Worried what others think: the ladder moves up among the deeper ones.
    expect(before(order(null, ['others-think']), 'ladder-step', 'boost-the-signal')).toBe(true);
    // Old hurts: steady ground first; memories and body work later.
    expect(order(null, ['past-hurt']).slice(0, 2)).toEqual(['arrive-and-breathe', 'permission']);
    expect(order(null, ['past-hurt']).slice(-2)).toEqual(['body-first', 'open-one-box']);
    expect(suitability('open-one-box', { style: 10, barriers: ['past-hurt'] })).toBeLessThan(suitability('open-one-box', { style: 10, barriers: [] }));
    // Tears before words, even without the slider: keep-talking leads the deeper ones.
    expect(order(null, ['tears-too-soon'])[5]).toBe('keep-talking-through-tears');
  });

  it('medication or a medical reason carries the doctor note flag', () => {
    expect(suggestPracticeOrder(practices, { style: 20, barriers: ['medical'] }).talkWithDoctor).toBe(true);
    expect(suggestPracticeOrder(practices, { style: 20, barriers: ['numb', 'medical'] }).talkWithDoctor).toBe(true);
    expect(suggestPracticeOrder(practices, { style: 20, barriers: ['numb'] }).talkWithDoctor).toBe(false);
    expect(DOCTOR_NOTE).toMatch(/doctor/);
    expect(DOCTOR_NOTE).not.toMatch(/urgent|danger|warning|emergency|must|immediately/i);
  });

  it('unknown ids are harmless: kept, in place, never invented', () => {
    const list: PracticeRef[] = [
      { id: 'my-own-walk', intensity: 'gentle' },
      { id: 'permission', intensity: 'gentle' },
      { id: 'my-own-shout', intensity: 'deeper' },
      { id: 'my-own-walk', intensity: 'gentle' },
    ];
    expect(order(10, ['taught-not-to'], list)).toEqual(['permission', 'my-own-walk', 'my-own-shout']);
    expect(order(90, [], list)).toEqual(['my-own-walk', 'permission', 'my-own-shout']);
    expect(order(10, [], [])).toEqual([]);
  });

  it('works on the real library: every built-in practice, gentle first', () => {
    const library = new PracticeLibrary(resolve(import.meta.dirname, '../../resources'));
    const listed = library.list();
    const result = suggestPracticeOrder(listed, { style: 5, barriers: ['taught-not-to'] });
    expect([...result.order].sort()).toEqual(listed.map((p) => p.id).sort());
    expect(result.order.slice(0, 2).sort()).toEqual(['ok-not-to-cry', 'permission']);
    expect(result.order.indexOf('keep-talking-through-tears')).toBe(result.order.length - 1);
  });
});

describe('the reflection answers', () => {
  const refusal = (input: unknown) => refusalBy(ReflectionInput, input);

  it('the list is warm and plain, with stable ids', () => {
    expect(BARRIER_IDS).toEqual(BARRIERS.map((b) => b.id));
    expect(new Set(BARRIER_IDS).size).toBe(BARRIERS.length);
    expect(BARRIER_IDS).toContain('medical');
    for (const b of BARRIERS) expect(b.label.length).toBeLessThan(80);
  });

  it('keeps barriers in the list order, each once; style and note are optional', () => {
    expect(parse(ReflectionInput, { barriers: ['numb', 'taught-not-to', 'numb'], style: 30 })).toEqual({ barriers: ['taught-not-to', 'numb'], style: 30, note: '' });
    expect(parse(ReflectionInput, { style: 0 })).toEqual({ barriers: [], style: 0, note: '' });
    expect(parse(ReflectionInput, { barriers: ['medical'], style: null, note: '  pills since May ' })).toEqual({ barriers: ['medical'], style: null, note: 'pills since May' });
  });

  it('refuses what is not on the list or off the slider, and an empty answer, with plain words', () => {
    expect(refusal({ barriers: ['shy'] })).toMatch(/choose from the list/);
    expect(refusal({ barriers: 'numb' })).toMatch(/choose from the list/);
    for (const style of [-1, 101, 50.5, '50']) expect(refusal({ style })).toMatch(/slider/);
    expect(refusal({ style: 50, note: 'n'.repeat(281) })).toMatch(/280 characters/);
    expect(refusal({})).toMatch(/nothing to keep yet/);
    expect(refusal({ barriers: [], style: null, note: '   ' })).toMatch(/nothing to keep yet/);
  });
});
