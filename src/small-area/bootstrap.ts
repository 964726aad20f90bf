import { PovineqError } from '../data/index.js';
import { type Random, random } from '../core/index.js';
import { type FayHerriotFit, fitFayHerriot } from './fit.js';
import { type Predictions, predict } from './mse.js';

/** Options of a parametric bootstrap MSE. */
export interface BootstrapOptions {
  /** Bootstrap replicates (default 200). */
  replicates?: number;
  /** Seed of the generator (default 1): the same seed gives the same MSEs. */
  seed?: number;
}

/**
 * Parametric bootstrap MSE of an area-level model on the scale of `back` (González-Manteiga et al.
 * 2008, as emdi's fh): for each replicate, draw uᵢ* ~ N(0, Â) and eᵢ* ~ N(0, Dᵢ), set θᵢ* = xᵢᵀβ̂ + uᵢ*
 * (every area) and yᵢ* = θᵢ* + eᵢ* (sampled areas), refit with the same method, and average
 * (back(θ̂ᵢ*) − truth(θᵢ*))² over the replicates. `back` maps the refitted predictions to the
 * estimates of each area (e.g. a back-transformation); `truth` maps θᵢ* to the true value.
 */
export function bootstrapMse(
  fit: FayHerriotFit,
  x: Float64Array,
  rows: readonly number[],
  d: Float64Array,
  back: (prediction: Predictions) => Float64Array,
  truth: (theta: number) => number,
  options: BootstrapOptions = {},
): Float64Array {
  const replicates = options.replicates ?? 200;
  if (!Number.isInteger(replicates) || replicates < 1) {
    throw new PovineqError('INVALID_OPTION', `bootstrap replicates must be a whole number ≥ 1, got ${JSON.stringify(replicates)}`, {
      option: 'replicates',
    });
  }
  const rng: Random = random(options.seed ?? 1);
  const { p, beta, variance: a, method } = fit;
  const n = d.length;
  const m = rows.length;
  const xs = new Float64Array(m * p);
  rows.forEach((r, i) => xs.set(x.subarray(r * p, r * p + p), i * p));
  const ds = Float64Array.from(rows, (r) => d[r]!);
  const mean = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[i] += x[i * p + j]! * beta[j]!;
  const sum = new Float64Array(n);
  const theta = new Float64Array(n);
  const direct = new Float64Array(n).fill(NaN);
  const ys = new Float64Array(m);
  const sdU = Math.sqrt(a);
  for (let b = 0; b < replicates; b++) {
    for (let i = 0; i < n; i++) theta[i] = mean[i]! + sdU * rng.normal();
    rows.forEach((r, i) => {
      ys[i] = theta[r]! + Math.sqrt(d[r]!) * rng.normal();
      direct[r] = ys[i]!;
    });
    const refit = fitFayHerriot(ys, ds, xs, p, method);
    const estimates = back(predict(refit, x, rows, direct, d));
    for (let i = 0; i < n; i++) sum[i] += (estimates[i]! - truth(theta[i]!)) ** 2;
  }
  return sum.map((s) => s / replicates);
}
