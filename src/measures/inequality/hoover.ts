import type { Distribution } from '../../core/index.js';
import { defineMeasure, positiveMean } from '../../core/index.js';

/** Hoover index on a Distribution: Σ wᵢ |xᵢ − μ| / (2 W μ). */
export function hooverOf(d: Distribution): number {
  const mu = positiveMean(d, 'hoover');
  const x = d.values;
  const w = d.weights;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += w[i]! * Math.abs(x[i]! - mu);
  return s / (2 * d.totalWeight * mu);
}

/**
 * Hoover index (Robin Hood index, Schutz coefficient): the share of total income that would have to
 * move from those above the mean to those below it for equality. H = Σ wᵢ |xᵢ − μ| / (2 W μ),
 * which equals the largest vertical gap between the Lorenz curve and the line of equality.
 * Zero and negative incomes are accepted; the mean must be positive.
 * Reference: Hoover (1936), Rev. Econ. Stat. 18(4); Cowell (2011), ch. 2.
 *
 * @example
 * hoover([1, 2, 3, 4]) // 0.2
 */
export const hoover = defineMeasure<{}>({ name: 'hoover', compute: (d) => hooverOf(d), influence: (d) => hooverInfluence(d) });

/**
 * Influence function of the Hoover index H = D/(2μ), D = Σ wᵢ|xᵢ − μ|/W:
 * uᵢ = [|xᵢ − μ| − D + ((W₋ − W₊)/W)·(xᵢ − μ)] / (2μW) − H·(xᵢ − μ)/(μW), W₋ and W₊ the weight
 * below and above the mean. The derivative of H in the weights (away from units exactly at μ).
 */
export function hooverInfluence(d: Distribution): Float64Array {
  const h = hooverOf(d);
  const mu = d.mean;
  const W = d.totalWeight;
  const D = 2 * h * mu;
  const below = d.weightBelow(mu);
  const k = d.countAtOrBelow(mu);
  const above = W - (k === 0 ? 0 : d.cumulativeWeights[k - 1]!);
  const slope = (below - above) / W;
  return d.values.map((x) => (Math.abs(x - mu) - D + slope * (x - mu)) / (2 * mu * W) - (h * (x - mu)) / (mu * W));
}

/** The Hoover index under its other common name; the same function as {@link hoover}. */
export const robinHood = hoover;
