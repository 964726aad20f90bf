import type { Distribution } from '../../core/index.js';
import { defineMeasure, kernelDensity, requireNumber } from '../../core/index.js';
import { PovineqError } from '../../data/index.js';
import { type QuantileType, checkProbability, quantileOf } from '../../core/index.js';

export type { QuantileType } from '../../core/index.js';

/** Options of {@link quantile}. */
export interface QuantileOptions {
  /** Probability in [0, 1]. */
  p: number;
  /** Quantile rule: `'eurostat'` (default), `'laeken'` or `7`. See docs/methods/quantiles.md. */
  type?: QuantileType;
}

/**
 * Weighted quantile at probability p: Q(p) = x_k, with k the first unit (ascending) whose
 * cumulative weight share C_k/W reaches p.
 *
 * `'eurostat'` (default): the first unit whose cumulative weight share reaches p, averaged with the
 * next unit when the share equals p exactly (the EU-SILC rule). `'laeken'`: the first unit whose
 * share strictly exceeds p (R laeken::weightedQuantile). `7`: R's type 7 interpolation, with
 * weights read as frequencies. The rules differ only on exact ties of cumulative weight.
 * Reference: Eurostat (2004); Hyndman & Fan (1996), Am. Stat. 50(4).
 *
 * @example
 * quantile([1, 2, 3, 4], { p: 0.5 }) // 2.5 (eurostat: share 0.5 reached exactly at 2)
 * quantile([1, 2, 3, 4], { p: 0.5, type: 'laeken' }) // 3
 */
export const quantile = defineMeasure<QuantileOptions>({
  name: 'quantile',
  params: ['p'],
  compute: (d, o) => {
    const p = requireNumber(o?.p, 'p', 'quantile');
    checkProbability(p, 'p');
    return quantileOf(d, p, o.type ?? 'eurostat');
  },
  influence: (d, o) => quantileInfluence(d, requireNumber(o?.p, 'p', 'quantile'), o.type ?? 'eurostat'),
});

/**
 * Influence function of the weighted p-quantile q: uᵢ = −(1(xᵢ ≤ q) − p) / (W·f̂(q)), with f̂ the
 * Gaussian kernel density at q (bandwidth by Silverman's rule, see kernelDensity).
 * Reference: Deville (1999), Survey Methodology 25(2), §4; Osier (2009), Survey Research Methods
 * 3(3), eq. (3.3); R convey::svyiqalpha.
 */
export function quantileInfluence(d: Distribution, p: number, type: QuantileType = 'eurostat', q = quantileOf(d, p, type)): Float64Array {
  const f = kernelDensity(d, q);
  if (!(f > 0)) {
    throw new PovineqError('UNDEFINED_RESULT', `the density of column "${d.column}" at its ${p} quantile is zero; the linearized variance is undefined — use method: 'bootstrap'`, {
      column: d.column,
    });
  }
  const x = d.values;
  const k = 1 / (d.totalWeight * f);
  const u = new Float64Array(d.n);
  for (let i = 0; i < x.length; i++) u[i] = -((x[i]! <= q ? 1 : 0) - p) * k;
  return u;
}

/**
 * Weighted median: {@link quantile} at p = 0.5 (`'eurostat'` rule by default).
 *
 * With cumulative weight shares Cᵢ/W, the median is the first value whose share reaches 0.5,
 * averaged with the next value when the share equals 0.5 exactly (EU-SILC); `type: 'laeken'` takes
 * the first value whose share exceeds 0.5, as R laeken::weightedMedian and {@link arpr} do.
 * Reference: Eurostat (2004) EU-SILC common cross-sectional indicators (median equivalised income).
 *
 * @example
 * median([3, 1, 2]) // 2
 */
export const median = defineMeasure<{ type?: QuantileType }>({
  name: 'median',
  compute: (d, o) => quantileOf(d, 0.5, o?.type ?? 'eurostat'),
  influence: (d, o) => quantileInfluence(d, 0.5, o?.type ?? 'eurostat'),
  takesMedian: (o) => o?.type !== 7,
});

/** Options of {@link percentileRatio}. */
export interface PercentileRatioOptions {
  /** Upper probability, e.g. 0.9. */
  upper: number;
  /** Lower probability, e.g. 0.1. */
  lower: number;
  /** Quantile rule (default `'eurostat'`). */
  type?: QuantileType;
}

/**
 * Ratio of two weighted quantiles, e.g. P90/P10 = quantile(0.9) / quantile(0.1).
 *
 * Uses {@link quantile}'s rule (`'eurostat'` by default). Errors if the lower quantile is not positive.
 * Reference: OECD Income Distribution Database definitions (P90/P10, P90/P50, P50/P10).
 *
 * @example
 * percentileRatio(households, { value: 'income', upper: 0.9, lower: 0.1 })
 */
export const percentileRatio = defineMeasure<PercentileRatioOptions>({
  name: 'percentileRatio',
  params: ['upper', 'lower'],
  compute: (d, o) => {
    const upper = requireNumber(o?.upper, 'upper', 'percentileRatio');
    const lower = requireNumber(o?.lower, 'lower', 'percentileRatio');
    checkProbability(upper, 'upper');
    checkProbability(lower, 'lower');
    const type = o.type ?? 'eurostat';
    const low = quantileOf(d, lower, type);
    if (!(low > 0)) {
      throw new PovineqError('UNDEFINED_RESULT', `percentileRatio: the ${lower} quantile of column "${d.column}" is ${low}; the ratio needs it positive`, {
        column: d.column,
      });
    }
    return quantileOf(d, upper, type) / low;
  },
  /**
   * Influence of R = q_upper / q_lower: uᵢ = (u_upper,ᵢ − R·u_lower,ᵢ) / q_lower, each quantile's
   * influence from {@link quantileInfluence}. Reference: Osier (2009), ratio rule.
   */
  influence: (d, o) => {
    const type = o.type ?? 'eurostat';
    const qu = quantileOf(d, o.upper, type);
    const ql = quantileOf(d, o.lower, type);
    const uu = quantileInfluence(d, o.upper, type, qu);
    const ul = quantileInfluence(d, o.lower, type, ql);
    const R = qu / ql;
    return uu.map((v, i) => (v - R * ul[i]!) / ql);
  },
});
