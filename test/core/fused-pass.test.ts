// Measures on Float64Array columns take the fused pass (validation, Σw and the cache fingerprint
// in one read, the caller's arrays read in place): they must give the digits of the general path
// (plain arrays, which are converted and copied), the same errors on bad rows, leave the arrays
// untouched, and never serve a changed column from the cache. The selection's bracketing pass
// (inputs of 65,536 units or more) must give the sorted quantile under every rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureDistribution, quantileRange, selectQuantile } from '../../src/core/index.js';
import { scanColumns } from '../../src/core/scan.js';
import { arpr, distribution, gini, mean, median, palma, quantile, random, s80s20, theil } from '../../src/index.js';

function columns(n: number, seed: number) {
  const rng = random(seed);
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = Math.round(Math.exp(10 + 0.6 * rng.normal()) * 100) / 100;
    w[i] = Math.exp(Math.log(300) + 0.5 * rng.normal());
  }
  return { x, w };
}

const MEASURES = { arpr, gini, mean, median, palma, s80s20, theil } as const;

describe('the fused pass on Float64Array columns', () => {
  it('gives the digits of the general path (plain arrays) and of a sorted Distribution, weighted and not', () => {
    for (const n of [5, 5000, 100_000]) {
      const { x, w } = columns(n, n);
      const xs = Array.from(x);
      const ws = Array.from(w);
      for (const [name, f] of Object.entries(MEASURES)) {
        const fast = f(x.slice(), { weights: w.slice() });
        expect(fast, `${name} weighted, n = ${n}`).toBe(f(xs, { weights: ws }));
        expect(fast, `${name} sorted, n = ${n}`).toBe(f(distribution(xs, { weights: ws })));
        expect(f(x.slice()), `${name} unweighted, n = ${n}`).toBe(f(xs));
      }
    }
  });

  it('distribution() on Float64Array columns (checked in one pass, read in place) gives the digits of plain arrays', () => {
    const { x, w } = columns(30_001, 9);
    const x0 = x.slice();
    const w0 = w.slice();
    const fast = distribution(x, { weights: w });
    const slow = distribution(Array.from(x), { weights: Array.from(w) });
    expect(fast.totalWeight).toBe(slow.totalWeight);
    expect(Array.from(fast.values)).toEqual(Array.from(slow.values));
    expect(Array.from(fast.rows)).toEqual(Array.from(slow.rows));
    for (const [name, f] of Object.entries(MEASURES)) expect(f(fast), name).toBe(f(slow));
    expect(Array.from(x)).toEqual(Array.from(x0));
    expect(Array.from(w)).toEqual(Array.from(w0));
    // invalid options are still reported on clean columns
    expect(() => distribution(x, { weights: w, missing: 'skip' as never })).toThrow(/missing/);
  });

  it('never writes to the columns, even when a later measure sorts them', () => {
    const { x, w } = columns(20_000, 3);
    const x0 = x.slice();
    const w0 = w.slice();
    arpr(x, { weights: w });
    gini(x, { weights: w });
    theil(x, { weights: w });
    expect(Array.from(x)).toEqual(Array.from(x0));
    expect(Array.from(w)).toEqual(Array.from(w0));
  });

  it('bad rows get the same errors as plain arrays (column, count, option), and drops the same digits', () => {
    const { x, w } = columns(10_000, 4);
    const cases: [string, (x: Float64Array, w: Float64Array) => void][] = [
      ['NaN value', (x) => { x[17] = NaN; x[900] = NaN; }],
      ['infinite value', (x) => { x[5] = -Infinity; }],
      ['zero weight', (_, w) => { w[3] = 0; }],
      ['negative weight', (_, w) => { w[3] = -2; w[4] = -1; }],
      ['NaN weight', (_, w) => { w[9] = NaN; }],
      ['infinite weight', (_, w) => { w[9] = Infinity; }],
      ['overflowing total', (x) => { x[0] = 1e307; x[1] = 1e307; }],
    ];
    for (const [what, spoil] of cases) {
      const xb = x.slice();
      const wb = w.slice();
      spoil(xb, wb);
      const message = (f: () => unknown) => {
        try { f(); } catch (e) { return (e as Error).message; }
        return 'no error';
      };
      const fast = message(() => arpr(xb, { weights: wb }));
      expect(fast, what).not.toBe('no error');
      expect(fast, what).toBe(message(() => arpr(Array.from(xb), { weights: Array.from(wb) })));
      // the eager build (distribution(), sorted at once) takes the same checks
      expect(message(() => distribution(xb, { weights: wb })), what).toBe(message(() => distribution(Array.from(xb), { weights: Array.from(wb) })));
      if (what !== 'overflowing total') {
        const drop = { missing: 'drop', nonPositiveWeights: 'drop' } as const;
        expect(median(xb, { weights: wb, ...drop }), what).toBe(median(Array.from(xb), { weights: Array.from(wb), ...drop }));
      }
    }
  });

  it('the fingerprint changes with any single bit of a value or weight, a swap of rows, or the length', () => {
    const { x, w } = columns(4099, 5);
    const base = scanColumns(x, w).fingerprint;
    const changed = (f: (x: Float64Array, w: Float64Array) => void) => {
      const xb = x.slice();
      const wb = w.slice();
      f(xb, wb);
      return scanColumns(xb, wb).fingerprint;
    };
    const bits = new Int32Array(x.buffer);
    for (let word = 0; word < 4; word++) {
      for (const bit of [0, 13, 31]) {
        expect(changed((xb) => { new Int32Array(xb.buffer)[word] ^= 1 << bit; })).not.toBe(base);
        expect(changed((_, wb) => { new Int32Array(wb.buffer)[word] ^= 1 << bit; })).not.toBe(base);
      }
    }
    expect(bits.length).toBe(2 * 4099);
    expect(changed((xb) => { [xb[10], xb[2000]] = [xb[2000]!, xb[10]!]; })).not.toBe(base);
    expect(changed((xb, wb) => { [xb[1], xb[2]] = [xb[2]!, xb[1]!]; [wb[1], wb[2]] = [wb[2]!, wb[1]!]; })).not.toBe(base);
    expect(changed((xb) => { xb[7] = -xb[7]!; xb[8] = -xb[8]!; })).not.toBe(base);
    expect(changed((xb) => { xb[7]! += 1; xb[8]! -= 1; })).not.toBe(base);
    expect(scanColumns(x.subarray(0, 4098), w.subarray(0, 4098)).fingerprint).not.toBe(base);
    expect(scanColumns(x, undefined).fingerprint).not.toBe(base);
    expect(scanColumns(x.slice(), w.slice()).fingerprint).toBe(base);
  });

  it('a Float64Array changed in place between calls is recomputed, not served from the cache', () => {
    const { x, w } = columns(50_000, 6);
    const before = arpr(x, { weights: w });
    const d = measureDistribution(x, { weights: w });
    const rich = x.findIndex((v) => v > 100_000);
    x[rich] = 1; // a rich unit moves below the line
    expect(measureDistribution(x, { weights: w })).not.toBe(d);
    expect(arpr(x, { weights: w })).toBe(arpr(Array.from(x), { weights: Array.from(w) }));
    expect(arpr(x, { weights: w })).not.toBe(before);
  });
});

describe('the bracketing pass of the selection (65,536 units or more)', () => {
  it('property: random sizes, tie levels, zero-weight shares, weight skew, p and rule give the sorted quantile', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1e6 }),
          n: fc.integer({ min: 65_536, max: 90_000 }),
          distinct: fc.constantFrom(3, 50, 5000, 0),
          zeros: fc.constantFrom(0, 0.2, 0.9),
          skew: fc.constantFrom(0, 1, 3),
          p: fc.oneof(fc.constantFrom(0.5, 0.2, 0.8, 0.001, 0.999), fc.double({ min: 0.001, max: 0.999, noNaN: true })),
        }),
        ({ seed, n, distinct, zeros, skew, p }) => {
          const rng = random(seed);
          const x = new Float64Array(n);
          const w = new Float64Array(n);
          for (let i = 0; i < n; i++) {
            x[i] = distinct ? Math.floor(rng.uniform() * distinct) : Math.exp(rng.normal());
            // multiples of 1/4 up to 2^skew·8: every cumulative sum is exact in any order
            w[i] = rng.uniform() < zeros ? 0 : Math.ceil(rng.uniform() * 8 * 2 ** (skew * rng.uniform())) / 4;
          }
          w[0] = 1;
          let total = 0;
          for (let i = 0; i < n; i++) total += w[i]!;
          const d = distribution(Array.from(x));
          const sorted = d.reweight(Float64Array.from(d.rows, (r) => w[r]!));
          for (const type of ['eurostat', 'laeken', 7] as const) {
            const a = selectQuantile(x, w, total, p, type);
            const b = quantileRange(sorted, p, type, 0, n);
            if (!Object.is(a, b)) throw new Error(`type ${type}, p ${p}: selection ${a}, sorted ${b}`);
          }
        },
      ),
      { numRuns: 12, seed: 20261205 },
    );
  }, 60_000);

  it('gives the sorted quantile under every rule, with continuous values, ties and zero weights', () => {
    const n = 70_001;
    const rng = random(11);
    for (const kind of ['continuous', 'ties', 'zeros', 'unweighted'] as const) {
      const x = new Float64Array(n);
      const w = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        x[i] = kind === 'ties' ? Math.floor(rng.uniform() * 40) : Math.exp(10 + rng.normal());
        w[i] = kind === 'unweighted' ? 1 : kind === 'zeros' && rng.uniform() < 0.3 ? 0 : 0.5 + Math.floor(rng.uniform() * 8) / 2;
      }
      // weights are multiples of ½ below 2^53: every cumulative sum is exact in any order
      let total = 0;
      for (let i = 0; i < n; i++) total += w[i]!;
      const d = distribution(Array.from(x));
      const sorted = d.reweight(Float64Array.from(d.rows, (r) => w[r]!));
      for (const type of ['eurostat', 'laeken', 7] as const) {
        for (const p of [0.001, 0.1, 0.2, 0.5, 0.8, 0.9, 0.999]) {
          const a = selectQuantile(x, kind === 'unweighted' ? undefined : w, total, p, type);
          expect(a, `${kind} ${type} p=${p}`).toBe(quantileRange(sorted, p, type, 0, n));
        }
      }
      if (kind !== 'zeros') {
        // and through the measures on raw columns
        expect(quantile(x, { weights: w, p: 0.37, type: 'laeken' })).toBe(quantile(Array.from(x), { weights: Array.from(w), p: 0.37, type: 'laeken' }));
      }
    }
  });
});
