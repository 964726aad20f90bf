import type { Distribution } from '../../core/index.js';
import { defineMeasure, fromColumns, requireLine } from '../../core/index.js';
import { giniInfluence, giniOf } from '../inequality/index.js';
import { type LineOptions, fgtInfluence, fgtOf, populationLine } from './fgt.js';

/**
 * Sen–Shorrocks–Thon index on a Distribution: P₁·(1 + G_g), with G_g the Gini of the poverty
 * gap ratios gᵢ = max(0, (z − xᵢ)/z) over the whole population.
 */
export function sstOf(d: Distribution, line: number): number {
  const k = d.countBelow(line);
  if (k === 0) return 0;
  const x = d.values;
  const w = d.weights;
  const W = d.totalWeight;
  // Gaps sorted ascending are: the non-poor (g = 0), then the poor from richest to poorest.
  let c = W - d.cumulativeWeights[k - 1]!;
  let s1 = 0;
  let s2 = 0;
  let sg = 0;
  for (let i = k - 1; i >= 0; i--) {
    const wi = w[i]!;
    const wg = (wi * (line - x[i]!)) / line;
    c += wi;
    s1 += wg * c;
    s2 += wg * wi;
    sg += wg;
  }
  if (sg === 0) return 0; // only zero-weight units below the line (a resample)
  const giniGaps = (2 * s1 - s2) / (W * sg) - 1;
  return (sg / W) * (1 + giniGaps);
}

/**
 * Sen–Shorrocks–Thon poverty index SST = P₁·(1 + G_g) = H · I · (1 + G_g), the limit of the
 * Sen index replicated, with G_g the Gini of the gap ratios over the whole population (non-poor
 * counted with a zero gap). Poor means strictly below the line. Returns a fraction.
 * Reference: Shorrocks (1995), Econometrica 63(5); Xu & Osberg (2002), Social Choice and Welfare 19.
 *
 * @example
 * sst(d, { line: povertyLine(d) })
 */
export const sst = defineMeasure<LineOptions>({
  name: 'sst',
  params: ['line'],
  defaultLine: populationLine,
  compute: (d, o) => sstOf(d, requireLine(o, 'sst')),
  influence: (d, o) => sstInfluence(d, requireLine(o, 'sst')),
});

/**
 * Influence function of SST = P₁·(1 + G_g) with the line fixed: uᵢ = (1 + G_g)·u_P₁,ᵢ + P₁·u_G_g,ᵢ,
 * u_G_g the Gini influence function of the gap ratios gᵢ = max(0, (z − xᵢ)/z) over everyone.
 * Reference: Osberg & Xu (2000), J. Human Resources 35(1), on the decomposition; product rule.
 */
export function sstInfluence(d: Distribution, line: number): Float64Array {
  const k = d.countBelow(line);
  if (k === 0) return new Float64Array(d.n);
  const x = d.values;
  const gaps = new Float64Array(d.n);
  for (let i = 0; i < k; i++) gaps[i] = (line - x[i]!) / line;
  const dg = fromColumns(gaps, d.weights, 'gap', 'weight');
  const gg = giniOf(dg);
  const ugSorted = giniInfluence(dg);
  const p1 = fgtOf(d, 1, line);
  const u = fgtInfluence(d, 1, line);
  for (let i = 0; i < u.length; i++) u[i] = (1 + gg) * u[i]!;
  for (let j = 0; j < dg.n; j++) u[dg.rows[j]!]! += p1 * ugSorted[j]!;
  return u;
}
