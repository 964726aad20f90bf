import { describe, expect, it } from 'vitest';
import { watts } from '../../../src/index.js';
import { cases, expectRel, label, positiveOptions, sample } from '../reference.js';

describe('watts against R', () => {
  for (const c of cases) {
    for (const [which, ref] of Object.entries(c.values.poverty)) {
      it(`${label(c)}, ${which}`, () => {
        // expected: plain R Σ_{x<z} w ln(z/x) / Σ w over x > 0 (Watts 1968; convey::svywatts)
        expectRel(watts(sample(c), { line: ref.line, ...positiveOptions(c) }), ref.watts);
      });
    }
  }
  it('by hand: 1, 2, 3, 4 with line 3 is (ln 3 + ln 1.5) / 4', () => {
    expect(watts([1, 2, 3, 4], { line: 3 })).toBeCloseTo((Math.log(3) + Math.log(1.5)) / 4, 15);
  });
});
