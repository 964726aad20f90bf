import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { type ColumnSource, checkOptions } from '../data/index.js';
import { normalCdf, normalQuantile } from '../core/index.js';
import { AREA_OPTIONS, type AreaColumns, readAreas, sampledArrays } from './area-input.js';
import { FIT_OPTIONS, type FayHerriotFit, type FayHerriotMethod, type FitControl, fitFayHerriot } from './fit.js';
import { predict } from './mse.js';

/** Options of {@link fayHerriot}. */
export interface FayHerriotOptions extends AreaColumns, FitControl {
  /** How the random-effect variance is estimated (default 'REML'). */
  method?: FayHerriotMethod;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  /** Called with each warning (e.g. the random-effect variance truncated at 0); warnings are also kept in `model.warnings`. */
  onWarning?: (message: string) => void;
}

const FAY_HERRIOT_OPTIONS = { ...AREA_OPTIONS, ...FIT_OPTIONS };

/** The fitted model behind a {@link fayHerriot} result. */
export interface FayHerriotModel {
  method: FayHerriotMethod;
  /** Coefficients: columns term, estimate, se, z, p (two-sided normal p-value). */
  coefficients: ColumnTable;
  /** Random-effect (between-area) variance Â, truncated at 0. */
  variance: number;
  /** Â before truncation (negative when truncated). */
  untruncatedVariance: number;
  /** Full normal log-likelihood at (β̂, Â), for every method (as R sae reports it). */
  logLikelihood: number;
  /** −2 logL + 2(p + 1). */
  aic: number;
  /** −2 logL + (p + 1) log m. */
  bic: number;
  /** Fisher-scoring iterations (0 for Prasad–Rao moments). */
  iterations: number;
  /** Areas the model was fitted on (with a direct estimate). */
  areas: number;
  /** Areas predicted out of sample (no direct estimate). */
  outOfSample: number;
  warnings: string[];
  /** The arrays behind the fit, for diagnostics, benchmarking and the bootstrap. */
  fit: FayHerriotFit;
}

/** Result of {@link fayHerriot}: a table with one row per area, and the model. */
export interface FayHerriot {
  /**
   * One row per area, in table order: the area column, `direct`, `direct_variance`,
   * `direct_ci_lower`, `direct_ci_upper` (direct ± z·√D), `synthetic`
   * (x'β̂), `eblup` (the model estimate: EBLUP in sample, synthetic out of sample), `shrinkage`
   * (γ = Â/(Â + D), the weight on the direct estimate), `mse`, `se` (√mse), `cv` (se / |eblup|),
   * `ci_lower`, `ci_upper` (eblup ± z·se), `in_sample`.
   */
  areas: ColumnTable;
  model: FayHerriotModel;
}

/**
 * Area-level Fay–Herriot small-area model: shrinks each area's direct estimate towards a
 * regression on area covariates, by how noisy the direct estimate is.
 *
 * θᵢ = xᵢᵀβ + uᵢ, yᵢ = θᵢ + eᵢ, uᵢ ~ N(0, A), eᵢ ~ N(0, Dᵢ), Dᵢ the known sampling variance.
 * EBLUP θ̂ᵢ = γᵢ yᵢ + (1 − γᵢ) xᵢᵀβ̂, γᵢ = Â/(Â + Dᵢ). Â by REML, ML (Fisher scoring, converged to a
 * relative change of 1e-12), Prasad–Rao moments or Fay–Herriot moments ('FH'); MSE by Prasad–Rao
 * (REML, moments), Datta–Lahiri (ML) or Datta–Rao–Smith (FH). A negative Â is truncated at 0 with a
 * warning. Areas without a direct estimate get the synthetic prediction xᵢᵀβ̂ with MSE Â + xᵢᵀQxᵢ.
 * References: Fay & Herriot (1979), JASA 74; Prasad & Rao (1990), JASA 85; Datta & Lahiri (2000),
 * Statistica Sinica 10; Rao & Molina (2015), Small Area Estimation, ch. 6. Matches R sae's
 * eblupFH/mseFH run to convergence.
 *
 * @example
 * const direct = estimate(headcount, sample, { value: 'income', line, design, by: 'council' });
 * const { areas, model } = fayHerriot(direct.join(covariates, 'council'), {
 *   area: 'council', covariates: ['simd_income_rate'],
 * });
 */
export function fayHerriot(table: ColumnSource, options: FayHerriotOptions): FayHerriot {
  options = checkOptions(options, FAY_HERRIOT_OPTIONS, 'fayHerriot');
  const method = options.method ?? 'REML';
  const level = options.level ?? 0.95;
  const data = readAreas(table, options, 'fayHerriot');
  const { sampled, direct, variance, x, terms } = data;
  const p = terms.length;
  const { y, d, x: xs } = sampledArrays(data);
  const fit = fitFayHerriot(y, d, xs, p, method, options);
  const warnings: string[] = [];
  if (fit.untruncated < 0) {
    warnings.push(
      `the ${method} estimate of the random-effect variance is negative (${fit.untruncated.toPrecision(4)}) and was truncated at 0: ` +
        `the covariates explain all between-area variation beyond sampling error, so every sampled area gets the synthetic estimate`,
    );
  }
  warnings.forEach((w) => options.onWarning?.(w));
  const pred = predict(fit, x, sampled, direct, variance);
  const z = normalQuantile(1 - (1 - level) / 2);
  const n = direct.length;
  const inSample = new Array<boolean>(n).fill(false);
  for (const r of sampled) inSample[r] = true;
  const se = Array.from(pred.mse, Math.sqrt);
  const areas = aq.table({
    [data.areaColumn]: data.areas,
    direct: Array.from(direct, (v, i) => (inSample[i] ? v : NaN)),
    direct_variance: Array.from(variance, (v, i) => (inSample[i] ? v : NaN)),
    direct_ci_lower: Array.from(direct, (v, i) => (inSample[i] ? v - z * Math.sqrt(variance[i]!) : NaN)),
    direct_ci_upper: Array.from(direct, (v, i) => (inSample[i] ? v + z * Math.sqrt(variance[i]!) : NaN)),
    synthetic: Array.from(pred.synthetic),
    eblup: Array.from(pred.eblup),
    shrinkage: Array.from(pred.shrinkage),
    mse: Array.from(pred.mse),
    se,
    cv: se.map((s, i) => s / Math.abs(pred.eblup[i]!)),
    ci_lower: se.map((s, i) => pred.eblup[i]! - z * s),
    ci_upper: se.map((s, i) => pred.eblup[i]! + z * s),
    in_sample: inSample,
  });
  const coefSe = terms.map((_, j) => Math.sqrt(fit.covariance[j * p + j]!));
  const coefficients = aq.table({
    term: terms,
    estimate: Array.from(fit.beta),
    se: coefSe,
    z: coefSe.map((s, j) => fit.beta[j]! / s),
    p: coefSe.map((s, j) => 2 * normalCdf(-Math.abs(fit.beta[j]! / s))),
  });
  const k = p + 1;
  const model: FayHerriotModel = {
    method,
    coefficients,
    variance: fit.variance,
    untruncatedVariance: fit.untruncated,
    logLikelihood: fit.logLikelihood,
    aic: -2 * fit.logLikelihood + 2 * k,
    bic: -2 * fit.logLikelihood + k * Math.log(fit.m),
    iterations: fit.iterations,
    areas: sampled.length,
    outOfSample: n - sampled.length,
    warnings,
    fit,
  };
  return { areas, model };
}
