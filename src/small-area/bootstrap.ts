import { type OptionSpec, PovineqError, checkOptions } from '../data/index.js';
import { type Random, random } from '../core/index.js';
import { resolveThreads, sharedCopy, splitAcrossThreads } from '../core/index.js';
import type { BackTransform } from './back-transform.js';
import { type BootstrapTask, bootstrapErrors } from './bootstrap-job.js';
import type { FayHerriotFit } from './fit.js';

/** Options of a parametric bootstrap MSE. */
export interface BootstrapOptions {
  /** Bootstrap replicates (default 200). */
  replicates?: number;
  /** Seed of the generator (default 1): the same seed gives the same MSEs. */
  seed?: number;
  /**
   * Threads the refits are split across (a whole number ≥ 1, default every core). The MSEs are
   * the same, to the last digit, for any number of threads.
   */
  threads?: number;
}

/** The options of a bootstrap, checked (an unknown name is told the nearest one). */
const BOOTSTRAP_OPTIONS: OptionSpec = {
  replicates: { kind: 'any' },
  seed: { kind: 'number' },
  threads: { kind: 'number', min: 1, integer: true, means: 'worker threads (default: all cores)' },
};

/**
 * Below this many area-replicates (areas × replicates) the refits run in the calling thread: a
 * refit of a few dozen areas takes microseconds, less than handing a range to a worker
 * (measured in bench/small-area-threads.mjs).
 */
const MIN_WORK = 50_000;

/**
 * Parametric bootstrap MSE of an area-level model on the scale of `back` (González-Manteiga et al.
 * 2008, as emdi's fh): for each replicate, draw uᵢ* ~ N(0, Â) and eᵢ* ~ N(0, Dᵢ), set θᵢ* = xᵢᵀβ̂ + uᵢ*
 * (every area) and yᵢ* = θᵢ* + eᵢ* (sampled areas), refit with the same method, and average
 * (back(θ̂ᵢ*) − sin²(θᵢ*))² over the replicates, `back` mapping the refitted arcsine-scale
 * predictions to proportions.
 *
 * Every replicate's draws are taken first, in the calling thread, in the order of one replicate
 * after another (the generator's stream is that of a plain loop); the refits, the expensive part,
 * are then split across threads, each returning its replicates' squared errors, which are summed
 * in replicate order. So the MSEs have the same digits for any number of threads.
 */
export function bootstrapMse(
  fit: FayHerriotFit,
  x: Float64Array,
  rows: readonly number[],
  d: Float64Array,
  back: BackTransform,
  options: BootstrapOptions = {},
): Float64Array {
  options = checkOptions(options, BOOTSTRAP_OPTIONS, 'bootstrap');
  const replicates = options.replicates ?? 200;
  if (!Number.isInteger(replicates) || replicates < 1) {
    throw new PovineqError('INVALID_OPTION', `bootstrap replicates must be a whole number ≥ 1, got ${JSON.stringify(replicates)}`, {
      option: 'replicates',
    });
  }
  const threads = resolveThreads(options.threads);
  const rng: Random = random(options.seed ?? 1);
  const { p, beta, variance: a } = fit;
  const n = d.length;
  const m = rows.length;
  const mean = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[i] += x[i * p + j]! * beta[j]!;
  // θ* of every area and y* of every sampled area, replicate after replicate
  const parallel = threads > 1 && replicates > 1 && n * replicates >= MIN_WORK;
  const make = (length: number) => (parallel ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length));
  const theta = make(replicates * n);
  const ys = make(replicates * m);
  const sdU = Math.sqrt(a);
  for (let b = 0; b < replicates; b++) {
    for (let i = 0; i < n; i++) theta[b * n + i] = mean[i]! + sdU * rng.normal();
    rows.forEach((r, i) => {
      ys[b * m + i] = theta[b * n + r]! + Math.sqrt(d[r]!) * rng.normal();
    });
  }
  const task: BootstrapTask = {
    fit: { ...fit },
    x: parallel ? sharedCopy(x) : x,
    rows: Int32Array.from(rows),
    d: parallel ? sharedCopy(d) : d,
    back,
    theta,
    ys,
    from: 0,
    to: replicates,
  };
  const parts = parallel
    ? splitAcrossThreads('small-area-bootstrap', replicates, threads, (from, to) => ({ ...task, from, to }), (from, to) => bootstrapErrors({ ...task, from, to }))
    : [bootstrapErrors(task)];
  // sum in replicate order, as one loop over the replicates would
  const sum = new Float64Array(n);
  for (const errors of parts) {
    for (let at = 0; at < errors.length; at += n) for (let i = 0; i < n; i++) sum[i] += errors[at + i]!;
  }
  return sum.map((s) => s / replicates);
}
