import { defineMeasure } from '../../core/index.js';
import { embedInfluence } from '../../core/index.js';
import { entropyDomain, generalizedEntropyInfluence, generalizedEntropyOf } from './generalized-entropy.js';

/**
 * Theil index T = GE(1) = Σ wᵢ (xᵢ/μ) ln(xᵢ/μ) / Σ wᵢ.
 *
 * Ranges from 0 (equality) to ln(W/w_max) (one unit has everything). Needs positive incomes:
 * zero or negative values raise an error naming the column unless `nonPositive: 'drop'`.
 * Reference: Theil (1967) Economics and Information Theory; Cowell (2011), ch. 3.
 *
 * @example
 * theil([1, 2, 3, 4]) // 0.1064…
 */
export const theil = defineMeasure<{}>({
  name: 'theil',
  compute: (d, o) => generalizedEntropyOf(entropyDomain(d, 1, 'theil', o.nonPositive), 1),
  /** GE(1) influence: uᵢ = [xᵢ(ln xᵢ − L) − xᵢ + μ] / T (see generalizedEntropyInfluence). */
  influence: (d, o) => {
    const sub = entropyDomain(d, 1, 'theil', o.nonPositive);
    return embedInfluence(d, sub, generalizedEntropyInfluence(sub, 1));
  },
});
