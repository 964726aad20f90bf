// A measure that first takes the weighted median (arpr, median, povertyLine) on large raw columns,
// weighted or not, validates them and keeps the units near the median in one pass (scan.ts
// scanMedian, scanMedianUnweighted),
// where an evenly spaced sample says it lies. That pass must check the columns exactly as the
// other paths do (same Σw digits, same errors on bad rows), keep exactly the units inside its
// bracket, and give the digits of the sorted path whatever the data do to the guess: ties at the
// median, a sample that misleads, more units inside than expected.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkColumns, scanColumns, scanMedian, scanMedianUnweighted } from '../../src/core/scan.js';
import { medianBracket } from '../../src/core/select.js';
import { arpr, deepPovertyLine, distribution, gini, median, povertyLine, random } from '../../src/index.js';

function columns(n: number, seed: number, round = 100) {
  const rng = random(seed);
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = Math.round(Math.exp(10 + 0.6 * rng.normal()) * round) / round;
    w[i] = Math.exp(Math.log(300) + 0.5 * rng.normal());
  }
  return { x, w };
}

const MEDIAN_MEASURES = {
  arpr: (x: Float64Array | Distribution, w?: Float64Array) => arpr(x as never, w ? { weights: w } : {}),
  arpr50: (x: Float64Array | Distribution, w?: Float64Array) => arpr(x as never, { ...(w ? { weights: w } : {}), fraction: 0.5 }),
  median: (x: Float64Array | Distribution, w?: Float64Array) => median(x as never, w ? { weights: w } : {}),
  medianLaeken: (x: Float64Array | Distribution, w?: Float64Array) => median(x as never, { ...(w ? { weights: w } : {}), type: 'laeken' }),
  povertyLine: (x: Float64Array | Distribution, w?: Float64Array) => povertyLine(x as never, w ? { weights: w } : {}),
  deepPovertyLine: (x: Float64Array | Distribution, w?: Float64Array) => deepPovertyLine(x as never, w ? { weights: w } : {}),
};
type Distribution = ReturnType<typeof distribution>;

/**
 * Every median measure on fresh copies of the columns (no cache) equals it on the sorted
 * Distribution, with the weights and on the value column alone (scanMedianUnweighted).
 */
function expectSortedDigits(x: Float64Array, w: Float64Array, label: string, unweighted = true) {
  const sorted = distribution(Array.from(x), { weights: Array.from(w) });
  const sortedUnweighted = unweighted ? distribution(Array.from(x)) : undefined;
  for (const [name, f] of Object.entries(MEDIAN_MEASURES)) {
    expect(f(x.slice(), w.slice()), `${name}, ${label}`).toBe(f(sorted));
    if (sortedUnweighted) expect(f(x.slice()), `${name} unweighted, ${label}`).toBe(f(sortedUnweighted));
  }
}

describe('the median pass over raw weighted columns', () => {
  it('checks the columns as the other passes do: the same clean flag and Σw digits', () => {
    for (const seed of [1, 2, 3]) {
      const { x, w } = columns(200_001, seed);
      const b = medianBracket(x, w)!;
      const s = scanMedian(x, w, b.low, b.high, b.expected)!;
      expect(s.clean).toBe(true);
      expect(s.totalWeight).toBe(scanColumns(x, w).totalWeight);
      expect(s.totalWeight).toBe(checkColumns(x, w).totalWeight);
      expect(s.totalWeight).toBe(distribution(Array.from(x), { weights: Array.from(w) }).totalWeight);
    }
  });

  it('keeps exactly the units inside its bracket, in input order, and the weight below it', () => {
    const { x, w } = columns(150_000, 4);
    const b = medianBracket(x, w)!;
    const s = scanMedian(x, w, b.low, b.high, b.expected)!;
    const inside: number[] = [];
    const insideW: number[] = [];
    let below = 0;
    for (let i = 0; i < x.length; i++) {
      if (x[i]! >= b.low && x[i]! <= b.high) {
        inside.push(x[i]!);
        insideW.push(w[i]!);
      } else if (x[i]! < b.low) below += w[i]!;
    }
    expect(s.kept.values.length).toBe(inside.length);
    expect(Array.from(s.kept.values)).toEqual(inside);
    expect(Array.from(s.kept.weights)).toEqual(insideW);
    expect(s.kept.below).toBeCloseTo(below, 3);
    // the bracket is narrow (the sample here has 8√n = 3,098 units: about 8% of the units inside)
    expect(s.kept.values.length / x.length).toBeLessThan(0.12);
  });

  it('keeps the same units without weights, counting the units below the bracket', () => {
    const { x } = columns(150_000, 4);
    const b = medianBracket(x, undefined)!;
    const s = scanMedianUnweighted(x, b.low, b.high, b.expected)!;
    const inside = Array.from(x).filter((v) => v >= b.low && v <= b.high);
    expect(s.clean).toBe(true);
    expect(s.totalWeight).toBe(x.length);
    expect(Array.from(s.kept.values)).toEqual(inside);
    expect(Array.from(s.kept.weights)).toEqual(inside.map(() => 1));
    expect(s.kept.below).toBe(Array.from(x).filter((v) => v < b.low).length);
    for (const [label, bad] of [['NaN', NaN], ['infinite', Infinity], ['overflowing', 1e305]] as const) {
      const xb = x.slice();
      xb[77] = bad;
      const t = scanMedianUnweighted(xb, b.low, b.high, b.expected);
      if (t) expect(t.clean, label).toBe(false);
      expect(scanColumns(xb, undefined).clean, label).toBe(false);
    }
    expect(scanMedianUnweighted(x, b.low, b.high, Math.floor((inside.length - 64) / 4) - 1)).toBeUndefined();
  });

  it('flags every kind of bad row, as the other passes do', () => {
    const { x, w } = columns(100_000, 5);
    const b = medianBracket(x, w)!;
    const cases: [string, (x: Float64Array, w: Float64Array) => void][] = [
      ['NaN value', (x) => (x[70_001] = NaN)],
      ['infinite value', (x) => (x[3] = -Infinity)],
      ['NaN weight', (_, w) => (w[99_999] = NaN)],
      ['infinite weight', (_, w) => (w[50_000] = Infinity)],
      ['zero weight', (_, w) => (w[12] = 0)],
      ['negative weight', (_, w) => (w[13] = -1)],
      ['overflowing totals', (x) => (x[7] = 1e305)],
    ];
    for (const [label, spoil] of cases) {
      const xb = x.slice();
      const wb = w.slice();
      spoil(xb, wb);
      const s = scanMedian(xb, wb, b.low, b.high, b.expected);
      // a band that overflows (the guess was no help) is also an answer: the caller takes the other path
      if (s) expect(s.clean, label).toBe(false);
      expect(scanColumns(xb, wb).clean, label).toBe(false);
    }
  });

  it('reports bad rows through the measures with the general path\'s message', () => {
    const { x, w } = columns(100_000, 6);
    w[4242] = 0;
    expect(() => arpr(x, { weights: w })).toThrow(/weight/);
    expect(() => arpr(x, { weights: w })).toThrow(/nonPositiveWeights/);
    const x2 = x.slice();
    x2[17] = NaN;
    w[4242] = 1;
    expect(() => median(x2, { weights: w })).toThrow(/missing/);
    expect(() => arpr(x2)).toThrow(/missing/);
    expect(arpr(x2, { missing: 'drop' })).toBe(arpr(distribution(Array.from(x2), { missing: 'drop' })));
    // the drop option still works on the same columns
    expect(median(x2, { weights: w, missing: 'drop' })).toBe(median(distribution(Array.from(x2), { weights: Array.from(w), missing: 'drop' })));
  });

  it('gives the sorted path\'s digits on incomes rounded to pence, to pounds and to tens of pounds (ties)', () => {
    for (const round of [100, 1, 0.1]) {
      const { x, w } = columns(120_000, 7 + round, round);
      expectSortedDigits(x, w, `rounded with ${round}`);
    }
  });

  it('gives up keeping when more than four times the expected units fall inside', () => {
    const { x, w } = columns(100_000, 8);
    const b = medianBracket(x, w)!;
    const full = scanMedian(x, w, b.low, b.high, b.expected)!;
    expect(scanMedian(x, w, b.low, b.high, Math.floor((full.kept.values.length - 64) / 4) - 1)).toBeUndefined();
    // a limit of exactly the units inside keeps every one of them
    const atLimit = scanMedian(x, w, b.low, b.high, Math.ceil((full.kept.values.length - 64) / 4))!;
    expect(Array.from(atLimit.kept.values)).toEqual(Array.from(full.kept.values));
  });

  it('sends values whose Σ|x| overflows to the general path, which gives the sorted digits', () => {
    // max |x| · max(Σw, 1) is below the guard but Σ |x| is infinite: the pass turns the columns
    // away (its check is the stricter one) and the measures still answer, as the sorted path does
    const { x, w } = columns(100_000, 9);
    for (let i = 0; i < x.length; i++) {
      x[i]! *= 1e299;
      w[i]! *= 1e-8;
    }
    const b = medianBracket(x, w)!;
    let sum = 0;
    for (const v of x) sum += v;
    expect(sum).toBe(Infinity);
    expect(scanMedian(x, w, b.low, b.high, b.expected)!.clean).toBe(false);
    expect(scanColumns(x, w).clean).toBe(true);
    expectSortedDigits(x, w, 'values near the largest double', false);
    // without the small weights, n · max |x| is past the guard: every path refuses the column alike
    expect(() => arpr(x.slice())).toThrow(/too large to total/);
    expect(() => distribution(Array.from(x))).toThrow(/too large to total/);
  });

  it('gives the sorted path\'s digits when a quarter of the units sit on the median', () => {
    const { x, w } = columns(100_000, 8);
    for (let i = 0; i < x.length; i += 4) x[i] = 22_000;
    expectSortedDigits(x, w, 'tied at the median');
  });

  it('gives the sorted path\'s digits when the evenly spaced sample misleads (units sorted in blocks)', () => {
    // the sample takes every k-th unit: here those are all large, so its median is far too high
    const n = 131_072;
    const { x, w } = columns(n, 9);
    const k = Math.floor(n / Math.min(32768, Math.max(2048, Math.floor(8 * Math.sqrt(n)))));
    for (let i = 0; i < n; i += k) x[i] = 1e6 + i;
    expectSortedDigits(x, w, 'misleading sample');
  });

  it('gives the sorted path\'s digits on random inputs (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 65_536, max: 90_000 }), fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(100, 1, 0.01), (n, seed, round) => {
        const { x, w } = columns(n, seed, round);
        expectSortedDigits(x, w, `n = ${n}, seed ${seed}`);
      }),
      { numRuns: 12, seed: 20261205 },
    );
  });

  it('leaves the columns untouched and caches nothing, so a later sorting measure builds its own', () => {
    const { x, w } = columns(100_000, 10);
    const x0 = x.slice();
    const w0 = w.slice();
    const a = arpr(x, { weights: w });
    expect(Array.from(x)).toEqual(Array.from(x0));
    expect(Array.from(w)).toEqual(Array.from(w0));
    const g = gini(x, { weights: w });
    // after gini sorted and cached the columns, arpr answers from that Distribution, with the same digits
    expect(arpr(x, { weights: w })).toBe(a);
    const sorted = distribution(Array.from(x), { weights: Array.from(w) });
    expect(g).toBe(gini(sorted));
    expect(a).toBe(arpr(sorted));
    // a changed column after that is never served from the cache
    x[5] = x[5]! * 10 + 1;
    expect(arpr(x, { weights: w })).toBe(arpr(distribution(Array.from(x), { weights: Array.from(w) })));
    // the same without weights
    const y = columns(100_000, 11).x;
    const y0 = y.slice();
    const b = arpr(y);
    expect(Array.from(y)).toEqual(Array.from(y0));
    gini(y);
    expect(arpr(y)).toBe(b);
    expect(b).toBe(arpr(distribution(Array.from(y))));
  });
});
