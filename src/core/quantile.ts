import { PovineqError } from '../data/index.js';
import type { Distribution } from './distribution.js';
import type { Kept } from './scan.js';
import { extremePositive, nextPositiveAbove, selectInside, selectWeighted } from './select.js';

/**
 * The rule that turns a weighted sample into a quantile.
 *
 * - `'eurostat'`: the EU-SILC rule. With cumulative weight share Cᵢ/W, take the first unit with
 *   Cᵢ/W ≥ p; if Cᵢ/W equals p exactly (within 1e-12 relative), average it with the next unit.
 * - `'laeken'`: R laeken 0.5's `weightedQuantile`: the first unit whose cumulative share strictly
 *   exceeds p. It differs from `'eurostat'` only where a cumulative share equals p exactly.
 * - `7`: R's default type 7 (linear interpolation between order statistics), generalised to
 *   weights read as frequencies: position h = (W − 1)p in the expanded sample. With unit weights
 *   it is exactly R's `quantile(x, p, type = 7)`; integer weights give the same as duplicating rows.
 */
export type QuantileType = 'eurostat' | 'laeken' | 7;

const TIE_TOLERANCE = 1e-12;

/**
 * Weighted quantile of a Distribution at probability p ∈ [0, 1]. On a Distribution not yet sorted
 * it selects instead of sorting (O(n), see select.ts), with the same value as the sorted path.
 */
export function quantileOf(d: Distribution, p: number, type: QuantileType = 'eurostat'): number {
  checkProbability(p, 'p');
  if (!d.isSorted) {
    if (d.n === 0) throw new PovineqError('EMPTY', `no units to take a quantile of in column "${d.column}"`);
    const { values, weights } = d.units;
    return selectQuantile(values, weights, d.totalWeight, p, type, p === 0.5 ? d.kept : undefined);
  }
  return quantileRange(d, p, type, 0, d.n);
}

/**
 * Quantile of the units in sorted positions [start, end) — used for the median of the poor
 * (rmpg) without copying.
 */
export function quantileRange(d: Distribution, p: number, type: QuantileType, start: number, end: number): number {
  const x = d.values;
  const n = end - start;
  if (n <= 0) throw new PovineqError('EMPTY', `no units to take a quantile of in column "${d.column}"`);
  checkType(type);
  const w = d.weights;
  // p = 0 and p = 1 are the smallest and largest units that carry weight (a resample can give
  // units weight zero: they are not in it)
  if (p === 0 && type !== 7) {
    let i = start;
    while (i < end - 1 && !(w[i]! > 0)) i++;
    return x[i]!;
  }
  if (p === 1 && type !== 7) {
    let i = end - 1;
    while (i > start && !(w[i]! > 0)) i--;
    return x[i]!;
  }
  const cw = d.cumulativeWeights;
  const before = start === 0 ? 0 : cw[start - 1]!;
  const total = cw[end - 1]! - before;
  if (type === 'laeken') {
    // first i with (C_i - before) / total > p, computed as laeken does (share, then compare)
    let lo = start;
    let hi = end - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cw[mid]! - before) / total > p) hi = mid;
      else lo = mid + 1;
    }
    return x[lo]!;
  }
  if (type === 'eurostat') {
    const target = p * total;
    let lo = start;
    let hi = end - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cw[mid]! - before >= target - TIE_TOLERANCE * total) hi = mid;
      else lo = mid + 1;
    }
    if (Math.abs(cw[lo]! - before - target) <= TIE_TOLERANCE * total) {
      // average with the next unit that carries weight (units of weight zero are not in the sample)
      let next = lo + 1;
      while (next < end && !(w[next]! > 0)) next++;
      if (next < end) return (x[lo]! + x[next]!) / 2;
    }
    return x[lo]!;
  }
  const h = Math.max(0, (total - 1) * p);
  const k = Math.floor(h);
  const a = valueAtRank(d, k, start, end, before);
  const b = h > k ? valueAtRank(d, k + 1, start, end, before) : a;
  return a + (h - k) * (b - a);
}

/**
 * The same quantile rules on units in any order, by weighted selection: for each rule, the
 * smallest value whose cumulative weight passes the rule's threshold (see select.ts for why this
 * is the sorted path's unit). `weights` undefined means all 1; `total` is Σ wᵢ.
 */
export function selectQuantile(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  total: number,
  p: number,
  type: QuantileType,
  kept?: Kept,
): number {
  checkType(type);
  // the units the pass over the columns kept around the median (scan.ts), if the answer is among them
  const select = (accept: (c: number) => boolean) =>
    (kept && selectInside(kept.values, kept.weights, accept, kept.below)) ||
    selectWeighted(values, weights, accept, total);
  if (values.length === 0) throw new PovineqError('EMPTY', 'no units to take a quantile of');
  const zero = (v: number) => (v === 0 ? 0 : v); // -0 is read as 0, as the sort does
  if (p === 0 && type !== 7) return zero(extremePositive(values, weights, 'min'));
  if (p === 1 && type !== 7) return zero(extremePositive(values, weights, 'max'));
  if (type === 'laeken') return zero(select((c) => c / total > p).value);
  if (type === 'eurostat') {
    const target = p * total;
    const tolerance = TIE_TOLERANCE * total;
    const s = select((c) => c >= target - tolerance);
    if (Math.abs(s.atOrBelow - target) <= tolerance) {
      const next = nextPositiveAbove(values, weights, s.value);
      if (next === next) return zero((s.value + next) / 2);
    }
    return zero(s.value);
  }
  const h = Math.max(0, (total - 1) * p);
  const k = Math.floor(h);
  const a = selectWeighted(values, weights, (c) => c > k, total).value;
  const b = h > k ? selectWeighted(values, weights, (c) => c > k + 1, total).value : a;
  return zero(a + (h - k) * (b - a));
}

function checkType(type: QuantileType): void {
  if (type !== 'eurostat' && type !== 'laeken' && type !== 7) {
    throw new PovineqError('INVALID_OPTION', `quantile type must be 'eurostat', 'laeken' or 7, got ${JSON.stringify(type)}`, { option: 'type' });
  }
}

/** Value at 0-based rank k of the sample expanded by frequency weights: first unit with Cᵢ > k. */
function valueAtRank(d: Distribution, k: number, start: number, end: number, before: number): number {
  const cw = d.cumulativeWeights;
  let lo = start;
  let hi = end - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cw[mid]! - before > k) hi = mid;
    else lo = mid + 1;
  }
  return d.values[lo]!;
}

/**
 * The Lorenz curve at population share p: the share of total income held by the poorest p of
 * the weighted population. A unit straddling p is split: L(p) = (T_{i−1} + (pW − C_{i−1}) xᵢ) / T.
 * Computed from order-independent sums (see Distribution.totalWeight), so it has the same digits on
 * a sorted and an unsorted Distribution (where it selects instead of sorting).
 */
export function lorenzAt(d: Distribution, p: number): number {
  checkProbability(p, 'p');
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const target = p * d.totalWeight;
  let v: number;
  if (d.isSorted) {
    v = d.values[firstReaching(d.cumulativeWeights, target)]!;
  } else {
    const { values, weights } = d.units;
    v = selectWeighted(values, weights, (c) => c >= target).value;
  }
  if (v === 0) v = 0;
  // below v, then the units of value v in input order (the sorted order of a tie) up to the one
  // that straddles pW
  let c = d.weightBelow(v);
  let t = d.totalBelow(v);
  const { values, weights } = d.units;
  const from = d.isSorted ? d.countBelow(v) : 0;
  for (let i = from; i < values.length; i++) {
    if (values[i] !== v) {
      if (d.isSorted) break;
      continue;
    }
    const w = weights ? weights[i]! : 1;
    if (c + w >= target) break;
    c += w;
    t += w * v;
  }
  return (t + (target - c) * v) / d.total;
}

/** Σ wx of the poorest share p of the population, splitting the unit that straddles p (sorts). */
export function cumulativeIncomeAt(d: Distribution, p: number): number {
  if (p <= 0) return 0;
  const cw = d.cumulativeWeights;
  const ct = d.cumulativeTotals;
  const W = d.totalWeight;
  if (p >= 1) return d.total;
  const target = p * W;
  const lo = firstReaching(cw, target);
  const cPrev = lo === 0 ? 0 : cw[lo - 1]!;
  const tPrev = lo === 0 ? 0 : ct[lo - 1]!;
  return tPrev + (target - cPrev) * d.values[lo]!;
}

/**
 * The first index i with cumulative[i] ≥ target in a non-decreasing array of cumulative weights
 * (the last index when none reaches it): the unit that straddles a share of the population.
 */
export function firstReaching(cumulative: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function checkProbability(p: number, option: string, open = false): void {
  if (typeof p !== 'number' || !(open ? p > 0 && p < 1 : p >= 0 && p <= 1)) {
    throw new PovineqError(
      'INVALID_OPTION',
      `option ${option} must be a number in ${open ? '(0, 1)' : '[0, 1]'} (a fraction, not a percent), got ${JSON.stringify(p)}`,
      { option },
    );
  }
}
