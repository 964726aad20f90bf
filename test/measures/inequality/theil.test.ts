import { describe, expect, it } from 'vitest';
import { theil } from '../../../src/index.js';
import { cases, expectRel, label, positiveOptions, sample } from '../reference.js';

describe('theil against the GE(1) formula in R', () => {
  for (const c of cases) {
    it(label(c), () => {
      // expected: plain R Σ w (x/μ) ln(x/μ) / Σ w on x > 0 (Theil 1967; convey::svygei, epsilon = 1)
      expectRel(theil(sample(c), positiveOptions(c)), c.values.theil);
    });
  }
});

describe('theil by hand', () => {
  it('1, 1, 2', () => {
    // x = (1, 1, 2): μ = 4/3; T = [2 · (3/4) ln(3/4) + (3/2) ln(3/2)] / 3
    const expected = (2 * 0.75 * Math.log(0.75) + 1.5 * Math.log(1.5)) / 3;
    expect(theil([1, 2, 1])).toBeCloseTo(expected, 15);
  });
});
