import { describe, expect, it } from 'vitest';
import { deepPovertyLine, povertyLine } from '../../../src/index.js';
import { cases, expectRel, label, sample } from '../reference.js';

describe('povertyLine against R', () => {
  for (const c of cases) {
    it(label(c), () => {
      // expected: 0.6 × the EU-SILC weighted median (plain R rule, test/reference/core.R)
      expectRel(povertyLine(sample(c)), c.values.povertyLine);
      // expected: 0.6 × stats::weighted.mean(x, w)
      expectRel(povertyLine(sample(c), { of: 'mean' }), c.values.povertyLineMean);
      // expected: 0.5 × the EU-SILC weighted median
      expectRel(deepPovertyLine(sample(c)), c.values.deepPovertyLine);
      // expected: laeken::arpt(x, w) = 0.6 × laeken::weightedMedian
      expectRel(povertyLine(sample(c), { type: 'laeken' }), c.values.arpt);
    });
  }
});

// povertyLine's default median is the EU-SILC rule; laeken's arpt uses its own (first share > 0.5).
// They differ on exact ties, as in the tied sample (hand calculation):
describe('povertyLine by hand', () => {
  it('tied sample: 300 of 600 units at or below 9000, the next value 12000', () => {
    const d = sample({ dataset: 'tied', weighted: false });
    expect(povertyLine(d)).toBeCloseTo(0.6 * 10500, 9); // median (9000 + 12000) / 2
    expect(povertyLine(d, { type: 'laeken' })).toBeCloseTo(0.6 * 12000, 9); // laeken::arpt
    expect(povertyLine(d, { fraction: 0.5 })).toBeCloseTo(5250, 9);
  });
});
