import type { ColumnTable } from 'arquero';
import { type Random, checkLevel, percentileInterval, random, studentTQuantile } from '../../core/index.js';
import { type ColumnSource, PovineqError, checkOptions, plural, readColumn, requireFinite, toNumeric } from '../../data/index.js';
import { type GradientOptions, type RankedGroups, groupsTable, rankGroups } from './gradient.js';

/** Options of {@link sii} (and, with `convention`, {@link rii}). */
export interface SlopeIndexOptions extends GradientOptions {
  /**
   * `'higherIsWorse'` (default: mortality, income deprivation…) makes the SII the fitted value at
   * the most deprived end minus that at the least deprived end; `'higherIsBetter'` (attainment,
   * attendance…) the least deprived minus the most deprived. Either way a positive SII (an RII above
   * 0, or above 1 for the ratio form) means the more deprived fare worse.
   */
  direction?: 'higherIsWorse' | 'higherIsBetter';
  /** Confidence level of `ci`; default 0.95. */
  level?: number;
  /**
   * `'regression'` (default): the weighted least-squares interval, t with k − 2 degrees of freedom.
   * `'monte-carlo'`: percentiles of the index over simulated group rates (needs `seed`, and counts,
   * `proportion: true` or `se` to say how group rates vary).
   */
  interval?: 'regression' | 'monte-carlo';
  /** Monte Carlo draws; default 10,000. */
  simulations?: number;
  /** Seed of the Monte Carlo generator (required for `interval: 'monte-carlo'`). */
  seed?: number;
  /** Column of standard errors of `value` per row, for Monte Carlo draws of rates that are not proportions. */
  se?: string;
}

/** Options of {@link rii}. */
export interface RelativeIndexOptions extends SlopeIndexOptions {
  /**
   * `'mean'` (default, the Scottish convention of ScotPHO and the Scottish Government's long-term
   * monitoring of health inequalities): RII = SII / mean rate. `'ratio'` (the English public health
   * convention): the ratio of the fitted values at the two ends of the deprivation scale, most
   * deprived over least deprived (least over most when `direction: 'higherIsBetter'`).
   */
  convention?: 'mean' | 'ratio';
}

/** The result of {@link sii} and {@link rii}. */
export interface SlopeIndexResult {
  /** Which index `estimate`, `se` and `ci` refer to. */
  measure: 'sii' | 'rii';
  /** The requested index (the SII for {@link sii}, the RII in its `convention` for {@link rii}). */
  estimate: number;
  /** Standard error of `estimate` (regression: from the fit; ratio RII: delta method; Monte Carlo: SD of the draws). */
  se: number;
  /** Confidence interval of `estimate` at `level`. */
  ci: [number, number];
  level: number;
  method: 'regression' | 'monte-carlo';
  /** Slope index of inequality, in the unit of the rate (see `direction`). */
  sii: number;
  /** Relative index of inequality in the chosen `convention`. */
  rii: number | null;
  convention: 'mean' | 'ratio';
  direction: 'higherIsWorse' | 'higherIsBetter';
  /** Intercept a of the fitted line rate = a + b × rank (rank 0 = most deprived end). */
  intercept: number;
  /** Slope b of the fitted line. */
  slope: number;
  interceptSe: number;
  slopeSe: number;
  /** Covariance of the intercept and slope estimates. */
  covariance: number;
  /** Fitted rate at rank 0 (most deprived end) and rank 1 (least deprived end). */
  fittedMostDeprived: number;
  fittedLeastDeprived: number;
  /** Population-weighted mean rate (the overall rate). */
  mean: number;
  /** Residual degrees of freedom, k − 2. */
  df: number;
  /** Number of groups k. */
  groups: number;
  /** The groups: the group column, `group`, `rate`, `population`, `share`, `rank`, `n`, `fitted`. */
  table: ColumnTable;
  /** Monte Carlo draws and seed, when `method` is `'monte-carlo'`. */
  simulations?: number;
  seed?: number;
}

/** Weighted least squares of y on x: R's `lm(y ~ x, weights = w)`. */
export interface LineFit {
  intercept: number;
  slope: number;
  interceptSe: number;
  slopeSe: number;
  covariance: number;
  df: number;
}

/**
 * Weighted least-squares line y = a + b x with R's `lm(y ~ x, weights = w)` standard errors:
 * σ² = Σ wᵢ eᵢ² / (k − 2), Var b = σ² / Sxx, Var a = σ² (1/Σw + x̄²/Sxx), Cov(a, b) = −x̄ σ² / Sxx,
 * with x̄ = Σ wᵢ xᵢ / Σ wᵢ and Sxx = Σ wᵢ (xᵢ − x̄)².
 */
export function weightedLine(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>): LineFit {
  const { intercept, slope, W, mx, sxx } = leastSquares(x, y, w);
  const k = x.length;
  let rss = 0;
  for (let i = 0; i < k; i++) {
    const e = y[i]! - intercept - slope * x[i]!;
    rss += w[i]! * e * e;
  }
  const df = k - 2;
  const s2 = df > 0 ? rss / df : NaN;
  return {
    intercept,
    slope,
    slopeSe: Math.sqrt(s2 / sxx),
    interceptSe: Math.sqrt(s2 * (1 / W + (mx * mx) / sxx)),
    covariance: (-mx * s2) / sxx,
    df,
  };
}

/** The weighted least-squares line and the sums it is built from (also used alone by Monte Carlo refits). */
function leastSquares(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>) {
  const k = x.length;
  let W = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < k; i++) {
    W += w[i]!;
    sx += w[i]! * x[i]!;
    sy += w[i]! * y[i]!;
  }
  const mx = sx / W;
  const my = sy / W;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < k; i++) {
    const dx = x[i]! - mx;
    sxx += w[i]! * dx * dx;
    sxy += w[i]! * dx * (y[i]! - my);
  }
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope, mean: my, W, mx, sxx };
}

interface Indices {
  sii: number;
  riiMean: number;
  riiRatio: number;
}

function indices(intercept: number, slope: number, mean: number, higherIsBetter: boolean): Indices {
  const most = intercept;
  const least = intercept + slope;
  const sii = higherIsBetter ? least - most : most - least;
  return { sii, riiMean: sii / mean, riiRatio: higherIsBetter ? least / most : most / least };
}

/** How Monte Carlo draws one set of group rates. */
function rateSampler(table: ColumnSource, g: RankedGroups, options: SlopeIndexOptions): (rng: Random, out: Float64Array) => void {
  const k = g.rate.length;
  if (options.se !== undefined) {
    if (g.fromCounts) {
      throw new PovineqError('INVALID_OPTION', 'se gives standard errors of a rate column: use it with { value }, not { count }', { option: 'se' });
    }
    // group SE from row SEs: Var(Σ N_z v_z / N_g) = Σ (N_z / N_g)² se_z²
    const se = toNumeric(readColumn(table, options.se, 'se'));
    const bad = [...se.missing, ...se.nonNumeric, ...se.nonFinite].length;
    if (bad > 0) {
      throw new PovineqError('MISSING_VALUE', `column "${options.se}" (option se) has ${plural(bad, 'missing or non-numeric value')}; every row needs a standard error`, { column: options.se, count: bad });
    }
    const groupRaw = readColumn(table, g.groupColumn);
    const pop = toNumeric(readColumn(table, options.population, 'population')).values;
    const value = toNumeric(readColumn(table, options.value!, 'value'));
    const pos = new Map<unknown, number>(g.keys.map((key, i) => [key, i]));
    const varSum = new Float64Array(k);
    for (let i = 0; i < groupRaw.length; i++) {
      const gi = pos.get(groupRaw[i]);
      if (gi === undefined || !Number.isFinite(value.values[i]!) || !Number.isFinite(pop[i]!)) continue;
      const share = pop[i]! / g.population[gi]!;
      varSum[gi] += share * share * se.values[i]! * se.values[i]!;
    }
    const sd = Array.from(varSum, Math.sqrt);
    return (rng, out) => {
      for (let i = 0; i < k; i++) out[i] = g.rate[i]! + sd[i]! * rng.normal();
    };
  }
  if (g.proportion) {
    const n = Array.from(g.population, Math.round);
    return (rng, out) => {
      for (let i = 0; i < k; i++) out[i] = n[i]! > 0 ? rng.binomial(n[i]!, Math.min(1, Math.max(0, g.rate[i]!))) / n[i]! : g.rate[i]!;
    };
  }
  if (g.fromCounts) {
    return (rng, out) => {
      for (let i = 0; i < k; i++) out[i] = rng.poisson(g.events[i]!) / g.population[i]!;
    };
  }
  throw new PovineqError(
    'MISSING_OPTION',
    `a Monte Carlo interval needs the sampling error of the group rates of "${g.valueColumn}": pass { count } for event counts (Poisson), ` +
      '{ proportion: true } for proportions (binomial), or { se: "column" } for standard errors (normal)',
    { option: 'se' },
  );
}

/** Fits the SII line and computes the requested index with its interval. */
export function slopeIndex(table: ColumnSource, options: RelativeIndexOptions, measure: 'sii' | 'rii'): SlopeIndexResult {
  const direction = options.direction ?? 'higherIsWorse';
  if (direction !== 'higherIsWorse' && direction !== 'higherIsBetter') {
    throw new PovineqError('INVALID_OPTION', `direction must be 'higherIsWorse' or 'higherIsBetter', got ${JSON.stringify(direction)}`, { option: 'direction' });
  }
  const convention = options.convention ?? 'mean';
  if (convention !== 'mean' && convention !== 'ratio') {
    throw new PovineqError('INVALID_OPTION', `convention must be 'mean' (SII / mean) or 'ratio' (fitted values at the two ends), got ${JSON.stringify(convention)}`, { option: 'convention' });
  }
  const level = options.level ?? 0.95;
  checkLevel(level);
  const method = options.interval ?? 'regression';
  if (method !== 'regression' && method !== 'monte-carlo') {
    throw new PovineqError('INVALID_OPTION', `interval must be 'regression' or 'monte-carlo', got ${JSON.stringify(method)}`, { option: 'interval' });
  }
  const higherIsBetter = direction === 'higherIsBetter';
  const g = rankGroups(table, options);
  const k = g.rate.length;
  if (k < 3) {
    throw new PovineqError(
      'TOO_FEW_GROUPS',
      `the ${measure.toUpperCase()} needs at least 3 deprivation groups to fit a line with an interval, but column "${g.groupColumn}" has ${k} ` +
        `(${g.keys.map((x) => JSON.stringify(x)).join(', ')}); use deciles or quintiles, or the absolute and relative gaps (deprivationGaps) for two groups`,
      { column: g.groupColumn, groups: k },
    );
  }
  const fit = weightedLine(g.rank, g.rate, g.share);
  const ix = indices(fit.intercept, fit.slope, g.mean, higherIsBetter);
  if (measure === 'rii' && convention === 'ratio' && !(fit.intercept > 0 && fit.intercept + fit.slope > 0)) {
    throw new PovineqError(
      'UNDEFINED_RESULT',
      `the ratio RII needs positive fitted values at both ends, but the fitted line gives ${fit.intercept} (most deprived) and ${fit.intercept + fit.slope} (least deprived); use { convention: 'mean' }`,
      { option: 'convention' },
    );
  }
  const pick = (x: Indices) => (measure === 'sii' ? x.sii : convention === 'mean' ? x.riiMean : x.riiRatio);
  const estimate = pick(ix);
  if (measure === 'rii' && convention === 'mean' && g.mean === 0) {
    throw new PovineqError('UNDEFINED_RESULT', 'rii: the mean rate is 0 in every group, so the relative index SII / mean is undefined; report sii() instead, or { convention: "ratio" } if the fitted values are positive', {
      option: 'convention',
    });
  }
  let se: number;
  let ci: [number, number];
  let simulations: number | undefined;
  let seed: number | undefined;
  if (method === 'regression') {
    const t = studentTQuantile(1 - (1 - level) / 2, fit.df);
    const siiCi: [number, number] = [ix.sii - t * fit.slopeSe, ix.sii + t * fit.slopeSe];
    if (measure === 'sii') {
      se = fit.slopeSe;
      ci = siiCi;
    } else if (convention === 'mean') {
      se = fit.slopeSe / Math.abs(g.mean);
      ci = g.mean > 0 ? [siiCi[0] / g.mean, siiCi[1] / g.mean] : [siiCi[1] / g.mean, siiCi[0] / g.mean];
    } else {
      // delta method on log RII = ±(log a − log(a + b))
      const a = fit.intercept;
      const ab = fit.intercept + fit.slope;
      const da = 1 / a - 1 / ab;
      const db = -1 / ab;
      const varLog = da * da * fit.interceptSe ** 2 + 2 * da * db * fit.covariance + db * db * fit.slopeSe ** 2;
      const seLog = Math.sqrt(varLog);
      se = estimate * seLog;
      ci = [estimate * Math.exp(-t * seLog), estimate * Math.exp(t * seLog)];
    }
  } else {
    if (options.seed === undefined) {
      throw new PovineqError('MISSING_OPTION', 'a Monte Carlo interval needs a seed so that reruns give the same digits: pass { seed: 12345 }', { option: 'seed' });
    }
    seed = options.seed;
    simulations = options.simulations ?? 10000;
    if (!Number.isInteger(simulations) || simulations < 100) {
      throw new PovineqError('INVALID_OPTION', `simulations must be a whole number ≥ 100, got ${JSON.stringify(options.simulations)}`, { option: 'simulations' });
    }
    const draw = rateSampler(table, g, options);
    const rng = random(seed);
    const y = new Float64Array(k);
    const values = new Float64Array(simulations);
    for (let s = 0; s < simulations; s++) {
      draw(rng, y);
      const f = leastSquares(g.rank, y, g.share);
      values[s] = pick(indices(f.intercept, f.slope, f.mean, higherIsBetter));
    }
    let m = 0;
    for (let s = 0; s < simulations; s++) m += values[s]!;
    m /= simulations;
    let v = 0;
    for (let s = 0; s < simulations; s++) v += (values[s]! - m) ** 2;
    se = Math.sqrt(v / (simulations - 1));
    ci = percentileInterval(values, level);
  }
  const riiValue = convention === 'mean' ? ix.riiMean : ix.riiRatio;
  return requireFinite({
    measure,
    estimate,
    se,
    ci,
    level,
    method,
    sii: ix.sii,
    // undefined when the mean rate is 0 (sii() still answers): null, as the group-emptiness rule
    rii: Number.isFinite(riiValue) ? riiValue : null,
    convention,
    direction,
    intercept: fit.intercept,
    slope: fit.slope,
    interceptSe: fit.interceptSe,
    slopeSe: fit.slopeSe,
    covariance: fit.covariance,
    fittedMostDeprived: fit.intercept,
    fittedLeastDeprived: fit.intercept + fit.slope,
    mean: g.mean,
    df: fit.df,
    groups: k,
    table: groupsTable(g, (r) => fit.intercept + fit.slope * r),
    ...(simulations !== undefined ? { simulations, seed } : {}),
  }, measure, 'the rates are too extreme (near the double-precision limits) for the regression; rescale the column or check its values');
}

/**
 * Slope index of inequality: the absolute difference in a rate between the most and least deprived
 * ends of the population, from a population-weighted regression of group rates on the groups'
 * ridit ranks.
 *
 * Groups (e.g. SIMD deciles) are ordered most deprived first; group i has population share pᵢ and
 * ridit Rᵢ = Σ_{j<i} pⱼ + pᵢ/2. Weighted least squares of rateᵢ on Rᵢ with weights pᵢ gives
 * rate = a + b R; SII = −b (= fitted at R = 0 minus fitted at R = 1) when higher is worse, +b when
 * higher is better. The regression interval is SII ± t_{k−2, 1−α/2} · se(b) (R's `lm` with
 * weights); the Monte Carlo interval takes percentiles of the SII over simulated group rates.
 * Needs at least 3 groups.
 * References: Mackenbach & Kunst (1997) Soc. Sci. Med. 44(6):757–771; ScotPHO, "Measuring
 * health inequalities" (SII/RII definitions); Low & Low (2004) J. Epidemiol. Community Health 58:662.
 *
 * @example
 * sii(simd(), { group: 'decile', count: 'income_count', population: 'population', proportion: true })
 * // { sii: 0.33…, rii: 1.9…, ci: [...], table: deciles with rate, rank and fitted }
 */
export function sii(table: ColumnSource, options: SlopeIndexOptions): SlopeIndexResult {
  return slopeIndex(table, checkOptions(options, {}, 'sii', { open: true }), 'sii');
}

/**
 * Relative index of inequality: the SII relative to the overall level, in either of two
 * conventions (`convention`):
 *
 * - `'mean'` (default, Scottish): RII = SII / μ, μ the population-weighted mean rate; read as
 *   "the gap between the ends is RII × the average rate" (ScotPHO also publishes RII/2 as "the most
 *   deprived are RII/2 above the average"). Regression interval: the SII interval divided by μ.
 * - `'ratio'` (English public health variant): RII = fitted value at the most deprived end over
 *   that at the least deprived end, a / (a + b), or its reciprocal when higher is better.
 *   Regression interval: exp(log RII ± t · se), se of log RII by the delta method from the
 *   covariance of a and b.
 *
 * References: Mackenbach & Kunst (1997); ScotPHO (RII = SII / mean); Public Health England,
 * PHEindicatormethods::phe_sii (RII as a ratio of fitted values).
 *
 * @example
 * rii(simd(), { group: 'decile', count: 'income_count', population: 'population' })                         // SII / mean
 * rii(simd(), { group: 'decile', value: 'smr', population: 'population', convention: 'ratio', missing: 'drop' }) // a / (a + b)
 */
export function rii(table: ColumnSource, options: RelativeIndexOptions): SlopeIndexResult {
  return slopeIndex(table, checkOptions(options, {}, 'rii', { open: true }), 'rii');
}
