import { PovineqError } from '../data/index.js';
import { normalQuantile } from './normal.js';
import { quantileSorted } from './quantile-sorted.js';

/** Checks a confidence level: a fraction strictly between 0 and 1 (0.95, not 95). */
export function checkLevel(level: unknown): number {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new PovineqError('INVALID_OPTION', `level must be a fraction strictly between 0 and 1 (0.95 for 95%), got ${JSON.stringify(level)}`, {
      option: 'level',
    });
  }
  return level;
}

/** Normal interval θ ± z_{1−(1−level)/2}·se. */
export function normalInterval(estimate: number, se: number, level: number): [number, number] {
  const z = normalQuantile(1 - (1 - level) / 2);
  return [estimate - z * se, estimate + z * se];
}

/**
 * Percentile interval of replicate or simulated values: their (1 − level)/2 and 1 − (1 − level)/2
 * quantiles (R's quantile type 7, {@link quantileSorted}). The values are copied, not sorted in
 * place. Reference: Efron & Tibshirani (1993), §13.3.
 */
export function percentileInterval(values: ArrayLike<number>, level: number): [number, number] {
  const sorted = Float64Array.from(values).sort();
  const a = (1 - level) / 2;
  return [quantileSorted(sorted, a), quantileSorted(sorted, 1 - a)];
}
