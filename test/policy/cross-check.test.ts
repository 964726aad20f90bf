import { describe, expect, it } from 'vitest';
import { carbonLevy, compensate, crossCheck, defaultFlag, flatTransfer, identity, scottishChildPayment } from '../../src/policy/index.js';
import { fourHouseholds } from './fixtures.js';

const options = { referenceMedian: { BHC: 500, AHC: 500 }, absoluteLine: { BHC: 350, AHC: 290 } };

describe('crossCheck', () => {
  it('returns the matrix shape of docs/result-tables.md; identity has zero effect and no detectable effect', () => {
    const m = crossCheck(fourHouseholds(), { nothing: identity() }, { ...options, replicates: 20, seed: 3 });
    expect(m.columnNames()).toEqual(['policy', 'outcome', 'label', 'baseline', 'reform', 'effect', 'ci_lower', 'ci_upper', 'flag']);
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
    expect(c.sideEffects.columnNames()).toEqual(['outcome', 'label', 'baseline', 'reform', 'package']);
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
