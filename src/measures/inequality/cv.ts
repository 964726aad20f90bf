import type { Distribution } from '../../core/index.js';
import { defineMeasure, positiveMean, weightedVariance } from '../../core/index.js';

/** Weighted coefficient of variation on a Distribution (population standard deviation / mean). */
export function cvOf(d: Distribution): number {
  const mu = positiveMean(d, 'cv');
  return Math.sqrt(weightedVariance(d, mu)) / mu;
}

/**
 * Coefficient of variation: standard deviation over the mean, CV = √(Σ wᵢ(xᵢ − μ)² / W) / μ.
 *
 * Uses the population (divide-by-W) variance, so that GE(2) = CV²/2 holds exactly, as R
 * ineq::var.coeff does (unweighted); R's `sd(x)/mean(x)` divides by n − 1 instead. Zero and negative incomes are
 * accepted; the mean must be positive.
 * Reference: Cowell (2011) Measuring Inequality, ch. 2.
 *
 * @example
 * cv([1, 2, 3, 4]) // 0.4472…
 */
export const cv = defineMeasure<{}>({ name: 'cv', compute: (d) => cvOf(d), influence: (d) => cvInfluence(d) });

/**
 * Influence function of CV = σ/μ: uᵢ = [((xᵢ − μ)² − σ²)/(2σμ) − CV·(xᵢ − μ)/μ] / W.
 * Derived from those of the variance and the mean (delta method).
 */
export function cvInfluence(d: Distribution): Float64Array {
  const c = cvOf(d);
  const mu = d.mean;
  const sigma = c * mu;
  const W = d.totalWeight;
  return d.values.map((x) => (((x - mu) ** 2 - sigma * sigma) / (2 * sigma * mu) - (c * (x - mu)) / mu) / W);
}
