import type { Distribution } from '../../core/index.js';
import { defineMeasure, requireLine } from '../../core/index.js';
import { type LineOptions, populationLine } from './fgt.js';

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
});
