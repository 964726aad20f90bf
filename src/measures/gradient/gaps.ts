import { type ColumnSource, PovineqError, checkOptions, requireFinite } from '../../data/index.js';
import { type GradientOptions, rankGroups } from './gradient.js';

/** Options of {@link deprivationGaps}. */
export interface GapOptions extends GradientOptions {
  /** `'higherIsWorse'` (default) or `'higherIsBetter'`: which way round the gaps are taken. */
  direction?: 'higherIsWorse' | 'higherIsBetter';
}

/** Range measures between the two ends of the deprivation scale. */
export interface DeprivationGaps {
  /** Rate in the most deprived group (first in order). */
  mostDeprived: number;
  /** Rate in the least deprived group (last in order). */
  leastDeprived: number;
  /** Population-weighted mean rate of all groups. */
  mean: number;
  /** Most minus least deprived (least minus most when higher is better). */
  absoluteGap: number;
  /** Most over least deprived (least over most when higher is better). */
  relativeGap: number | null;
  /**
   * Population attributable risk: the fraction by which the overall rate would fall if every group
   * had the least deprived group's rate, PAR = (μ − r_least) / μ (a fraction; with higher is better,
   * the fraction it would rise, (r_least − μ) / μ).
   */
  attributableFraction: number | null;
  /** The same in the unit of the rate: μ − r_least (r_least − μ when higher is better). */
  attributableRate: number;
  /** Number of groups. */
  groups: number;
  /** Why a ratio is null (a rate of 0 in its denominator), else null. */
  note: string | null;
}

/**
 * Absolute and relative gaps between the most and least deprived groups, and the population
 * attributable risk.
 *
 * absolute = r₁ − r_k, relative = r₁ / r_k, PAR = Σ pᵢ (rᵢ / r_k − 1) / (1 + Σ pᵢ (rᵢ / r_k − 1))
 * = (μ − r_k) / μ, with groups ordered most deprived (1) to least deprived (k), pᵢ population
 * shares and μ = Σ pᵢ rᵢ. Fractions, not percents. With `direction: 'higherIsBetter'` the
 * differences and ratios are taken the other way round so that positive gaps mean the deprived fare
 * worse. References: ScotPHO, "Measuring health inequalities" (range and PAR); Scottish Government,
 * Long-term monitoring of health inequalities (technical annex).
 *
 * @example
 * deprivationGaps(simd(), { group: 'decile', count: 'income_count', population: 'population' })
 * // { mostDeprived: 0.33…, leastDeprived: 0.03…, absoluteGap: 0.30…, relativeGap: 11…, attributableFraction: 0.76… }
 */
export function deprivationGaps(table: ColumnSource, options: GapOptions): DeprivationGaps {
  options = checkOptions(options, {}, 'deprivationGaps', { open: true });
  const direction = options.direction ?? 'higherIsWorse';
  if (direction !== 'higherIsWorse' && direction !== 'higherIsBetter') {
    throw new PovineqError('INVALID_OPTION', `direction must be 'higherIsWorse' or 'higherIsBetter', got ${JSON.stringify(direction)}`, { option: 'direction' });
  }
  const g = rankGroups(table, options);
  const k = g.rate.length;
  const most = g.rate[0]!;
  const least = g.rate[k - 1]!;
  const better = direction === 'higherIsBetter';
  // a ratio over a rate of 0 is undefined: null, with a note saying why
  const ratio = (a: number, b: number) => (b !== 0 ? a / b : null);
  const relativeGap = better ? ratio(least, most) : ratio(most, least);
  const attributableFraction = ratio(better ? least - g.mean : g.mean - least, g.mean);
  const gaps = {
    mostDeprived: most,
    leastDeprived: least,
    mean: g.mean,
    absoluteGap: better ? least - most : most - least,
    relativeGap,
    attributableFraction,
    attributableRate: better ? least - g.mean : g.mean - least,
    groups: k,
    note: relativeGap === null || attributableFraction === null ? 'a rate of 0 leaves the relative gap or attributable fraction undefined (null)' : null,
  };
  return requireFinite(gaps, 'deprivationGaps', 'the values are too extreme (near the double-precision limits) or leave it undefined; rescale the column or check its values');
}
