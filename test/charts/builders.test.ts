import { describe, expect, it } from 'vitest';
import { PALETTE, houseTheme, lorenzChart, measureChart, povertyTrendChart, toSVG } from '../../src/index.js';
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

describe('povertyTrendChart panels (the Act’s four targets, AHC)', () => {
  // Four measures with targets that share values (combined and persistent: 8% interim, 5% final,
  // Child Poverty (Scotland) Act 2017, ss. 1–2): the layered chart would print their labels over
  // each other; panels put each target's label beside its own diamond.
  const rows = (['relative', 'absolute', 'combined', 'persistent'] as const).flatMap((measure, k) =>
    [2018, 2019, 2020, 2021, 2022].map((year) => ({ year, measure, rate: [0.245, 0.208, 0.105, 0.18][k]! + (year - 2020) * 0.002 })),
  );
  const targets = (['relative', 'absolute', 'combined', 'persistent'] as const).flatMap((measure, k) => [
    { measure, kind: 'interim', period: '2023/24', target_year: 2024, target: [0.18, 0.14, 0.08, 0.08][k]! },
    { measure, kind: 'final', period: '2030/31', target_year: 2031, target: [0.1, 0.05, 0.05, 0.05][k]! },
  ]);
  const labels = { relative: 'Relative poverty', absolute: 'Absolute poverty', combined: 'Low income and material deprivation', persistent: 'Persistent poverty' };
  const spec = povertyTrendChart(rows, { targets, panels: true, seriesLabels: labels });

  async function scene(): Promise<{ texts: { text: string; x1: number; x2: number; y1: number; y2: number }[]; points: { x: number; y: number; panel: number }[] }> {
    const vl = await import('vega-lite');
    const vega = await import('vega');
    const view = new vega.View(vega.parse(vl.compile(spec as never).spec), { renderer: 'none' });
    await view.runAsync();
    const texts: { text: string; x1: number; x2: number; y1: number; y2: number }[] = [];
    const points: { x: number; y: number; panel: number }[] = [];
    const walk = (node: any, ox: number, oy: number) => {
      if (!node) return;
      for (const item of node.items ?? []) {
        if (node.marktype === 'text' && /^(interim|final) \d/.test(String(item.text))) {
          const b = item.bounds;
          texts.push({ text: String(item.text), x1: b.x1 + ox, x2: b.x2 + ox, y1: b.y1 + oy, y2: b.y2 + oy });
        }
        // the series' points are circles; the targets' diamonds are not data points
        if (node.marktype === 'symbol' && (item.shape ?? 'circle') === 'circle' && node.role === 'mark') points.push({ x: ox + item.x, y: oy + item.y, panel: 0 });
        if (node.marktype === 'group') for (const child of item.items ?? []) walk(child, ox + (item.x ?? 0), oy + (item.y ?? 0));
      }
    };
    walk((view.scenegraph() as unknown as { root: unknown }).root, 0, 0);
    view.finalize();
    return { texts, points };
  }

  it('labels every target beside its diamond: eight labels, none overlapping another', async () => {
    const { texts } = await scene();
    expect(texts.map((t) => t.text).sort()).toEqual(['final 10%', 'final 5%', 'final 5%', 'final 5%', 'interim 14%', 'interim 18%', 'interim 8%', 'interim 8%']);
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!;
        const b = texts[j]!;
        const overlap = a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
        expect(overlap, `"${a.text}" and "${b.text}" overlap`).toBe(false);
      }
    }
  });
  it('no target label sits on a data point of the series', async () => {
    const { texts, points } = await scene();
    expect(points.length).toBeGreaterThan(0);
    for (const t of texts) for (const p of points) expect(p.x >= t.x1 - 2 && p.x <= t.x2 + 2 && p.y >= t.y1 - 2 && p.y <= t.y2 + 2, `"${t.text}" covers a point`).toBe(false);
  });
  it('draws the panels in the order of seriesLabels (the Act’s order, ss. 3–6), whatever the row order, with no legend repeating the headings', () => {
    const alphabetical = [...rows].sort((a, b) => a.measure.localeCompare(b.measure));
    const s = povertyTrendChart(alphabetical, { targets, panels: true, seriesLabels: labels }) as Record<string, any>;
    expect(s.vconcat[0].facet.sort).toEqual(['Relative poverty', 'Absolute poverty', 'Low income and material deprivation', 'Persistent poverty']);
    expect(JSON.stringify(s.vconcat[0].spec.layer)).not.toContain('"legend":{');
    // without labels, the panels keep the rows' order
    const plain = povertyTrendChart(alphabetical, { targets, panels: true }) as Record<string, any>;
    expect(plain.vconcat[0].facet.sort).toEqual(['absolute', 'combined', 'persistent', 'relative']);
  });
  it('names the measures, not their codes, and states the targets in the description', () => {
    const s = spec as Record<string, any>;
    expect(s.description).toContain('Relative poverty: 24.1% in 2018 to 24.9% in 2022 (interim target 18% by 2023/24, final target 10% by 2030/31)');
    expect(s.description).toContain('Persistent poverty');
    expect(JSON.stringify(s.vconcat[0].facet)).toContain('_panel');
  });
});

describe('rendering leaves the spec untouched', () => {
  it('toSVG does not tag the spec’s data rows (Vega adds Symbol(vega_id) to rows it ingests)', async () => {
    const spec = measureChart(domainTable, { group: 'council' }) as Record<string, any>;
    const rows = Object.values(spec.datasets as Record<string, object[]>).flat();
    await toSVG(spec as never);
    for (const r of rows) expect(Object.getOwnPropertySymbols(r)).toEqual([]);
  });
});
