import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { type ColumnSource, type OptionSpec, PovineqError, checkOptions, describeRows, plural, readColumn, toNumeric } from '../data/index.js';
import { normalQuantile } from '../core/index.js';
import { AREA_OPTIONS, type AreaColumns, readAreas, sampledArrays } from './area-input.js';
import { type BootstrapOptions, bootstrapMse } from './bootstrap.js';
import { FIT_OPTIONS, type FayHerriotMethod, type FitControl, fitFayHerriot } from './fit.js';
import { backTransform, correctedBack, naiveBack } from './back-transform.js';
import { predict } from './mse.js';

/** Options of {@link fayHerriotArcsine}. */
export interface FayHerriotArcsineOptions extends Omit<AreaColumns, 'variance' | 'se'>, FitControl {
  /** Column of effective sample sizes nᵢ (sample size over design effect); the arcsine-scale sampling variance is 1/(4nᵢ). */
  sampleSize: string;
  method?: FayHerriotMethod;
  /** Back-transformation of the estimates (default 'bias-corrected'). */
  backTransform?: 'naive' | 'bias-corrected';
  /** Parametric bootstrap of the MSE on the proportion scale (seeded; default 200 replicates, seed 1). */
  bootstrap?: BootstrapOptions;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  onWarning?: (message: string) => void;
}

export { correctedBack, naiveBack } from './back-transform.js';

/** The arcsine model reads sampling variances from `sampleSize`, so it takes no `variance` or `se`. */
const ARCSINE_OPTIONS: OptionSpec = {
  ...Object.fromEntries(Object.entries(AREA_OPTIONS).filter(([name]) => name !== 'variance' && name !== 'se')),
  ...FIT_OPTIONS,
  sampleSize: { kind: 'string' },
  backTransform: { kind: 'enum', values: ['naive', 'bias-corrected'] },
  bootstrap: { kind: 'object' },
};

/**
 * Arcsine-transformed Fay–Herriot model for proportions (e.g. poverty rates): the direct rate pᵢ
 * becomes yᵢ = asin(√pᵢ), whose sampling variance 1/(4nᵢ) is known from the effective sample size
 * alone, so noisy variance estimates of small samples (and zeros) are not needed. The model is fitted
 * on that scale and the estimates are mapped back naively, sin²(θ̂ᵢ) (θ̂ clipped to [0, π/2]), or with
 * the bias correction E[sin²(θᵢ)] under θᵢ ~ N(θ̂ᵢ, g1ᵢ) = (1 − cos 2θ̂ᵢ · exp(−2 g1ᵢ))/2. The MSE on the
 * proportion scale comes from a seeded parametric bootstrap. Reference: Jiang, Lahiri, Wan & Wu
 * (2001); Casas-Cordero, Encina & Lahiri (2016), JRSS A 179; Schmid et al. (2017), as R emdi's fh
 * with transformation = "arcsin".
 *
 * @example
 * const { areas } = fayHerriotArcsine(direct, { area: 'council', estimate: 'rate', sampleSize: 'n_eff',
 *   covariates: ['simd_income_rate'], bootstrap: { replicates: 200, seed: 7 } });
 */
export function fayHerriotArcsine(table: ColumnSource, options: FayHerriotArcsineOptions): { areas: ColumnTable; model: { method: FayHerriotMethod; variance: number; coefficients: ColumnTable; warnings: string[] } } {
  options = checkOptions(options, ARCSINE_OPTIONS, 'fayHerriotArcsine');
  if (typeof options.sampleSize !== 'string') {
    throw new PovineqError('MISSING_OPTION', 'fayHerriotArcsine needs { sampleSize }: the column of effective sample sizes', { option: 'sampleSize' });
  }
  const estimateColumn = options.estimate ?? 'estimate';
  const rawP = toNumeric(readColumn(table, estimateColumn, 'estimate')).values;
  const rawN = toNumeric(readColumn(table, options.sampleSize, 'sampleSize')).values;
  const outside = Array.from(rawP).flatMap((v, i) => (v === v && !(v >= 0 && v <= 1) ? [i] : []));
  if (outside.length > 0) {
    throw new PovineqError(
      'OUT_OF_RANGE',
      `estimate column "${estimateColumn}" has ${plural(outside.length, 'value')} outside [0, 1] (${describeRows(outside)}); the arcsine model is for proportions (fractions, not percents)`,
      { column: estimateColumn, count: outside.length, rows: outside.slice(0, 100), option: 'estimate' },
    );
  }
  const badN = Array.from(rawN).flatMap((v, i) => (rawP[i] === rawP[i] && !(v > 0) ? [i] : []));
  if (badN.length > 0) {
    throw new PovineqError(
      'NON_POSITIVE_VALUE',
      `sampleSize column "${options.sampleSize}" is missing or not positive for ${plural(badN.length, 'area')} with a direct estimate (${describeRows(badN)}); give each its effective sample size`,
      { column: options.sampleSize, count: badN.length, rows: badN.slice(0, 100), option: 'sampleSize' },
    );
  }
  const transformed = aq.table({
    __area: Array.from(readColumn(table, options.area, 'area')),
    __y: Array.from(rawP, (v) => Math.asin(Math.sqrt(v))),
    __d: Array.from(rawN, (n, i) => (rawP[i] === rawP[i] ? 1 / (4 * n) : NaN)),
  });
  const covariateColumns = [...(options.covariates ?? []), ...(options.factors ?? [])];
  const source = covariateColumns.length === 0 ? transformed : transformed.assign(aq.table(Object.fromEntries(
    covariateColumns.map((c) => [c, Array.from(readColumn(table, c, options.covariates?.includes(c) ? 'covariates' : 'factors'))]),
  )));
  const data = readAreas(source, { ...options, area: '__area', estimate: '__y', variance: '__d' }, 'fayHerriotArcsine');
  const { sampled, direct, variance, x, terms } = data;
  const p = terms.length;
  const method = options.method ?? 'REML';
  const { y, d, x: xs } = sampledArrays(data);
  const fit = fitFayHerriot(y, d, xs, p, method, options);
  const warnings: string[] = [];
  if (fit.untruncated < 0) warnings.push(`the ${method} estimate of the random-effect variance is negative (${fit.untruncated.toPrecision(4)}) and was truncated at 0`);
  warnings.forEach((w) => options.onWarning?.(w));
  const mode = options.backTransform ?? 'bias-corrected';
  const pred = predict(fit, x, sampled, direct, variance);
  const estimates = backTransform[mode](pred);
  const mse = bootstrapMse(fit, x, sampled, variance, mode, options.bootstrap);
  const level = options.level ?? 0.95;
  const z = normalQuantile(1 - (1 - level) / 2);
  const n = direct.length;
  const inSample = Array.from({ length: n }, (_, i) => sampled.includes(i));
  const se = Array.from(mse, Math.sqrt);
  const areas = aq.table({
    [options.area]: data.areas,
    direct: Array.from(rawP, (v, i) => (inSample[i] ? v : NaN)),
    // the direct interval on the arcsine scale (asin√p ± z/(2√n)) mapped back, so it stays in [0, 1]
    direct_ci_lower: Array.from(rawP, (v, i) => (inSample[i] ? naiveBack(Math.asin(Math.sqrt(v)) - z / (2 * Math.sqrt(rawN[i]!))) : NaN)),
    direct_ci_upper: Array.from(rawP, (v, i) => (inSample[i] ? naiveBack(Math.asin(Math.sqrt(v)) + z / (2 * Math.sqrt(rawN[i]!))) : NaN)),
    eblup: Array.from(estimates),
    naive: Array.from(pred.eblup, naiveBack),
    bias_corrected: Array.from(pred.eblup, (mu, i) => correctedBack(mu, pred.g1[i]!)),
    transformed: Array.from(pred.eblup),
    transformed_mse: Array.from(pred.mse),
    shrinkage: Array.from(pred.shrinkage),
    mse: Array.from(mse),
    se,
    cv: se.map((s, i) => s / Math.abs(estimates[i]!)),
    ci_lower: se.map((s, i) => Math.max(0, estimates[i]! - z * s)),
    ci_upper: se.map((s, i) => Math.min(1, estimates[i]! + z * s)),
    in_sample: inSample,
  });
  const coefficients = aq.table({
    term: terms,
    estimate: Array.from(fit.beta),
    se: terms.map((_, j) => Math.sqrt(fit.covariance[j * p + j]!)),
  });
  return { areas, model: { method, variance: fit.variance, coefficients, warnings } };
}
