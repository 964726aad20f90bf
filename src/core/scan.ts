/**
 * One fused pass over clean Float64Array columns: everything a measure on raw columns needs before
 * it can answer, read once.
 *
 * A measure called on a value column (and a weight column) must check every row (finite values,
 * positive finite weights), guard the totals against overflow, know Σ wᵢ and Σ wᵢxᵢ, and take the
 * fingerprint that lets a later call on the same arrays reuse the work (input-cache.ts). Done
 * separately these are five or six passes and two full copies; done here they are one read of
 * the two columns, and nothing is copied: the Distribution reads the caller's arrays in place
 * (never writing them) until a measure needs the sort, which copies.
 *
 * When any row is bad (NaN, ±Infinity, or a weight that is not positive), `clean` is false and the
 * caller takes the general path, which names the rows and applies the requested drops.
 */

/** What the fused pass found. */
export interface Scan {
  /**
   * No NaN or infinite value, every weight finite and > 0, and totals that cannot overflow
   * (max |xᵢ| · Σ wᵢ well below the largest double).
   */
  clean: boolean;
  /** Σ wᵢ in double-double, rounded once (as Distribution.totalWeight; n when unweighted). */
  totalWeight: number;
  /** A 64-bit hash of both columns' bytes and lengths, as text (the cache's fingerprint). */
  fingerprint: string;
}

/**
 * Scans a value column and an optional weight column of the same length (the caller checks the
 * lengths). Reads them, never writes them. Σ wᵢxᵢ is not taken here: quantile measures do not
 * need it, and the Distribution sums it on first use.
 */
export function scanColumns(x: Float64Array, w: Float64Array | undefined): Scan {
  return w ? scanWeighted(x, w) : scanUnweighted(x);
}

/** Bound on max |xᵢ| · Σ wᵢ below which Σ wᵢ|xᵢ| and every total of the measures are finite. */
const SAFE = Number.MAX_VALUE / 8;

function scanWeighted(x: Float64Array, w: Float64Array): Scan {
  const n = x.length;
  const xw = new Int32Array(x.buffer, x.byteOffset, 2 * n);
  const ww = new Int32Array(w.buffer, w.byteOffset, 2 * n);
  // Σ wᵢ in double-double (Knuth's two-sum, as sumWhere in distribution.ts); the high part is
  // exactly the plain running sum
  let hi = 0;
  let lo = 0;
  let largest = 0;
  let smallestWeight = Infinity;
  let bad = 0;
  // two hash lanes, each taking one word of the value and one of the weight
  let h1 = 0x2545f491;
  let h2 = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    const s = hi + wi;
    const bp = s - hi;
    lo += hi - (s - bp) + (wi - bp);
    hi = s;
    const a = Math.abs(x[i]!);
    // v − v is 0 exactly for finite v; a NaN weight fails w > 0
    bad |= +(a - a !== 0) | +!(wi > 0);
    largest = a > largest ? a : largest;
    smallestWeight = wi < smallestWeight ? wi : smallestWeight;
    h1 = (Math.imul(((h1 << 13) | (h1 >>> 19)) ^ xw[2 * i]!, 0x85ebca6b) + ww[2 * i + 1]!) | 0;
    h2 = (Math.imul(((h2 << 17) | (h2 >>> 15)) ^ xw[2 * i + 1]!, 0xc2b2ae35) + ww[2 * i]!) | 0;
  }
  // an infinite weight makes Σ wᵢ infinite
  const clean = bad === 0 && hi < Infinity && largest * Math.max(hi, 1) < SAFE;
  return { clean, totalWeight: hi + lo, fingerprint: finalHash(h1, h2, n, 1) };
}

function scanUnweighted(x: Float64Array): Scan {
  const n = x.length;
  const xw = new Int32Array(x.buffer, x.byteOffset, 2 * n);
  let largest = 0;
  let bad = 0;
  let h1 = 0x2545f491;
  let h2 = 0x9e3779b9;
  let h3 = 0x27d4eb2f;
  let h4 = 0x165667b1;
  const pairs = n - (n & 1);
  for (let i = 0; i < pairs; i += 2) {
    const a = Math.abs(x[i]!);
    const b = Math.abs(x[i + 1]!);
    bad |= +(a - a !== 0) | +(b - b !== 0);
    largest = a > largest ? a : largest;
    largest = b > largest ? b : largest;
    const k = 2 * i;
    h1 = Math.imul(((h1 << 13) | (h1 >>> 19)) ^ xw[k]!, 0x85ebca6b);
    h2 = Math.imul(((h2 << 17) | (h2 >>> 15)) ^ xw[k + 1]!, 0xc2b2ae35);
    h3 = Math.imul(((h3 << 13) | (h3 >>> 19)) ^ xw[k + 2]!, 0x85ebca6b);
    h4 = Math.imul(((h4 << 17) | (h4 >>> 15)) ^ xw[k + 3]!, 0xc2b2ae35);
  }
  if (pairs < n) {
    const a = Math.abs(x[pairs]!);
    bad |= +(a - a !== 0);
    largest = a > largest ? a : largest;
    h1 = Math.imul(((h1 << 13) | (h1 >>> 19)) ^ xw[2 * pairs]!, 0x85ebca6b);
    h2 = Math.imul(((h2 << 17) | (h2 >>> 15)) ^ xw[2 * pairs + 1]!, 0xc2b2ae35);
  }
  h1 ^= (h3 << 7) | (h3 >>> 25);
  h2 ^= (h4 << 11) | (h4 >>> 21);
  return { clean: bad === 0 && largest * Math.max(n, 1) < SAFE, totalWeight: n, fingerprint: finalHash(h1, h2, n, 0) };
}

/** Final avalanche of the two lanes with the length and whether there were weights. */
function finalHash(h1: number, h2: number, n: number, weighted: number): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16) ^ n, 0x85ebca6b);
  h2 = Math.imul(h2 ^ (h2 >>> 13) ^ weighted, 0xc2b2ae35) ^ h1;
  return `f64:${n}:${h1 >>> 0}:${h2 >>> 0}`;
}

/**
 * The same checks and Σ wᵢ without the fingerprint, for a Distribution that is sorted at once and
 * not cached ({@link distribution} and the other eager builds): `clean` and `totalWeight` as in
 * {@link scanColumns}.
 */
export function checkColumns(x: Float64Array, w: Float64Array | undefined): { clean: boolean; totalWeight: number } {
  const n = x.length;
  let largest = 0;
  let bad = 0;
  if (!w) {
    for (let i = 0; i < n; i++) {
      const a = Math.abs(x[i]!);
      bad |= +(a - a !== 0);
      largest = a > largest ? a : largest;
    }
    return { clean: bad === 0 && largest * Math.max(n, 1) < SAFE, totalWeight: n };
  }
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    const s = hi + wi;
    const bp = s - hi;
    lo += hi - (s - bp) + (wi - bp);
    hi = s;
    const a = Math.abs(x[i]!);
    bad |= +(a - a !== 0) | +!(wi > 0);
    largest = a > largest ? a : largest;
  }
  return { clean: bad === 0 && hi < Infinity && largest * Math.max(hi, 1) < SAFE, totalWeight: hi + lo };
}

/**
 * What one pass over weighted columns kept of the units near the weighted median, whose bracket
 * [low, high] a sample guessed before the pass (select.ts {@link medianBracket}).
 */
export interface Kept {
  /** Values and weights of the units with low ≤ x ≤ high, in input order. */
  values: Float64Array;
  weights: Float64Array;
  /** Σ w of the units below low (a plain sum: it only decides where the median lies, as in select.ts). */
  below: number;
}

/**
 * The checks of {@link scanColumns} on weighted columns (the same `clean`, and Σ wᵢ to the same
 * digits) and the units inside the median's guessed bracket [low, high], in one pass. No
 * fingerprint: the caller does not cache what it builds. The bracket holds a few per cent of the
 * units, so the rare unit inside is copied on a branch (predicted not taken) rather than by a
 * write for every unit. `expected`: how many units the sample expects inside. Undefined when more
 * than four times as many fall inside: the guess was no help.
 *
 * The loop is what measured fastest on 10 million rows (bench/README.md): one unit an iteration
 * (a second lane of accumulators spills registers), the test x ≥ low shared by the weight below
 * the bracket and the bracket itself, and Σ |xᵢ| in place of max |xᵢ| for the finiteness and
 * overflow checks (Σ |xᵢ| is finite only if every value is, and is at least max |xᵢ|, so the
 * guard below is as safe; an input it turns away takes the general path, which gives the same
 * digits). The kept units' buffers are sized for the limit up front, so the branch holds no
 * growth; they are trimmed once after the pass. The loop runs in chunks ({@link CHUNK}).
 */
export function scanMedian(x: Float64Array, w: Float64Array, low: number, high: number, expected: number): { clean: boolean; totalWeight: number; kept: Kept } | undefined {
  const n = x.length;
  const limit = Math.min(n, 4 * expected + 64);
  const keptX = new Float64Array(limit);
  const keptW = new Float64Array(limit);
  // Σ w in double-double (Knuth's two-sum, as sumWhere in distribution.ts), Σ |x|, min w, Σ w below low
  const state = new Float64Array([0, 0, 0, Infinity, 0]);
  let count = 0;
  for (let from = 0; from < n && count >= 0; from += CHUNK) {
    count = medianChunk(x, w, from, Math.min(n, from + CHUNK), low, high, keptX, keptW, count, state);
  }
  if (count < 0) return undefined;
  const [hi, lo, absolute, smallestWeight, below] = state as unknown as [number, number, number, number, number];
  const total = hi + lo;
  // Σ|xᵢ| is NaN or infinite if any value is; a NaN weight makes Σ wᵢ NaN, an infinite one infinite
  const clean = smallestWeight > 0 && total < Infinity && absolute * Math.max(total, 1) < SAFE;
  return { clean, totalWeight: total, kept: { values: keptX.slice(0, count), weights: keptW.slice(0, count), below } };
}

/**
 * Units a pass hands to its loop at a time. The loop is a small leaf function called once per
 * chunk, with everything after it trivial: the optimiser compiles it once, from complete type
 * feedback, and keeps it across calls. One loop over all n units in the caller would run its
 * first units unoptimised at every call until on-stack replacement, and lose the optimised code
 * on the code after the loop (never run when it was compiled): tens of milliseconds a call at 10
 * million rows, in the bench.
 */
const CHUNK = 1 << 16;

/**
 * The loop of {@link scanMedian} over units [from, to): updates `state` (Σ w as hi, lo; Σ |x|;
 * min w; Σ w below low) and returns the new count of kept units, or −1 when they pass `limit`
 * (the buffers' length). The arithmetic is the single loop's, unit after unit, so the sums have
 * its digits whatever the chunk size.
 */
function medianChunk(
  x: Float64Array,
  w: Float64Array,
  from: number,
  to: number,
  low: number,
  high: number,
  keptX: Float64Array,
  keptW: Float64Array,
  count: number,
  state: Float64Array,
): number {
  const limit = keptX.length;
  let hi = state[0]!;
  let lo = state[1]!;
  let absolute = state[2]!;
  let smallestWeight = state[3]!;
  let below = state[4]!;
  for (let i = from; i < to; i++) {
    const u = x[i]!;
    const wi = w[i]!;
    const s = hi + wi;
    const bp = s - hi;
    lo += hi - (s - bp) + (wi - bp);
    hi = s;
    absolute += Math.abs(u);
    if (wi < smallestWeight) smallestWeight = wi;
    // a NaN value counts as below (it fails x ≥ low); the pass then reports the columns unclean
    const atOrAbove = +(u >= low);
    below += (1 - atOrAbove) * wi;
    if ((atOrAbove & +(u <= high)) !== 0) {
      if (count === limit) return -1;
      keptX[count] = u;
      keptW[count++] = wi;
    }
  }
  state[0] = hi;
  state[1] = lo;
  state[2] = absolute;
  state[3] = smallestWeight;
  state[4] = below;
  return count;
}

/**
 * {@link scanMedian} for a value column without weights: the checks of {@link scanColumns} (Σ |xᵢ|
 * in place of max |xᵢ|, as there) and the units inside [low, high], with the count below low.
 * The kept weights are all 1, so the median is selected among the kept units as for weighted ones
 * (sums of ones are exact integers: the same unit as the unweighted selection).
 */
export function scanMedianUnweighted(x: Float64Array, low: number, high: number, expected: number): { clean: boolean; totalWeight: number; kept: Kept } | undefined {
  const n = x.length;
  const limit = Math.min(n, 4 * expected + 64);
  const keptX = new Float64Array(limit);
  // Σ |x| and the count below low
  const state = new Float64Array(2);
  let count = 0;
  for (let from = 0; from < n && count >= 0; from += CHUNK) {
    count = medianChunkUnweighted(x, from, Math.min(n, from + CHUNK), low, high, keptX, count, state);
  }
  if (count < 0) return undefined;
  const clean = state[0]! * Math.max(n, 1) < SAFE;
  return { clean, totalWeight: n, kept: { values: keptX.slice(0, count), weights: new Float64Array(count).fill(1), below: state[1]! } };
}

/** The loop of {@link scanMedianUnweighted} over units [from, to), as {@link medianChunk}. */
function medianChunkUnweighted(x: Float64Array, from: number, to: number, low: number, high: number, keptX: Float64Array, count: number, state: Float64Array): number {
  const limit = keptX.length;
  let absolute = state[0]!;
  let below = state[1]!;
  for (let i = from; i < to; i++) {
    const u = x[i]!;
    absolute += Math.abs(u);
    const atOrAbove = +(u >= low);
    below += 1 - atOrAbove;
    if ((atOrAbove & +(u <= high)) !== 0) {
      if (count === limit) return -1;
      keptX[count++] = u;
    }
  }
  state[0] = absolute;
  state[1] = below;
  return count;
}
