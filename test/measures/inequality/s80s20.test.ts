import { describe, expect, it } from 'vitest';
import { s80s20 } from '../../../src/index.js';
import { cases, expectRel, label, sample } from '../reference.js';

describe('s80s20 against R laeken::qsr', () => {
  for (const c of cases) {
    it(label(c), () => {
      // expected: laeken::qsr(x, w)$value
      expectRel(s80s20(sample(c)), c.values.s80s20);
    });
  }
  it('by hand: 1..10 → (9 + 10) / (1 + 2)', () => {
    // laeken quintiles: first share > 0.2 is the 3rd unit (0.3) → q20 = 3; > 0.8 → q80 = 9;
    // bottom x ≤ 3: 1 + 2 + 3 = 6; top x > 9: 10 → 10 / 6
    expect(s80s20([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(10 / 6, 14);
  });
});
