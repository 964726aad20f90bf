import { defineMeasure } from '../../core/index.js';

/**
 * Weighted arithmetic mean μ = Σ wᵢxᵢ / Σ wᵢ, in income units.
 *
 * Weights are read as population counts (survey grossing-up weights), so the mean is per person
 * (or per household) of the population, not per sample row. Zero and negative values are accepted.
 * Read from the Distribution's cached totals, so it costs nothing after other measures.
 * Reference: Cowell (2011) Measuring Inequality, ch. 2; Eurostat (2004) EU-SILC mean equivalised income.
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
