import { defineMeasure } from '../../core/index.js';

/**
 * Weighted arithmetic mean Σ wᵢxᵢ / Σ wᵢ.
 *
 * @example
 * mean([1, 2, 3], { weights: [1, 1, 2] }) // 2.25
 */
export const mean = defineMeasure<{}>({
  name: 'mean',
  compute: (d) => d.mean,
  /** Influence of the ratio mean: uᵢ = (xᵢ − μ)/W (as R survey::svymean). */
  influence: (d) => {
    const mu = d.mean;
    const W = d.totalWeight;
    return d.values.map((x) => (x - mu) / W);
  },
});
