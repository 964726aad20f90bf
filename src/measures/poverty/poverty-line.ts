import type { Distribution } from '../../core/index.js';
import { defineMeasure, positiveMean, requireNumber } from '../../core/index.js';
import { type QuantileType, quantileOf } from '../../core/index.js';
import { quantileInfluence } from '../inequality/index.js';
import { PovineqError } from '../../data/index.js';

/** Options of {@link povertyLine}. */
export interface PovertyLineOptions {
  /** Fraction of the reference income, default 0.6 (a fraction, not a percent). */
  fraction?: number;
  /** Reference income: the weighted `'median'` (default) or `'mean'`. */
  of?: 'median' | 'mean';
  /** Quantile rule for the median (default `'eurostat'`). */
  type?: QuantileType;
}

/** fraction × median (or mean) on a Distribution. */
export function povertyLineOf(d: Distribution, options: PovertyLineOptions = {}): number {
  const fraction = requireNumber(options.fraction ?? 0.6, 'fraction', 'povertyLine');
  if (!(fraction > 0)) {
    throw new PovineqError('INVALID_OPTION', `povertyLine: fraction must be positive (0.6 for 60%), got ${fraction}`, { option: 'fraction' });
  }
  const of = options.of ?? 'median';
  if (of === 'mean') return fraction * positiveMean(d, 'povertyLine');
  if (of !== 'median') {
    throw new PovineqError('INVALID_OPTION', `povertyLine: of must be 'median' or 'mean', got ${JSON.stringify(of)}`, { option: 'of' });
  }
  return fraction * quantileOf(d, 0.5, options.type ?? 'eurostat');
}

/**
 * Relative poverty line z = fraction × median (or × mean), default 0.6 × the weighted median,
 * in income units.
 *
 * The 60%-of-median line is the EU at-risk-of-poverty threshold and the HBAI/PIIS relative low
 * income line; the median uses the EU-SILC quantile rule by default (`type` changes it). In
 * HBAI the median is person-weighted and taken over the reference population (the UK for
 * Scottish figures): compute the line there and pass it as `line` to the poverty measures.
 * Reference: Eurostat (2004); DWP HBAI methodology.
 *
 * @example
 * povertyLine(households, { value: 'income', weight: 'w' }) // 0.6 × weighted median
 * povertyLine(d, { fraction: 0.5 }) // the deep-poverty line
 */
export const povertyLine = defineMeasure<PovertyLineOptions>({
  name: 'povertyLine',
  params: ['fraction'],
  compute: (d, o) => povertyLineOf(d, o),
  influence: (d, o) => povertyLineInfluence(d, o),
  takesMedian: (o) => o?.of !== 'mean' && o?.type !== 7,
});

/**
 * Deep poverty line z = fraction × median with fraction 0.5 by default: the HBAI 50%-of-median
 * low-income threshold (PIIS reports it as "deep poverty"; Eurostat also publishes 40%, 50% and
 * 70% thresholds). Same options and median rule as {@link povertyLine}; pass `fraction` for
 * another share of the median, e.g. 0.4.
 * Reference: DWP HBAI methodology (low-income thresholds); Eurostat (2004).
 *
 * @example
 * headcount(d, { line: deepPovertyLine(d) })
 */
export const deepPovertyLine = defineMeasure<PovertyLineOptions>({
  name: 'deepPovertyLine',
  params: ['fraction'],
  compute: (d, o) => povertyLineOf(d, { ...o, fraction: o?.fraction ?? 0.5 }),
  influence: (d, o) => povertyLineInfluence(d, { ...o, fraction: o?.fraction ?? 0.5 }),
  takesMedian: (o) => o?.of !== 'mean' && o?.type !== 7,
});

/**
 * Influence function of the estimated line z = fraction × median (or × mean):
 * uᵢ = −fraction·(1(xᵢ ≤ m) − ½) / (W·f̂(m)) for the median m (f̂ the kernel density, see
 * quantileInfluence), or fraction·(xᵢ − μ)/W for the mean.
 * Reference: Deville (1999); Osier (2009), Survey Research Methods 3(3), eq. (3.4).
 */
export function povertyLineInfluence(d: Distribution, options: PovertyLineOptions = {}): Float64Array {
  const fraction = options.fraction ?? 0.6;
  if ((options.of ?? 'median') === 'mean') {
    const mu = positiveMean(d, 'povertyLine');
    const W = d.totalWeight;
    return d.values.map((x) => (fraction * (x - mu)) / W);
  }
  return quantileInfluence(d, 0.5, options.type ?? 'eurostat').map((v) => fraction * v);
}
