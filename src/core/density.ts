import type { Distribution } from './distribution.js';
import { weightedVariance } from './moments.js';
import { quantileOf } from './quantile.js';

/**
 * Default kernel bandwidth for a weighted sample: Silverman's rule of thumb
 * h = 0.9 · min(σ̂, IQR/1.34) · n^(−1/5), with σ̂ and the interquartile range weighted and n the
 * number of sampled units (not the population size Σ w, which would give a bandwidth far too
 * narrow for survey data). Reference: Silverman (1986), Density Estimation, eq. (3.31).
 */
export function kernelBandwidth(d: Distribution): number {
  const sd = Math.sqrt(weightedVariance(d));
  const iqr = quantileOf(d, 0.75, 'laeken') - quantileOf(d, 0.25, 'laeken');
  const spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
  return 0.9 * spread * Math.pow(d.n, -0.2);
}

/**
 * Weighted Gaussian kernel density of a Distribution at x:
 * f̂(x) = Σ wᵢ φ((x − xᵢ)/h) / (h Σ wᵢ), with h from {@link kernelBandwidth} unless given.
 * Used by the influence functions of quantiles and of poverty rates with an estimated line
 * (Deville 1999; Osier 2009). Units farther than 8h from x are skipped (φ < 1e-14 there).
 */
export function kernelDensity(d: Distribution, x: number, bandwidth?: number): number {
  const h = bandwidth ?? kernelBandwidth(d);
  if (!(h > 0)) return 0;
  const v = d.values;
  const w = d.weights;
  const lo = d.countBelow(x - 8 * h);
  const hi = d.countAtOrBelow(x + 8 * h);
  let s = 0;
  for (let i = lo; i < hi; i++) {
    const u = (x - v[i]!) / h;
    s += w[i]! * Math.exp(-0.5 * u * u);
  }
  return s / (Math.sqrt(2 * Math.PI) * h * d.totalWeight);
}
