import { describe, expect, it } from 'vitest';
import { cv } from '../../../src/index.js';
import { cases, expectRel, label, sample } from '../reference.js';

describe('cv against R', () => {
  for (const c of cases) {
    it(label(c), () => {
      // expected: plain R sqrt(Σ w (x − μ)² / Σ w) / μ (population variance; ineq::var.coeff uses n − 1)
      expectRel(cv(sample(c)), c.values.cv);
    });
  }
  it('by hand: 1, 2, 3, 4 is sqrt(1.25) / 2.5', () => {
    expect(cv([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(1.25) / 2.5, 15);
  });
});
