import { describe, expect, it } from 'vitest';
import { PovineqError, arpr, rmpg } from '../../../src/index.js';
import { cases, expectRel, label, sample } from '../reference.js';

describe('arpr and rmpg against R laeken', () => {
  for (const c of cases) {
    it(`${label(c)}: arpr`, () => {
      // expected: laeken::arpr(x, w)$value / 100
      expectRel(arpr(sample(c)), c.values.arpr);
      for (const ref of Object.values(c.values.poverty)) {
        // expected: laeken::arpr(x, w, threshold = line)$value / 100
        expectRel(arpr(sample(c), { line: ref.line }), ref.arprAtLine);
      }
    });
    it(`${label(c)}: rmpg`, () => {
      if (c.values.rmpg === null) {
        // laeken::rmpg gives NA: nobody is below the threshold; povineq refuses to return a number
        expect(() => rmpg(sample(c))).toThrowError(PovineqError);
        try {
          rmpg(sample(c));
        } catch (e) {
          expect((e as PovineqError).code).toBe('UNDEFINED_RESULT');
        }
      } else {
        // expected: laeken::rmpg(x, w)$value / 100
        expectRel(rmpg(sample(c)), c.values.rmpg);
      }
    });
  }
  it('by hand: 1..10', () => {
    // laeken median: first share > 0.5 is the 6th unit → 6; threshold 3.6; poor 1, 2, 3 → 0.3
    expect(arpr([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(0.3, 15);
    // median of the poor (laeken rule, 3 units: first share > 0.5 is the 2nd) = 2 → (3.6 − 2)/3.6
    expect(rmpg([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(1.6 / 3.6, 14);
  });
});
