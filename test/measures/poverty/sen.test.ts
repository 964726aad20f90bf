import { describe, expect, it } from 'vitest';
import { sen } from '../../../src/index.js';
import { cases, expectRel, label, sample } from '../reference.js';

describe('sen against R', () => {
  for (const c of cases) {
    for (const [which, ref] of Object.entries(c.values.poverty)) {
      it(`${label(c)}, ${which}`, () => {
        // expected: plain R P0·Gp + P1·(1 − Gp), Gp = laeken::gini(x[poor], w[poor]) / 100 (Sen 1976,
        // large-population form as in Shorrocks 1995)
        expectRel(sen(sample(c), { line: ref.line }), ref.sen);
      });
    }
  }
  it('by hand: 1, 2, 3, 4 with line 3', () => {
    // poor 1, 2: H = 0.5, P1 = 0.25, Gini among the poor (1, 2) = 1/6 → 0.5/6 + 0.25 · 5/6
    expect(sen([1, 2, 3, 4], { line: 3 })).toBeCloseTo(0.5 / 6 + 0.25 * (5 / 6), 15);
  });
  it('poor with nothing at all: S = H', () => {
    expect(sen([0, 0, 5, 6], { line: 3 })).toBe(0.5);
  });
});
