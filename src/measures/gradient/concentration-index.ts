import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { checkLevel, normalInterval, sortWeighted } from '../../core/index.js';
import { type ColumnSource, PovineqError, assertClean, checkOptions, describeRows, plural, readColumn, requireFinite, toNumeric } from '../../data/index.js';

/** Options of {@link concentrationIndex} and {@link concentrationCurve}. */
export interface ConcentrationOptions {
  /** Column of the outcome (health, a benefit, an income component…). */
  value: string;
  /** Column that ranks people (income, SIMD rank…); default: the outcome itself (then C is the Gini). */
  rankBy?: string;
  /**
   * Which end of `rankBy` is the bottom of the social scale: `'lowest'` (default: low income, SIMD
   * rank 1 = most deprived) or `'highest'`.
   */
  poorest?: 'lowest' | 'highest';
  /** Column of weights (survey weights or populations); omit for unweighted data. */
  weight?: string;
  /**
   * `'standard'` (default), `'wagstaff'` (Wagstaff 2005 normalisation for bounded outcomes) or
   * `'erreygers'` (Erreygers 2009 correction for bounded outcomes).
   */
  type?: 'standard' | 'wagstaff' | 'erreygers';
  /** Lower bound of a bounded outcome (Wagstaff, Erreygers); default 0. */
  lower?: number;
  /** Upper bound of a bounded outcome (Wagstaff, Erreygers); default 1 (a binary or a proportion). */
  upper?: number;
  /** Rows with a missing value, rank or weight: `'error'` (default) or `'drop'`. */
  missing?: 'error' | 'drop';
}

interface Ranked {
  /** Outcome, weight and fractional rank in rank order. */
  y: Float64Array;
  w: Float64Array;
  R: Float64Array;
  /** Index where each block of tied ranks ends (exclusive). */
  blockEnds: number[];
  W: number;
  mean: number;
}

function ranked(data: ColumnSource, options: ConcentrationOptions): Ranked {
  if (options?.value === undefined) {
    throw new PovineqError('MISSING_OPTION', 'pass the outcome column as { value: "health" } (and { rankBy: "income" })', { option: 'value' });
  }
  const missing = options.missing ?? 'error';
  const rankColumn = options.rankBy ?? options.value;
  const yRaw = readColumn(data, options.value, 'value');
  const rRaw = readColumn(data, rankColumn, 'rankBy');
  const wRaw = options.weight !== undefined ? readColumn(data, options.weight, 'weight') : undefined;
  const y = toNumeric(yRaw);
  const r = toNumeric(rRaw);
  const w = wRaw ? toNumeric(wRaw) : undefined;
  const n = yRaw.length;
  if (missing === 'error') {
    assertClean(y, yRaw, options.value, 'value');
    assertClean(r, rRaw, rankColumn, 'rankBy');
    if (w) assertClean(w, wRaw!, options.weight!, 'weight');
  }
  let kept = 0;
  const keepAll = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(y.values[i]!) && Number.isFinite(r.values[i]!) && (!w || Number.isFinite(w.values[i]!))) keepAll[kept++] = i;
  }
  const keep = keepAll.subarray(0, kept);
  if (w) {
    const bad: number[] = [];
    for (let j = 0; j < keep.length; j++) if (!(w.values[keep[j]!]! > 0)) bad.push(keep[j]!);
    if (bad.length > 0) {
      throw new PovineqError(
        'NON_POSITIVE_WEIGHT',
        `weight column "${options.weight}" has ${plural(bad.length, 'zero or negative weight')} (${describeRows(bad)}); remove those rows first`,
        { column: options.weight, count: bad.length, rows: bad.slice(0, 100) },
      );
    }
  }
  if (keep.length === 0) throw new PovineqError('EMPTY', `column "${options.value}" has no rows to measure`, { column: options.value });
  const flip = options.poorest === 'highest' ? -1 : 1;
  if (options.poorest !== undefined && options.poorest !== 'lowest' && options.poorest !== 'highest') {
    throw new PovineqError('INVALID_OPTION', `poorest must be 'lowest' or 'highest', got ${JSON.stringify(options.poorest)}`, { option: 'poorest' });
  }
  const m = keep.length;
  const keyIn = new Float64Array(m);
  const wIn = new Float64Array(m);
  const yIn = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const i = keep[j]!;
    const k = flip * r.values[i]!;
    keyIn[j] = k === 0 ? 0 : k; // −0 sorts as 0
    wIn[j] = w ? w.values[i]! : 1;
    yIn[j] = y.values[i]!;
  }
  // one sort carrying the weights along (values, weights and positions move together)
  const sorted = sortWeighted(keyIn, wIn);
  const ks = sorted.values;
  const ws = sorted.weights;
  const ys = new Float64Array(m);
  for (let j = 0; j < m; j++) ys[j] = yIn[sorted.order[j]!]!;
  let W = 0;
  let T = 0;
  for (let j = 0; j < m; j++) {
    W += ws[j]!;
    T += ws[j]! * ys[j]!;
  }
  // fractional rank: the midpoint of the block of tied ranks, (Σ_{before block} w + ½ Σ_{block} w) / W
  const R = new Float64Array(m);
  const blockEnds: number[] = [];
  let before = 0;
  for (let start = 0; start < m; ) {
    let end = start;
    let bw = 0;
    while (end < m && ks[end] === ks[start]) bw += ws[end++]!;
    const mid = (before + bw / 2) / W;
    for (let j = start; j < end; j++) R[j] = mid;
    before += bw;
    blockEnds.push(end);
    start = end;
  }
  return { y: ys, w: ws, R, blockEnds, W, mean: T / W };
}

/**
 * Concentration index of an outcome ranked by a social variable: twice the area between the
 * concentration curve and the diagonal; negative when the outcome concentrates among the poor.
 *
 * C = 2 cov_w(y, R) / μ = (2 / (W μ)) Σ wᵢ yᵢ Rᵢ − 1, with Rᵢ the weighted fractional rank of i by
 * `rankBy` (the midpoint of its block of ties: (Σ_{j ranked below} wⱼ + ½ Σ_{ties} wⱼ) / W) and μ the
 * weighted mean of y. Ranked by the outcome itself it equals the Gini coefficient.
 * For an outcome bounded in [a, b] (default [0, 1]):
 * - Wagstaff (2005): C_W = C (b − a) μ / ((b − μ)(μ − a)); for a binary outcome C / (1 − μ).
 * - Erreygers (2009): E = 4 μ C / (b − a); for a binary outcome 4 μ C.
 * References: Kakwani, Wagstaff & van Doorslaer (1997) J. Econometrics 77:87–103; O'Donnell et al.
 * (2008) Analyzing Health Equity Using Household Survey Data, World Bank, ch. 8; Wagstaff (2005)
 * Health Economics 14:429–432; Erreygers (2009) J. Health Econ. 28:504–515.
 *
 * @example
 * concentrationIndex({ y: [0, 1, 0, 1], income: [1, 2, 3, 4] }, { value: 'y', rankBy: 'income' }) // 0.25
 */
export function concentrationIndex(data: ColumnSource, options: ConcentrationOptions): number {
  options = checkOptions(options, {}, 'concentrationIndex', { open: true });
  return requireFinite(computeIndex(ranked(data, options), options).estimate, 'concentrationIndex', 'the values are too extreme for double precision; rescale the column');
}

interface IndexParts {
  estimate: number;
  /** Standard (uncorrected) C. */
  C: number;
  /** Multiplier g(μ) of the correction (1 for the standard index) and its derivative in μ. */
  factor: number;
  factorSlope: number;
}

function computeIndex(r: Ranked, options: ConcentrationOptions): IndexParts {
  const type = options?.type ?? 'standard';
  if (type !== 'standard' && type !== 'wagstaff' && type !== 'erreygers') {
    throw new PovineqError('INVALID_OPTION', `type must be 'standard', 'wagstaff' or 'erreygers', got ${JSON.stringify(type)}`, { option: 'type' });
  }
  if (r.mean === 0) {
    throw new PovineqError('UNDEFINED_RESULT', `the concentration index divides by the mean, but the weighted mean of column "${options.value}" is 0`, { column: options.value });
  }
  let s = 0;
  for (let j = 0; j < r.y.length; j++) s += r.w[j]! * r.y[j]! * r.R[j]!;
  const C = (2 * s) / (r.W * r.mean) - 1;
  if (type === 'standard') return { estimate: C, C, factor: 1, factorSlope: 0 };
  const a = options.lower ?? 0;
  const b = options.upper ?? 1;
  if (!(Number.isFinite(a) && Number.isFinite(b) && b > a)) {
    throw new PovineqError('INVALID_OPTION', `bounds must be finite with upper > lower, got lower = ${a}, upper = ${b}`, { option: 'upper' });
  }
  const outside: number[] = [];
  for (let j = 0; j < r.y.length; j++) if (r.y[j]! < a || r.y[j]! > b) outside.push(j);
  if (outside.length > 0) {
    throw new PovineqError(
      'OUT_OF_RANGE',
      `the ${type === 'wagstaff' ? 'Wagstaff' : 'Erreygers'} index is for an outcome bounded in [${a}, ${b}], but column "${options.value}" has ` +
        `${plural(outside.length, 'value')} outside it; pass the outcome's bounds as { lower, upper } (proportions as fractions, 0.24 not 24)`,
      { column: options.value, count: outside.length, option: 'lower, upper' },
    );
  }
  const mu = r.mean;
  if (type === 'erreygers') return { estimate: (4 * mu * C) / (b - a), C, factor: (4 * mu) / (b - a), factorSlope: 4 / (b - a) };
  if (mu === a || mu === b) {
    throw new PovineqError('UNDEFINED_RESULT', `the Wagstaff index is undefined when the mean of "${options.value}" equals a bound (${mu})`, { column: options.value });
  }
  // g(μ) = (b − a) μ / ((b − μ)(μ − a)); g'(μ) = (b − a) ((b − μ)(μ − a) − μ (a + b − 2μ)) / ((b − μ)(μ − a))²
  const d = (b - mu) * (mu - a);
  const factor = ((b - a) * mu) / d;
  return { estimate: C * factor, C, factor, factorSlope: ((b - a) * (d - mu * (a + b - 2 * mu))) / (d * d) };
}

/** A concentration index with its linearized standard error and confidence interval. */
export interface ConcentrationEstimate {
  estimate: number;
  se: number;
  ci: [number, number];
  level: number;
  method: 'linearization';
  /** Rows used. */
  n: number;
}

/**
 * A concentration index (standard, Wagstaff or Erreygers) with its linearized standard error and
 * normal confidence interval.
 *
 * Each unit's linearized value (influence function) is
 * zᵢ = (yᵢ/μ)(2Rᵢ − 1 − C) + 2 − qᵢ₋₁ − qᵢ − (1 + C), with qᵢ the concentration-curve ordinate
 * (cumulative outcome share) after unit i in rank order; Var C = Σ wᵢ² (zᵢ − z̄)² / W², z̄ the
 * weighted mean of z. Unweighted this is Kakwani, Wagstaff & van Doorslaer's (1997) formula
 * Var C = (1/n)[(1/n) Σ aᵢ² − (1 + C)²], aᵢ = zᵢ + 1 + C; weights are treated as expansion weights of
 * independent units (no strata or clusters). For a corrected index g(μ) C the linearized value is
 * g(μ) zᵢ + C g′(μ)(yᵢ − μ). Interval: estimate ± z_{1−α/2} se.
 * References: Kakwani, Wagstaff & van Doorslaer (1997) J. Econometrics 77:87–103, eq. 14;
 * O'Donnell et al. (2008), ch. 8.
 *
 * @example
 * concentrationIndexEstimate(eusilc(), { value: 'py090n', rankBy: 'eqIncome', weight: 'rb050', missing: 'drop' })
 * // { estimate, se, ci: [lower, upper], level: 0.95, method: 'linearization', n }
 */
export function concentrationIndexEstimate(data: ColumnSource, options: ConcentrationOptions & { level?: number }): ConcentrationEstimate {
  const level = checkLevel(options?.level ?? 0.95);
  const r = ranked(data, options);
  const parts = computeIndex(r, options);
  const { C, factor, factorSlope } = parts;
  const mu = r.mean;
  const T = mu * r.W;
  const m = r.y.length;
  const z = new Float64Array(m);
  let q = 0;
  let zbar = 0;
  for (let j = 0; j < m; j++) {
    const qPrev = q;
    q += (r.w[j]! * r.y[j]!) / T;
    const zc = (r.y[j]! / mu) * (2 * r.R[j]! - 1 - C) + 2 - qPrev - q - (1 + C);
    z[j] = factor * zc + C * factorSlope * (r.y[j]! - mu);
    zbar += r.w[j]! * z[j]!;
  }
  zbar /= r.W;
  let v = 0;
  for (let j = 0; j < m; j++) v += (r.w[j]! * (z[j]! - zbar)) ** 2;
  const se = Math.sqrt(v) / r.W;
  return { estimate: parts.estimate, se, ci: normalInterval(parts.estimate, se, level), level, method: 'linearization', n: m };
}

/**
 * Concentration curve: the cumulative share of the outcome held by the poorest fraction p of the
 * population (ranked by `rankBy`), at the end of each block of tied ranks, from (0, 0) to (1, 1).
 * Columns `p` and `L` (as {@link lorenz}, so Lorenz chart builders draw it). Ties in `rankBy` are
 * one step: the curve does not depend on the order within ties.
 * Reference: O'Donnell et al. (2008), ch. 7.
 *
 * @example
 * concentrationCurve({ y: [0, 1, 0, 1], income: [1, 2, 3, 4] }, { value: 'y', rankBy: 'income' })
 * // p: 0, 0.25, 0.5, 0.75, 1; L: 0, 0, 0.5, 0.5, 1
 */
export function concentrationCurve(data: ColumnSource, options: ConcentrationOptions): ColumnTable {
  options = checkOptions(options, {}, 'concentrationCurve', { open: true });
  const r = ranked(data, options);
  const T = r.mean * r.W;
  if (!(T !== 0 && Number.isFinite(T))) {
    throw new PovineqError(
      'NON_POSITIVE_MEAN',
      `concentrationCurve: the weighted total of column "${options.value}" (option value) is ${T}; the curve's ordinates are shares of that total, so it needs a non-zero finite total (as concentrationIndex does)`,
      { column: options.value, option: 'value' },
    );
  }
  const p = [0];
  const L = [0];
  let cw = 0;
  let cy = 0;
  let j = 0;
  for (const end of r.blockEnds) {
    for (; j < end; j++) {
      cw += r.w[j]!;
      cy += r.w[j]! * r.y[j]!;
    }
    p.push(cw / r.W);
    L.push(cy / T);
  }
  return requireFinite(aq.table({ p, L }), 'concentrationCurve', 'the values are too extreme for double precision; rescale the column');
}
