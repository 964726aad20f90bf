import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atkinson, cv, distribution, generalizedEntropy, gini, hoover, mean, mld, sen, sst, theil, fgt, watts } from '../../src/index.js';
import type { Measure } from '../../src/index.js';

// The influence function uₖ is the derivative of the measure with respect to unit k's weight
// (Deville 1999): uₖ = ∂θ/∂wₖ. For measures that are smooth in the weights we check each measure's
// written-out influence function against a central finite difference of the measure itself.
function finiteDifference(measure: Measure<any>, x: number[], w: number[], k: number, o: object): number {
  const h = 1e-6 * w[k]!;
  const up = w.slice();
  const down = w.slice();
  up[k]! += h;
  down[k]! -= h;
  return (measure(x, { weights: up, ...o }) - measure(x, { weights: down, ...o })) / (2 * h);
}

function check(measure: Measure<any>, x: number[], w: number[], o: object = {}) {
  const d = distribution(x, { weights: w });
  const u = measure.info.influence!(d, o as never);
  // u is in sorted order; map back to input order through d.rows
  const byRow = new Float64Array(x.length);
  d.rows.forEach((r, i) => (byRow[r] = u[i]!));
  const W = w.reduce((a, b) => a + b, 0);
  const scale = Math.max(...Array.from(byRow, Math.abs), 1e-3 / W);
  for (let k = 0; k < x.length; k++) {
    // the finite difference carries rounding noise of about 1e-16 / h, h = 1e-6·wₖ
    expect(Math.abs(byRow[k]! - finiteDifference(measure, x, w, k, o))).toBeLessThan(1e-6 * scale + 1e-9 / Math.min(1, w[k]!));
  }
  return byRow;
}

const x = [3.1, 7.4, 12, 1.5, 9.9, 22.5, 4.2, 15.8, 6.6, 30.2];
const w = [1.5, 2, 0.7, 3.1, 1, 1.2, 2.4, 0.9, 1.8, 0.6];

describe('influence functions equal the derivative of the measure in the weights', () => {
  it('gini (exact derivative of the Eurostat formula; Σ wᵢuᵢ = 0)', () => {
    const u = check(gini, x, w);
    expect(Math.abs(u.reduce((s, v, i) => s + v * w[i]!, 0))).toBeLessThan(1e-15);
  });
  it('mean and cv', () => {
    check(mean, x, w);
    check(cv, x, w);
  });
  it('GE family: theil, mld, GE(2), GE(−1), GE(0.5)', () => {
    check(theil, x, w);
    check(mld, x, w);
    check(generalizedEntropy, x, w, { alpha: 2 });
    check(generalizedEntropy, x, w, { alpha: -1 });
    check(generalizedEntropy, x, w, { alpha: 0.5 });
  });
  it('atkinson ε = 0.5, 1, 2', () => {
    check(atkinson, x, w, { epsilon: 0.5 });
    check(atkinson, x, w, { epsilon: 1 });
    check(atkinson, x, w, { epsilon: 2 });
  });
  it('FGT α = 1, 2 and Watts with a fixed line', () => {
    check(fgt, x, w, { alpha: 1, line: 10 });
    check(fgt, x, w, { alpha: 2, line: 10 });
    check(watts, x, w, { line: 10 });
  });
  it('hoover; Sen and SST with a fixed line', () => {
    check(hoover, x, w);
    check(sen, x, w, { line: 10 });
    check(sst, x, w, { line: 10 });
  });
  it('gini: property over random weighted samples (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0.1, max: 1000, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true })), { minLength: 2, maxLength: 30 }),
        (pairs) => {
          check(gini, pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        },
      ),
      { numRuns: 100 },
    );
  });
  it('a scale-invariant measure has Σ wᵢuᵢ = 0 (theil, atkinson)', () => {
    for (const [m, o] of [[theil, {}], [atkinson, { epsilon: 2 }]] as const) {
      const d = distribution(x, { weights: w });
      const u = m.info.influence!(d, o as never);
      let s = 0;
      u.forEach((v, i) => (s += v * d.weights[i]!));
      expect(Math.abs(s)).toBeLessThan(1e-14);
    }
  });
});
