import { defineMeasure } from '../../core/index.js';

/**
 * Weighted arithmetic mean Σ wᵢxᵢ / Σ wᵢ.
 *
 * @example
 * mean([1, 2, 3], { weights: [1, 1, 2] }) // 2.25
 */
export const mean = defineMeasure<{}>({ name: 'mean', compute: (d) => d.mean });
