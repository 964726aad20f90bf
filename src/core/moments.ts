import type { Distribution } from './distribution.js';

/**
 * Weighted population variance of a Distribution about `mean` (default its weighted mean):
 * σ̂² = Σ wᵢ (xᵢ − μ)² / W, dividing by the total weight W (not W − 1).
 */
export function weightedVariance(d: Distribution, mean: number = d.mean): number {
  const x = d.values;
  const w = d.weights;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const e = x[i]! - mean;
    s += w[i]! * e * e;
  }
  return s / d.totalWeight;
}
