/**
 * The charts' data mapping (renderer/components/charts/model.ts): our data → uPlot's series and
 * scales, the table and the keyboard's words, without a canvas.
 */
import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { WHOLE_STEPS, barsModel, changeModel, ladderModel, moodModel, niceCeil, rowWords, stackedModel, steps, trendModel } from '../../renderer/components/charts/model.ts';
import { withAlpha, type ChartPalette } from '../../renderer/components/charts/palette.ts';
import { NOT_NOTED, TOO_FEW } from '../../renderer/components/charts/words.ts';

const palette: ChartPalette = {
  series: ['#000001', '#000002', '#000003', '#000004', '#000005', '#000006'],
  before: '#0000b0',
  after: '#0000a0',
  peak: '#0000c0',
  main: '#00000a',
  axis: '#aaaaaa',
  grid: '#bbbbbb',
  font: '14px system-ui',
  fontSize: 14,
};

/** An axis's value formatter, called as uPlot would. */
function axisValues(axis: uPlot.Axis | undefined, splits: number[]): unknown[] {
  const values = axis?.values as uPlot.Axis.DynamicValues;
  return values({} as uPlot, splits, 0, 0, 0);
}

describe('mood before and after', () => {
  const points = [
    { label: 'Monday 2 March', tick: '2 Mar', before: 2, after: 4 },
    { label: 'Thursday 5 March', tick: '5 Mar', before: 3, after: null },
    { label: 'Sunday 8 March', before: 1, after: 1 },
  ];

  it('draws before and after as two series of points over the sessions in order, with lines between them', () => {
    const { data, options } = moodModel(points).plot(palette);
    expect(data).toEqual([
      [0, 1, 2],
      [2, 3, 1],
      [4, null, 1],
    ]);
    const [, before, after] = options.series;
    expect(before).toMatchObject({ label: 'Before', stroke: palette.before, points: { show: true, fill: 'rgba(0, 0, 0, 0)' } });
    expect(after).toMatchObject({ label: 'After', stroke: palette.after, points: { show: true, fill: palette.after } });
    // No line along the series: only the joining lines, drawn under the points.
    expect(before!.paths!({} as uPlot, 1, 0, 2)).toBeNull();
    expect(options.hooks?.drawAxes).toHaveLength(1);
    // The mood scale 1–5, with a little room so the end points are whole.
    expect(options.scales?.y?.range).toEqual([0.76, 5.24]);
    expect(options.scales?.x).toMatchObject({ time: false, range: [-0.5, 2.5] });
  });

  it('draws smaller points when a year of weeks shares the width', () => {
    const sizes = (n: number) =>
      moodModel(Array.from({ length: n }, (_, i) => ({ label: `Week ${i}`, before: 2, after: 3 })))
        .plot(palette)
        .options.series.slice(1)
        .map((s) => (s.points as { size: number }).size);
    expect(sizes(13)).toEqual([11, 11]);
    expect(sizes(53)).toEqual([7, 7]);
  });

  it('labels the axis with the short ticks, and the table and keyboard with the full labels', () => {
    const model = moodModel(points);
    expect(axisValues(model.plot(palette).options.axes?.[0], [0, 1, 2])).toEqual(['2 Mar', '5 Mar', 'Sunday 8 March']);
    expect(model.table).toEqual({
      columns: ['Session', 'Before', 'After'],
      rows: [
        ['Monday 2 March', '2', '4'],
        ['Thursday 5 March', '3', NOT_NOTED],
        ['Sunday 8 March', '1', '1'],
      ],
    });
    expect(model.points[1]).toBe(`Thursday 5 March: Before 3, After ${NOT_NOTED}`);
    expect(model.legend.map((l) => [l.label, l.colour, l.mark])).toEqual([
      ['Before', 'before', 'ring'],
      ['After', 'after', 'dot'],
    ]);
  });

  it('is empty when nothing was noted', () => {
    expect(moodModel([]).empty).toBe(true);
    expect(moodModel([{ label: 'a', before: null, after: null }]).empty).toBe(true);
    expect(moodModel(points).empty).toBe(false);
  });
});

describe('what seems to help (average change per practice)', () => {
  const items = [
    { label: 'Permission', change: 1.25, count: 6 },
    { label: 'Open one box', change: 2, count: 2 },
    { label: 'Arrive and breathe', change: -0.4, count: 3 },
  ];

  it('draws only practices with enough sessions, as bars down the side, each name with its count', () => {
    const model = changeModel(items);
    const { data, options } = model.plot(palette);
    expect(data).toEqual([
      [0, 1],
      [1.25, -0.4],
    ]);
    expect(model.horizontal).toBe(true);
    expect(options.scales?.x).toMatchObject({ ori: 1, dir: -1 });
    // Zero in the middle: the same reach both ways.
    expect(options.scales?.y?.range).toEqual([-1.5, 1.5]);
    expect(options.series[1]).toMatchObject({ fill: palette.main });
    expect(model.points).toEqual(['Permission: Average change +1.3, Sessions 6', 'Arrive and breathe: Average change -0.4, Sessions 3']);
  });

  it('lists the ones with too few sessions in the table, with no conclusion', () => {
    const { table } = changeModel(items);
    expect(table.rows).toEqual([
      ['Permission', '+1.3', '6'],
      ['Arrive and breathe', '-0.4', '3'],
      ['Open one box', TOO_FEW, '2'],
    ]);
  });

  it('takes a missing average (as the insights view gives it below its minimum) as too few', () => {
    const model = changeModel([{ label: 'Quiet body', change: null, count: 7 }, ...items]);
    expect(model.table.rows.slice(2)).toEqual([
      ['Quiet body', TOO_FEW, '7'],
      ['Open one box', TOO_FEW, '2'],
    ]);
    expect(model.plot(palette).data[1]).toEqual([1.25, -0.4]);
  });

  it('is empty until some practice has enough sessions (the minimum can be changed)', () => {
    expect(changeModel([{ label: 'Permission', change: 1, count: 2 }]).empty).toBe(true);
    expect(changeModel([{ label: 'Permission', change: 1, count: 2 }], { minCount: 2 }).empty).toBe(false);
  });
});

describe('stacked bars (tears per week)', () => {
  const parts = [
    { key: 'none', label: 'No tears' },
    { key: 'welled', label: 'Eyes welled up' },
    { key: 'tear', label: 'A tear' },
    { key: 'cried', label: 'Cried' },
    { key: 'deep', label: 'A deep cry' },
  ] as const;
  type K = (typeof parts)[number]['key'];
  const week = (label: string, counts: Partial<Record<K, number>>) => ({
    label,
    counts: { none: 0, welled: 0, tear: 0, cried: 0, deep: 0, ...counts },
  });
  const bars = [week('Week of 2 March', { none: 2, tear: 1 }), week('Week of 9 March', {}), week('Week of 16 March', { welled: 1, deep: 1 })];

  it('stacks the parts in order as running totals, each in its own calm colour', () => {
    const { data, options } = stackedModel(bars, parts).plot(palette);
    expect(data).toEqual([
      [0, 1, 2],
      [2, 0, 0],
      [2, 0, 1],
      [3, 0, 1],
      [3, 0, 1],
      [3, 0, 2],
    ]);
    expect(options.series.slice(1).map((s) => [s.label, s.fill])).toEqual([
      ['No tears', '#000001'],
      ['Eyes welled up', '#000002'],
      ['A tear', '#000003'],
      ['Cried', '#000004'],
      ['A deep cry', '#000005'],
    ]);
    expect(options.scales?.y?.range).toEqual([0, 3]);
  });

  it('gives "no tears" a colour and a key like every other outcome', () => {
    const { legend } = stackedModel(bars, parts);
    expect(legend).toEqual([
      { label: 'No tears', colour: 'chart-1', mark: 'bar' },
      { label: 'Eyes welled up', colour: 'chart-2', mark: 'bar' },
      { label: 'A tear', colour: 'chart-3', mark: 'bar' },
      { label: 'Cried', colour: 'chart-4', mark: 'bar' },
      { label: 'A deep cry', colour: 'chart-5', mark: 'bar' },
    ]);
  });

  it('has a row per week with each outcome and the total, and is empty when every week is', () => {
    const model = stackedModel(bars, parts);
    expect(model.table.columns).toEqual(['Week', 'No tears', 'Eyes welled up', 'A tear', 'Cried', 'A deep cry', 'In all']);
    expect(model.table.rows[0]).toEqual(['Week of 2 March', '2', '0', '1', '0', '0', '3']);
    expect(model.table.rows[1]).toEqual(['Week of 9 March', '0', '0', '0', '0', '0', '0']);
    expect(model.empty).toBe(false);
    expect(stackedModel([bars[1]!], parts).empty).toBe(true);
  });

  it('a sixth part ("not answered") takes the quiet slate, not another outcome\'s colour', () => {
    const six = [...parts, { key: 'notAnswered', label: 'Not answered' }];
    const withSix = [{ label: 'Week of 2 March', counts: { none: 1, welled: 0, tear: 0, cried: 0, deep: 0, notAnswered: 2 } }];
    const model = stackedModel(withSix, six);
    expect(model.legend[5]).toEqual({ label: 'Not answered', colour: 'chart-6', mark: 'bar' });
    expect(model.plot(palette).options.series[6]!.fill).toBe('#000006');
  });
});

describe('a line over weeks', () => {
  const points = [
    { label: 'Week of 2 March', tick: '2 Mar', value: 6 },
    { label: 'Week of 9 March', tick: '9 Mar', value: null },
    { label: 'Week of 16 March', tick: '16 Mar', value: 7.5 },
  ];

  it('leaves a week with nothing noted open, and fills softly under the line down to the scale', () => {
    const { data, options } = trendModel(points, { valueLabel: 'Relief' }).plot(palette);
    expect(data).toEqual([
      [0, 1, 2],
      [6, null, 7.5],
    ]);
    expect(options.series[1]).toMatchObject({ label: 'Relief', stroke: palette.main, spanGaps: false, fill: withAlpha(palette.main, 0.18), fillTo: 0 });
    expect(trendModel(points, { area: false }).plot(palette).options.series[1]!.fill).toBeUndefined();
  });

  it('without a scale, runs from 0 to a round number above the highest value (counts of words)', () => {
    const counts = [
      { label: 'March', value: 12 },
      { label: 'April', value: 17 },
    ];
    const axis = trendModel(counts).plot(palette).options;
    expect((axis.axes?.[1]?.splits as () => number[])()).toEqual([0, 5, 10, 15, 20]);
  });

  it('puts its grid at the scale steps', () => {
    const axis = trendModel(points, { scale: { min: 0, max: 10, step: 5 } }).plot(palette).options.axes?.[1];
    const splits = axis?.splits as () => number[];
    expect(splits()).toEqual([0, 5, 10]);
  });

  it('has the table and words, and is empty with nothing noted', () => {
    const model = trendModel(points, { valueLabel: 'Relief' });
    expect(model.table.rows).toEqual([
      ['Week of 2 March', '6'],
      ['Week of 9 March', NOT_NOTED],
      ['Week of 16 March', '7.5'],
    ]);
    expect(model.points[2]).toBe('Week of 16 March: Relief 7.5');
    expect(trendModel([{ label: 'a', value: null }]).empty).toBe(true);
  });
});

describe('ladder steps', () => {
  const steps = [
    {
      name: 'Imagine crying',
      note: 'steady since 9 March',
      tries: [
        { label: 'Try 1', before: 20, peak: 55, after: 25 },
        { label: 'Try 2', before: 15, peak: null, after: 10 },
      ],
    },
    { name: 'Cry alone', tries: [] },
  ];

  it('gives each step with tries a small chart of before, peak and after, told apart by dashes too', () => {
    const model = ladderModel(steps, { threshold: 30 });
    expect(model.steps.map((s) => [s.name, s.note, s.tries, s.plot === null])).toEqual([
      ['Imagine crying', 'steady since 9 March', 2, false],
      ['Cry alone', undefined, 0, true],
    ]);
    const { data, options } = model.steps[0]!.plot!(palette);
    expect(data).toEqual([
      [0, 1],
      [20, 15],
      [55, null],
      [25, 10],
    ]);
    expect(options.series.slice(1).map((s) => [s.label, s.stroke, s.dash])).toEqual([
      ['Before', palette.before, [6, 4]],
      ['Peak', palette.peak, undefined],
      ['After', palette.after, [2, 3]],
    ]);
    expect(options.hooks?.drawAxes).toHaveLength(1);
    expect(model.legend.map((l) => [l.label, l.mark])).toEqual([
      ['Before', 'dashed'],
      ['Peak', 'line'],
      ['After', 'dotted'],
      ['Calm enough', 'rule'],
    ]);
    // No calm-enough level: no line, and nothing in the key for it.
    expect(ladderModel(steps).legend).toHaveLength(3);
  });

  it('has one table of every try, and is empty only when no step has a try', () => {
    const model = ladderModel(steps);
    expect(model.table).toEqual({
      columns: ['Step', 'Try', 'Before', 'Peak', 'After'],
      rows: [
        ['Imagine crying', 'Try 1', '20', '55', '25'],
        ['Imagine crying', 'Try 2', '15', NOT_NOTED, '10'],
      ],
    });
    expect(model.empty).toBe(false);
    expect(ladderModel([steps[1]!]).empty).toBe(true);
  });

  it('says each try in words, as its row of the table reads, for the keyboard', () => {
    const model = ladderModel(steps, { labels: { before: 'At first', peak: 'Highest', after: 'Later' } });
    expect(model.steps.map((s) => s.points)).toEqual([['Try 1: At first 20, Highest 55, Later 25', `Try 2: At first 15, Highest ${NOT_NOTED}, Later 10`], []]);
  });
});

describe('plain bars', () => {
  const items = [
    { label: 'Sad', value: 14 },
    { label: "I can't name it yet", value: 4 },
    { label: 'Angry', value: 0 },
  ];

  it('draws the items in the order given, from zero to a round end', () => {
    const model = barsModel(items, { itemHeading: 'Family', valueLabel: 'Times named' });
    const { data, options } = model.plot(palette);
    expect(data).toEqual([
      [0, 1, 2],
      [14, 4, 0],
    ]);
    expect(options.scales?.y?.range).toEqual([0, 15]);
    expect(model.table).toEqual({
      columns: ['Family', 'Times named'],
      rows: [
        ['Sad', '14'],
        ["I can't name it yet", '4'],
        ['Angry', '0'],
      ],
    });
    expect(model.points[1]).toBe("I can't name it yet: Times named 4");
    // Room for every bar: the chart grows with the list.
    expect(model.height).toBeGreaterThanOrEqual(3 * 30);
  });

  it('marks counts with whole numbers only, however few (never "0 1 1 2" from half steps)', () => {
    const counts = barsModel([{ label: 'The lighthouse film', value: 3 }]).plot(palette).options.axes?.[1];
    expect(counts?.incrs).toEqual(WHOLE_STEPS);
    expect(WHOLE_STEPS.every((step) => Number.isInteger(step))).toBe(true);
    // Averages keep their fractions.
    expect(barsModel([{ label: 'Relief', value: 2.5 }], { digits: 1 }).plot(palette).options.axes?.[1]?.incrs).toBeUndefined();
  });

  it('is empty when nothing was counted', () => {
    expect(barsModel([]).empty).toBe(true);
    expect(barsModel([{ label: 'Sad', value: 0 }]).empty).toBe(true);
  });
});

describe('helpers', () => {
  it('rounds an axis end up to a round number', () => {
    expect([0, 0.4, 1, 1.3, 3, 7, 14, 42, 101].map(niceCeil)).toEqual([1, 0.4, 1, 1.5, 3, 8, 15, 50, 150]);
  });

  it('puts grid lines of counts on whole numbers, at most five spaces apart, and keeps a given step', () => {
    expect(steps({ min: 0, max: 10 })).toEqual([0, 2, 4, 6, 8, 10]);
    expect(steps({ min: 0, max: 3 })).toEqual([0, 1, 2, 3]);
    expect(steps({ min: 0, max: 15 })).toEqual([0, 5, 10, 15]);
    expect(steps({ min: 0, max: 7 })).toEqual([0, 2, 4, 6]);
    expect(steps({ min: 0, max: 10, step: 5 })).toEqual([0, 5, 10]);
    expect(steps({ min: 0, max: 1.5 })).toEqual([0, 0.375, 0.75, 1.125, 1.5]);
    // Different feeling words so far, up to 9: no "2.5" or "7.5" on its axis.
    const axis = trendModel([{ label: 'a', value: 9 }]).plot(palette).options.axes?.[1];
    expect(axis?.splits).toBeTypeOf('function');
    expect((axis!.splits as () => number[])()).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it('writes a row as the keyboard readout says it', () => {
    expect(rowWords(['Week', 'Relief'], ['Week of 2 March', '6'])).toBe('Week of 2 March: Relief 6');
  });

  it('makes a colour see-through for a soft area', () => {
    expect(withAlpha('#6aa9ae', 0.2)).toBe('rgba(106, 169, 174, 0.2)');
    expect(withAlpha('#abc', 0.5)).toBe('rgba(170, 187, 204, 0.5)');
    expect(withAlpha('rgb(1, 2, 3)', 0.5)).toBe('rgba(1, 2, 3, 0.5)');
  });
});
