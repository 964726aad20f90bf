import { normalQuantile } from '../core/index.js';
import { PovineqError } from '../data/index.js';

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
 * Percentile bootstrap interval: the (1 − level)/2 and 1 − (1 − level)/2 quantiles of the
 * replicate estimates (R's quantile type 7). Reference: Efron & Tibshirani (1993), §13.3.
 */
export function percentileInterval(thetas: Float64Array, level: number): [number, number] {
  const sorted = Float64Array.from(thetas).sort();
  const at = (p: number) => {
    const h = (sorted.length - 1) * p;
    const k = Math.floor(h);
    const a = sorted[k]!;
    return k + 1 < sorted.length ? a + (h - k) * (sorted[k + 1]! - a) : a;
  };
  const a = (1 - level) / 2;
  return [at(a), at(1 - a)];
}
