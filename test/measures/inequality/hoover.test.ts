import { describe, expect, it } from 'vitest';
import { hoover, robinHood } from '../../../src/index.js';
import { cases, expectRel, label, sample } from '../reference.js';

describe('hoover against R', () => {
  for (const c of cases) {
    it(label(c), () => {
      // expected: plain R Σ w |x − μ| / (2 Σ w μ) (Hoover 1936)
      expectRel(hoover(sample(c)), c.values.hoover);
    });
  }
  it('by hand: 1, 2, 3, 4 → (1.5 + 0.5 + 0.5 + 1.5) / (2 · 4 · 2.5) = 0.2', () => {
    expect(hoover([1, 2, 3, 4])).toBeCloseTo(0.2, 15);
    expect(robinHood).toBe(hoover);
  });
});
