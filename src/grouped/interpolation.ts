import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError } from '../data/index.js';
import type { GroupedDistribution } from './grouped-data.js';
import type { LorenzForm } from './lorenz-fit.js';
import { distributionFit } from './measures.js';

/**
 * How to read the Lorenz curve between the published points: `'linear'` (default) joins them with
 * straight lines (everyone in a group has the group mean — exact at the published points, so decile
 * shares from a decile table are the table's own); `'quadratic'`, `'beta'` or `'auto'` use a fitted
 * curve (World Bank rule for `'auto'`).
 */
export type InterpolationMethod = 'linear' | 'auto' | LorenzForm;

/** Options of the interpolation measures. */
export interface InterpolationOptions {
  method?: InterpolationMethod;
  /** With a fitted curve, accept one that fails its validity checks. */
  allowInvalid?: boolean;
}

/** L(p) on the straight lines through (0, 0) and the group points. */
export function linearLorenz(g: GroupedDistribution, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let lo = 0;
  let hi = g.n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (g.p[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  const p1 = g.p[lo]!;
  const L1 = g.L[lo]!;
  const p0 = lo > 0 ? g.p[lo - 1]! : 0;
  const L0 = lo > 0 ? g.L[lo - 1]! : 0;
  return L0 + ((L1 - L0) * (p - p0)) / (p1 - p0);
}

/** The Lorenz curve L(p) by the chosen method, as a function. */
export function lorenzFunction(g: GroupedDistribution, options: InterpolationOptions = {}): (p: number) => number {
  const method = options.method ?? 'linear';
  if (method === 'linear') return (p) => linearLorenz(g, p);
  if (method !== 'auto' && method !== 'quadratic' && method !== 'beta') {
    throw new PovineqError('INVALID_OPTION', `method must be 'linear', 'auto', 'quadratic' or 'beta', got ${JSON.stringify(method)}`, { option: 'method' });
  }
  const fit = distributionFit(g, { form: method, allowInvalid: options.allowInvalid });
  return (p) => fit.lorenz(p);
}

/**
 * Cumulative income shares L(p) of a grouped distribution at the given population shares, as an
 * Arquero table with columns `p` and `L` (fractions).
 *
 * @example
 * groupedLorenz(g, { p: [0.4, 0.9] })
 */
export function groupedLorenz(g: GroupedDistribution, options: InterpolationOptions & { p: readonly number[] }): ColumnTable {
  const ps = options?.p;
  if (!Array.isArray(ps) || ps.some((x) => typeof x !== 'number' || !(x >= 0 && x <= 1))) {
    throw new PovineqError('INVALID_OPTION', 'groupedLorenz: p must be an array of population shares in [0, 1]', { option: 'p' });
  }
  const L = lorenzFunction(g, options);
  return aq.table({ p: ps.slice(), L: ps.map((x) => L(x)) });
}

/**
 * Income shares of the ten deciles of a grouped distribution, as an Arquero table: `decile`
 * (1 = poorest), `share` = L(d/10) − L((d − 1)/10), `cumulative` = L(d/10). Fractions summing to 1.
 *
 * @example
 * groupedDecileShares(g, { method: 'linear' })
 */
export function groupedDecileShares(g: GroupedDistribution, options: InterpolationOptions = {}): ColumnTable {
  const L = lorenzFunction(g, options);
  const cumulative = Array.from({ length: 10 }, (_, d) => (d === 9 ? 1 : L((d + 1) / 10)));
  return aq.table({
    decile: Array.from({ length: 10 }, (_, d) => d + 1),
    share: cumulative.map((c, d) => c - (d > 0 ? cumulative[d - 1]! : 0)),
    cumulative,
  });
}

/**
 * Palma ratio from grouped data: the top decile's income share over the bottom four deciles',
 * (1 − L(0.9)) / L(0.4), with L read between the published points by `method` (default linear,
 * which for a decile table is s₁₀ / (s₁ + s₂ + s₃ + s₄) exactly).
 * Reference: Palma (2011); Cobham & Sumner (2013).
 *
 * @example
 * groupedPalma(groupedData(deciles, { groupMean: 'income', equalGroups: true }))
 */
export function groupedPalma(g: GroupedDistribution, options: InterpolationOptions = {}): number {
  const L = lorenzFunction(g, options);
  const bottom = L(0.4);
  if (!(bottom > 0)) {
    throw new PovineqError('UNDEFINED_RESULT', `groupedPalma: the bottom 40% hold a share of ${bottom}; the ratio needs a positive share`, {});
  }
  return (1 - L(0.9)) / bottom;
}
