import { describe, expect, it } from 'vitest';
import { generalizedEntropy } from '../../../src/index.js';
import { cases, expectRel, label, positiveOptions, sample } from '../reference.js';

describe('generalizedEntropy against the GE(α) formula in R', () => {
  for (const c of cases) {
    for (const [alpha, expected] of Object.entries(c.values.ge)) {
      it(`${label(c)}, α = ${alpha}`, () => {
        // expected: plain R [Σ w (x/μ)^α / Σ w − 1] / (α(α − 1)), limits at 0 and 1 (Shorrocks 1980;
        // convey::svygei); α ≤ 0 or 1 on x > 0, otherwise on x ≥ 0 (negatives dropped)
        expectRel(generalizedEntropy(sample(c), { alpha: Number(alpha), ...positiveOptions(c) }), expected);
      });
    }
  }
});

describe('generalizedEntropy by hand', () => {
  it('GE(2) is half the squared coefficient of variation', () => {
    // 1, 2, 3, 4: μ = 2.5, population variance 1.25 → CV² / 2 = (1.25 / 6.25) / 2 = 0.1
    expect(generalizedEntropy([1, 2, 3, 4], { alpha: 2 })).toBeCloseTo(0.1, 15);
  });
  it('GE(2) keeps zero incomes', () => {
    // 0, 2: μ = 1, Σ (x/μ)² / n = 2 → (2 − 1) / 2
    expect(generalizedEntropy([0, 2], { alpha: 2 })).toBeCloseTo(0.5, 15);
  });
  it("nonPositive: 'drop' drops only the negatives for α = 2, keeping zeros", () => {
    // −1 dropped; 0, 2, 4: μ = 2, Σ (x/μ)² / 3 = 5/3 → (5/3 − 1) / 2 = 1/3
    expect(generalizedEntropy([4, -1, 0, 2], { alpha: 2, nonPositive: 'drop' })).toBeCloseTo(1 / 3, 15);
    // without the option the negative is refused, naming the one negative value
    expect(() => generalizedEntropy([4, -1, 0, 2], { alpha: 2 })).toThrowError(/1 negative value \(row 1\)/);
  });
});
