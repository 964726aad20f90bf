import { describe, expect, it } from 'vitest';
import { gini } from '../../../src/index.js';
import { cases, expectRel, label, sample } from '../reference.js';

describe('gini against R laeken', () => {
  for (const c of cases) {
    it(label(c), () => {
      // expected: laeken::gini(x, w)$value / 100 (laeken 0.5.2), test/reference/core.R
      expectRel(gini(sample(c)), c.values.gini);
    });
  }
});

describe('gini by hand', () => {
  it('unweighted 1, 2, 3, 4', () => {
    // Σ(2i − n − 1)xᵢ / (n Σx) = (−3·1 − 1·2 + 1·3 + 3·4) / (4 · 10) = 10/40
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 15);
  });
  it('all income held by one of n units is (n − 1)/n', () => {
    // Lorenz curve 0 until the last unit: area below it is 1/(2n), so G = 1 − 1/n
    expect(gini([0, 0, 0, 0, 10])).toBeCloseTo(0.8, 15);
  });
  it('negative incomes can push it above 1', () => {
    // x = −1, 0, 3: Σ(2i − 4)xᵢ = 2·1 + 0 + 2·3 = 8, n Σx = 3 · 2 = 6 → 4/3
    expect(gini([-1, 0, 3])).toBeCloseTo(4 / 3, 14);
  });
});
