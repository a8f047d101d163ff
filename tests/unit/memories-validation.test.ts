import { describe, expect, it } from 'vitest';
import { parse } from '../../main/core/journal/validate.ts';
import { CloseOpeningInput, MemoryEdit, MemoryInput, OpenMemoryInput, MemorySuggestInput as SuggestInput } from '../../preload/contract/memories.ts';
import { refusal } from '../helpers/refusal.ts';

const memory = (more: Record<string, unknown> = {}) => ({ title: 'The old kitchen', intensity: 3, ...more });

describe('what a memory may hold', () => {
  it('trims the title and words; the words may be left out', () => {
    expect(parse(MemoryInput, memory({ title: '  The old kitchen \n', text: '  her voice  ' }))).toEqual({
      title: 'The old kitchen',
      text: 'her voice',
      intensity: 3,
    });
    expect(parse(MemoryInput, memory()).text).toBe('');
  });

  it('a title is short, one line, and not empty', () => {
    expect(refusal(MemoryInput, memory({ title: '   ' }))).toMatch(/short title/);
    expect(refusal(MemoryInput, memory({ title: 'x'.repeat(81) }))).toMatch(/at most 80 characters/);
    expect(parse(MemoryInput, memory({ title: '💙'.repeat(80) })).title).toHaveLength(160);
    expect(refusal(MemoryInput, memory({ title: 'one\ntwo' }))).toMatch(/one line/);
  });

  it('the words are at most 4000 characters, line breaks welcome', () => {
    expect(refusal(MemoryInput, memory({ text: 'w'.repeat(4001) }))).toMatch(/4000 characters/);
    expect(parse(MemoryInput, memory({ text: '🌊'.repeat(4000) })).text).toHaveLength(8000);
    expect(parse(MemoryInput, memory({ text: 'first\n\tsecond' })).text).toBe('first\n\tsecond');
    expect(refusal(MemoryInput, memory({ text: 'bell\u0007' }))).toMatch(/cannot be kept/);
  });

  it('intensity is a whole number from 1 to 10', () => {
    for (const bad of [0, 11, 2.5, '3', null]) expect(refusal(MemoryInput, memory({ intensity: bad })), String(bad)).toMatch(/1 to 10/);
    expect(parse(MemoryInput, memory({ intensity: 10 })).intensity).toBe(10);
  });

  it('an extra-seal passphrase has a sensible length', () => {
    expect(refusal(MemoryInput, memory({ passphrase: 'short' }))).toMatch(/at least 8 characters/);
    expect(refusal(MemoryInput, memory({ passphrase: 'p'.repeat(257) }))).toMatch(/at most 256/);
    expect(parse(MemoryInput, memory({ passphrase: 'blue door' })).passphrase).toBe('blue door');
    // Counted in characters a person sees.
    expect(refusal(MemoryInput, memory({ passphrase: '💙💙💙💙' }))).toMatch(/at least 8/);
  });

  it('an edit may remove the seal (null) or leave it alone (left out)', () => {
    expect(parse(MemoryEdit, { memoryId: 1, newPassphrase: null }).newPassphrase).toBeNull();
    expect('newPassphrase' in parse(MemoryEdit, { memoryId: 1, title: 'x' })).toBe(false);
    expect(refusal(MemoryEdit, { memoryId: 1, newPassphrase: 'short' })).toMatch(/at least 8/);
    expect(refusal(MemoryEdit, { memoryId: 0 })).toMatch(/Please choose a memory/);
  });

  it('opening asks for a mood from 1 to 5; closing offers three choices and the tears scale', () => {
    expect(refusal(OpenMemoryInput, { memoryId: 1, moodBefore: 6 })).toMatch(/1 to 5/);
    expect(refusal(OpenMemoryInput, { memoryId: 1 })).toMatch(/Mood/);
    expect(refusal(OpenMemoryInput, { memoryId: 1, moodBefore: 3, passphrase: '' })).toMatch(/type the passphrase/);
    expect(refusal(CloseOpeningInput, { openingId: 1, outcome: 'stopped' })).toMatch(/reseal it, keep it open, or mark it at peace/);
    expect(refusal(CloseOpeningInput, { openingId: 1, outcome: 'reseal', tears: 'sobbed' })).toMatch(/Tears are one of/);
    expect(parse(CloseOpeningInput, { openingId: 1, outcome: 'at-peace', moodAfter: 4, tears: 'welled' })).toMatchObject({ tears: 'welled' });
  });

  it('a suggestion stays within the maximum unless asked otherwise', () => {
    expect(parse(SuggestInput, { maxIntensity: 4 })).toEqual({ maxIntensity: 4, allowAbove: false });
    expect(refusal(SuggestInput, { maxIntensity: 0 })).toMatch(/1 to 10/);
  });
});
