import type { Distribution } from '../../core/index.js';
import { firstReaching, lorenzAt, partialTotalInfluence } from '../../core/index.js';

export { lorenzAt };

/**
 * The unit whose cumulative weight first reaches the share p: the p-quantile the interpolated
 * Lorenz curve splits at (the value of the unit straddling p).
 */
export function lorenzCut(d: Distribution, p: number): number {
  return d.values[firstReaching(d.cumulativeWeights, p * d.totalWeight)]!;
}

/**
 * Influence function of the Lorenz ordinate L(p) = T(q_p)/T, the income share of the poorest p:
 * uᵢ = [(xᵢ − q_p)·1(xᵢ ≤ q_p) + p·q_p − L(p)·xᵢ] / T.
 * Reference: Osier (2009), Survey Research Methods 3(3), income share; Langel & Tillé (2011),
 * Statistics 45(1).
 */
export function lorenzInfluence(d: Distribution, p: number): Float64Array {
  const q = lorenzCut(d, p);
  const L = lorenzAt(d, p);
  const T = d.total;
  const u = partialTotalInfluence(d, p, q);
  const x = d.values;
  for (let i = 0; i < u.length; i++) u[i] = (u[i]! - L * x[i]!) / T;
  return u;
}
