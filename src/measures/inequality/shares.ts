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
 * Income share of the poorest p of the population: L(p), interpolated. Returns a fraction.
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
