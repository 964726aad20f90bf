import * as aq from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PovineqError,
  groupedData,
  groupedDecileShares,
  groupedGini,
  groupedLorenz,
  groupedPalma,
  groupedPoverty,
  groupedPovertyTable,
  lorenzFits,
} from '../../src/index.js';
import { BetaLorenz, QuadraticLorenz, incompleteBetaIntegral } from '../../src/grouped/index.js';

// Decile tables with one row per decile: mean incomes, equal population shares
const means = (x: number[]) => groupedData({ x }, { groupMean: 'x', equalGroups: true });

describe('interpolation measures from decile tables', () => {
  it('hand-computed: decile means 1, 2, …, 10', () => {
    // total 55: decile shares k/55; Palma = s10/(s1+…+s4) = 10/10 = 1
    const g = means([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const t = groupedDecileShares(g);
    (t.array('share') as number[]).forEach((s, k) => expect(s).toBeCloseTo((k + 1) / 55, 14));
    expect(groupedPalma(g)).toBeCloseTo(1, 14);
    expect(g.mean).toBeCloseTo(5.5, 14);
    // linear interpolation halfway through the first decile: L(0.05) = ½·1/55
    expect(groupedLorenz(g, { p: [0.05, 0.4] }).array('L')).toEqual([expect.closeTo(0.5 / 55, 15), expect.closeTo(10 / 55, 15)]);
  });

  it('quintile table read as deciles by linear interpolation: each quintile split evenly', () => {
    // quintile shares 0.05, 0.1, 0.15, 0.25, 0.45 → decile shares 0.025, 0.025, 0.05, 0.05, …; Palma = 0.225/0.15
    const g = groupedData({ s: [5, 10, 15, 25, 45] }, { incomeShare: 's', equalGroups: true, percent: true });
    expect(groupedPalma(g)).toBeCloseTo(0.225 / 0.15, 14);
    expect((groupedDecileShares(g).array('share') as number[])[9]).toBeCloseTo(0.225, 15);
  });

  it('property: decile shares sum to 1 and reproduce a decile table exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: 10, maxLength: 10 }), (raw) => {
        const x = raw.slice().sort((a, b) => a - b);
        const shares = groupedDecileShares(means(x)).array('share') as number[];
        const total = x.reduce((a, b) => a + b, 0);
        return Math.abs(shares.reduce((a, b) => a + b, 0) - 1) < 1e-12 && shares.every((s, k) => Math.abs(s - x[k]! / total) < 1e-12);
      }),
      { numRuns: 100, seed: 4 },
    );
  });
});

describe('closed forms against the definitions', () => {
  // ∫₀ᵇ f by the midpoint rule after p = t⁴ on [0, min(b, ½)] and p = 1 − t⁴ on [½, b]: the Beta
  // curve's slope is infinite at 0 (γ < 1) and 1 (δ < 1), and these substitutions smooth both ends
  const integrate = (f: (p: number) => number, _a: number, b: number, N = 40000) => {
    let s = 0;
    const mid = Math.min(b, 0.5);
    const h = Math.pow(mid, 0.25) / N;
    for (let i = 0; i < N; i++) {
      const t = (i + 0.5) * h;
      s += f(t ** 4) * 4 * t ** 3 * h;
    }
    if (b > 0.5) {
      const lo = Math.pow(1 - b, 0.25);
      const k = (Math.pow(0.5, 0.25) - lo) / N;
      for (let i = 0; i < N; i++) {
        const t = lo + (i + 0.5) * k;
        s += f(1 - t ** 4) * 4 * t ** 3 * k;
      }
    }
    return s;
  };

  it('GQ and Beta Gini equal 1 − 2∫L; severity equals ∫₀ᴴ(1 − μL′/z)²', () => {
    const fits = [new QuadraticLorenz(0.8877, -1.4514, 0.2026), new QuadraticLorenz(1.6917, -2.4791, 0.0553), new QuadraticLorenz(0.796, -1.4446, 0.1473), new BetaLorenz(0.5614, 0.931, 0.58), new BetaLorenz(0.7, 0.8, 0.45)];
    for (const f of fits) {
      expect(f.gini()).toBeCloseTo(1 - 2 * integrate((p) => f.lorenz(p), 0, 1), 9);
      for (const ratio of [0.5, 0.8, 1.2]) {
        const pov = f.poverty(ratio);
        expect(f.slope(pov.headcount)).toBeCloseTo(ratio, 9);
        expect(pov.povertySeverity).toBeCloseTo(integrate((p) => (1 - f.slope(p) / ratio) ** 2, 0, pov.headcount), 7);
        expect(pov.povertyGap).toBeCloseTo(integrate((p) => 1 - f.slope(p) / ratio, 0, pov.headcount), 7);
      }
    }
  });

  it('incomplete beta integral, including b ≤ 0', () => {
    // B(0.5; 1, 1) = 0.5; B(x; 2, 1) = x²/2; B(x; 1, 0) = −ln(1 − x)
    expect(incompleteBetaIntegral(0.5, 1, 1)).toBeCloseTo(0.5, 14);
    expect(incompleteBetaIntegral(0.3, 2, 1)).toBeCloseTo(0.045, 15);
    expect(incompleteBetaIntegral(0.6, 1, 0)).toBeCloseTo(-Math.log(0.4), 13);
    expect(incompleteBetaIntegral(0.4, 1.5, -0.5)).toBeCloseTo(
      // ∫₀^0.4 t^0.5 (1 − t)^(−1.5) dt = [2√t/√(1−t) − 2 asin√t]₀^0.4
      (2 * Math.sqrt(0.4)) / Math.sqrt(0.6) - 2 * Math.asin(Math.sqrt(0.4)),
      12,
    );
  });
});

describe('bad input and fallback', () => {
  it('shares that do not sum to 1, or look like percents', () => {
    expect(() => groupedData({ w: [0.2, 0.3, 0.3, 0.1], x: [1, 2, 3, 4] }, { populationShare: 'w', groupMean: 'x' })).toThrow(
      /shares in column "w" sum to 0.9, not 1.*tolerance/,
    );
    expect(() => groupedData({ w: [20, 30, 30, 20], x: [1, 2, 3, 4] }, { populationShare: 'w', groupMean: 'x' })).toThrow(/looks like percents; pass \{ percent: true \}/);
    expect(() => groupedData({ w: [0.5, -0.1, 0.3, 0.3], x: [1, 2, 3, 4] }, { populationShare: 'w', groupMean: 'x' })).toThrow(/1 negative share \(row 1\)/);
    expect(() => groupedData({ w: [0.25, 0.25, 0.25, 0.25], x: [1, 2, null, 4] }, { populationShare: 'w', groupMean: 'x' })).toThrow(/"x" has 1 missing value \(row 2\)/);
  });

  it('non-monotone cumulative shares and unsorted groups name the rows', () => {
    expect(() => groupedData({ p: [0.1, 0.3, 0.25, 0.6, 1], L: [0.02, 0.1, 0.12, 0.4, 1] }, { cumulativePopulation: 'p', cumulativeIncome: 'L' })).toThrow(
      /column "p" must increase.*row 2/,
    );
    expect(() => groupedData({ p: [0.1, 0.3, 0.5, 0.8, 1], L: [0.02, 0.1, 0.2, 0.5, 0.9] }, { cumulativePopulation: 'p', cumulativeIncome: 'L' })).toThrow(
      /"L" end at 0.9, not 1/,
    );
    expect(() => means([1, 2, 5, 4, 6])).toThrow(/mean income falls at row 3/);
    expect(() => means([1, 2, 3])).toThrow(/at least 4 groups/);
    expect(() => groupedData({ x: [1, 2, 3, 4] }, {})).toThrow(/layout/);
  });

  it('a forced invalid curve errors naming the failed check; auto falls back by the World Bank rule', () => {
    // decile means 2, 3, 3.5, …, 5.1: the GQ fit is valid, the Beta fit's slope is negative near 0
    const g = means([2, 3, 3.5, 4, 4.2, 4.4, 4.6, 4.8, 5, 5.1]);
    const fits = (lorenzFits(g).objects() as Record<string, any>[]);
    expect(fits.map((f) => f.valid)).toEqual([true, false]);
    expect(fits[1]!.failed_checks).toMatch(/^L'\(0\+\) ≥ 0/);
    const line = 0.6 * g.mean!;
    expect(() => groupedPoverty(g, { line, form: 'beta' })).toThrow(/Beta Lorenz curve .* fails L'\(0\+\) ≥ 0 .*form: 'auto'.*allowInvalid: true/);
    const p = groupedPoverty(g, { line });
    expect(p.form).toBe('quadratic');
    expect(p.reason).toMatch(/case 11/);
    expect(groupedPoverty(g, { line, form: 'beta', allowInvalid: true }).form).toBe('beta');
    expect(() => groupedGini(g, { form: 'beta' })).toThrow(PovineqError);
    expect(groupedGini(g)).toBe((lorenzFits(g).objects() as Record<string, any>[])[0]!.gini);
  });

  it('groups all at the same mean: no curve can be fitted, interpolation still works', () => {
    const g = means([3, 3, 3, 3, 3]);
    const fits = lorenzFits(g).objects() as Record<string, any>[];
    expect(fits[0]!.failed_checks).toMatch(/^fit \(the regression has a unique solution/);
    expect(fits[1]!.failed_checks).toMatch(/^fit \(p > L at every group point/);
    expect(() => groupedPoverty(g, { line: 2 })).toThrow(/no usable poverty estimate/);
    expect(groupedPalma(g)).toBeCloseTo(0.25, 14); // everyone equal: 10% over 40%
  });

  it('no usable curve: the error names both curves\' failures', () => {
    const g = means([0.01, 0.02, 0.03, 1, 1, 1, 1, 1, 1, 1]);
    expect(() => groupedPoverty(g, { line: 0.3 })).toThrow(/no usable poverty estimate.*General Quadratic.*fails.*Beta/);
    expect(() => groupedGini(g)).toThrow(/neither Lorenz curve .* is valid.*allowInvalid: true/);
    expect(() => groupedPovertyTable(groupedData({ p: [0.2, 0.4, 0.6, 1], L: [0.1, 0.25, 0.45, 1] }, { cumulativePopulation: 'p', cumulativeIncome: 'L' }), { line: 1 })).toThrow(
      /mean income: pass \{ mean \}/,
    );
    expect(aq.table(lorenzFits(g)).numRows()).toBe(2);
  });
});
