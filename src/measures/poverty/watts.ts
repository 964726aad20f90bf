import type { Distribution } from '../../core/index.js';
import { defineMeasure, embedInfluence, requireLine } from '../../core/index.js';
import { type LineOptions, populationLine, populationLineInfluence } from './fgt.js';

/** Watts index on a Distribution of positive values: Σ_{xᵢ<z} wᵢ ln(z/xᵢ) / W. */
export function wattsOf(d: Distribution, line: number): number {
  const k = d.countBelow(line);
  const x = d.values;
  const w = d.weights;
  const lnLine = Math.log(line);
  let s = 0;
  // ln z − ln x, not ln(z/x): z/x overflows for subnormal x (5e-324) while both logs are finite
  for (let i = 0; i < k; i++) s += w[i]! * (lnLine - Math.log(x[i]!));
  return s / d.totalWeight;
}

/**
 * Watts poverty index W = Σ_{xᵢ<z} wᵢ ln(z/xᵢ) / Σ wᵢ: distribution-sensitive, decomposable, and
 * the mean log shortfall of the poor.
 *
 * Needs positive incomes below the line: zero or negative values raise an error naming the column
 * unless `nonPositive: 'drop'` (which removes them from the population, denominator included).
 * Reference: Watts (1968), in Moynihan (ed.) On Understanding Poverty; Zheng (1993), Economics Letters 42(1).
 *
 * @example
 * watts([1, 2, 3, 4], { line: 3 }) // (ln 3 + ln 1.5) / 4
 */
export const watts = defineMeasure<LineOptions>({
  name: 'watts',
  params: ['line'],
  defaultLine: populationLine,
  compute: (d, o) => wattsOf(d.positive('watts', o.nonPositive), requireLine(o, 'watts')),
  influence: (d, o) => {
    const sub = d.positive('watts', o.nonPositive);
    return embedInfluence(d, sub, wattsInfluence(sub, requireLine(o, 'watts')));
  },
  /** ∂W/∂z = H(z)/z, the headcount over the line. */
  lineDerivative: (d, o) => {
    const sub = d.positive('watts', o.nonPositive);
    return sub.weightBelow(o.line) / sub.totalWeight / o.line;
  },
  lineInfluence: populationLineInfluence,
});

/**
 * Influence function of the Watts index with the line z fixed:
 * uᵢ = (ln(z/xᵢ)·1(xᵢ < z) − W_z) / W. Reference: Watts (1968); as FGT in Kakwani (1993).
 */
export function wattsInfluence(d: Distribution, line: number): Float64Array {
  const value = wattsOf(d, line);
  const k = d.countBelow(line);
  const x = d.values;
  const W = d.totalWeight;
  const u = new Float64Array(d.n).fill(-value / W);
  const lnLine = Math.log(line);
  for (let i = 0; i < k; i++) u[i] = (lnLine - Math.log(x[i]!) - value) / W;
  return u;
}
