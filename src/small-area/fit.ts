import { type OptionSpec, PovineqError } from '../data/index.js';
import { cholesky, inverseFromCholesky, quadraticForm, solveInPlace } from './matrix.js';

/** How the random-effect variance A of a Fay–Herriot model is estimated. */
export type FayHerriotMethod = 'REML' | 'ML' | 'moments' | 'FH';

/** The options both Fay–Herriot models take (the method, {@link FitControl}, the level, onWarning), for checkOptions. */
export const FIT_OPTIONS: OptionSpec = {
  method: { kind: 'enum', values: ['REML', 'ML', 'moments', 'FH'] },
  tolerance: { kind: 'number', min: 0, above: true, means: 'a relative change (default 1e-12)' },
  maxIterations: { kind: 'number', min: 1, integer: true, means: 'iterations (default 1000)' },
  level: { kind: 'number', min: 0, max: 1, above: true, below: true, means: 'a confidence level (0.95 for 95%)', fallback: 0.95 },
  onWarning: { kind: 'function' },
};

/** Iteration controls of the Fisher-scoring fit. */
export interface FitControl {
  /** Stop when the relative change of A is at most this (default 1e-12; R sae stops at 1e-4). */
  tolerance?: number;
  /** Give up (NOT_CONVERGED) after this many iterations (default 1000). */
  maxIterations?: number;
}

/** A fitted Fay–Herriot model on arrays (the sampled areas only). */
export interface FayHerriotFit {
  method: FayHerriotMethod;
  /** Random-effect variance A, truncated at 0. */
  variance: number;
  /** The estimate before truncation (equal to `variance` unless it was negative). */
  untruncated: number;
  beta: Float64Array;
  /** (Xᵀ V⁻¹ X)⁻¹, row-major p × p: the covariance of β̂ given A. */
  covariance: Float64Array;
  iterations: number;
  /** Full normal log-likelihood at (β̂, Â), as R sae reports it for every method. */
  logLikelihood: number;
  m: number;
  p: number;
}

/**
 * Fits the Fay–Herriot model yᵢ = xᵢᵀβ + uᵢ + eᵢ, uᵢ ~ N(0, A), eᵢ ~ N(0, Dᵢ) with Dᵢ known.
 * REML, ML and FH (Fay–Herriot moments) by Fisher scoring from A₀ = median(D) as R sae's eblupFH,
 * run to a relative change of `tolerance`; `moments` is Prasad–Rao's closed form.
 * y: m values, d: m variances, x: m × p row-major.
 */
export function fitFayHerriot(y: Float64Array, d: Float64Array, x: Float64Array, p: number, method: FayHerriotMethod, control: FitControl = {}): FayHerriotFit {
  const m = y.length;
  const tolerance = control.tolerance ?? 1e-12;
  const maxIterations = control.maxIterations ?? 1000;
  let a: number;
  let iterations = 0;
  if (method === 'moments') a = prasadRao(y, d, x, p);
  else {
    a = median(d);
    // Fisher scoring as sae's eblupFH, safeguarded by a bracket: a step that leaves the interval
    // where the score changes sign is replaced by bisection, so an overshooting step cannot cycle;
    // a step below 0 stops at the boundary when the score at 0 is not positive. Well-behaved fits
    // never trigger either.
    let lo = -Math.min(...d);
    let hi = Infinity;
    for (;;) {
      if (iterations >= maxIterations) {
        throw new PovineqError(
          'NOT_CONVERGED',
          `Fay–Herriot ${method} fit did not converge in ${maxIterations} Fisher-scoring iterations (last A = ${a}); ` +
            `raise { maxIterations } or loosen { tolerance }`,
          { option: 'maxIterations', variance: a },
        );
      }
      iterations++;
      const step = scoringStep(y, d, x, p, a, method);
      if (step > 0) lo = Math.max(lo, a);
      else hi = Math.min(hi, a);
      let next = a + step;
      if (next < 0 && lo < 0) {
        // below the boundary: if the likelihood already falls at A = 0, the truncated answer is 0
        // (as sae's max(Â, 0) of a negative root); otherwise the root is positive, so search [0, hi]
        if (scoringStep(y, d, x, p, 0, method) <= 0) {
          a = next;
          break;
        }
        lo = 0;
      }
      if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? (lo + hi) / 2 : a + 2 * Math.abs(step);
      const change = Math.abs(next - a);
      const scale = Math.abs(a) > 0 ? Math.abs(a) : median(d);
      a = next;
      if (change <= tolerance * scale) break;
    }
  }
  const untruncated = a;
  const variance = Math.max(a, 0);
  const { beta, covariance } = gls(y, d, x, p, variance);
  let logLikelihood = 0;
  for (let i = 0; i < m; i++) {
    const v = variance + d[i]!;
    let r = y[i]!;
    for (let j = 0; j < p; j++) r -= x[i * p + j]! * beta[j]!;
    logLikelihood += Math.log(2 * Math.PI * v) + (r * r) / v;
  }
  return { method, variance, untruncated, beta, covariance, iterations, logLikelihood: -0.5 * logLikelihood, m, p };
}

/** Generalised least squares at a given A: β̂ = Q Xᵀ V⁻¹ y with Q = (Xᵀ V⁻¹ X)⁻¹. */
export function gls(y: Float64Array, d: Float64Array, x: Float64Array, p: number, a: number): { beta: Float64Array; covariance: Float64Array } {
  const m = y.length;
  const g = new Float64Array(p * p);
  const b = new Float64Array(p);
  for (let i = 0; i < m; i++) {
    const w = 1 / (a + d[i]!);
    for (let r = 0; r < p; r++) {
      const xr = x[i * p + r]! * w;
      b[r] += xr * y[i]!;
      for (let c = 0; c <= r; c++) g[r * p + c] += xr * x[i * p + c]!;
    }
  }
  for (let r = 0; r < p; r++) for (let c = r + 1; c < p; c++) g[r * p + c] = g[c * p + r]!;
  const l = cholesky(g, p);
  if (l === null) throw new PovineqError('INVALID_FIT', 'Xᵀ V⁻¹ X is not positive definite: the covariates are not of full rank', {});
  solveInPlace(l, p, b);
  return { beta: b, covariance: inverseFromCholesky(l, p) };
}

/** One Fisher-scoring step s/F for REML, ML or FH at A (computed without forming the m × m projection P). */
function scoringStep(y: Float64Array, d: Float64Array, x: Float64Array, p: number, a: number, method: FayHerriotMethod): number {
  const m = y.length;
  const { beta, covariance: q } = gls(y, d, x, p, a);
  let sumVi = 0;
  let sumVi2 = 0;
  let py2 = 0; // (Py)ᵀ(Py) with Py = V⁻¹(y − Xβ̂)
  let rss = 0; // Σ (y − Xβ̂)² / V
  const x2 = new Float64Array(p * p); // Xᵀ V⁻² X
  const x3 = new Float64Array(p * p); // Xᵀ V⁻³ X
  for (let i = 0; i < m; i++) {
    const vi = 1 / (a + d[i]!);
    let r = y[i]!;
    for (let j = 0; j < p; j++) r -= x[i * p + j]! * beta[j]!;
    sumVi += vi;
    sumVi2 += vi * vi;
    py2 += (vi * r) ** 2;
    rss += r * r * vi;
    if (method === 'REML') {
      for (let s = 0; s < p; s++) {
        for (let t = 0; t < p; t++) {
          const xx = x[i * p + s]! * x[i * p + t]!;
          x2[s * p + t] += xx * vi * vi;
          x3[s * p + t] += xx * vi * vi * vi;
        }
      }
    }
  }
  if (method === 'ML') return (-0.5 * sumVi + 0.5 * py2) / (0.5 * sumVi2);
  if (method === 'FH') return (rss - (m - p)) / sumVi;
  // REML: tr P = Σ V⁻¹ − tr(Q X'V⁻²X); tr P² = Σ V⁻² − 2 tr(Q X'V⁻³X) + tr((Q X'V⁻²X)²)
  const qx2 = multiply(q, x2, p);
  let trQx2 = 0;
  let trQx3 = 0;
  let trQx2Sq = 0;
  const qx3 = multiply(q, x3, p);
  for (let s = 0; s < p; s++) {
    trQx2 += qx2[s * p + s]!;
    trQx3 += qx3[s * p + s]!;
    for (let t = 0; t < p; t++) trQx2Sq += qx2[s * p + t]! * qx2[t * p + s]!;
  }
  const trP = sumVi - trQx2;
  const trPP = sumVi2 - 2 * trQx3 + trQx2Sq;
  return (-0.5 * trP + 0.5 * py2) / (0.5 * trPP);
}

/** Prasad–Rao (1990) moment estimator: (Σ r̂ᵢ² − Σ Dᵢ(1 − hᵢᵢ)) / (m − p) from OLS residuals r̂ and leverages hᵢᵢ; may be negative. */
function prasadRao(y: Float64Array, d: Float64Array, x: Float64Array, p: number): number {
  const m = y.length;
  // OLS is GLS with equal variances (A = 1, D = 0); its covariance is (XᵀX)⁻¹
  const { beta, covariance: xtxInv } = gls(y, new Float64Array(m), x, p, 1);
  let rss = 0;
  let expected = 0;
  for (let i = 0; i < m; i++) {
    let r = y[i]!;
    for (let j = 0; j < p; j++) r -= x[i * p + j]! * beta[j]!;
    rss += r * r;
    expected += d[i]! * (1 - quadraticForm(x, i, xtxInv, p));
  }
  return (rss - expected) / (m - p);
}

function multiply(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const c = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let k = 0; k < p; k++) for (let j = 0; j < p; j++) c[i * p + j] += a[i * p + k]! * b[k * p + j]!;
  return c;
}

/** Median as R's median(): the mean of the two middle values for even counts. */
export function median(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}
