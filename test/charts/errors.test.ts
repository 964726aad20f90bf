import { describe, expect, it } from 'vitest';
import {
  councilMap,
  crossCheckChart,
  dataZoneMap,
  decileImpactChart,
  decompositionChart,
  incomeDistributionChart,
  lgbfChart,
  measureChart,
  povertyTrendChart,
  simdGradientChart,
  winnersLosersChart,
} from '../../src/index.js';
import { crossCheck, decileImpacts, gradient, incomes, lgbfTable, series, squares, targets, winnersLosers } from './cases.js';
import { thrown } from './validate.js';


describe('each builder names the missing column and the option that renames it', () => {
  const table = { something: [1, 2] };
  const cases: [string, () => unknown, string, string][] = [
    ['measureChart', () => measureChart(table), 'group', 'group'],
    ['incomeDistributionChart', () => incomeDistributionChart(table), 'income', 'value'],
    ['povertyTrendChart', () => povertyTrendChart(table), 'year', 'x'],
    ['decileImpactChart', () => decileImpactChart(table), 'decile', 'decile'],
    ['winnersLosersChart', () => winnersLosersChart(table), 'band', 'band'],
    ['simdGradientChart', () => simdGradientChart(table), 'rank', 'rank'],
    ['councilMap', () => councilMap(table, { topology: squares, feature: 'areas' }), 'code', 'code'],
    ['lgbfChart', () => lgbfChart(table), 'family_group', 'family_group'],
    ['decompositionChart', () => decompositionChart(table), 'component', 'component'],
    ['crossCheckChart', () => crossCheckChart(table), 'flag', 'flag'],
  ];
  for (const [name, f, column, option] of cases) {
    it(name, () => {
      const e = thrown(f);
      expect(e.code).toBe('MISSING_COLUMN');
      expect(e.message).toContain(`${name}: the table has no column`);
      expect(e.message).toContain(`"${column}"`);
      expect(e.message).toContain(`{ ${option}: '<column>' }`);
      expect(e.message).toContain('(it has: something)');
    });
  }
});

describe('builder-specific checks', () => {
  it('an empty table is an EMPTY error', () => {
    expect(thrown(() => decileImpactChart({ decile: [], mean_change: [] })).code).toBe('EMPTY');
  });
  it('incomeDistributionChart rejects zero weights and silly bins', () => {
    expect(thrown(() => incomeDistributionChart({ income: [1, 2], w: [1, 0] }, { weight: 'w' })).message).toMatch(/weight column "w" has 1 zero or negative weight \(rows 1\)/);
    expect(thrown(() => incomeDistributionChart(incomes, { bins: 1 })).message).toMatch(/bins must be a whole number from 2 to 500/);
  });
  it('incomeDistributionChart puts every weight in a bar: shares sum to 1 (hand count: 12 people)', () => {
    const s = incomeDistributionChart(incomes, { weight: 'w', bins: 10 }) as any;
    const bars = s.datasets.bins as { share: number; people: number }[];
    expect(bars.reduce((a, b) => a + b.people, 0)).toBe(12); // weights 1+2+1+1+2+1+1+1+1+1
    expect(bars.reduce((a, b) => a + b.share, 0)).toBeCloseTo(1, 12);
    // weighted 99th percentile is 900 (the top income), so the 900 falls in the last bar [800, 900)
    expect(bars[bars.length - 1]).toMatchObject({ bin_start: 800, bin_end: 900, people: 1 });
    expect(s.description).toMatch(/£100 band/);
  });
  it('povertyTrendChart refuses two rows for one series and year (unfiltered basis)', () => {
    const doubled = series.concat(series.derive({ basis: () => 'AHC' }));
    expect(thrown(() => povertyTrendChart(doubled)).message).toMatch(/rows 0 and 6 both give measure "relative" in year 2020; filter the table to one basis and group first/);
  });
  it('povertyTrendChart refuses targets that match no series', () => {
    const t = targets.derive({ measure: () => 'persistent' });
    expect(thrown(() => povertyTrendChart(series, { targets: t })).message).toMatch(/no target's measure \(persistent\) matches a value of the series column "measure"/);
  });
  it('winnersLosersChart lists unknown bands and the allowed ones', () => {
    const t = winnersLosers.derive({ band: (d: { band: string }) => (d.band === 'No change' ? 'Same' : d.band) });
    expect(thrown(() => winnersLosersChart(t)).message).toMatch(/unknown band \("Same"\); bands are "Gain more than 5%"/);
  });
  it('simdGradientChart needs ranks in [0, 1]', () => {
    const t = gradient.derive({ rank: (d: { rank: number }) => d.rank * 100 });
    expect(thrown(() => simdGradientChart(t)).message).toMatch(/must hold population ranks in \[0, 1\] but 5 rows are outside/);
  });
  it('maps name codes that match no area and duplicated codes', () => {
    const e = thrown(() => councilMap([{ code: 'S12000015', value: 1 }], { topology: squares, feature: 'areas' }));
    expect(e.code).toBe('UNKNOWN_CODE');
    expect(e.message).toMatch(/1 code in column "code" match no council in the boundaries: S12000015 \(row 0\); council codes changed in 2018 and 2019: convert with councilCodes\(\)/);
    expect(thrown(() => dataZoneMap([{ code: 'S12000001', value: 1 }, { code: 'S12000001', value: 2 }], { topology: squares, feature: 'areas' })).message).toMatch(/code S12000001 appears twice/);
    expect(thrown(() => councilMap([{ code: 'S12000001', value: 1 }], { topology: squares })).message).toMatch(/the topology has no object "council_areas" \(it has areas\)/);
  });
  it('councilMap draws every council from the bundled boundaries, greying those without a value', () => {
    const s = councilMap([{ code: 'S12000047', value: 0.2 }], { label: 'Rate' }) as any;
    expect(s.datasets.areas.objects.council_areas.geometries).toHaveLength(32);
    expect(s.description).toMatch(/Map of 1 council in Scotland shaded by Rate; darker means higher\. Highest: Fife \(20\.0%\)/);
    expect(s.description).toMatch(/31 councils have no value and are grey/);
  });
  it('lgbfChart needs one Scotland value and known highlights', () => {
    expect(thrown(() => lgbfChart(lgbfTable.derive({ scotland: (d: { rank: number }) => d.rank }))).message).toMatch(/column "scotland" should hold one value/);
    expect(thrown(() => lgbfChart(lgbfTable, { highlight: 'Fyfe' })).message).toMatch(/highlight names "Fyfe" not found in column "council"/);
  });
  it('crossCheckChart lists unknown flags', () => {
    const t = crossCheck.derive({ flag: () => 'bad' });
    expect(thrown(() => crossCheckChart(t)).message).toMatch(/unknown flag "bad"; flags are "harms", "no detectable effect", "helps"/);
  });
  it('measureChart rejects a non-finite reference', () => {
    expect(thrown(() => measureChart({ group: ['a'], estimate: [1] }, { reference: NaN })).message).toMatch(/reference must be a finite number/);
  });
  it('decileImpactChart describes gains and losses (hand count: 4 gain, 6 lose)', () => {
    const s = decileImpactChart(decileImpacts) as { description: string };
    expect(s.description).toContain('Decile 1: £6.50');
    expect(s.description).toContain('Decile 10: −£8.80');
    expect(s.description).toContain('4 deciles gain (blue bars) and 6 lose (orange bars)');
  });
  it('winnersLosersChart describes each row (hand sums: All 40% gain, 40% lose)', () => {
    const s = winnersLosersChart(winnersLosers) as { description: string };
    expect(s.description).toContain('everyone: 40% gain, 40% lose; decile 1: 70% gain, 10% lose; decile 10: 10% gain, 70% lose');
  });
  it('simdGradientChart describes the fitted line (hand: 35% − 25% = 10%)', () => {
    const s = simdGradientChart(gradient, { sii: { intercept: 0.35, slope: -0.25 } }) as { description: string };
    expect(s.description).toContain('from 35.0% at the most deprived end to 10.0% at the least deprived; slope index of inequality −25.0%');
  });
});
