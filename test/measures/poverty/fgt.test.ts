import { describe, expect, it } from 'vitest';
import { fgt, headcount, povertyGap, povertySeverity } from '../../../src/index.js';
import { cases, expectRel, label, sample } from '../reference.js';

describe('FGT family against R', () => {
  for (const c of cases) {
    for (const [which, ref] of Object.entries(c.values.poverty)) {
      it(`${label(c)}, ${which}`, () => {
        const d = sample(c);
        const line = ref.line;
        // expected: plain R Σ_{x<z} w ((z − x)/z)^α / Σ w (Foster, Greer & Thorbecke 1984; convey::svyfgt)
        expectRel(headcount(d, { line }), ref.fgt0);
        expectRel(povertyGap(d, { line }), ref.fgt1);
        expectRel(povertySeverity(d, { line }), ref.fgt2);
        expectRel(fgt(d, { alpha: 0, line }), ref.fgt0);
        expectRel(fgt(d, { alpha: 3, line }), ref.fgt3);
      });
    }
  }
});

describe('FGT by hand', () => {
  it('1, 2, 3, 4 with line 3', () => {
    // poor: 1, 2 (3 is not strictly below); gaps 2/3, 1/3
    expect(headcount([1, 2, 3, 4], { line: 3 })).toBe(0.5);
    expect(povertyGap([1, 2, 3, 4], { line: 3 })).toBeCloseTo((2 / 3 + 1 / 3) / 4, 15);
    expect(povertySeverity([1, 2, 3, 4], { line: 3 })).toBeCloseTo((4 / 9 + 1 / 9) / 4, 15);
  });
  it('a negative income has a gap ratio above 1', () => {
    // −3 with line 3: gap 6/3 = 2; with 5 not poor → P1 = 2/2
    expect(povertyGap([-3, 5], { line: 3 })).toBe(1);
  });
});
