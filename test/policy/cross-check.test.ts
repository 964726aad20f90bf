import { describe, expect, it } from 'vitest';
import { carbonLevy, compensate, crossCheck, defaultFlag, flatTransfer, identity, scottishChildPayment } from '../../src/policy/index.js';
import { fourHouseholds } from './fixtures.js';

const options = { referenceMedian: { BHC: 500, AHC: 500 }, absoluteLine: { BHC: 350, AHC: 290 } };

describe('crossCheck', () => {
  it('returns the matrix shape of docs/result-tables.md; identity has zero effect and no detectable effect', () => {
    const m = crossCheck(fourHouseholds(), { nothing: identity() }, { ...options, replicates: 20, seed: 3 });
    expect(m.columnNames()).toEqual(['policy', 'outcome', 'label', 'baseline', 'reform', 'effect', 'ci_lower', 'ci_upper', 'flag', 'method', 'empty_group']);
    for (const r of m.objects() as any[]) {
      expect(r.effect).toBe(0);
      expect(r.ci_lower).toBe(0);
      expect(r.ci_upper).toBe(0);
      expect(r.flag).toBe('no detectable effect');
    }
  });

  it('child top-up: child AHC poverty falls from 2/5 to 0 (hand-worked in compare.test.ts)', () => {
    const m = crossCheck(fourHouseholds(), [flatTransfer({ amount: 10, per: 'child' })], { ...options, replicates: 0, outcomes: ['child_relative_ahc'] });
    const r = m.objects()[0] as any;
    expect(r.baseline).toBeCloseTo(0.4, 12);
    expect(r.reform).toBe(0);
    expect(r.flag).toBe('helps'); // no replicates: the sign decides
  });

  it('the same seed gives the same intervals; another seed other ones', () => {
    const run = (seed: number) => crossCheck(fourHouseholds(), [carbonLevy({ rate: 0.3 })], { ...options, replicates: 30, seed }).objects();
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });

  it('byCouncil adds a row per council for poverty outcomes', () => {
    const m = crossCheck(fourHouseholds(), [flatTransfer({ amount: 10, per: 'child' })], { ...options, replicates: 5, byCouncil: true, outcomes: ['child_relative_ahc', 'gini_bhc'] });
    const rows = m.objects() as any[];
    expect(rows.map((r) => `${r.outcome}:${r.council}`)).toEqual(['child_relative_ahc:All', 'child_relative_ahc:S12000005', 'child_relative_ahc:S12000006', 'gini_bhc:All']);
    expect(rows[1].baseline).toBe(1); // h2's children, both poor AHC
    expect(rows[1].reform).toBe(0);
  });

  it('the default flag rule and a minimum effect', () => {
    const c = { policy: 'p', outcome: 'o', harm: 'increase' as const, baseline: 0.2, reform: 0.21, effect: 0.01, ci_lower: 0.002, ci_upper: 0.018 };
    expect(defaultFlag(c, 0)).toBe('harms');
    expect(defaultFlag(c, 0.02)).toBe('no detectable effect');
    expect(defaultFlag({ ...c, ci_lower: -0.001 }, 0)).toBe('no detectable effect');
    expect(defaultFlag({ ...c, effect: -0.01, ci_lower: -0.018, ci_upper: -0.002 }, 0)).toBe('helps');
    expect(defaultFlag({ ...c, harm: 'decrease' }, 0)).toBe('helps');
  });

  it('rejects unknown outcomes naming the known ones', () => {
    expect(() => crossCheck(fourHouseholds(), [identity()], { outcomes: ['happiness'] })).toThrow(/unknown outcome "happiness" in option outcomes; known outcomes: child_relative_ahc/);
  });
});

describe('compensate', () => {
  it('finds the child top-up that restores child AHC poverty after a levy (worked by hand)', () => {
    // Levy 10%, no recycling: h2 (couple, 2 children under 14, AHC factor 1.4) goes 400 → 394 AHC,
    // i.e. 281.43 equivalised; its children were already poor (285.71 < 300). h4 (child aged 14+,
    // factor 1) goes 320 → 315: not poor. So child AHC poverty stays 2/5 and the top-up needed to
    // restore it is 0: the lower end of the range.
    const c0 = compensate(fourHouseholds(), carbonLevy({ rate: 0.1 }), { ...options, outcome: 'child_relative_ahc', instrument: (x) => flatTransfer({ amount: x, per: 'child' }) });
    expect(c0.setting).toBe(0);
    // Target 0 (no poor children): h2 needs 1.4 × 300 − 394 = 26 £/week, i.e. £13 per child.
    const c = compensate(fourHouseholds(), carbonLevy({ rate: 0.1 }), {
      ...options,
      outcome: 'child_relative_ahc',
      target: 0,
      instrument: (x) => flatTransfer({ amount: x, per: 'child' }),
      tolerance: 1e-6,
    });
    expect(c.setting).toBeGreaterThanOrEqual(13);
    expect(c.setting).toBeLessThan(13 + 2e-6);
    expect(c.outcome.achieved).toBe(0);
    // cost: levy raises Σw×0.1×spend = 33/week; top-up pays 13 × (1×2 + 3×1) = 65/week → package +32/week
    expect(c.cost.reform_annual).toBeCloseTo(-33 * 52, 9);
    expect(c.cost.compensation_annual).toBeCloseTo(13 * 5 * 52, 3);
    expect(c.sideEffects.columnNames()).toEqual(['outcome', 'label', 'baseline', 'reform', 'package', 'empty_group']);
    expect(c.package.label).toMatch(/^carbon levy 10% then flat transfer £13\.\d+\/week per child$/);
  });

  it('errors when the range cannot restore the outcome, naming the option', () => {
    expect(() =>
      compensate(fourHouseholds(), carbonLevy({ rate: 0.1 }), {
        ...options,
        outcome: 'child_relative_ahc',
        target: 0,
        range: [0, 5],
        instrument: (x) => flatTransfer({ amount: x, per: 'child' }),
      }),
    ).toThrow(/widen \{ range \}/);
  });

  it('a Scottish Child Payment rise needs no compensation for child poverty', () => {
    const c = compensate(fourHouseholds(), scottishChildPayment({ change: 5 }), { ...options, outcome: 'child_relative_ahc', instrument: (x) => flatTransfer({ amount: x, per: 'child' }) });
    expect(c.setting).toBe(0);
  });
});

describe('percentile interval', () => {
  it('uses type-7 interpolation and leaves out undefined replicates', async () => {
    const { replicateInterval: percentileInterval } = await import('../../src/policy/cross-check.js');
    // values 1…5: h = 4p; p = 0.25 → 2, p = 0.75 → 4 (level 0.5); p = 0.025 → 1.1, p = 0.975 → 4.9 (level 0.95)
    expect(percentileInterval([5, 1, 4, 2, 3], 0.5)).toEqual([2, 4]);
    const [lo, hi] = percentileInterval([5, 1, NaN, 4, 2, 3], 0.95);
    expect(lo).toBeCloseTo(1.1, 12);
    expect(hi).toBeCloseTo(4.9, 12);
    expect(percentileInterval([], 0.95).every(Number.isNaN)).toBe(true);
  });
});

describe('bootstrap intervals', () => {
  it('match the linearized standard error of a person-weighted rate (fixed line) within 15%', async () => {
    const { syntheticHouseholds } = await import('../../src/policy/index.js');
    const h = syntheticHouseholds({ seed: 3, households: 4_000 });
    // an outcome whose "effect" is the level of child absolute poverty BHC (line fixed at £307)
    const level = {
      name: 'level', label: 'level', harm: 'increase' as const,
      value: (e: any, side: 'before' | 'after') => (side === 'before' ? 0 : e.rates('absolute', 'BHC', 'children', 'after')[0]),
    };
    const m = crossCheck(h, [identity()], { outcomes: [level], replicates: 400, seed: 9, level: 0.95 }).objects()[0] as any;
    // Linearization of R = Σ wᵢyᵢ / Σ wᵢxᵢ under with-replacement sampling of households (Cochran 1977, 6.3):
    // V(R) ≈ n/(n−1) Σ (wᵢ(yᵢ − R xᵢ))² / (Σ wᵢxᵢ)², xᵢ children, yᵢ poor children.
    const w = h.array('weight') as Float64Array;
    const c = h.array('children') as Float64Array;
    const u = h.array('children_under_14') as Float64Array;
    const a = h.array('adults') as Float64Array;
    const y = h.array('income_bhc') as Float64Array;
    const n = w.length;
    let num = 0;
    let den = 0;
    const poor = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const factor = 0.67 + 0.33 * (a[i]! - 1) + 0.33 * (c[i]! - u[i]!) + 0.2 * u[i]!; // HBAI BHC
      poor[i] = y[i]! / factor < 307 ? c[i]! : 0;
      num += w[i]! * poor[i]!;
      den += w[i]! * c[i]!;
    }
    const R = num / den;
    expect(m.effect).toBeCloseTo(R, 12);
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (w[i]! * (poor[i]! - R * c[i]!)) ** 2;
    const se = Math.sqrt((n / (n - 1)) * ss) / den;
    const bootSe = (m.ci_upper - m.ci_lower) / (2 * 1.959964);
    expect(Math.abs(bootSe / se - 1)).toBeLessThan(0.15);
  });
});

describe("intervals: 'inference' (src/inference's paired change())", () => {
  it('centres on the same effects and agrees with the bootstrap on interval widths', async () => {
    const { syntheticHouseholds } = await import('../../src/policy/index.js');
    const h = syntheticHouseholds({ seed: 4, households: 4_000 });
    const policies = { levy: carbonLevy({ rate: 0.2, recycling: 'child' }) };
    const outcomes = ['child_relative_ahc', 'child_absolute_bhc', 'gini_bhc', 'fuel_poverty'];
    const lin = crossCheck(h, policies, { outcomes, intervals: 'inference' }).objects() as any[];
    const boot = crossCheck(h, policies, { outcomes, replicates: 300, seed: 2 }).objects() as any[];
    for (let k = 0; k < outcomes.length; k++) {
      const a = lin[k];
      const b = boot[k];
      expect(a.effect).toBe(b.effect);
      if (a.outcome === 'fuel_poverty') {
        expect(a.method).toBe('bootstrap'); // not a measure of the income distribution: bootstrap
        continue;
      }
      expect(a.method).toBe('linearization');
      expect((a.ci_lower + a.ci_upper) / 2).toBeCloseTo(a.effect, 10); // normal interval around change()'s estimate
      const ratio = (a.ci_upper - a.ci_lower) / (b.ci_upper - b.ci_lower);
      expect(ratio).toBeGreaterThan(0.75);
      expect(ratio).toBeLessThan(1.33);
    }
  });
});
