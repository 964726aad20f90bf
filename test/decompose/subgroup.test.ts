import * as aq from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atkinson,
  atkinsonDecomposition,
  entropyDecomposition,
  fgt,
  fgtDecomposition,
  generalizedEntropy,
  gini,
  giniDecomposition,
  mld,
  mldDecomposition,
  theil,
  theilDecomposition,
  watts,
  wattsDecomposition,
  PovineqError,
} from '../../src/index.js';
import { close, groupedIncomes, sumKind, valueOf } from './helpers.js';

// Hand example used throughout: group A = {1, 3}, group B = {2, 6}, unweighted. μ = 3, μ_A = 2, μ_B = 4,
// f_A = f_B = 1/2, s_A = 4/12 = 1/3, s_B = 8/12 = 2/3.
const hand = aq.table({ income: [1, 2, 3, 6], g: ['A', 'B', 'A', 'B'] });
const o = { by: 'g', value: 'income' } as const;

describe('GE(α) decomposition', () => {
  it('Theil: hand-computed between and within', () => {
    const t = theilDecomposition(hand, o);
    // T_A = T_B = ½[½ ln ½ + 3/2 ln 3/2] (scale invariance: B is A doubled); within = s_A T_A + s_B T_B
    const tA = 0.5 * (0.5 * Math.log(0.5) + 1.5 * Math.log(1.5));
    // between = Σ f_g (μ_g/μ) ln(μ_g/μ) = ½ (2/3) ln(2/3) + ½ (4/3) ln(4/3)
    const between = 0.5 * (2 / 3) * Math.log(2 / 3) + 0.5 * (4 / 3) * Math.log(4 / 3);
    // total = ¼ Σ (x/3) ln(x/3)
    const total = 0.25 * ((1 / 3) * Math.log(1 / 3) + (2 / 3) * Math.log(2 / 3) + 1 * Math.log(1) + 2 * Math.log(2));
    expect(valueOf(t, 'within')).toBeCloseTo(tA, 14);
    expect(valueOf(t, 'between')).toBeCloseTo(between, 14);
    expect(valueOf(t, 'total')).toBeCloseTo(total, 14);
    expect(valueOf(t, 'A')).toBeCloseTo(tA / 3, 14); // s_A T_A
    expect(valueOf(t, 'A', 'index')).toBeCloseTo(tA, 14);
    expect(valueOf(t, 'B', 'weight')).toBeCloseTo(2 / 3, 14);
    expect(valueOf(t, 'total', 'share')).toBe(1);
    expect(t.columnNames()).toEqual(['g', 'component', 'kind', 'value', 'share', 'population_share', 'income_share', 'mean', 'index', 'weight']);
  });

  it('MLD: hand-computed, within weights are population shares', () => {
    const t = mldDecomposition(hand, o);
    const mA = 0.5 * (Math.log(2 / 1) + Math.log(2 / 3)); // = M_B by scale invariance
    const between = 0.5 * Math.log(3 / 2) + 0.5 * Math.log(3 / 4);
    const total = 0.25 * (Math.log(3) + Math.log(3 / 2) + Math.log(1) + Math.log(1 / 2));
    expect(valueOf(t, 'within')).toBeCloseTo(mA, 14);
    expect(valueOf(t, 'between')).toBeCloseTo(between, 14);
    expect(valueOf(t, 'total')).toBeCloseTo(total, 14);
  });

  it('property: group rows sum to within, within + between = total = the measure', () => {
    fc.assert(
      fc.property(groupedIncomes, fc.constantFrom(-1, 0, 0.5, 1, 2, 3), (data, alpha) => {
        const table = aq.table(data);
        const t = entropyDecomposition(table, { by: 'g', value: 'income', weight: 'w', alpha });
        const total = generalizedEntropy(table, { value: 'income', weight: 'w', alpha });
        return (
          close(sumKind(t, 'group'), valueOf(t, 'within'), 1e-9) &&
          close(valueOf(t, 'within') + valueOf(t, 'between'), total, 1e-9) &&
          close(valueOf(t, 'total'), total, 1e-12)
        );
      }),
      { numRuns: 150, seed: 20261125 },
    );
    expect(valueOf(theilDecomposition(hand, o), 'total')).toBeCloseTo(theil([1, 2, 3, 6]), 14);
    expect(valueOf(mldDecomposition(hand, o), 'total')).toBeCloseTo(mld([1, 2, 3, 6]), 14);
  });

  it('one group has no between part; groups at a common mean have no between part', () => {
    const one = entropyDecomposition(aq.table({ income: [1, 2, 3], g: ['x', 'x', 'x'] }), { ...o, alpha: 2 });
    expect(valueOf(one, 'between')).toBe(0);
    const same = theilDecomposition(aq.table({ income: [1, 3, 2, 2], g: ['A', 'A', 'B', 'B'] }), o);
    expect(valueOf(same, 'between')).toBeCloseTo(0, 15);
  });

  it('zero incomes with Theil: error names the column and the option', () => {
    const t = aq.table({ income: [0, 2, 3, 6], g: ['A', 'B', 'A', 'B'] });
    expect(() => theilDecomposition(t, o)).toThrow(/column "income" has 1 zero or negative value.*nonPositive: 'drop'/);
    expect(() => theilDecomposition(hand, { by: 'nope', value: 'income' })).toThrow(/column "nope"/);
    expect(() => entropyDecomposition(t, { value: 'income' } as never)).toThrow(PovineqError);
  });
});

describe('Atkinson decomposition (multiplicative)', () => {
  it('ε = 1: hand-computed from geometric means', () => {
    const t = atkinsonDecomposition(hand, { ...o, epsilon: 1 });
    // A = 1 − GM/μ = 1 − 36^(1/4)/3; A_B = 1 − GM(2, 4)/3 = 1 − √8/3; A_W = 1 − √6/√8
    expect(valueOf(t, 'total')).toBeCloseTo(1 - Math.sqrt(6) / 3, 14);
    expect(valueOf(t, 'between')).toBeCloseTo(1 - Math.sqrt(8) / 3, 14);
    expect(valueOf(t, 'within')).toBeCloseTo(1 - Math.sqrt(6 / 8), 14);
    expect(valueOf(t, 'A', 'index')).toBeCloseTo(1 - Math.sqrt(3) / 2, 14);
    expect(valueOf(t, 'A', 'value')).toBeNull();
  });

  it('property: 1 − A = (1 − A_B)(1 − A_W) and the additive rows sum to A', () => {
    fc.assert(
      fc.property(groupedIncomes, fc.constantFrom(0.5, 1, 1.5, 2, 3), (data, epsilon) => {
        const table = aq.table(data);
        const t = atkinsonDecomposition(table, { by: 'g', value: 'income', weight: 'w', epsilon });
        const a = atkinson(table, { value: 'income', weight: 'w', epsilon });
        const b = valueOf(t, 'between');
        const w = valueOf(t, 'within');
        return (
          close((1 - b) * (1 - w), 1 - a, 1e-9) &&
          close(b + w + valueOf(t, 'interaction'), valueOf(t, 'total'), 1e-9) &&
          close(valueOf(t, 'total'), a, 1e-12) &&
          b >= -1e-12 && w >= -1e-12
        );
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});

describe('Gini by subgroup (Pyatt / Lambert–Aronson)', () => {
  it('hand-computed: G = 1/3, G_W = 1/8, G_B = 1/6, overlap = 1/24', () => {
    // G = ΣΣ|xi−xj|/(2n²μ) = 32/96; G_A = G_B = 1/4; G_W = ½·⅓·¼ + ½·⅔·¼ = 1/8;
    // G_B = 2·¼·|2−4|/(2·3) = 1/6; overlap via the pairwise formula: Δ_AB = mean{1,5,1,3} = 2.5,
    // R = 2 f_A f_B (Δ_AB − |μ_A − μ_B|)/(2μ) = 2·¼·0.5/6 = 1/24.
    const t = giniDecomposition(hand, o);
    expect(valueOf(t, 'total')).toBeCloseTo(1 / 3, 14);
    expect(valueOf(t, 'within')).toBeCloseTo(1 / 8, 14);
    expect(valueOf(t, 'between')).toBeCloseTo(1 / 6, 14);
    expect(valueOf(t, 'overlap')).toBeCloseTo(1 / 24, 14);
    expect(valueOf(t, 'A')).toBeCloseTo(1 / 24, 14); // f_A s_A G_A
  });

  it('property: parts sum to gini(); overlap matches the pairwise formula and is ≥ 0', () => {
    fc.assert(
      fc.property(groupedIncomes, (data) => {
        const table = aq.table(data);
        const t = giniDecomposition(table, { by: 'g', value: 'income', weight: 'w' });
        const G = gini(table, { value: 'income', weight: 'w' });
        // independent overlap: Σ_{g≠h} f_g f_h (Δ_gh − |μ_g − μ_h|) / (2μ), Δ_gh by brute force over pairs
        const n = data.income.length;
        const W = data.w.reduce((a, b) => a + b, 0);
        const groups = [...new Set(data.g)];
        const mu = data.income.reduce((s, x, i) => s + x * data.w[i]!, 0) / W;
        const fw = (g: string) => data.w.reduce((s, w, i) => (data.g[i] === g ? s + w : s), 0);
        const m = (g: string) => data.income.reduce((s, x, i) => (data.g[i] === g ? s + x * data.w[i]! : s), 0) / fw(g);
        let overlap = 0;
        for (const g of groups) for (const h of groups) {
          if (g === h) continue;
          let pairs = 0;
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
            if (data.g[i] === g && data.g[j] === h) pairs += data.w[i]! * data.w[j]! * Math.abs(data.income[i]! - data.income[j]!);
          }
          const delta = pairs / (fw(g) * fw(h));
          overlap += (fw(g) / W) * (fw(h) / W) * (delta - Math.abs(m(g) - m(h)));
        }
        overlap /= 2 * mu;
        return (
          close(valueOf(t, 'within') + valueOf(t, 'between') + valueOf(t, 'overlap'), G, 1e-9) &&
          close(sumKind(t, 'group'), valueOf(t, 'within'), 1e-9) &&
          Math.abs(valueOf(t, 'overlap') - overlap) <= 1e-9 &&
          valueOf(t, 'overlap') >= -1e-12
        );
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it('non-overlapping groups have no overlap term', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 10, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.array(fc.double({ min: 11, max: 50, noNaN: true }), { minLength: 1, maxLength: 20 }), (low, high) => {
        const t = giniDecomposition(aq.table({ income: [...low, ...high], g: [...low.map(() => 'low'), ...high.map(() => 'high')] }), o);
        return Math.abs(valueOf(t, 'overlap')) <= 1e-12;
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});

describe('FGT and Watts by subgroup', () => {
  it('hand-computed poverty gap contributions', () => {
    // line 2.5: poor are 1 (gap 0.6) in A and 2 (gap 0.2) in B; P_A = 0.3, P_B = 0.1, P = 0.8/4 = 0.2
    const t = fgtDecomposition(hand, { ...o, alpha: 1, line: 2.5 });
    expect(valueOf(t, 'A', 'index')).toBeCloseTo(0.3, 15);
    expect(valueOf(t, 'A')).toBeCloseTo(0.15, 15);
    expect(valueOf(t, 'B')).toBeCloseTo(0.05, 15);
    expect(valueOf(t, 'total')).toBeCloseTo(0.2, 15);
    expect(valueOf(t, 'A', 'share')).toBeCloseTo(0.75, 15);
    expect(valueOf(t, 'A', 'risk')).toBeCloseTo(1.5, 15);
    expect(valueOf(t, 'A', 'line')).toBe(2.5);
  });

  it('property: contributions sum to the population FGT and Watts', () => {
    fc.assert(
      fc.property(groupedIncomes, fc.constantFrom(0, 1, 2, 0.5), fc.double({ min: 1, max: 800, noNaN: true }), (data, alpha, line) => {
        const table = aq.table(data);
        const t = fgtDecomposition(table, { by: 'g', value: 'income', weight: 'w', alpha, line });
        const w = wattsDecomposition(table, { by: 'g', value: 'income', weight: 'w', line });
        return (
          close(sumKind(t, 'group'), fgt(table, { value: 'income', weight: 'w', alpha, line }), 1e-12) &&
          close(sumKind(w, 'group'), watts(table, { value: 'income', weight: 'w', line }), 1e-12)
        );
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  it('defaults to 60% of the whole population median and reports it', () => {
    const t = fgtDecomposition(hand, { ...o, alpha: 0 });
    expect(valueOf(t, 'total', 'line')).toBeCloseTo(0.6 * 2.5, 15); // median of {1,2,3,6} = 2.5 (EU-SILC rule)
  });

  it('bad input errors name the column and the option', () => {
    expect(() => fgtDecomposition(hand, { ...o, alpha: -1, line: 2 })).toThrow(/alpha must be ≥ 0/);
    expect(() => wattsDecomposition(aq.table({ income: [0, 1, 2], g: ['a', 'a', 'b'] }), { ...o, line: 2 })).toThrow(/"income".*nonPositive: 'drop'/);
    expect(() => fgtDecomposition(aq.table({ income: [1, null, 2], g: ['a', 'a', 'b'] }), { ...o, alpha: 0, line: 2 })).toThrow(/1 missing value \(row 1\).*missing: 'drop'/);
    expect(() => fgtDecomposition(aq.table({ value: [1, 2], share: ['a', 'b'] }), { by: 'share', value: 'value', alpha: 0, line: 2 })).toThrow(/grouping column "share"/);
  });
});
