import { describe, expect, it } from 'vitest';
import { sst } from '../../../src/index.js';
import { cases, expectRel, label, sample } from '../reference.js';

describe('sst against R', () => {
  for (const c of cases) {
    for (const [which, ref] of Object.entries(c.values.poverty)) {
      it(`${label(c)}, ${which}`, () => {
        // expected: plain R P1·(1 + Gg), Gg = laeken::gini(pmax(0, (z − x)/z), w) / 100 (Shorrocks 1995)
        expectRel(sst(sample(c), { line: ref.line }), ref.sst);
      });
    }
  }
  it('by hand: 1, 2, 3, 4 with line 3', () => {
    // gap ratios 2/3, 1/3, 0, 0 → sorted 0, 0, 1/3, 2/3; Gini = Σ(2i − 5)gᵢ / (4 Σg) = (1/3 + 2)/(4 · 1) = 7/12
    // P1 = 0.25 → SST = 0.25 · (1 + 7/12)
    expect(sst([1, 2, 3, 4], { line: 3 })).toBeCloseTo(0.25 * (19 / 12), 15);
  });
});
