import type { Distribution } from './distribution.js';

/**
 * An influence function computed on a sub-Distribution (e.g. the positive tail a measure keeps
 * with `nonPositive: 'drop'`), placed back on the full Distribution's sorted order with zeros for
 * the units the measure left out. `sub` must be a slice at the end of `full` (as
 * {@link Distribution.positive} returns) or `full` itself.
 */
export function embedInfluence(full: Distribution, sub: Distribution, u: Float64Array): Float64Array {
  if (sub === full || sub.n === full.n) return u;
  const out = new Float64Array(full.n);
  out.set(u, full.n - sub.n);
  return out;
}

/**
 * Influence function of the partial total T(q_p) = Σ wᵢxᵢ·1(xᵢ ≤ q_p), the income of the poorest
 * share p, where q_p is the p-quantile: Iᵢ = (xᵢ − q_p)·1(xᵢ ≤ q_p) + p·q_p. The density terms
 * cancel, so no kernel estimate is needed. Reference: Osier (2009), Survey Research Methods 3(3),
 * eq. for the income share; Langel & Tillé (2011).
 */
export function partialTotalInfluence(d: Distribution, p: number, q: number): Float64Array {
  const x = d.values;
  const u = new Float64Array(d.n);
  const pq = p * q;
  for (let i = 0; i < x.length; i++) u[i] = (x[i]! <= q ? x[i]! - q : 0) + pq;
  return u;
}
