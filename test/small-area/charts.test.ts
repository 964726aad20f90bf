import { describe, expect, it } from 'vitest';
import { councils, datasetPath, fayHerriot, readCSV, reliability, reliabilityMap, smallAreaChart, toSVG } from '../../src/index.js';
import { compileWarnings, schemaErrors } from '../charts/validate.js';

const milk = readCSV(datasetPath('sae_milk.csv'));
const fit = fayHerriot(milk, { area: 'SmallArea', estimate: 'yi', se: 'SD', factors: ['MajorArea'] });

describe('smallAreaChart', () => {
  const spec = smallAreaChart(fit.areas, { area: 'SmallArea', label: 'Milk expenditure', format: 'decimal' });
  it('is a valid Vega-Lite spec that compiles without warnings and renders', async () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(await compileWarnings(spec)).toEqual([]);
    expect(await toSVG(spec)).toMatch(/^<svg/);
  });
  it('carries a direct and a model row per area, and says how much narrower the model intervals are', () => {
    const rows = (spec as unknown as { datasets: { small_area: { series: string }[] } }).datasets.small_area;
    expect(rows).toHaveLength(86);
    expect(rows.filter((r) => r.series.startsWith('Model'))).toHaveLength(43);
    const o = fit.areas.objects() as { ci_upper: number; ci_lower: number; direct_ci_upper: number; direct_ci_lower: number }[];
    const ratio = o.reduce((s, r) => s + (r.ci_upper - r.ci_lower) / (r.direct_ci_upper - r.direct_ci_lower), 0) / o.length;
    expect(spec.description).toContain(`${Math.round(ratio * 100)}% as wide as the direct ones`);
  });
});

describe('reliability and reliabilityMap', () => {
  const codes = councils().array('code') as string[];
  // made-up council estimates with CVs spanning the thresholds
  const table = codes.map((code, i) => ({ code, eblup: 0.1 + i / 200, cv: i / 80 }));
  it('classes CVs at 20% and 30%', () => {
    const r = reliability(fayHerriot(milk, { area: 'SmallArea', estimate: 'yi', se: 'SD' }).areas.derive({ cv: (d: { SmallArea: number }) => d.SmallArea / 100 }));
    const classes = r.array('reliability') as string[];
    expect(classes[19]).toBe('reliable'); // cv 0.20
    expect(classes[20]).toBe('use with caution'); // cv 0.21
    expect(classes[29]).toBe('use with caution'); // cv 0.30
    expect(classes[30]).toBe('suppressed');
  });
  it('suppresses areas above 30% and outlines those above 20%, and compiles without warnings', async () => {
    const spec = reliabilityMap(table, { label: 'Child poverty (made up)' });
    const s = spec as unknown as { datasets: { map_values: unknown[]; flagged: unknown[] } };
    const shown = table.filter((r) => r.cv <= 0.3);
    expect(s.datasets.map_values).toHaveLength(shown.length);
    expect(s.datasets.flagged).toHaveLength(shown.filter((r) => r.cv > 0.2).length);
    expect(spec.description).toMatch(/outlined as use with caution.*suppressed/);
    expect(schemaErrors(spec)).toEqual([]);
    expect(await compileWarnings(spec)).toEqual([]);
  });
});
