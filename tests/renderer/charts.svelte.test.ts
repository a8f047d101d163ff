/**
 * The chart components (renderer/components/charts): heading, summary, key, "Show as a table",
 * the kind empty state, and the keyboard slider through the points. happy-dom has no 2D canvas,
 * so nothing is drawn here; the drawing is checked in Chromium, and its data in chart-model.test.ts.
 */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import BarsChart from '../../renderer/components/charts/BarsChart.svelte';
import ChangeChart from '../../renderer/components/charts/ChangeChart.svelte';
import LadderStepsChart from '../../renderer/components/charts/LadderStepsChart.svelte';
import MoodChart from '../../renderer/components/charts/MoodChart.svelte';
import { readPalette } from '../../renderer/components/charts/palette.ts';
import StackedBarsChart from '../../renderer/components/charts/StackedBarsChart.svelte';
import { themeVersion } from '../../renderer/components/charts/theme.svelte.ts';
import TrendChart from '../../renderer/components/charts/TrendChart.svelte';
import { EMPTY_CHART, TOO_FEW } from '../../renderer/components/charts/words.ts';
import { byButton, click } from './dom-helpers.ts';
import { mountInBody, unmountAll } from './mount.ts';

afterEach(unmountAll);

const mood = [
  { label: 'Monday 2 March', tick: '2 Mar', before: 2, after: 4 },
  { label: 'Thursday 5 March', tick: '5 Mar', before: 3, after: 3 },
  { label: 'Sunday 8 March', tick: '8 Mar', before: 1, after: null },
];

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const tableRows = (root: ParentNode) => [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => text(cell)));

function press(el: Element, key: string): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  flushSync();
}

describe('the shared chart frame', () => {
  it('shows the title as a heading of the level asked, the key, and the summary beneath the drawing', () => {
    const target = mountInBody(MoodChart, { title: 'Mood before and after', summary: 'Most sessions ended a little lighter.', points: mood, headingLevel: 2 as const });
    const section = target.querySelector('section')!;
    const heading = section.querySelector('h2')!;
    expect(text(heading)).toBe('Mood before and after');
    expect(section.getAttribute('aria-labelledby')).toBe(heading.id);
    expect([...section.querySelectorAll('.legend li')].map(text)).toEqual(['Before', 'After']);
    const summary = section.querySelector('.summary')!;
    expect(text(summary)).toBe('Most sessions ended a little lighter.');
    // The summary comes after the drawing, and the drawing points to it.
    const slider = section.querySelector('[role="slider"]')!;
    expect(slider.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(slider.getAttribute('aria-describedby')).toBe(summary.id);
  });

  it('"Show as a table" shows the same numbers as a table, and hides it again', () => {
    const target = mountInBody(MoodChart, { title: 'Mood before and after', summary: 'A sentence.', points: mood });
    const toggle = byButton(target, 'Show as a table');
    const region = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(region.hidden).toBe(true);

    click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(text(toggle)).toBe('Hide the table');
    expect(region.hidden).toBe(false);
    const table = region.querySelector('table')!;
    expect(text(table.querySelector('caption'))).toBe('Mood before and after');
    expect([...table.querySelectorAll('thead th')].map((th) => [text(th), th.getAttribute('scope')])).toEqual([
      ['Session', 'col'],
      ['Before', 'col'],
      ['After', 'col'],
    ]);
    expect(tableRows(table)).toEqual([
      ['Monday 2 March', '2', '4'],
      ['Thursday 5 March', '3', '3'],
      ['Sunday 8 March', '1', 'not noted'],
    ]);
    // Each row is named by its first cell.
    expect(table.querySelector('tbody th')?.getAttribute('scope')).toBe('row');

    click(toggle);
    expect(region.hidden).toBe(true);
    expect(text(toggle)).toBe('Show as a table');
  });

  it('says kindly that there is nothing yet, with no drawing, table or toggle', () => {
    const target = mountInBody(TrendChart, { title: 'Relief after sessions', summary: 'Not shown when empty.', points: [{ label: 'Week of 2 March', value: null }] });
    expect(text(target.querySelector('h3'))).toBe('Relief after sessions');
    expect(text(target.querySelector('.empty'))).toBe(EMPTY_CHART);
    expect(EMPTY_CHART).toBe('Nothing here yet — that is fine.');
    expect(target.querySelector('table')).toBeNull();
    expect(target.querySelector('button')).toBeNull();
    expect(target.querySelector('[role="slider"]')).toBeNull();
    expect(target.textContent).not.toContain('Not shown when empty.');
  });
});

describe('moving through the points with the keyboard', () => {
  it('the drawing is a slider whose value is the point in words; arrows, Home and End move it', () => {
    const target = mountInBody(MoodChart, { title: 'Mood before and after', summary: 'A sentence.', points: mood });
    const slider = target.querySelector<HTMLElement>('[role="slider"]')!;
    expect(slider.tabIndex).toBe(0);
    expect(slider.getAttribute('aria-label')).toBe('Mood before and after: use the arrow keys to go through the points');
    expect([slider.getAttribute('aria-valuemin'), slider.getAttribute('aria-valuemax'), slider.getAttribute('aria-valuenow')]).toEqual(['1', '3', '1']);
    expect(slider.getAttribute('aria-valuetext')).toBe('Monday 2 March: Before 2, After 4');

    press(slider, 'ArrowRight');
    expect(slider.getAttribute('aria-valuenow')).toBe('2');
    expect(slider.getAttribute('aria-valuetext')).toBe('Thursday 5 March: Before 3, After 3');
    press(slider, 'End');
    expect(slider.getAttribute('aria-valuetext')).toBe('Sunday 8 March: Before 1, After not noted');
    press(slider, 'ArrowRight');
    expect(slider.getAttribute('aria-valuenow')).toBe('3');
    press(slider, 'Home');
    press(slider, 'ArrowLeft');
    expect(slider.getAttribute('aria-valuenow')).toBe('1');
  });

  it('shows the point in words beneath while the slider has focus (hidden from screen readers, which hear the value)', () => {
    const target = mountInBody(MoodChart, { title: 'Mood', summary: 'A sentence.', points: mood });
    const slider = target.querySelector<HTMLElement>('[role="slider"]')!;
    const readout = target.querySelector('.readout')!;
    expect(readout.getAttribute('aria-hidden')).toBe('true');
    expect(text(readout)).toBe('');
    slider.focus();
    flushSync();
    press(slider, 'ArrowDown');
    expect(text(readout)).toBe('Thursday 5 March: Before 3, After 3');
    slider.blur();
    flushSync();
    expect(text(readout)).toBe('');
  });

  it('the canvas itself is hidden from screen readers', () => {
    const target = mountInBody(MoodChart, { title: 'Mood', summary: 'A sentence.', points: mood });
    expect(target.querySelector('.canvas')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('each chart', () => {
  it('average change per practice: a count beside each, and no conclusion from too few sessions', () => {
    const target = mountInBody(ChangeChart, {
      title: 'What seems to help you',
      summary: 'Permission has helped most often so far.',
      items: [
        { label: 'Permission', change: 1.2, count: 5 },
        { label: 'Open one box', change: 2, count: 2 },
      ],
    });
    click(byButton(target, 'Show as a table'));
    expect(tableRows(target)).toEqual([
      ['Permission', '+1.2', '5'],
      ['Open one box', TOO_FEW, '2'],
    ]);
    const slider = target.querySelector('[role="slider"]')!;
    // Only what is drawn can be stepped through.
    expect(slider.getAttribute('aria-valuemax')).toBe('1');
    expect(slider.getAttribute('aria-orientation')).toBe('vertical');
  });

  it('average change per practice: empty while no practice has three sessions', () => {
    const target = mountInBody(ChangeChart, { title: 'What seems to help you', summary: '', items: [{ label: 'Permission', change: 1, count: 2 }] });
    expect(text(target.querySelector('.empty'))).toBe(EMPTY_CHART);
  });

  it('tears per week: one key entry per outcome, no tears first, and a column each in the table', () => {
    const parts = [
      { key: 'none', label: 'No tears' },
      { key: 'welled', label: 'Eyes welled up' },
      { key: 'tear', label: 'A tear' },
      { key: 'cried', label: 'Cried' },
      { key: 'deep', label: 'A deep cry' },
    ];
    const bars = [{ label: 'Week of 2 March', counts: { none: 2, welled: 0, tear: 1, cried: 0, deep: 0 } }];
    const target = mountInBody(StackedBarsChart, { title: 'Tears per week', summary: 'Every kind of week counts.', bars, parts });
    const keys = [...target.querySelectorAll('.legend li')];
    expect(keys.map(text)).toEqual(['No tears', 'Eyes welled up', 'A tear', 'Cried', 'A deep cry']);
    expect(keys.map((li) => li.querySelector('.mark')?.className.match(/colour-[\w-]+/)?.[0])).toEqual([
      'colour-chart-1',
      'colour-chart-2',
      'colour-chart-3',
      'colour-chart-4',
      'colour-chart-5',
    ]);
    click(byButton(target, 'Show as a table'));
    expect(tableRows(target)).toEqual([['Week of 2 March', '2', '0', '1', '0', '0', '3']]);
  });

  it('ladder steps: a small chart per step with tries, kind words for one without, one table for all', () => {
    const target = mountInBody(LadderStepsChart, {
      title: 'Ladder',
      summary: 'The first step has grown steadier.',
      threshold: 30,
      steps: [
        { name: 'Imagine crying', note: 'steady since 9 March', tries: [{ label: 'Try 1', before: 20, peak: 55, after: 25 }] },
        { name: 'Cry alone', tries: [] },
      ],
    });
    expect([...target.querySelectorAll('.legend li')].map(text)).toEqual(['Before', 'Peak', 'After', 'Calm enough']);
    const steps = [...target.querySelectorAll('.step')];
    expect(steps.map((li) => text(li.querySelector('.step-name')))).toEqual(['Imagine crying · steady since 9 March', 'Cry alone']);
    expect(steps[0]!.querySelector('.canvas')?.getAttribute('aria-hidden')).toBe('true');
    expect(text(steps[1])).toContain('No tries yet.');
    // A step without tries has nothing to go through: no tab stop of its own.
    expect(steps[1]!.querySelector('[role="slider"]')).toBeNull();
    click(byButton(target, 'Show as a table'));
    expect(tableRows(target)).toEqual([['Imagine crying', 'Try 1', '20', '55', '25']]);
  });

  it('ladder steps: each small chart is a slider through its tries, as the bigger charts are', () => {
    const target = mountInBody(LadderStepsChart, {
      title: 'Each step’s tries',
      summary: 'Distress before, at its peak and after each try.',
      steps: [
        {
          name: 'Imagine crying',
          tries: [
            { label: '2 March', before: 20, peak: 55, after: 25 },
            { label: '9 March', before: 15, peak: null, after: 10 },
          ],
        },
        { name: 'Cry alone', tries: [{ label: '12 March', before: 40, peak: 70, after: 35 }] },
      ],
    });
    const sliders = [...target.querySelectorAll<HTMLElement>('[role="slider"]')];
    expect(sliders.map((s) => [s.tabIndex, s.getAttribute('aria-label'), s.getAttribute('aria-valuemax')])).toEqual([
      [0, 'Imagine crying: use the arrow keys to go through the points', '2'],
      [0, 'Cry alone: use the arrow keys to go through the points', '1'],
    ]);
    const summary = target.querySelector('.summary')!;
    expect(sliders[0]!.getAttribute('aria-describedby')).toBe(summary.id);

    const first = sliders[0]!;
    expect(first.getAttribute('aria-valuetext')).toBe('2 March: Before 20, Peak 55, After 25');
    first.focus();
    flushSync();
    press(first, 'ArrowRight');
    expect(first.getAttribute('aria-valuenow')).toBe('2');
    expect(first.getAttribute('aria-valuetext')).toBe('9 March: Before 15, Peak not noted, After 10');
    // The try in words beneath, for eyes, under its own small chart.
    expect(text(first.closest('.step')!.querySelector('.readout'))).toBe('9 March: Before 15, Peak not noted, After 10');
    press(first, 'Home');
    expect(first.getAttribute('aria-valuenow')).toBe('1');
  });

  it('plain bars: the table in the order given', () => {
    const target = mountInBody(BarsChart, {
      title: 'Feelings you named',
      summary: 'Sadness came up most.',
      items: [
        { label: 'Sad', value: 14 },
        { label: "I can't name it yet", value: 4 },
      ],
      itemHeading: 'Family',
      valueLabel: 'Times named',
    });
    click(byButton(target, 'Show as a table'));
    expect([...target.querySelectorAll('thead th')].map(text)).toEqual(['Family', 'Times named']);
    expect(tableRows(target)).toEqual([
      ['Sad', '14'],
      ["I can't name it yet", '4'],
    ]);
  });

  it('follows new data', () => {
    const props = $state({ title: 'Relief', summary: 'Steady.', points: [{ label: 'Week of 2 March', value: null as number | null }] });
    const host = mountInBody(TrendChart, props);
    expect(text(host.querySelector('.empty'))).toBe(EMPTY_CHART);
    props.points = [{ label: 'Week of 2 March', value: 6 }];
    flushSync();
    expect(host.querySelector('.empty')).toBeNull();
    expect(host.querySelector('[role="slider"]')?.getAttribute('aria-valuetext')).toBe('Week of 2 March: Average 6');
  });
});

describe('theme', () => {
  it('reads its colours from the CSS custom properties where it sits', () => {
    const el = document.createElement('div');
    el.style.setProperty('--chart-1', '#8a6a2a');
    el.style.setProperty('--chart-main', '#2e7680');
    document.body.append(el);
    const palette = readPalette(el);
    expect(palette.series[0]).toBe('#8a6a2a');
    expect(palette.main).toBe('#2e7680');
    el.remove();
  });

  it('notices a change of theme on <html>, so charts draw again', async () => {
    const before = themeVersion();
    document.documentElement.dataset.theme = document.documentElement.dataset.theme === 'light' ? 'dark' : 'light';
    await new Promise((r) => setTimeout(r, 0));
    expect(themeVersion()).toBeGreaterThan(before);
  });
});
