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
export const hoover = defineMeasure<{}>({ name: 'hoover', compute: (d) => hooverOf(d) });

/** The Hoover index under its other common name; the same function as {@link hoover}. */
export const robinHood = hoover;
