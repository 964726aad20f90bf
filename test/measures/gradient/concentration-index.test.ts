import fs from 'node:fs';
import * as aq from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concentrationCurve, concentrationIndex, concentrationIndexEstimate, eusilc, gini } from '../../../src/index.js';
import { thrown } from '../../helpers/thrown.js';

// R reference: test/reference/area.R (covariance formula 2 cov_w(y, R) / μ on laeken's eusilc)
const fixture = JSON.parse(fs.readFileSync(new URL('../../fixtures/area-reference.json', import.meta.url), 'utf8'));
const ref = fixture.concentration;

describe('concentration index by hand', () => {
  it('unweighted, binary outcome', () => {
    // y = 0, 1, 0, 1 ranked by income 1..4: R = 1/8, 3/8, 5/8, 7/8, μ = 1/2,
    // C = 2 Σ yᵢ Rᵢ / (n μ) − 1 = 2 (3/8 + 7/8) / 2 − 1 = 1/4
    const t = { y: [1, 0, 1, 0], income: [4, 3, 2, 1] };
    expect(concentrationIndex(t, { value: 'y', rankBy: 'income' })).toBeCloseTo(0.25, 15);
    // Wagstaff: C / (1 − μ) = 0.5; Erreygers: 4 μ C = 0.5
    expect(concentrationIndex(t, { value: 'y', rankBy: 'income', type: 'wagstaff' })).toBeCloseTo(0.5, 15);
    expect(concentrationIndex(t, { value: 'y', rankBy: 'income', type: 'erreygers' })).toBeCloseTo(0.5, 15);
    // ranked the other way round (richest first) the sign flips
    expect(concentrationIndex(t, { value: 'y', rankBy: 'income', poorest: 'highest' })).toBeCloseTo(-0.25, 15);
  });
  it('weighted, with ties sharing their midpoint rank', () => {
    // y = 2 (w 1), 4 (w 3): W = 4, R = 1/8 and (1 + 3/2)/4 = 5/8, μ = 14/4 = 3.5,
    // C = 2 (2·1·1/8 + 4·3·5/8) / (4 · 3.5) − 1 = 15.5 / 14 − 1 = 3/28
    expect(concentrationIndex({ y: [4, 2], r: [2, 1], w: [3, 1] }, { value: 'y', rankBy: 'r', weight: 'w' })).toBeCloseTo(3 / 28, 15);
    // the same as four unweighted people, three tied on rank 2
    expect(concentrationIndex({ y: [2, 4, 4, 4], r: [1, 2, 2, 2] }, { value: 'y', rankBy: 'r' })).toBeCloseTo(3 / 28, 15);
  });
  it('bounded outcome in [a, b]', () => {
    // y = 1, 3, 5 on a 1–5 scale ranked 1..3: R = 1/6, 1/2, 5/6, μ = 3, C = 2 (1/6 + 3/2 + 25/6)/(3·3) − 1 = 35/27 − 1 = 8/27
    // Wagstaff: C (b − a) μ / ((b − μ)(μ − a)) = (8/27)(4)(3)/(2·2) = 8/9; Erreygers: 4 μ C / (b − a) = 12 (8/27) / 4 = 8/9
    const t = { y: [1, 3, 5], r: [1, 2, 3] };
    expect(concentrationIndex(t, { value: 'y', rankBy: 'r' })).toBeCloseTo(8 / 27, 15);
    expect(concentrationIndex(t, { value: 'y', rankBy: 'r', type: 'wagstaff', lower: 1, upper: 5 })).toBeCloseTo(8 / 9, 14);
    expect(concentrationIndex(t, { value: 'y', rankBy: 'r', type: 'erreygers', lower: 1, upper: 5 })).toBeCloseTo(8 / 9, 14);
  });
  it('concentration curve', () => {
    const c = concentrationCurve({ y: [0, 1, 0, 1], income: [1, 2, 3, 4] }, { value: 'y', rankBy: 'income' });
    expect(c.array('p')).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(c.array('L')).toEqual([0, 0, 0.5, 0.5, 1]);
    // ties are one step
    const d = concentrationCurve({ y: [1, 2, 3], r: [1, 1, 2] }, { value: 'y', rankBy: 'r' });
    expect(d.array('L')).toEqual([0, 0.5, 1]);
  });
});

describe('concentration index on EU-SILC against R', () => {
  const silc = eusilc();
  const adults = silc.filter(aq.escape((d: any) => d.py010n !== null && !Number.isNaN(d.py010n))).derive({ ben: aq.escape((d: any) => (d.py090n > 0 ? 1 : 0)) });
  it('ranked by itself it is the Gini (laeken)', () => {
    // laeken::gini(eqIncome, rb050) = 26.48962 %, datasets/eusilc_laeken_reference_indicators.csv
    expect(concentrationIndex(silc, { value: 'eqIncome', weight: 'rb050' })).toBeCloseTo(0.264896192113229, 12);
    expect(concentrationIndex(adults, { value: 'eqIncome', weight: 'rb050' })).toBeCloseTo(ref.gini_eqIncome, 12);
    expect(concentrationIndex(adults, { value: 'eqIncome', weight: 'rb050' })).toBeCloseTo(gini(adults, { value: 'eqIncome', weight: 'rb050' }), 12);
  });
  it('employee income and benefit receipt ranked by equivalised income (covariance formula)', () => {
    expect(concentrationIndex(adults, { value: 'py010n', rankBy: 'eqIncome', weight: 'rb050' })).toBeCloseTo(ref.employee_income_by_eqIncome, 12);
    expect(concentrationIndex(adults, { value: 'ben', rankBy: 'eqIncome', weight: 'rb050' })).toBeCloseTo(ref.unemployment_benefit_receipt_by_eqIncome, 12);
    expect(concentrationIndex(adults, { value: 'ben', rankBy: 'eqIncome', weight: 'rb050', type: 'wagstaff' })).toBeCloseTo(ref.unemployment_benefit_wagstaff, 12);
    expect(concentrationIndex(adults, { value: 'ben', rankBy: 'eqIncome', weight: 'rb050', type: 'erreygers' })).toBeCloseTo(ref.unemployment_benefit_erreygers, 12);
  });
  it('unweighted: the covariance and the convenient-regression forms agree', () => {
    const c = concentrationIndex(adults, { value: 'py010n', rankBy: 'eqIncome' });
    expect(c).toBeCloseTo(ref.employee_income_unweighted_covariance, 12);
    expect(c).toBeCloseTo(ref.employee_income_unweighted_regression, 12);
  });
});

/** Delete-one jackknife SE of an index: √((n − 1)/n Σ (θ₍ᵢ₎ − θ̄)²), recomputing without each row. */
function jackknifeSe(cols: Record<string, number[]>, options: any): number {
  const n = cols.y!.length;
  const est: number[] = [];
  for (let i = 0; i < n; i++) {
    const drop = (a: number[]) => a.filter((_, j) => j !== i);
    est.push(concentrationIndex(Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, drop(v)])), options));
  }
  const m = est.reduce((s, x) => s + x, 0) / n;
  return Math.sqrt(((n - 1) / n) * est.reduce((s, x) => s + (x - m) ** 2, 0));
}

describe('standard error', () => {
  it('matches Kakwani, Wagstaff & van Doorslaer (1997) in R on a tie-free sample', () => {
    // test/reference/area.R: 200 draws, y ~ Poisson(3 + 4 (1 − x)), x ~ U(0, 1)
    const e = concentrationIndexEstimate({ y: fixture.kwv.y, x: fixture.kwv.x }, { value: 'y', rankBy: 'x' });
    expect(e.estimate).toBeCloseTo(fixture.kwv.C, 13);
    expect(Math.abs(e.se / fixture.kwv.se - 1)).toBeLessThan(1e-9);
    expect(e.ci[0]).toBeCloseTo(e.estimate - 1.959963984540054 * e.se, 13);
    expect(e).toMatchObject({ level: 0.95, method: 'linearization', n: 200 });
  });
  it('agrees with the jackknife, weighted and corrected', () => {
    // first 1,500 adults of EU-SILC: benefit receipt ranked by equivalised income, weighted
    const silc = eusilc().objects() as any[];
    const rows = silc.filter((d) => d.py010n !== null && !Number.isNaN(d.py010n)).slice(0, 1500);
    const cols = { y: rows.map((d) => (d.py090n > 0 ? 1 : 0)), x: rows.map((d) => d.eqIncome), w: rows.map((d) => d.rb050) };
    for (const type of ['standard', 'wagstaff', 'erreygers'] as const) {
      const o = { value: 'y', rankBy: 'x', weight: 'w', type };
      const lin = concentrationIndexEstimate(cols, o).se;
      const jk = jackknifeSe(cols, o);
      expect(Math.abs(lin / jk - 1)).toBeLessThan(0.03);
    }
    // unweighted employee income (continuous outcome)
    const inc = { y: rows.map((d) => d.py010n), x: rows.map((d) => d.eqIncome) };
    const o = { value: 'y', rankBy: 'x' };
    expect(Math.abs(concentrationIndexEstimate(inc, o).se / jackknifeSe(inc, o) - 1)).toBeLessThan(0.03);
  });
});

describe('properties', () => {
  const rows = fc.array(fc.record({ y: fc.integer({ min: 0, max: 50 }), r: fc.integer({ min: 0, max: 10 }), w: fc.integer({ min: 1, max: 5 }) }), { minLength: 2, maxLength: 40 })
    .filter((a) => a.some((d) => d.y > 0));
  it('a weight of k is k copies of the unit', () => {
    fc.assert(
      fc.property(rows, (a) => {
        const weighted = concentrationIndex({ y: a.map((d) => d.y), r: a.map((d) => d.r), w: a.map((d) => d.w) }, { value: 'y', rankBy: 'r', weight: 'w' });
        const copies = a.flatMap((d) => Array.from({ length: d.w }, () => d));
        const unweighted = concentrationIndex({ y: copies.map((d) => d.y), r: copies.map((d) => d.r) }, { value: 'y', rankBy: 'r' });
        return Math.abs(weighted - unweighted) < 1e-12;
      }),
    );
  });
  it('is scale invariant in the outcome and lies in [−1, 1] for non-negative outcomes', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 2, max: 100 }), (a, k) => {
        const o = { value: 'y', rankBy: 'r', weight: 'w' };
        const c1 = concentrationIndex({ y: a.map((d) => d.y), r: a.map((d) => d.r), w: a.map((d) => d.w) }, o);
        const c2 = concentrationIndex({ y: a.map((d) => d.y * k), r: a.map((d) => d.r), w: a.map((d) => d.w) }, o);
        return Math.abs(c1 - c2) < 1e-12 && c1 >= -1 && c1 <= 1;
      }),
    );
  });
  it('twice the area between the diagonal and the curve', () => {
    fc.assert(
      fc.property(rows, (a) => {
        const t = { y: a.map((d) => d.y), r: a.map((d) => d.r), w: a.map((d) => d.w) };
        const o = { value: 'y', rankBy: 'r', weight: 'w' };
        const curve = concentrationCurve(t, o);
        const p = curve.array('p') as number[];
        const L = curve.array('L') as number[];
        let area = 0; // trapezoids under the curve
        for (let i = 1; i < p.length; i++) area += ((p[i]! - p[i - 1]!) * (L[i]! + L[i - 1]!)) / 2;
        return Math.abs(1 - 2 * area - concentrationIndex(t, o)) < 1e-12;
      }),
    );
  });
});

describe('bad input', () => {
  it('bounded corrections check the bounds', () => {
    const e = thrown(() => concentrationIndex({ y: [10, 50, 90], r: [1, 2, 3] }, { value: 'y', rankBy: 'r', type: 'wagstaff' }));
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toContain('column "y" has 3 values outside it');
    expect(e.message).toContain('{ lower, upper }');
  });
  it('missing values and weights', () => {
    expect(thrown(() => concentrationIndex({ y: [1, null, 2], r: [1, 2, 3] }, { value: 'y', rankBy: 'r' })).message).toContain("{ missing: 'drop' }");
    expect(concentrationIndex({ y: [0, 1, null, 0, 1], r: [1, 2, 3, 3, 4] }, { value: 'y', rankBy: 'r', missing: 'drop' })).toBeCloseTo(0.25, 15);
    expect(thrown(() => concentrationIndex({ y: [1, 2], r: [1, 2], w: [1, 0] }, { value: 'y', rankBy: 'r', weight: 'w' })).code).toBe('NON_POSITIVE_WEIGHT');
    expect(thrown(() => concentrationIndex({ y: [0, 0], r: [1, 2] }, { value: 'y', rankBy: 'r' })).code).toBe('UNDEFINED_RESULT');
    expect(thrown(() => concentrationIndex({ y: [1, 2] }, { value: 'y', rankBy: 'income' })).code).toBe('MISSING_COLUMN');
  });
  it('does not mutate its input', () => {
    const t = aq.table({ y: [3, 1, 2], r: [3, 1, 2] });
    concentrationIndex(t, { value: 'y', rankBy: 'r' });
    expect(t.array('y')).toEqual([3, 1, 2]);
  });
});
