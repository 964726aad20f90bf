import { describe, expect, it } from 'vitest';
import { bottomShare, topShare } from '../../../src/index.js';
import { cases, expectRel, label, sample } from '../reference.js';

describe('topShare and bottomShare against the split-unit Lorenz formula in R', () => {
  for (const c of cases) {
    for (const [p, expected] of Object.entries(c.values.topShare)) {
      // expected: plain R 1 − L(1 − p), L interpolated within the straddling unit
      it(`${label(c)}, top ${p}`, () => expectRel(topShare(sample(c), { p: Number(p) }), expected));
    }
    for (const [p, expected] of Object.entries(c.values.bottomShare)) {
      // expected: plain R L(p)
      it(`${label(c)}, bottom ${p}`, () => expectRel(bottomShare(sample(c), { p: Number(p) }), expected));
    }
  }
});

describe('shares by hand', () => {
  it('1, 2, 3, 4', () => {
    expect(topShare([1, 2, 3, 4], { p: 0.25 })).toBeCloseTo(0.4, 15); // 4 / 10
    expect(bottomShare([1, 2, 3, 4], { p: 0.5 })).toBeCloseTo(0.3, 15); // 3 / 10
    expect(bottomShare([1, 2, 3, 4], { p: 0.375 })).toBeCloseTo(0.2, 15); // (1 + 0.5 · 2) / 10
  });
});
