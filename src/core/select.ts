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

/** Ranges at or below this size are finished by sorting. */
const SMALL = 32;

/**
 * The smallest value v (over units of any weight) whose cumulative weight W(≤ v) passes `accept`,
 * which must be monotone (once true, true for every larger cumulative weight). When no value
 * passes, the largest value is returned. `values` and `weights` are read, never written.
 *
 * @param weights unit weights when omitted.
 */
export function selectWeighted(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  accept: (cumulative: number) => boolean,
): Selected {
  const n = values.length;
  const x = Float64Array.from(values);
  const w = weights ? Float64Array.from(weights) : new Float64Array(n).fill(1);
  let lo = 0;
  let hi = n;
  let acc = 0;
  // introselect: allow about 2·log2(n) partitions before sorting what is left
  let budget = 2 * Math.ceil(Math.log2(n + 1)) + 4;
  while (hi - lo > SMALL && budget-- > 0) {
    const pv = pivot(x, lo, hi);
    // Dijkstra's three-way partition: [lo, lt) < pv, [lt, i) = pv, (gt, hi) > pv
    let lt = lo;
    let i = lo;
    let gt = hi - 1;
    let below = 0;
    let equal = 0;
    while (i <= gt) {
      const v = x[i]!;
      if (v < pv) {
        const wv = w[i]!;
        below += wv;
        x[i] = x[lt]!;
        w[i] = w[lt]!;
        x[lt] = v;
        w[lt] = wv;
        lt++;
        i++;
      } else if (v > pv) {
        const wv = w[i]!;
        x[i] = x[gt]!;
        w[i] = w[gt]!;
        x[gt] = v;
        w[gt] = wv;
        gt--;
      } else {
        equal += w[i]!;
        i++;
      }
    }
    if (accept(acc + below)) {
      hi = lt;
    } else if (accept(acc + below + equal)) {
      return { value: pv, below: acc + below, atOrBelow: acc + below + equal };
    } else {
      acc += below + equal;
      lo = gt + 1;
    }
  }
  return finish(x, w, lo, hi, acc, accept);
}

/** Sorts the range and walks it by runs of equal values. */
function finish(x: Float64Array, w: Float64Array, lo: number, hi: number, acc: number, accept: (c: number) => boolean): Selected {
  const xr = x.subarray(lo, hi);
  const order = argsort(xr);
  let last = { value: NaN, below: acc, atOrBelow: acc };
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
  // nothing passed: the largest value (the sorted path's last unit)
  if (m === 0) return maxSelected(x, w, hi);
  return last;
}

/** When the whole range was discarded upwards without an answer: the largest value overall. */
function maxSelected(x: Float64Array, w: Float64Array, n: number): Selected {
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (x[i]! > max) max = x[i]!;
  let total = 0;
  let at = 0;
  for (let i = 0; i < n; i++) {
    total += w[i]!;
    if (x[i] === max) at += w[i]!;
  }
  return { value: max, below: total - at, atOrBelow: total };
}

/** Median of three. */
function median3(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

/** Tukey's ninther over nine evenly spaced elements of [lo, hi): deterministic and robust. */
function pivot(x: Float64Array, lo: number, hi: number): number {
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
