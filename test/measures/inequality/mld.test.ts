import { describe, expect, it } from 'vitest';
import { meanLogDeviation, mld } from '../../../src/index.js';
import { cases, expectRel, label, positiveOptions, sample } from '../reference.js';

describe('mld against the GE(0) formula in R', () => {
  for (const c of cases) {
    it(label(c), () => {
      // expected: plain R Σ w ln(μ/x) / Σ w on x > 0 (Theil's L; convey::svygei, epsilon = 0)
      expectRel(mld(sample(c), positiveOptions(c)), c.values.mld);
    });
  }
});

describe('mld by hand', () => {
  it('1, 2, 3, 4', () => {
    // μ = 2.5: [ln 2.5 + ln 1.25 + ln(2.5/3) + ln(2.5/4)] / 4 = ln(2.5⁴ / 24) / 4
    expect(mld([1, 2, 3, 4])).toBeCloseTo(Math.log(2.5 ** 4 / 24) / 4, 15);
    expect(meanLogDeviation).toBe(mld);
  });
});
