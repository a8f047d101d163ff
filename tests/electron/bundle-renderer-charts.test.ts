import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialFiles } from '../../scripts/bench/frontend/first-frame.ts';

/**
 * The built renderer: uPlot and the charts' colours are never in what the page loads before the
 * lock screen (the page served while locked and what it names up front); they come with the screen that shows charts.
 * Until that screen exists the charts are not in the build at all, and this holds trivially.
 */
const rendererDir = resolve(import.meta.dirname, '../../out/renderer');
/** A class name only uPlot's code and stylesheet carry, and a name only charts.css defines. */
const UPLOT = 'u-cursor-pt';
const CHART_COLOURS = '--chart-1';

describe('the built renderer', () => {
  it('loads nothing of the chart library before the lock screen', () => {
    const initial = initialFiles();
    // The page served while locked (the lock screen painted ahead), and the code it names up front.
    expect(initial[0]).toMatch(/\.html$/);
    expect(initial.some((file) => file.endsWith('.js'))).toBe(true);
    const carrying = initial.filter((file) => {
      const text = readFileSync(join(rendererDir, file), 'utf8');
      return text.includes(UPLOT) || text.includes(CHART_COLOURS);
    });
    expect(carrying).toEqual([]);
  });

  it('keeps uPlot, wherever it is, in files loaded later', () => {
    const withUplot = readdirSync(join(rendererDir, 'assets'))
      .map((name) => `assets/${name}`)
      .filter((file) => /\.(js|css)$/.test(file) && readFileSync(join(rendererDir, file), 'utf8').includes(UPLOT));
    const initial = new Set(initialFiles());
    expect(withUplot.filter((file) => initial.has(file))).toEqual([]);
  });
});
