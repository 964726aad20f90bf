import { defineMeasure } from '../../core/index.js';
import { embedInfluence } from '../../core/index.js';
import { entropyDomain, generalizedEntropyInfluence, generalizedEntropyOf } from './generalized-entropy.js';

/**
 * Mean log deviation MLD = GE(0) = Σ wᵢ ln(μ/xᵢ) / Σ wᵢ (Theil's second measure, "Theil L").
 *
 * Needs positive incomes: zero or negative values raise an error naming the column unless
 * `nonPositive: 'drop'`. Its between/within decomposition uses population weights only.
 * Reference: Theil (1967); Cowell (2011), ch. 3.
 *
 * @example
 * mld([1, 2, 3, 4]) // 0.1218…
 */
export const mld = defineMeasure<{}>({
  name: 'mld',
  compute: (d, o) => generalizedEntropyOf(entropyDomain(d, 0, 'mld', o.nonPositive), 0),
  /** GE(0) influence: uᵢ = [(xᵢ − μ)/μ − ln xᵢ + l̄] / W (see generalizedEntropyInfluence). */
  influence: (d, o) => {
    const sub = entropyDomain(d, 0, 'mld', o.nonPositive);
    return embedInfluence(d, sub, generalizedEntropyInfluence(sub, 0));
  },
});

/** The mean log deviation under its full name; the same function as {@link mld}. */
export const meanLogDeviation = mld;
