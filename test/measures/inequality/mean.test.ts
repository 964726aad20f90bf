import { describe, expect, it } from 'vitest';
import { mean } from '../../../src/index.js';
import { cases, expectRel, label, sample } from '../reference.js';

describe('mean against R', () => {
  for (const c of cases) {
    it(label(c), () => {
      // expected: stats::weighted.mean(x, w)
      expectRel(mean(sample(c)), c.values.mean);
    });
  }
  it('by hand', () => {
    // (1 + 2 + 2·3) / 4
    expect(mean([1, 2, 3], { weights: [1, 1, 2] })).toBe(2.25);
  });
});
