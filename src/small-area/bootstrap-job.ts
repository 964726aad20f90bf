/**
 * The refits of the parametric bootstrap MSE (bootstrap.ts) for a range of replicates, in the
 * calling thread or a worker (job 'small-area-bootstrap', src/worker.ts): the same code either
 * way, from draws taken beforehand.
 */
import { type BackTransform, backTransform, naiveBack } from './back-transform.js';
import { type FayHerriotFit, fitFayHerriot } from './fit.js';
import { predict } from './mse.js';

/** Replicates [from, to) of a bootstrap: the fit, the areas and the draws of every replicate. */
export interface BootstrapTask {
  fit: FayHerriotFit;
  /** Covariates of every area, n × p row-major. */
  x: Float64Array;
  /** The sampled areas, in fit order. */
  rows: Int32Array;
  /** Sampling variances of every area. */
  d: Float64Array;
  back: BackTransform;
  /** θ* of replicate b, area i at b·n + i. */
  theta: Float64Array;
  /** y* of replicate b, sampled area i at b·m + i. */
  ys: Float64Array;
  from: number;
  to: number;
}

/** (back(θ̂ᵢ*) − sin²(θᵢ*))² of every area for replicates [from, to), replicate after replicate. */
export function bootstrapErrors(task: BootstrapTask): Float64Array {
  const { fit, x, d, theta, ys, from, to } = task;
  const { p, method } = fit;
  const rows = Array.from(task.rows);
  const n = d.length;
  const m = rows.length;
  const xs = new Float64Array(m * p);
  rows.forEach((r, i) => xs.set(x.subarray(r * p, r * p + p), i * p));
  const ds = Float64Array.from(rows, (r) => d[r]!);
  const direct = new Float64Array(n).fill(NaN);
  const out = new Float64Array((to - from) * n);
  const back = backTransform[task.back];
  for (let b = from; b < to; b++) {
    const y = ys.slice(b * m, b * m + m);
    rows.forEach((r, i) => (direct[r] = y[i]!));
    const refit = fitFayHerriot(y, ds, xs, p, method);
    const estimates = back(predict(refit, x, rows, direct, d));
    const at = (b - from) * n;
    for (let i = 0; i < n; i++) out[at + i] = (estimates[i]! - naiveBack(theta[b * n + i]!)) ** 2;
  }
  return out;
}

/** The worker's side: the same squared errors for its range. */
export function smallAreaBootstrapJob(task: BootstrapTask): Float64Array {
  return bootstrapErrors(task);
}
