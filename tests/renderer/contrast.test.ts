/**
 * WCAG contrast of the palette in renderer/styles/global.css, for the pairs the UI uses.
 * Text needs 4.5:1 (AA); borders of controls and the focus ring need 3:1 (non-text contrast).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(resolve(import.meta.dirname, '../../renderer/styles/global.css'), 'utf8');
const vars = new Map([...css.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!]));

function color(name: string): string {
  const value = vars.get(name);
  if (!value) throw new Error(`--${name} is not a 6-digit hex colour in global.css`);
  return value;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

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

describe('palette contrast (WCAG AA)', () => {
  it.each(textPairs)('text %s on %s is at least 4.5:1', (fg, bg) => {
    expect(contrast(color(fg), color(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(nonTextPairs)('control edge %s on %s is at least 3:1', (fg, bg) => {
    expect(contrast(color(fg), color(bg))).toBeGreaterThanOrEqual(3);
  });

  it('computes contrast correctly (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});
