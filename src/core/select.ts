/**
 * Weighted selection: a weighted quantile of unsorted values in O(n), without sorting them.
 *
 * Every quantile rule povineq supports picks "the smallest value v whose cumulative weight
 * W(≤ v) = Σ_{xᵢ ≤ v} wᵢ passes a threshold" (strictly above p·W for laeken's rule, at or above
 * p·W for the EU-SILC rule, above a rank k for type 7). W(≤ v) only grows with v, so a weighted
 * quickselect finds that value: partition around a pivot into below / equal / above, keep the
 * weight of what is below, and continue in the one part that holds the answer. Ties collapse into
 * the "equal" part, so heavily tied data (incomes rounded to pence, unweighted ranks) shrink fast.
 *
 * The pivot is deterministic (the median of nine evenly spaced elements of the range), so the same
 * input always takes the same path; if a range fails to shrink fast enough (an adversarial order)
 * the rest is sorted (introselect), which bounds the worst case by O(n log n).
 *
 * Units of zero weight are skipped exactly as in the sorted path: they never make a cumulative
 * weight pass a threshold. The cumulative sums are added in a different order from the sorted
 * path's, so the two agree exactly whenever the sums are exact (integer or dyadic weights), and
 * otherwise can only differ when a cumulative share lies within rounding error of p.
 */
import { argsort } from './sort.js';

/** The value a selection found, with the weight strictly below it and at or below it. */
export interface Selected {
  /** The smallest value v with accept(W(≤ v)). */
  value: number;
  /** W(< v). */
  below: number;
  /** W(≤ v). */
  atOrBelow: number;
}

/** A pair of working arrays. */
interface Buffers {
  x: Float64Array;
  w: Float64Array;
}

/** Ranges at or below this size are finished by sorting. */
const SMALL = 32;

/**
 * The smallest value v (over units of any weight) whose cumulative weight W(≤ v) passes `accept`,
 * which must be monotone (once true, true for every larger cumulative weight). When no value
 * passes, the largest value is returned. `values` and `weights` are read, never written.
 *
 * @param weights unit weights when omitted.
 * @param total Σ wᵢ when the caller knows it (it only guides the bracketing sample, never the answer).
 */
export function selectWeighted(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  accept: (cumulative: number) => boolean,
  total?: number,
): Selected {
  const n = values.length;
  if (n <= SMALL) {
    const x = Float64Array.from(values);
    const w = weights ? Float64Array.from(weights) : new Float64Array(n).fill(1);
    return finish(x, w, 0, n, 0, accept) ?? maxSelected(values, weights);
  }
  // Each partition reads a range and writes it to the other buffer pair: below the pivot to the
  // front, above it to the back; units equal to the pivot only add their weight. The writes are
  // branch-free (every unit is written at both ends and the ends advance by the comparison), so
  // the unpredictable comparisons cost no mispredicted branches. The first pass reads the caller's
  // arrays, so they are copied only as far as they are partitioned.
  if (n >= BRACKET_MIN) {
    const found = bracketed(values, weights, accept, total);
    if (found) return found;
  }
  let src: { x: ArrayLike<number>; w: ArrayLike<number> | undefined } = { x: values, w: weights };
  let lo = 0;
  let hi = n;
  let acc = 0;
  const first: Buffers = { x: new Float64Array(n), w: new Float64Array(n) };
  let spare: Buffers | undefined;
  let dst: Buffers = first;
  let budget = 2 * Math.ceil(Math.log2(n + 1)) + 4;
  while (hi - lo > SMALL && budget-- > 0) {
    const pv = pivot(src.x, lo, hi);
    const sx = src.x;
    const sw = src.w;
    const dx = dst.x;
    const dw = dst.w;
    const m = hi - lo;
    let a = 0;
    let b = m - 1;
    let below = 0;
    let equal = 0;
    if (sw) {
      for (let i = lo; i < hi; i++) {
        const v = sx[i]!;
        const wv = sw[i]!;
        const lt = +(v < pv);
        const gt = +(v > pv);
        dx[a] = v;
        dw[a] = wv;
        dx[b] = v;
        dw[b] = wv;
        a += lt;
        b -= gt;
        below += lt * wv;
        equal += (1 - lt - gt) * wv;
      }
    } else {
      for (let i = lo; i < hi; i++) {
        const v = sx[i]!;
        const lt = +(v < pv);
        const gt = +(v > pv);
        dx[a] = v;
        dw[a] = 1;
        dx[b] = v;
        dw[b] = 1;
        a += lt;
        b -= gt;
        below += lt;
        equal += 1 - lt - gt;
      }
    }
    // the sums above add 0·w for units outside the part, which changes nothing (w is finite)
    if (accept(acc + below)) {
      lo = 0;
      hi = a;
    } else if (accept(acc + below + equal)) {
      return { value: pv, below: acc + below, atOrBelow: acc + below + equal };
    } else {
      acc += below + equal;
      lo = b + 1;
      hi = m;
    }
    // the next pass writes to the other buffers (the first pass's source was the caller's arrays)
    const next = src.x === values ? (spare ??= { x: new Float64Array(hi - lo), w: new Float64Array(hi - lo) }) : (src as Buffers);
    src = dst;
    dst = next.x.length >= hi - lo ? next : { x: new Float64Array(hi - lo), w: new Float64Array(hi - lo) };
  }
  if (src.x === values) {
    // never partitioned (cannot happen above SMALL, kept for safety)
    return finish(Float64Array.from(values), weights ? Float64Array.from(weights) : new Float64Array(n).fill(1), 0, n, 0, accept) ?? maxSelected(values, weights);
  }
  return finish(src.x as Float64Array, src.w as Float64Array, lo, hi, acc, accept) ?? maxSelected(values, weights);
}

/** Inputs at least this long first try a bracketing pass. */
const BRACKET_MIN = 1 << 16;
/** Bounds on the units in the bracketing sample (about 8√n between them). */
const SAMPLE_MIN = 2048;
const SAMPLE_MAX = 32768;
/** Half-width of the bracket in standard errors of the sample's cumulative share (then doubled on a miss). */
const Z = 4;

/**
 * Floyd–Rivest-style bracketing: an evenly spaced sample of the units, sorted, estimates where
 * the answer lies; two values bracketing that estimate split the units in one pass into below
 * (only their weight is summed), inside (kept) and above. The bracket is Z standard errors of the
 * sample's cumulative weight share either side of the estimate (the standard error from the
 * sample's effective size (Σw)²/Σw², so skewed weights widen it). If the answer is inside, the
 * search continues on the few kept units; if the sample misled (possible, never wrong), the pass
 * is tried once more with a bracket twice as wide, then the caller falls back to plain
 * partitioning. Undefined when the bracket missed.
 */
function bracketed(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  accept: (c: number) => boolean,
  known?: number,
): Selected | undefined {
  for (const b of sampleBrackets(values, weights, accept, known)) {
    const found = bracketPass(values, weights, accept, b.low, b.high, b.share);
    if (found) return found;
  }
  return undefined;
}

/** A bracket from the sample: the values low and high, and the expected share of units between. */
interface Bracket {
  low: number;
  high: number;
  share: number;
}

/** The brackets to try, narrow (Z standard errors) then twice as wide; none when the sample has no weight. */
function sampleBrackets(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  accept: (c: number) => boolean,
  known?: number,
): Bracket[] {
  const n = values.length;
  const size = Math.min(SAMPLE_MAX, Math.max(SAMPLE_MIN, Math.floor(8 * Math.sqrt(n))));
  const step = n / size;
  const sx = new Float64Array(size);
  const sw = new Float64Array(size);
  let sampleWeight = 0;
  let sampleSquares = 0;
  for (let k = 0; k < size; k++) {
    const i = Math.floor(k * step);
    const wv = weights ? weights[i]! : 1;
    sx[k] = values[i]!;
    sw[k] = wv;
    sampleWeight += wv;
    sampleSquares += wv * wv;
  }
  // a sample of zero weights says nothing about where the answer lies
  if (!(sampleWeight > 0)) return [];
  // scale sample cumulative weights to the whole by the sample's share of units (unbiased for an
  // evenly spaced sample; only the bracket depends on it, never the answer)
  let total = known ?? 0;
  if (known === undefined) {
    if (weights) for (let i = 0; i < n; i++) total += weights[i]!;
    else total = n;
  }
  const scale = total / sampleWeight;
  const order = argsort(sx);
  // sample cumulative weights in sorted order, and where the estimate lies
  const cum = new Float64Array(size);
  let c = 0;
  let at = -1;
  for (let k = 0; k < size; k++) {
    c += sw[order[k]!]!;
    cum[k] = c;
    if (at < 0 && accept(c * scale)) at = k;
  }
  if (at < 0) at = size - 1;
  const share = cum[at]! / sampleWeight;
  const effective = (sampleWeight * sampleWeight) / sampleSquares;
  const se = Math.sqrt(Math.max(share * (1 - share), 1 / effective) / effective);
  const out: Bracket[] = [];
  for (let z = Z; z <= 2 * Z; z *= 2) {
    const lowShare = (share - z * se) * sampleWeight;
    const highShare = (share + z * se) * sampleWeight;
    // low: the value of the last sample unit whose cumulative weight is below the low share;
    // high: the first whose cumulative weight reaches the high share
    let l = at;
    while (l >= 0 && cum[l]! > lowShare) l--;
    let h = at;
    while (h < size && cum[h]! < highShare) h++;
    out.push({ low: l < 0 ? -Infinity : sx[order[l]!]!, high: h >= size ? Infinity : sx[order[h]!]!, share: (h - l + 2) / size });
  }
  return out;
}

/**
 * One branch-free pass: keeps the units with low ≤ x ≤ high in a buffer of four times the
 * expected share (gives up when more are inside: the bracket is then no help) and sums the weight
 * below low; then selects among the kept units. Undefined when the answer is outside the bracket.
 */
function bracketPass(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  accept: (c: number) => boolean,
  low: number,
  high: number,
  share: number,
): Selected | undefined {
  const n = values.length;
  const at = new Int32Array(Math.min(n, Math.ceil(n * share * 4) + SMALL));
  const kept = weights ? keepWeighted(values, weights, low, high, at) : keepUnweighted(values, low, high, at);
  if (kept < 0) return undefined;
  const keepX = new Float64Array(kept);
  const keepW = new Float64Array(kept);
  for (let k = 0; k < kept; k++) {
    const i = at[k]!;
    keepX[k] = values[i]!;
    keepW[k] = weights ? weights[i]! : 1;
  }
  return selectInside(keepX, keepW, accept, belowScratch[0]!);
}

/**
 * The selection among the units inside a bracket (their values and weights), `below` the weight
 * of every unit under it: undefined when the answer is not inside (the cumulative weight already
 * passes below the bracket, or still fails above it).
 */
export function selectInside(values: Float64Array, weights: Float64Array, accept: (c: number) => boolean, below: number): Selected | undefined {
  let inside = 0;
  for (let k = 0; k < weights.length; k++) inside += weights[k]!;
  if (accept(below) || !accept(below + inside)) return undefined;
  // the answer is among the kept units, with `below` under all of them
  const r = selectWeighted(values, weights, (c) => accept(below + c));
  return { value: r.value, below: below + r.below, atOrBelow: below + r.atOrBelow };
}

/**
 * The weighted median's bracket for a pass over weighted columns that keeps the units inside it
 * (scan.ts {@link scanMedian}), from an evenly spaced sample as the bracketing pass here sizes it,
 * and how many units the sample expects inside. Undefined for inputs too small to gain, or a
 * sample with no weight.
 */
export function medianBracket(values: ArrayLike<number>, weights: ArrayLike<number> | undefined): { low: number; high: number; expected: number } | undefined {
  const n = values.length;
  if (n < BRACKET_MIN) return undefined;
  // with a total of 1 the sample's scaled cumulative weights are its cumulative shares, so the
  // median's bracket needs no estimate of Σ w (it only places the bracket; the answer is checked
  // with the true Σ w)
  const [b] = sampleBrackets(values, weights, (share) => share > 0.5, 1);
  if (!b) return undefined;
  return { low: b.low, high: b.high, expected: Math.ceil(n * b.share) };
}

/** Σ w below the bracket, written by the keep loops (a return slot that allocates nothing). */
const belowScratch = new Float64Array(1);

/**
 * The bracketing loop, weighted: records the positions of the units with low ≤ x ≤ high in `at`,
 * sums the weight below low into belowScratch, and returns how many it kept (−1 when `at` fills).
 * A small leaf function, so the optimiser compiles the loop once and keeps it: comparisons are
 * 0/1 integers (bitwise), the counter stays an integer, nothing branches but the capacity check,
 * and each unit costs one store (its position, overwritten unless kept).
 */
function keepWeighted(values: ArrayLike<number>, weights: ArrayLike<number>, low: number, high: number, at: Int32Array): number {
  const n = values.length;
  const cap = at.length - 2;
  let kept = 0;
  // two accumulators (even and odd units), so the additions of neighbours overlap
  let below = 0;
  let below2 = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const v = values[i]!;
    const u = values[i + 1]!;
    at[kept] = i;
    kept = (kept + (+(v >= low) & +(v <= high))) | 0;
    at[kept] = i + 1;
    kept = (kept + (+(u >= low) & +(u <= high))) | 0;
    below += (+(v < low) | 0) * weights[i]!;
    below2 += (+(u < low) | 0) * weights[i + 1]!;
    if (kept > cap) return -1;
  }
  if (i < n) {
    const v = values[i]!;
    at[kept] = i;
    kept = (kept + (+(v >= low) & +(v <= high))) | 0;
    below += (+(v < low) | 0) * weights[i]!;
  }
  belowScratch[0] = below + below2;
  return kept;
}

/** The same loop for unit weights. */
function keepUnweighted(values: ArrayLike<number>, low: number, high: number, at: Int32Array): number {
  const n = values.length;
  const cap = at.length - 1;
  let kept = 0;
  let below = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    at[kept] = i;
    kept = (kept + (+(v >= low) & +(v <= high))) | 0;
    below += +(v < low) | 0;
    if (kept > cap) return -1;
  }
  belowScratch[0] = below;
  return kept;
}

/**
 * Sorts the range and walks it by runs of equal values. Undefined when nothing passes and the
 * range is empty (every unit was discarded upwards): the answer is then the largest value.
 */
function finish(x: Float64Array, w: Float64Array, lo: number, hi: number, acc: number, accept: (c: number) => boolean): Selected | undefined {
  const xr = x.subarray(lo, hi);
  const order = argsort(xr);
  let last: Selected | undefined;
  let i = 0;
  const m = order.length;
  while (i < m) {
    const v = xr[order[i]!]!;
    let c = acc;
    while (i < m && xr[order[i]!]! === v) c += w[lo + order[i++]!]!;
    last = { value: v, below: acc, atOrBelow: c };
    if (accept(c)) return last;
    acc = c;
  }
  // nothing passed: the largest value of a non-empty range is the largest overall
  return last;
}

/** When no cumulative weight passes: the largest value overall (the sorted path's last unit). */
function maxSelected(values: ArrayLike<number>, weights: ArrayLike<number> | undefined): Selected {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  let total = 0;
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const wv = weights ? weights[i]! : 1;
    total += wv;
    if (values[i] === max) at += wv;
  }
  return { value: max, below: total - at, atOrBelow: total };
}

/** Median of three. */
function median3(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

/** Tukey's ninther over nine evenly spaced elements of [lo, hi): deterministic and robust. */
function pivot(x: ArrayLike<number>, lo: number, hi: number): number {
  const step = Math.floor((hi - lo) / 9);
  const at = (k: number) => x[lo + k * step + (step >> 1)]!;
  return median3(median3(at(0), at(1), at(2)), median3(at(3), at(4), at(5)), median3(at(6), at(7), at(8)));
}

/**
 * The smallest value above `v` among units of positive weight (NaN if there is none): the "next
 * unit" the EU-SILC rule averages with when a cumulative share equals p exactly.
 */
export function nextPositiveAbove(values: ArrayLike<number>, weights: ArrayLike<number> | undefined, v: number): number {
  let next = Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (x > v && x < next && (!weights || weights[i]! > 0)) next = x;
  }
  return next === Infinity ? NaN : next;
}

/** The smallest (`'min'`) or largest (`'max'`) value among units of positive weight. */
export function extremePositive(values: ArrayLike<number>, weights: ArrayLike<number> | undefined, which: 'min' | 'max'): number {
  let best = which === 'min' ? Infinity : -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (weights && !(weights[i]! > 0)) continue;
    const x = values[i]!;
    if (which === 'min' ? x < best : x > best) best = x;
  }
  return best;
}
