import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { type Distribution, type Input, type MeasureOptions, distribution } from '../../core/index.js';
import { positiveMean } from '../../core/index.js';
import { checkProbability, cumulativeIncomeAt } from '../../core/index.js';
import { PovineqError } from '../../data/index.js';

/** Options of {@link lorenz}. */
export interface LorenzOptions {
  /**
   * Population shares at which to evaluate the curve (each in [0, 1]), or a number of equal steps
   * (e.g. 100 gives p = 0, 0.01, …, 1). Default: every distinct value's end point, plus (0, 0).
   */
  at?: number | readonly number[];
}

/**
 * Lorenz curve and generalized Lorenz curve as an Arquero table with columns
 * `p` (cumulative population share), `L` (cumulative income share) and `GL` (L × mean, the
 * generalized Lorenz ordinate, in income units per person).
 *
 * L(p) = (T_{i−1} + (pW − C_{i−1}) xᵢ) / T where unit i straddles p (linear between units).
 * By default the table has one row per distinct value (ties merged) and starts at (0, 0).
 * Reference: Lorenz (1905); Shorrocks (1983), Economica 50(197) for the generalized curve.
 *
 * @example
 * lorenz([1, 2, 3, 4]).objects() // [{p: 0, L: 0, GL: 0}, {p: 0.25, L: 0.1, GL: 0.25}, …]
 * lorenz(d, { at: 10 }) // deciles
 */
export function lorenz(data: Input, options: MeasureOptions & LorenzOptions = {}): ColumnTable {
  const d = distribution(data, options);
  return lorenzOf(d, options.at);
}

/** {@link lorenz} on a Distribution. */
export function lorenzOf(d: Distribution, at?: number | readonly number[]): ColumnTable {
  const mean = positiveMean(d, 'lorenz');
  let p: Float64Array;
  let L: Float64Array;
  if (at === undefined) {
    const x = d.values;
    const cw = d.cumulativeWeights;
    const ct = d.cumulativeTotals;
    const W = d.totalWeight;
    const T = d.total;
    const ends: number[] = [];
    for (let i = 0; i < d.n; i++) if (i === d.n - 1 || x[i + 1]! !== x[i]!) ends.push(i);
    p = new Float64Array(ends.length + 1);
    L = new Float64Array(ends.length + 1);
    ends.forEach((i, k) => {
      p[k + 1] = cw[i]! / W;
      L[k + 1] = ct[i]! / T;
    });
  } else {
    const grid = typeof at === 'number' ? steps(at) : Array.from(at);
    grid.forEach((v) => checkProbability(v, 'at'));
    p = Float64Array.from(grid);
    L = p.map((v) => cumulativeIncomeAt(d, v) / d.total);
  }
  const GL = L.map((l) => l * mean);
  return aq.table({ p, L, GL });
}

function steps(k: number): number[] {
  if (!Number.isInteger(k) || k < 1) {
    throw new PovineqError('INVALID_OPTION', `lorenz: at must be a positive whole number of steps or an array of shares, got ${k}`, { option: 'at' });
  }
  return Array.from({ length: k + 1 }, (_, i) => i / k);
}
