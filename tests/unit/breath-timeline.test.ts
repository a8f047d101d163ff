import { describe, expect, it } from 'vitest';
import { cycleSeconds, patternPhases, stepSeconds } from '../../preload/contract/breath.ts';
import { builtInPatternIds, type BreathPattern } from '../../preload/contract/practice.ts';
import { BreathTimeline } from '../../renderer/features/session/breath-timeline.ts';

const expected: Record<string, Array<[string, number]>> = {
  '4-7-8': [['inhale', 4], ['hold', 7], ['exhale', 8]],
  box: [['inhale', 4], ['hold', 4], ['exhale', 4], ['rest', 4]],
  coherent: [['inhale', 5.5], ['exhale', 5.5]],
  sigh: [['inhale', 2], ['top-up', 1], ['exhale', 6]],
};

describe('breath patterns', () => {
  it.each(builtInPatternIds)('%s has the documented phases', (id) => {
    expect(patternPhases(id).map((p) => [p.kind, p.seconds])).toEqual(expected[id]);
  });

  it('a custom pattern leaves out zero-length holds', () => {
    const pattern: BreathPattern = { custom: { inhale: 3, hold: 0, exhale: 6, rest: 2 } };
    expect(patternPhases(pattern).map((p) => p.kind)).toEqual(['inhale', 'exhale', 'rest']);
    expect(cycleSeconds(pattern)).toBe(11);
  });

  it('a breathing step lasts cycles × cycle length', () => {
    expect(stepSeconds({ kind: 'breathe', pattern: '4-7-8', cycles: 4 }, 'box')).toBe(76);
    expect(stepSeconds({ kind: 'breathe', cycles: 2 }, 'box')).toBe(32);
    expect(stepSeconds({ kind: 'check-in', question: 'mood', text: 'How is it?' }, 'box')).toBeNull();
  });
});

describe('BreathTimeline', () => {
  it.each(builtInPatternIds)('%s: the phase at every boundary and in between is right', (id) => {
    const timeline = new BreathTimeline(id);
    let t = 0;
    for (let cycle = 0; cycle < 3; cycle++) {
      expected[id]!.forEach(([kind, seconds], phaseIndex) => {
        for (const fraction of [0, 0.25, 0.5, 0.999]) {
          const moment = timeline.at(t + seconds * fraction);
          expect(moment).toMatchObject({ cycle, phaseIndex, phase: kind });
          expect(moment.progress).toBeCloseTo(fraction, 6);
          expect(moment.remaining).toBeCloseTo(seconds * (1 - fraction), 6);
        }
        t += seconds;
      });
    }
  });

  it('the shape grows on inhale, stays on hold, shrinks on exhale', () => {
    const timeline = new BreathTimeline('box');
    expect(timeline.at(0).fullness).toBeCloseTo(0);
    expect(timeline.at(2).fullness).toBeCloseTo(0.5);
    expect(timeline.at(4).fullness).toBeCloseTo(1);
    expect(timeline.at(6).fullness).toBeCloseTo(1);
    expect(timeline.at(10).fullness).toBeCloseTo(0.5);
    expect(timeline.at(13).fullness).toBeCloseTo(0);
    for (let t = 0.1; t < 4; t += 0.1) expect(timeline.at(t).fullness).toBeGreaterThan(timeline.at(t - 0.1).fullness);
  });

  it('the sigh fills most of the way, then the top-up finishes it', () => {
    const timeline = new BreathTimeline('sigh');
    expect(timeline.at(1.999).fullness).toBeCloseTo(0.8, 2);
    expect(timeline.at(2.5).fullness).toBeCloseTo(0.9, 2);
    expect(timeline.at(2.999).fullness).toBeCloseTo(1, 2);
  });

  it('does not drift: cycle 10 000 lines up exactly with cycle 0', () => {
    const timeline = new BreathTimeline('coherent');
    const far = timeline.at(10_000 * 11 + 2.75);
    expect(far).toMatchObject({ cycle: 10_000, phase: 'inhale' });
    expect(far.progress).toBeCloseTo(0.5, 6);
  });

  it('lists a cue for each phase change', () => {
    const cues = new BreathTimeline('4-7-8').cues(2);
    expect(cues).toEqual([
      { at: 0, phase: 'inhale' },
      { at: 4, phase: 'hold' },
      { at: 11, phase: 'exhale' },
      { at: 19, phase: 'inhale' },
      { at: 23, phase: 'hold' },
      { at: 30, phase: 'exhale' },
    ]);
  });
});
