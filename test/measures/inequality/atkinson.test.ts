import { describe, expect, it } from 'vitest';
import { atkinson } from '../../../src/index.js';
import { cases, expectRel, label, positiveOptions, sample } from '../reference.js';

describe('atkinson against the Atkinson (1970) formula in R', () => {
  for (const c of cases) {
    for (const [epsilon, expected] of Object.entries(c.values.atkinson)) {
      it(`${label(c)}, ε = ${epsilon}`, () => {
        // expected: plain R 1 − (Σ w (x/μ)^(1−ε) / Σ w)^(1/(1−ε)); ε = 1: 1 − exp(Σ w ln x / Σ w)/μ
        // (convey::svyatk formula); ε ≥ 1 on x > 0, otherwise on x ≥ 0
        expectRel(atkinson(sample(c), { epsilon: Number(epsilon), ...positiveOptions(c) }), expected);
      });
    }
  }
});

describe('atkinson by hand', () => {
  it('ε = 1 is one minus the geometric over the arithmetic mean', () => {
    // 10, 20, 30, 40: geometric mean 240000^(1/4) = 22.1336…, μ = 25
    expect(atkinson([10, 20, 30, 40], { epsilon: 1 })).toBeCloseTo(1 - Math.pow(240000, 0.25) / 25, 15);
  });
  it('ε = 2 is one minus the harmonic over the arithmetic mean', () => {
    // 1, 2, 4: harmonic mean 3 / (1 + 1/2 + 1/4) = 12/7, μ = 7/3
    expect(atkinson([1, 2, 4], { epsilon: 2 })).toBeCloseTo(1 - (12 / 7) / (7 / 3), 15);
  });
  it('ε = 0 is 0', () => {
    expect(atkinson([1, 2, 4], { epsilon: 0 })).toBe(0);
  });
  it("ε = 0.5 with nonPositive: 'drop' drops only the negatives, keeping zeros", () => {
    // −5 dropped; 0, 4: μ = 2, mean of (x/μ)^0.5 = (0 + √2)/2 → A = 1 − (√2/2)² = 0.5
    expect(atkinson([0, -5, 4], { epsilon: 0.5, nonPositive: 'drop' })).toBeCloseTo(0.5, 15);
  });
});
