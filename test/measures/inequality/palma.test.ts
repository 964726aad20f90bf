import { describe, expect, it } from 'vitest';
import { PovineqError, palma } from '../../../src/index.js';
import { cases, expectRel, label, sample } from '../reference.js';

describe('palma against the split-unit Lorenz formula in R', () => {
  for (const c of cases) {
    it(label(c), () => {
      // expected: plain R (1 − L(0.9)) / L(0.4), L the weighted Lorenz curve with the unit that
      // straddles p split (Cobham & Sumner 2013 shares definition)
      expectRel(palma(sample(c)), c.values.palma!);
    });
  }
});

describe('palma by hand', () => {
  it('1..10: top 10% hold 10, bottom 40% hold 10', () => {
    expect(palma([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(1, 15);
  });
  it('a unit straddling the 40th percentile is split', () => {
    // 1, 2, 3 (W = 3): L(0.4) covers 1.2 units: 1 + 0.2 · 2 = 1.4; top 10% is 0.3 of the unit 3 = 0.9
    expect(palma([3, 1, 2])).toBeCloseTo(0.9 / 1.4, 14);
  });
  it('bottom 40% holding nothing is an error, not Infinity', () => {
    expect(() => palma([0, 0, 0, 0, 0, 1])).toThrowError(PovineqError);
  });
});
