// Weighted selection must give exactly the sorted path's quantile under every rule, with ties and
// units of weight zero; and a Distribution that has not been sorted must give every quantile-only
// measure the same digits as one that has. Weights are multiples of ½ and values whole numbers, so
// every sum is exact in any order and "the same" means equal, not close.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureDistribution, quantileRange, selectQuantile, selectWeighted } from '../../src/core/index.js';
import {
  arpr, bottomShare, distribution, median, palma, percentileRatio, povertyLine, quantile, s80s20, topShare,
} from '../../src/index.js';

const TYPES = ['eurostat', 'laeken', 7] as const;
const PS = [0, 0.1, 0.2, 0.25, 1 / 3, 0.5, 0.6, 0.75, 0.8, 0.9, 1];

/** Values with many ties (a few distinct whole numbers, negatives and zero), weights in {0, ½, 1, 2, 3}. */
const sample = fc
  .integer({ min: 1, max: 80 })
  .chain((n) =>
    fc.record({
      x: fc.array(fc.integer({ min: -3, max: 12 }), { minLength: n, maxLength: n }),
      w: fc.array(fc.constantFrom<number>(0, 0.5, 1, 2, 3), { minLength: n, maxLength: n }),
      p: fc.oneof(fc.constantFrom(...PS), fc.double({ min: 0, max: 1, noNaN: true })),
    }),
  )
  .filter((s) => s.w.some((v) => v > 0));

/** The sorted path on the same units: sort with positive weights, then reweight (zeros allowed). */
function sortedReweighted(x: number[], w: number[]) {
  const d = distribution(x);
  const ws = Float64Array.from(d.rows, (r) => w[r]!);
  return d.reweight(ws);
}

describe('selectQuantile equals the sorted quantile', () => {
  it('every rule, ties, zero weights, random p', () => {
    fc.assert(
      fc.property(sample, ({ x, w, p }) => {
        const total = w.reduce((a: number, b: number) => a + b, 0);
        const sorted = sortedReweighted(x, w);
        for (const type of TYPES) {
          const a = selectQuantile(Float64Array.from(x), Float64Array.from(w), total, p, type);
          const b = quantileRange(sorted, p, type, 0, x.length);
          if (!Object.is(a, b)) throw new Error(`type ${type}, p ${p}: selection ${a}, sorted ${b}`);
        }
      }),
      { numRuns: 400, seed: 20261205 },
    );
  });

  it('large inputs go through the partitions, not only the final sort', () => {
    const n = 70_000;
    let s = 7;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const x = Array.from({ length: n }, () => Math.floor(next() * 300));
    const w = Array.from({ length: n }, () => [0, 0.5, 1, 2][Math.floor(next() * 4)]!);
    const total = w.reduce((a: number, b: number) => a + b, 0);
    const sorted = sortedReweighted(x, w);
    for (const type of TYPES) {
      for (const p of PS) {
        expect(selectQuantile(Float64Array.from(x), Float64Array.from(w), total, p, type)).toBe(quantileRange(sorted, p, type, 0, n));
      }
    }
  });

  it('selectWeighted leaves its inputs untouched and reports W(<v) and W(≤v)', () => {
    const x = Float64Array.of(5, 1, 3, 3, 9, 1);
    const w = Float64Array.of(1, 2, 1, 1, 1, 0);
    const copy = [Array.from(x), Array.from(w)];
    // W(≤1) = 2, W(≤3) = 4: the first value whose cumulative weight exceeds 3 is 3
    expect(selectWeighted(x, w, (c) => c > 3)).toEqual({ value: 3, below: 2, atOrBelow: 4 });
    expect([Array.from(x), Array.from(w)]).toEqual(copy);
  });
});

describe('an unsorted Distribution gives the sorted digits for quantile-only measures', () => {
  const positive = sample.map(({ x, w, p }) => ({ x: x.map((v) => v + 4), w: w.map((v) => v || 1), p }));
  it('median, quantile (every rule), povertyLine, arpr, s80s20, palma, shares, percentile ratio', () => {
    fc.assert(
      fc.property(positive, ({ x, w, p }) => {
        const lazy = () => measureDistribution(x, { weights: w });
        const sorted = distribution(x, { weights: w });
        void sorted.values; // distribution() sorts at once
        const same = (f: (d: ReturnType<typeof distribution>) => number, what: string) => {
          const d = lazy();
          let a: number | string;
          let b: number | string;
          try { a = f(d); } catch (e) { a = (e as Error).message; }
          try { b = f(sorted); } catch (e) { b = (e as Error).message; }
          if (d.isSorted) throw new Error(`${what} sorted the Distribution`);
          if (!Object.is(a, b)) throw new Error(`${what}: lazy ${a}, sorted ${b}`);
        };
        for (const type of TYPES) same((d) => quantile(d, { p, type }), `quantile ${type}`);
        same((d) => median(d), 'median');
        same((d) => povertyLine(d), 'povertyLine');
        same((d) => arpr(d), 'arpr');
        same((d) => s80s20(d), 's80s20');
        same((d) => palma(d), 'palma');
        if (p > 0 && p < 1) {
          same((d) => topShare(d, { p }), 'topShare');
          same((d) => bottomShare(d, { p }), 'bottomShare');
        }
        same((d) => percentileRatio(d, { upper: 0.9, lower: 0.1 }), 'percentileRatio');
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
