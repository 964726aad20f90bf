// The Distribution's sort must be exactly a stable ascending sort by value (ties in input order,
// -0 read and stored as 0) with weights and input rows carried along. The expected order here comes
// from the simplest possible implementation — Array.prototype.sort (stable since ES2019) on indices
// compared by value then index — so a radix, settle or fallback bug shows up as a difference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argsort, random, sortWeighted } from '../../src/core/index.js';

function naive(values: Float64Array): number[] {
  return Array.from(values, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
}

function expectSorted(values: Float64Array, weights?: Float64Array): void {
  const s = sortWeighted(values, weights);
  const order = naive(values);
  expect(Array.from(s.order)).toEqual(order);
  expect(Array.from(s.values)).toEqual(order.map((i) => (values[i] === 0 ? 0 : values[i]!)));
  expect(s.values.some((v) => Object.is(v, -0))).toBe(false);
  expect(Array.from(s.weights)).toEqual(order.map((i) => (weights ? weights[i]! : 1)));
  expect(Array.from(argsort(values))).toEqual(order);
}

/** n values from a seeded generator, drawn by `draw`. */
function sample(n: number, seed: number, draw: (u: () => number) => number): Float64Array {
  const rng = random(seed);
  return Float64Array.from({ length: n }, () => draw(() => rng.uniform()));
}

describe('sortWeighted (the Distribution sort)', () => {
  it('matches a stable comparison sort on random small arrays with ties, zeros and signs', () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(0, -0, 1e-300, -1e-300, Number.MAX_VALUE, -Number.MAX_VALUE),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (xs) => {
        const v = Float64Array.from(xs);
        expectSorted(v, Float64Array.from(xs, (_, i) => i + 0.5));
      }),
    );
  });

  // Sizes above 2,048 take the radix path; each case below stresses one part of it.
  const cases: [string, (u: () => number) => number][] = [
    ['lognormal incomes rounded to pence', (u) => Math.round(Math.exp(10 + 2 * (u() - 0.5)) * 100) / 100],
    ['heavy ties (7 distinct values)', (u) => Math.floor(u() * 7) - 3],
    ['zeros, negative zeros and tiny values of both signs', (u) => [0, -0, 1e-300, -1e-300, 5e-324, -5e-324, 1, -1][Math.floor(u() * 8)]!],
    ['repeated values sharing their upper 32 bits (settle fallback)', (u) => 1 + Math.floor(u() * 5) * 2 ** -40],
    ['short runs of repeated values sharing their upper 32 bits (settle keeps ties in order)', (u) => 1 + Math.floor(u() * 2000) * 2 ** -19 + Math.floor(u() * 3) * 2 ** -40],
    ['values sharing their upper 32 bits (settle fallback)', (u) => 1 + u() * 1e-9],
    ['every magnitude and sign', (u) => (u() - 0.5) * Math.pow(10, Math.floor(u() * 600) - 300)],
    ['negative incomes', (u) => -Math.exp(u() * 10)],
  ];
  for (const [name, draw] of cases) {
    it(`matches a stable comparison sort at n = 20,000: ${name}`, () => {
      const v = sample(20_000, name.length, draw);
      expectSorted(v, sample(20_000, 99, (u) => u() + 0.01));
      expectSorted(v);
    });
  }

  it('returns sorted input unchanged in order, and never writes to its arguments', () => {
    const v = Float64Array.from({ length: 5000 }, (_, i) => i - 2500);
    const w = Float64Array.from(v, () => 2);
    const [v0, w0] = [v.slice(), w.slice()];
    expectSorted(v, w);
    const r = sample(5000, 3, (u) => u() - 0.5);
    const r0 = r.slice();
    sortWeighted(r, w);
    expect(v).toEqual(v0);
    expect(w).toEqual(w0);
    expect(r).toEqual(r0);
  });
});
