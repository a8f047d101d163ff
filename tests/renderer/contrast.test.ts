/**
 * WCAG contrast of the palette in renderer/styles/global.css, in both themes, for the pairs the UI uses.
 * Text needs 4.5:1 (AA); borders of controls and the focus ring need 3:1 (non-text contrast).
 */
import { describe, expect, it } from 'vitest';
import { colour, contrast, names, themes } from './palette.ts';

const backgrounds = ['bg', 'surface', 'surface-raised', 'field', 'card-hover'];

const textPairs: [string, string][] = [
  ...backgrounds.flatMap((bg) => [
    ['text', bg] as [string, string],
    ['text-soft', bg] as [string, string],
    ['accent', bg] as [string, string],
    ['amber', bg] as [string, string],
  ]),
  ['placeholder', 'field'],
  ['on-accent', 'accent'],
  ['on-accent', 'accent-hover'],
  ['amber', 'amber-bg'],
  ['calm-green', 'done-bg'],
  ['text-soft', 'surface-raised'],
  ['mark-text', 'mark-bg'],
  ['emotion-text', 'emotion-bg'],
  ['tag-text', 'tag-bg'],
  ['picked-text', 'picked-bg'],
  ['emotion-text', 'surface-raised'],
  // Sessions: the dim space and its quiet panels.
  ['text', 'session-bg'],
  ['text-soft', 'session-bg'],
  ['accent', 'session-bg'],
  ['text', 'session-surface'],
  ['text-soft', 'session-surface'],
  ['amber', 'session-surface'],
  ['calm-green', 'surface'],
  ['picked-text', 'picked-bg'],
];

const nonTextPairs: [string, string][] = [
  ['line-strong', 'field'],
  ['line-strong', 'surface'],
  ['line-strong', 'surface-raised'],
  ['focus', 'bg'],
  ['focus', 'surface'],
  ['focus', 'field'],
  ['accent', 'bg'],
  ['picked-line', 'surface'],
  ['line-strong', 'session-bg'],
  ['line-strong', 'session-surface'],
  ['focus', 'session-bg'],
  ['accent', 'session-surface'],
];

describe.each(themes)('%s theme contrast (WCAG AA)', (theme) => {
  it.each(textPairs)('text %s on %s is at least 4.5:1', (fg, bg) => {
    expect(contrast(colour(theme, fg), colour(theme, bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(nonTextPairs)('control edge %s on %s is at least 3:1', (fg, bg) => {
    expect(contrast(colour(theme, fg), colour(theme, bg))).toBeGreaterThanOrEqual(3);
  });
});

describe('the two themes', () => {
  it('define the same colours, so nothing falls back to the other theme', () => {
    expect(names('light').sort()).toEqual(names('dark').sort());
  });

  it('computes contrast correctly (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});
