import { defineMeasure, positiveMean, requireNumber } from '../../core/index.js';
import { checkProbability, lorenzAt } from '../../core/index.js';
import { lorenzInfluence } from './lorenz-influence.js';

/** Options of {@link topShare} and {@link bottomShare}. */
export interface ShareOptions {
  /** Population share in (0, 1), e.g. 0.1 for the top (or bottom) 10%. */
  p: number;
}

/**
 * Income share of the richest p of the population: 1 − L(1 − p), with the Lorenz curve
 * interpolated (a unit straddling the cut-off is split). Returns a fraction.
 *
 * L(q) = (T_{i−1} + (qW − C_{i−1}) xᵢ) / T where unit i straddles q, so shares of groups that
 * partition the population add to 1 whatever the ties or weights (topShare(d, {p: 0.1}) is the
 * numerator of {@link palma}). The mean must be positive.
 * Reference: Atkinson, Piketty & Saez (2011), J. Econ. Lit. 49(1) (top income shares).
 *
 * @example
 * topShare([1, 2, 3, 4], { p: 0.25 }) // 0.4
 */
export const topShare = defineMeasure<ShareOptions>({
  name: 'topShare',
  params: ['p'],
  compute: (d, o) => {
    const p = requireNumber(o?.p, 'p', 'topShare');
    checkProbability(p, 'p', true);
    positiveMean(d, 'topShare');
    return 1 - lorenzAt(d, 1 - p);
  },
  /** uᵢ = −u_L(1−p),ᵢ (see lorenzInfluence). */
  influence: (d, o) => lorenzInfluence(d, 1 - o.p).map((v) => -v),
});

/**
 * Income share of the poorest p of the population: L(p), the weighted Lorenz curve interpolated
 * so a unit straddling the cut-off is split. Returns a fraction.
 *
 * L(p) = (T_{i−1} + (pW − C_{i−1}) xᵢ) / T, with Cᵢ, Tᵢ the cumulative weights and weighted
 * incomes in ascending order. bottomShare(d, {p: 0.4}) is the denominator of {@link palma}.
 * Reference: Lorenz (1905); Cowell (2011) Measuring Inequality, ch. 2.
 *
 * @example
 * bottomShare([1, 2, 3, 4], { p: 0.5 }) // 0.3
 */
export const bottomShare = defineMeasure<ShareOptions>({
  name: 'bottomShare',
  params: ['p'],
  compute: (d, o) => {
    const p = requireNumber(o?.p, 'p', 'bottomShare');
    checkProbability(p, 'p', true);
    positiveMean(d, 'bottomShare');
    return lorenzAt(d, p);
  },
  /** uᵢ = u_L(p),ᵢ (see lorenzInfluence). */
  influence: (d, o) => lorenzInfluence(d, o.p),
});
