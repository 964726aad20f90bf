import * as aq from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fgt, growthRedistribution, headcount, povertyGap, shapley } from '../../src/index.js';
import { close, valueOf } from './helpers.js';

describe('shapley', () => {
  it('two factors: hand-computed averages of both orders', () => {
    // v(∅) = 10, v(g) = 7, v(r) = 9, v(g, r) = 5: φ_g = ½[(7 − 10) + (5 − 9)] = −3.5, φ_r = ½[(9 − 10) + (5 − 7)] = −1.5
    const v: Record<string, number> = { '': 10, g: 7, r: 9, 'g,r': 5 };
    const t = shapley(['g', 'r'], (present) => v[present.join(',')]!);
    expect(valueOf(t, 'g')).toBeCloseTo(-3.5, 15);
    expect(valueOf(t, 'r')).toBeCloseTo(-1.5, 15);
    expect(valueOf(t, 'total')).toBe(-5);
    expect(valueOf(t, 'g', 'share')).toBeCloseTo(0.7, 15);
  });

  it('the glove game: Shapley values 1/6, 1/6, 2/3 (Shapley 1953; textbook example)', () => {
    // two left gloves L1, L2 and one right glove R; a coalition is worth 1 if it holds a pair
    const t = shapley(['L1', 'L2', 'R'], (p) => (p.includes('R') && (p.includes('L1') || p.includes('L2')) ? 1 : 0));
    expect(valueOf(t, 'L1')).toBeCloseTo(1 / 6, 15);
    expect(valueOf(t, 'L2')).toBeCloseTo(1 / 6, 15);
    expect(valueOf(t, 'R')).toBeCloseTo(2 / 3, 15);
  });

  it('property: values add up to v(N) − v(∅); an additive game returns its own terms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 64, maxLength: 64 }), (K, table) => {
        const names = Array.from({ length: K }, (_, k) => `f${k}`);
        const idx = (p: string[]) => p.reduce((m, f) => m | (1 << Number(f.slice(1))), 0);
        const t = shapley(names, (p) => table[idx(p)]!);
        const phis = names.map((f) => valueOf(t, f));
        const additive = shapley(names, (p) => p.reduce((s, f) => s + table[Number(f.slice(1))]!, 3));
        return (
          close(phis.reduce((a, b) => a + b, 0), table[(1 << K) - 1]! - table[0]!, 1e-9) &&
          names.every((f, k) => close(valueOf(additive, f), table[k]!, 1e-9))
        );
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it('errors', () => {
    expect(() => shapley([], () => 0)).toThrow(/factor/);
    expect(() => shapley(['a', 'a'], () => 0)).toThrow(/distinct/);
    expect(() => shapley(['a'], () => NaN)).toThrow(/finite number/);
    expect(() => shapley(Array.from({ length: 17 }, (_, i) => `x${i}`), () => 0)).toThrow(/at most 16/);
  });
});

describe('growth–redistribution decomposition', () => {
  // initial {1, 2, 3, 4} (μ₁ = 2.5), final {2, 2, 4, 8} (μ₂ = 4), line 2.5, headcount (strictly below).
  // P₁ = 2/4 = 0.5, P₂ = 2/4 = 0.5. P(μ₂, L₁): initial × 1.6 = {1.6, 3.2, 4.8, 6.4} → 0.25.
  // P(μ₁, L₂): final × 0.625 = {1.25, 1.25, 2.5, 5} → 0.5 (2.5 is not below 2.5).
  const initial = [1, 2, 3, 4];
  const final = [2, 2, 4, 8];

  it('Datt–Ravallion with the initial period as reference (hand-computed)', () => {
    const t = growthRedistribution(initial, final, { line: 2.5 });
    expect(valueOf(t, 'growth')).toBeCloseTo(-0.25, 15); // 0.25 − 0.5
    expect(valueOf(t, 'redistribution')).toBeCloseTo(0, 15); // 0.5 − 0.5
    expect(valueOf(t, 'residual')).toBeCloseTo(0.25, 15); // 0 − (−0.25) − 0
    expect(valueOf(t, 'total')).toBe(0);
    expect(valueOf(t, 'total', 'initial')).toBe(0.5);
  });

  it('Datt–Ravallion with the final period as reference, and the Shapley variant (hand-computed)', () => {
    const f = growthRedistribution(initial, final, { line: 2.5, reference: 'final' });
    expect(valueOf(f, 'growth')).toBeCloseTo(0, 15); // P(μ₂,L₂) − P(μ₁,L₂) = 0.5 − 0.5
    expect(valueOf(f, 'redistribution')).toBeCloseTo(0.25, 15); // P(μ₂,L₂) − P(μ₂,L₁) = 0.5 − 0.25
    expect(valueOf(f, 'residual')).toBeCloseTo(-0.25, 15);
    const s = growthRedistribution(initial, final, { line: 2.5, method: 'shapley' });
    expect(valueOf(s, 'growth')).toBeCloseTo(-0.125, 15); // ½[(0.25 − 0.5) + (0.5 − 0.5)]
    expect(valueOf(s, 'redistribution')).toBeCloseTo(0.125, 15); // ½[(0.5 − 0.5) + (0.5 − 0.25)]
    expect(s.array('component')).toEqual(['growth', 'redistribution', 'total']);
  });

  it('property: components add up to the change; distribution-neutral growth has no redistribution part', () => {
    const incomes = fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(incomes, incomes, fc.double({ min: 0.5, max: 3, noNaN: true }), fc.double({ min: 5, max: 60, noNaN: true }), (a, b, k, line) => {
        const measureOptions = { alpha: 2 };
        const dr = growthRedistribution(a, b, { line, measure: fgt, measureOptions });
        const sh = growthRedistribution(a, b, { line, measure: fgt, measureOptions, method: 'shapley' });
        const change = fgt(b, { alpha: 2, line }) - fgt(a, { alpha: 2, line });
        const scaled = growthRedistribution(a, a.map((x) => x * k), { line, measure: povertyGap });
        return (
          close(valueOf(dr, 'growth') + valueOf(dr, 'redistribution') + valueOf(dr, 'residual'), change, 1e-9) &&
          close(valueOf(sh, 'growth') + valueOf(sh, 'redistribution'), change, 1e-9) &&
          Math.abs(valueOf(scaled, 'redistribution')) <= 1e-12 &&
          Math.abs(valueOf(scaled, 'residual')) <= 1e-12
        );
      }),
      { numRuns: 150, seed: 9 },
    );
  });

  it('takes tables with weights, and rejects bad options', () => {
    const t1 = aq.table({ y: [1, 2, 3, 4], w: [1, 1, 1, 1] });
    const t2 = aq.table({ y: [2, 4, 8], w: [2, 1, 1] });
    const t = growthRedistribution(t1, t2, { value: 'y', weight: 'w', line: 2.5, measure: headcount });
    expect(valueOf(t, 'total')).toBeCloseTo(0, 15);
    expect(() => growthRedistribution(initial, final, {} as never)).toThrow(/poverty line/);
    expect(() => growthRedistribution(initial, final, { line: 2, method: 'x' as never })).toThrow(/method/);
    expect(() => growthRedistribution(initial, final, { line: 2, measure: Math.max })).toThrow(/povineq measure/);
  });
});
