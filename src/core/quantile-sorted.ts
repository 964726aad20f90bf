/**
 * The p-quantile of values already sorted in ascending order, unweighted, by linear interpolation
 * between order statistics: R's quantile type 7 (Hyndman & Fan 1996), d3-array's `quantileSorted`.
 * With n values, h = (n − 1)·p and Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). The one place
 * the package takes a quantile of a sorted sample (bootstrap and Monte Carlo intervals); weighted
 * quantiles of a Distribution live in quantile.ts. Needs at least one value and p in [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  const a = sorted[k]!;
  return k + 1 < sorted.length ? a + (h - k) * (sorted[k + 1]! - a) : a;
}
