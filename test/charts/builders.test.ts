import { describe, expect, it } from 'vitest';
import { PALETTE, houseTheme, lorenzChart, measureChart, toSVG } from '../../src/index.js';
import { COLOURS, DIVERGING_FIVE } from '../../src/charts/index.js';
import { cases, domainTable, lorenzTable } from './cases.js';
import { compileWarnings, schemaErrors, thrown } from './validate.js';


describe('every chart builder makes a valid, warning-free Vega-Lite spec', () => {
  for (const { name, spec, snapshot } of cases()) {
    describe(name, () => {
      it('validates against the Vega-Lite JSON schema', () => expect(schemaErrors(spec)).toEqual([]));
      it('compiles with Vega-Lite without warnings', async () => expect(await compileWarnings(spec)).toEqual([]));
      it('has a description, the house config and a source note', () => {
        const s = spec as Record<string, any>;
        expect(typeof s.description).toBe('string');
        expect(s.description.length).toBeGreaterThan(40);
        expect(s.config.font).toMatch(/DejaVu Sans/);
        expect(s.config.locale.number.currency).toEqual(['£', '']);
        const note = s.vconcat[s.vconcat.length - 1].encoding.text.value.join(' ');
        expect(note).toMatch(/^Source: /);
      });
      it('renders marks to SVG', async () => {
        const svg = await toSVG(spec);
        expect(svg).toMatch(/^<svg/);
        expect(svg).toMatch(/role-mark/);
      });
      if (snapshot !== false) it('matches its snapshot', () => expect(spec).toMatchSnapshot());
    });
  }
});

describe('lorenzChart', () => {
  it('describes the poorest half\'s share per group (hand-checked: 50% and 20%)', () => {
    const s = lorenzChart(lorenzTable, { group: 'area' }) as { description: string };
    expect(s.description).toContain('50.0% in Equal');
    expect(s.description).toContain('20.0% in Unequal');
  });
  it('names a missing column and the option that renames it', () => {
    const e = thrown(() => lorenzChart(lorenzTable.select('p', 'area'), { group: 'area' }));
    expect(e.code).toBe('MISSING_COLUMN');
    expect(e.message).toMatch(/lorenzChart: the table has no column "L"/);
    expect(e.message).toMatch(/\{ L: '<column>' \}/);
  });
  it('rejects an empty table', () => {
    const e = thrown(() => lorenzChart({ p: [], L: [] }));
    expect(e.code).toBe('EMPTY');
    expect(e.message).toMatch(/lorenzChart: the table is empty/);
  });
  it('names non-numeric rows', () => {
    const e = thrown(() => lorenzChart([{ p: 0, L: 0 }, { p: 1, L: 'x' }]));
    expect(e.message).toMatch(/column "L" .* 1 missing or non-numeric value \(row 1\)/);
  });
  it('does not change its input', () => {
    const rows = [{ p: 0, L: 0 }, { p: 1, L: 1 }];
    const copy = structuredClone(rows);
    lorenzChart(rows);
    expect(rows).toEqual(copy);
  });
});

describe('measureChart', () => {
  it('draws whiskers only when the table has both limits', () => {
    const layers = (s: unknown) => ((s as any).vconcat[0].layer as any[]).map((l) => l.mark.type);
    expect(layers(measureChart(domainTable, { group: 'council' }))).toEqual(['rule', 'point']);
    expect(layers(measureChart(domainTable.select('council', 'estimate'), { group: 'council' }))).toEqual(['point']);
  });
  it('rejects a table with one limit', () => {
    const e = thrown(() => measureChart(domainTable.select('council', 'estimate', 'ci_lower'), { group: 'council' }));
    expect(e.message).toMatch(/only one confidence limit \("ci_lower"\)/);
  });
  it('orders groups by value, largest first, and says so in the description', () => {
    const s = measureChart(domainTable, { group: 'council', format: 'percent', label: 'Poverty rate' }) as any;
    expect(s.vconcat[0].layer[1].encoding.y.sort).toEqual(['Fife', 'Angus', 'Moray']);
    expect(s.description).toContain('Highest: Fife (21.0%, interval 19.0% to 23.0%)');
  });
  it('reads Estimates by name (the estimate() object shape)', () => {
    const e = (estimate: number, lo: number, hi: number) => ({ estimate, se: 0.01, ci: [lo, hi] as [number, number], level: 0.9, method: 'linearization', n: 100 });
    const s = measureChart({ Fife: e(0.21, 0.19, 0.23), Angus: e(0.18, 0.14, 0.22) }, { format: 'percent' }) as any;
    expect(s.datasets.measures).toEqual([
      { group: 'Fife', estimate: 0.21, ci_lower: 0.19, ci_upper: 0.23, level: 0.9 },
      { group: 'Angus', estimate: 0.18, ci_lower: 0.14, ci_upper: 0.22, level: 0.9 },
    ]);
    expect(s.vconcat[0].layer[1].encoding.x.title).toBe('estimate (90% confidence interval)');
    expect(schemaErrors(s)).toEqual([]);
  });
  it('reads byGroup output through { value }', () => {
    const t = { region: ['A', 'B'], gini: [0.3, 0.25], n: [10, 12], population: [100, 120] };
    expect(schemaErrors(measureChart(t, { group: 'region', value: 'gini' }))).toEqual([]);
  });
});

describe('the checks themselves can fail', () => {
  it('the schema check rejects an invalid spec', () => {
    expect(schemaErrors({ mark: 'bogus', data: { values: [] } }).length).toBeGreaterThan(0);
  });
  it('the compile check reports Vega-Lite warnings', async () => {
    const spec = { data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'a', type: 'nominal' } } };
    expect((await compileWarnings(spec)).join(' ')).toMatch(/shape/);
  });
});

describe('the house theme', () => {
  it('is applied through config and can be overridden per chart without touching the default', () => {
    const s = lorenzChart(lorenzTable, { theme: { font: 'Arial', axis: { labelFontSize: 16 } } }) as any;
    expect(s.config.font).toBe('Arial');
    expect(s.config.axis.labelFontSize).toBe(16);
    expect(s.config.axis.titleFontSize).toBe(13); // other axis settings kept
    expect(houseTheme().font).toMatch(/^DejaVu Sans/);
    expect((houseTheme() as any).axis.labelFontSize).toBe(12);
  });
  it('uses a colour-blind-safe categorical palette (Okabe & Ito 2008)', () => {
    expect((houseTheme() as any).range.category).toEqual(['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442']);
  });
  it('sets no colour by hand outside the theme\'s named colours', () => {
    const json = JSON.stringify(cases().map((c) => ({ ...(c.spec as any), config: undefined })));
    const allowed = new Set([...PALETTE, ...Object.values(COLOURS), ...DIVERGING_FIVE, 'white', 'black'].map((c) => c.toUpperCase()));
    const used = [...json.matchAll(/"(#[0-9A-Fa-f]{6}|white|black)"/g)].map((m) => m[1]!.toUpperCase());
    expect(used.filter((c) => !allowed.has(c))).toEqual([]);
  });
});
