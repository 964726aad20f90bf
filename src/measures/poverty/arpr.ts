import type { Distribution } from '../../core/index.js';
import { defineMeasure, kernelDensity, requireNumber } from '../../core/index.js';
import { quantileOf, quantileRange } from '../../core/index.js';
import { PovineqError } from '../../data/index.js';
import { quantileInfluence } from '../inequality/index.js';
import { fgtInfluence } from './fgt.js';

/** Options of {@link arpr} and {@link rmpg}. */
export interface ArprOptions {
  /** Fraction of the median that sets the threshold, default 0.6. */
  fraction?: number;
  /**
   * A threshold computed elsewhere (e.g. on the whole population when measuring a subgroup).
   * When given, `fraction` is ignored.
   */
  line?: number;
}

/** The at-risk-of-poverty threshold as laeken's `arpt`: fraction × weighted median (laeken rule). */
export function arptOf(d: Distribution, options: ArprOptions = {}): number {
  if (options.line !== undefined) return requireNumber(options.line, 'line', 'arpr');
  const fraction = requireNumber(options.fraction ?? 0.6, 'fraction', 'arpr');
  if (!(fraction > 0)) {
    throw new PovineqError('INVALID_OPTION', `arpr: fraction must be positive (0.6 for 60%), got ${fraction}`, { option: 'fraction' });
  }
  return fraction * quantileOf(d, 0.5, 'laeken');
}

/** ARPR on a Distribution with a given threshold. */
export function arprOf(d: Distribution, line: number): number {
  return d.weightBelow(line) / d.totalWeight;
}

/**
 * At-risk-of-poverty rate: the weighted share of units strictly below 60% of the weighted median,
 * ARPR = Σ_{xᵢ<z} wᵢ / Σ wᵢ with z = 0.6 · median (the at-risk-of-poverty threshold).
 *
 * Matches R laeken::arpr: the median takes the first unit whose cumulative weight share strictly
 * exceeds 0.5, and "below" is strict. Returns a fraction (laeken reports percent). For subgroups,
 * pass the whole population's threshold as `line` (byGroup does this for you).
 * Reference: Eurostat (2004) EU-SILC common indicators; Alfons & Templ (2013), J. Stat. Softw. 54(15).
 *
 * @example
 * arpr(eusilc(), { value: 'eqIncome', weight: 'rb050' }) // 0.1444422 (laeken: 14.44422 %)
 */
export const arpr = defineMeasure<ArprOptions>({
  name: 'arpr',
  params: ['fraction'],
  defaultLine: (d, o) => arptOf(d, { fraction: o?.fraction }),
  compute: (d, o) => arprOf(d, arptOf(d, o)),
  /** With the threshold z fixed: uᵢ = (1(xᵢ < z) − ARPR)/W, as the headcount. */
  influence: (d, o) => fgtInfluence(d, 0, arptOf(d, o)),
  /** ∂ARPR/∂z = f̂(z), the kernel density at the threshold. */
  lineDerivative: (d, o) => kernelDensity(d, o.line),
  lineInfluence: (d, o) => arptInfluence(d, o),
  takesMedian: (o) => o.line === undefined,
});

/**
 * Influence function of the threshold z = fraction × median (laeken's median rule):
 * uᵢ = −fraction·(1(xᵢ ≤ m) − ½)/(W·f̂(m)). With it, the full linearized ARPR is
 * uᵢ = (1(xᵢ < z) − ARPR)/W − fraction·(f̂(z)/f̂(m))·(1(xᵢ ≤ m) − ½)/W.
 * Reference: Deville (1999); Osier (2009), Survey Research Methods 3(3), eq. (3.5); R convey::svyarpr.
 */
export function arptInfluence(d: Distribution, options: ArprOptions = {}): Float64Array {
  const fraction = options.fraction ?? 0.6;
  return quantileInfluence(d, 0.5, 'laeken').map((v) => fraction * v);
}

/** RMPG on a Distribution with a given threshold. */
export function rmpgOf(d: Distribution, line: number): number {
  const k = d.countBelow(line);
  if (k === 0 || d.cumulativeWeights[k - 1] === 0) {
    throw new PovineqError(
      'UNDEFINED_RESULT',
      `rmpg: no unit of column "${d.column}" is below the threshold ${line}, so the median of the poor is undefined`,
      { column: d.column, line },
    );
  }
  const medianPoor = quantileRange(d, 0.5, 'laeken', 0, k);
  return (line - medianPoor) / line;
}

/**
 * Relative median at-risk-of-poverty gap: how far the median income of those below the threshold
 * falls short of it, (z − median of the poor) / z, with z = 60% of the weighted median.
 *
 * Matches R laeken::rmpg (laeken's quantile rule for both medians, strict "below"). Returns a
 * fraction. Errors when nobody is below the threshold.
 * Reference: Eurostat (2004); Alfons & Templ (2013).
 *
 * @example
 * rmpg(eusilc(), { value: 'eqIncome', weight: 'rb050' }) // 0.1892860 (laeken: 18.92860 %)
 */
export const rmpg = defineMeasure<ArprOptions>({
  name: 'rmpg',
  params: ['fraction'],
  defaultLine: (d, o) => arptOf(d, { fraction: o?.fraction }),
  compute: (d, o) => rmpgOf(d, arptOf(d, o)),
  influence: (d, o) => rmpgInfluence(d, arptOf(d, o)),
  lineDerivative: (d, o) => rmpgLineDerivative(d, o.line),
  lineInfluence: (d, o) => arptInfluence(d, o),
});

/**
 * Influence function of RMPG = (z − m_p)/z with the threshold z fixed, m_p the median of those
 * below z (defined by F(m_p) = F(z)/2): uᵢ = −u_{m_p},ᵢ / z with
 * u_{m_p},ᵢ = (½·1(xᵢ < z) − 1(xᵢ ≤ m_p)) / (W·f̂(m_p)).
 * Reference: Osier (2009), Survey Research Methods 3(3), RMPG; R convey::svyrmpg.
 */
export function rmpgInfluence(d: Distribution, line: number): Float64Array {
  const k = d.countBelow(line);
  const mp = (1 - rmpgOf(d, line)) * line;
  const f = kernelDensity(d, mp);
  const x = d.values;
  const W = d.totalWeight;
  const u = new Float64Array(d.n);
  for (let i = 0; i < x.length; i++) u[i] = -((i < k ? 0.5 : 0) - (x[i]! <= mp ? 1 : 0)) / (W * f) / line;
  return u;
}

/** ∂RMPG/∂z = −(∂m_p/∂z)/z + m_p/z², with ∂m_p/∂z = ½ f̂(z)/f̂(m_p). */
export function rmpgLineDerivative(d: Distribution, line: number): number {
  const mp = (1 - rmpgOf(d, line)) * line;
  const dm = (0.5 * kernelDensity(d, line)) / kernelDensity(d, mp);
  return -dm / line + mp / (line * line);
}
