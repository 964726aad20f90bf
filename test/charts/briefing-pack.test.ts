import { describe, expect, it } from 'vitest';
import {
  comparisonLinesChart, councilScatterChart, deprivationProfileChart, formatCell,
  rankChangeChart, rankedDotsChart, simdGradientChart, spreadStripsChart,
} from '../../src/index.js';
import { columnKind, inlineSVG, wrapTitle } from '../../src/charts/briefing-pack.js';
import { ordinal } from '../../src/charts/ranked-dots.js';
import { compileChart } from '../../src/charts/render.js';
import { thrown } from '../helpers/thrown.js';

type Spec = { description: string; datasets: Record<string, Record<string, number | string>[]>; title: { text: string | string[] } };

describe('briefing data tables', () => {
  it('format numbers by kind (years without separators, rates as percentages, money in pounds)', () => {
    expect(formatCell(2024, 'year')).toBe('2024');
    expect(formatCell(0.2455, 'percent1')).toBe('24.6%'); // 24.55 rounds half up in toLocaleString to 24.6
    expect(formatCell(1234.4, 'pounds')).toBe('£1,234');
    expect(formatCell(12345, 'number')).toBe('12,345');
    expect(formatCell(null, 'percent1')).toBe('');
    expect(formatCell('Fife', 'text')).toBe('Fife');
  });
  it('guess year-like columns by name', () => {
    expect(columnKind('year', [2024])).toBe('year');
    expect(columnKind('target_year', [2031])).toBe('year');
    expect(columnKind('decile', [1])).toBe('year');
    expect(columnKind('children', [24025])).toBe('number');
    expect(columnKind('council', ['Fife'])).toBe('text');
  });
  it('inline SVGs with prefixed ids so two charts on a page never share a clip path', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" role="graphics-document"><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)" role="graphics-symbol" aria-label="x"></g></svg>';
    const out = inlineSVG(svg, 'c3', 'A chart of things');
    expect(out).toContain('id="c3-clip1"');
    expect(out).toContain('url(#c3-clip1)');
    expect(out).toMatch(/^<svg role="img" aria-label="A chart of things" focusable="false"/);
    expect(out).not.toContain('graphics-symbol');
  });
  it('ordinal numbers', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 32].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '32nd']);
  });
});

describe('briefing chart builders', () => {
  const lines = [
    { series: 'Fife', year: 2015, rate: 0.2 },
    { series: 'Fife', year: 2024, rate: 0.201 },
    { series: 'Scotland', year: 2015, rate: 0.19 },
    { series: 'Scotland', year: 2024, rate: 0.2 },
    { series: 'Family group', year: 2015, rate: 0.1 },
    { series: 'Family group', year: 2024, rate: 0.199 },
  ];

  it('comparisonLinesChart labels line ends at least 15 px apart, in one column right of the last year', () => {
    const spec = comparisonLinesChart(lines, { highlight: 'Fife', height: 300 }) as unknown as Spec;
    const labels = spec.datasets.labels!.map((l) => l.label_y as number).sort((a, b) => a - b);
    // the value axis runs 0 to 0.201 × 1.08; 15 px of 300 px is 5% of that range
    const gap = (0.201 * 1.08 * 15) / 300;
    for (let i = 1; i < labels.length; i++) expect(labels[i]! - labels[i - 1]!).toBeGreaterThanOrEqual(gap - 1e-12);
    expect(new Set(spec.datasets.labels!.map((l) => l.label_x))).toEqual(new Set([2024]));
    expect(spec.description).toContain('Fife: 20.0% in 2015 to 20.1% in 2024');
  });

  it('comparisonLinesChart names a missing column and the option', () => {
    expect(thrown(() => comparisonLinesChart(lines, { value: 'share' })).message).toMatch(/no column "share".*\{ value: '<column>' \}/);
  });

  it('simdGradientChart draws the fitted line over the data ranks only, clipped at zero', () => {
    const gradient = [
      { group: 1, rate: 0.3, rank: 0.1 },
      { group: 2, rate: 0.02, rank: 0.9 },
    ];
    const spec = simdGradientChart(gradient, { sii: { intercept: 0.35, slope: -0.4 } }) as unknown as Spec & { vconcat: { layer: { mark: { clip?: boolean } }[] }[] };
    // hand: 0.35 − 0.4 × 0.1 = 0.31; 0.35 − 0.4 × 0.9 = −0.01 (below zero: clipped by the axis)
    expect(spec.datasets.fit!.map((r) => r.rank)).toEqual([0.1, 0.9]);
    expect(spec.datasets.fit![0]!.fitted).toBeCloseTo(0.31, 12);
    expect(spec.datasets.fit![1]!.fitted).toBeCloseTo(-0.01, 12);
    expect(spec.vconcat[0]!.layer.at(-1)!.mark.clip).toBe(true);
  });

  it('rankedDotsChart says where the highlighted area ranks', () => {
    const rows = [
      { name: 'A', value: 0.3, lower: 0.25, upper: 0.35 },
      { name: 'B', value: 0.2, lower: 0.15, upper: 0.25 },
      { name: 'C', value: 0.1, lower: 0.05, upper: 0.15 },
    ];
    const spec = rankedDotsChart(rows, { lower: 'lower', upper: 'upper', highlight: 'B', reference: 0.22 }) as unknown as Spec;
    expect(spec.description).toContain('B is 2nd of 3 at 20.0% (interval 15.0% to 25.0%)');
    expect(thrown(() => rankedDotsChart([...rows, rows[0]!])).message).toMatch(/names a row twice/);
  });

  it('the new builders compile with Vega-Lite without warnings', async () => {
    const specs = [
      comparisonLinesChart(lines, { highlight: 'Fife' }),
      rankedDotsChart([{ name: 'A', value: 1, g: '1' }, { name: 'B', value: 2, g: '2' }], { group: 'g', highlight: 'A', format: 'decimal', reference: 1.5 }),
      deprivationProfileChart(Array.from({ length: 10 }, (_, i) => ({ decile: i + 1, people_share: 0.1, zones_share: 0.1 })), { area: 'Fife' }),
      councilScatterChart([{ name: 'A', x: 1, y: 0.2 }, { name: 'B', x: 2, y: 0.1 }], { highlight: 'A', xFormat: 'decimal', reference: { x: 1.5, y: 0.15 } }),
      rankChangeChart([{ indicator: 'X', rank_then: 3, rank_now: 30 }], { of: 32 }),
      spreadStripsChart([{ outcome: 'P', area: 'a', value: 0.1 }, { outcome: 'P', area: 'b', value: 0.3 }], { outcomes: [{ name: 'P', label: 'P, %', higherIsBetter: false }] }),
    ];
    for (const s of specs) expect((await compileChart(s)).warnings).toEqual([]);
  });

  it('rankChangeChart wraps long indicator names (up to three lines, the LGBF code kept) instead of cutting them off', async () => {
    const long = 'The Gross Cost of "Children Looked After" in Residential Based Services per Child per Week (CHN8a)';
    const longer = 'Percentage of Adults Supported at Home Who Agree That They Are Supported to Live as Independently as Possible and Also Have a Say in How Their Support Is Provided (SW4b)';
    const spec = rankChangeChart([{ indicator: long, rank_then: 14, rank_now: 31 }, { indicator: 'Town Vacancy Rates (ECON9)', rank_then: 29, rank_now: 31 }, { indicator: longer, rank_then: 25, rank_now: 29 }]) as unknown as Record<string, any>;
    const layer = spec.vconcat[0].layer as { encoding: { y?: { axis: { labelExpr: string; labelLimit: number } } } }[];
    const axis = layer.find((l) => l.encoding.y)!.encoding.y!.axis;
    const labels = JSON.parse(axis.labelExpr.slice(0, axis.labelExpr.indexOf('[datum.value]'))) as Record<string, string[]>;
    expect(labels[long]!.join(' ')).toBe(long); // three lines, nothing lost
    expect(labels[long]!.length).toBe(3);
    expect(labels['Town Vacancy Rates (ECON9)']).toEqual(['Town Vacancy Rates (ECON9)']);
    expect(labels[longer]!.length).toBe(3);
    expect(labels[longer]![2]).toMatch(/… \(SW4b\)$/);
    // each line fits the label column, so Vega's labelLimit never truncates one
    const { wrapToWidth } = await import('../../src/charts/frame.js');
    for (const lines of Object.values(labels)) for (const l of lines) expect(wrapToWidth(l, axis.labelLimit, 12)).toHaveLength(1);
    expect(spec.vconcat[0].height).toBe(3 * (14 * 3 + 12));
    expect((await compileChart(spec as never)).warnings).toEqual([]);
  });

  it('wrapTitle wraps long findings to the chart width without changing the spec it is given', () => {
    const spec = comparisonLinesChart(lines, { title: 'Child poverty in Dumfries and Galloway is above Scotland\'s and has risen since 2015, faster than its family group' });
    const copy = JSON.stringify(spec);
    const wrapped = wrapTitle(spec) as unknown as Spec;
    expect(Array.isArray(wrapped.title.text)).toBe(true);
    expect((wrapped.title.text as string[]).join(' ')).toBe((spec as unknown as Spec).title.text);
    expect(JSON.stringify(spec)).toBe(copy);
  });

  it('spreadStripsChart marks the worst area by each outcome\'s direction and the median', () => {
    const rows = [
      { outcome: 'Poverty', area: 'North', value: 0.4 },
      { outcome: 'Poverty', area: 'South', value: 0.1 },
      { outcome: 'Poverty', area: 'East', value: 0.2 },
      { outcome: 'Staying on', area: 'North', value: 0.8 },
      { outcome: 'Staying on', area: 'South', value: 0.95 },
    ];
    const spec = spreadStripsChart(rows, {
      outcomes: [
        { name: 'Poverty', label: 'Poverty, %', higherIsBetter: false },
        { name: 'Staying on', label: 'Staying on, %', higherIsBetter: true },
      ],
    }) as unknown as Spec;
    expect(spec.datasets.worst!.map((r) => r.area)).toEqual(['North', 'North']);
    // medians by hand: (0.1, 0.2, 0.4) → 0.2; (0.8, 0.95) → 0.875
    expect(spec.datasets.medians!.map((r) => r.median)).toEqual([0.2, 0.875]);
    expect(thrown(() => spreadStripsChart(rows, { outcomes: [{ name: 'Crime', label: 'c', higherIsBetter: false }] })).message).toMatch(/none of the outcomes/);
  });
});
