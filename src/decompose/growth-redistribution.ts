import type { ColumnTable } from 'arquero';
import { PovineqError } from '../data/index.js';
import { type Distribution, type Input, type MeasureOptions, distribution, measureInfo, positiveMean, requireLine } from '../core/index.js';
import { headcount } from '../measures/index.js';
import { shapley } from './shapley.js';
import { type DecompositionRow, decompositionTable } from './decomposition-table.js';

/** Options of {@link growthRedistribution}. */
export type GrowthRedistributionOptions = MeasureOptions & {
  /** Poverty line, in the income units of both periods (deflate the later period first). */
  line: number;
  /**
   * A povineq poverty measure that takes `line` and is unchanged when incomes and the line are
   * scaled together (headcount, povertyGap, povertySeverity, fgt, watts, sen…). Default headcount.
   */
  measure?: unknown;
  /** Extra options for the measure, e.g. `{ alpha: 2 }` for fgt. */
  measureOptions?: Record<string, unknown>;
  /** `'datt-ravallion'` (default; growth and redistribution at a reference period, plus a residual) or `'shapley'` (no residual). */
  method?: 'datt-ravallion' | 'shapley';
  /** For `'datt-ravallion'`: the period whose Lorenz curve and mean hold the other factor fixed. Default `'initial'`. */
  reference?: 'initial' | 'final';
};

/**
 * Decomposes a change in poverty into a growth component (the change in mean income, holding the
 * Lorenz curve fixed), a redistribution component (the change in the Lorenz curve, holding the
 * mean fixed) and, for the Datt–Ravallion method, a residual.
 *
 * With P(μ, L) the poverty of a distribution with mean μ and Lorenz curve L, and periods 1 → 2:
 * Datt–Ravallion (reference `initial`): growth = P(μ₂, L₁) − P(μ₁, L₁), redistribution =
 * P(μ₁, L₂) − P(μ₁, L₁), residual = the rest; with reference `final` the components are
 * P(μ₂, L₂) − P(μ₁, L₂) and P(μ₂, L₂) − P(μ₂, L₁). The Shapley method averages over both orders
 * (Shorrocks 2013): growth = ½[P(μ₂, L₁) − P(μ₁, L₁) + P(μ₂, L₂) − P(μ₁, L₂)], and redistribution
 * likewise, with no residual. P(μ_a, L_b) is period b's distribution scaled to mean μ_a, computed
 * as period b's poverty at the line z·μ_b/μ_a (exact for measures homogeneous of degree zero in
 * incomes and line, which every FGT-family measure is).
 *
 * Returns an Arquero table: rows `growth`, `redistribution`, (`residual`,) `total` (= P₂ − P₁),
 * with `value`, `share` (fraction of the total change), and `initial`, `final` poverty.
 * Reference: Datt & Ravallion (1992) J. Development Economics 38(2); Shorrocks (2013) J. Economic
 * Inequality 11(1); Kolenikov & Shorrocks (2005) Review of Development Economics 9(1).
 *
 * @example
 * growthRedistribution(survey2019, survey2022, { value: 'income', weight: 'w', line: 300 })
 */
export function growthRedistribution(initial: Input, final: Input, options: GrowthRedistributionOptions): ColumnTable {
  const name = 'growthRedistribution';
  const line = requireLine(options, name);
  const info = measureInfo(options.measure ?? headcount);
  const method = options.method ?? 'datt-ravallion';
  if (method !== 'datt-ravallion' && method !== 'shapley') {
    throw new PovineqError('INVALID_OPTION', `${name}: method must be 'datt-ravallion' or 'shapley', got ${JSON.stringify(method)}`, { option: 'method' });
  }
  const reference = options.reference ?? 'initial';
  if (reference !== 'initial' && reference !== 'final') {
    throw new PovineqError('INVALID_OPTION', `${name}: reference must be 'initial' or 'final', got ${JSON.stringify(reference)}`, { option: 'reference' });
  }
  const { measure: _m, measureOptions, method: _me, reference: _r, line: _l, ...data } = options;
  const d1 = distribution(initial, data);
  const d2 = distribution(final, data);
  const mu = [positiveMean(d1, name), positiveMean(d2, name)];
  const ds: Distribution[] = [d1, d2];
  // P(mean of period a, Lorenz curve of period b)
  const P = (a: 0 | 1, b: 0 | 1): number =>
    info.compute(ds[b]!, { ...data, ...(measureOptions ?? {}), line: (line * mu[b]!) / mu[a]! } as never);
  const p11 = P(0, 0);
  const p22 = P(1, 1);
  const total = p22 - p11;
  const rows: DecompositionRow[] = [];
  if (method === 'shapley') {
    const table = shapley(['growth', 'redistribution'], (present) =>
      P(present.includes('growth') ? 1 : 0, present.includes('redistribution') ? 1 : 0),
    );
    const values = table.array('value') as number[];
    rows.push({ component: 'growth', kind: 'growth', value: values[0]! });
    rows.push({ component: 'redistribution', kind: 'redistribution', value: values[1]! });
  } else {
    const growth = reference === 'initial' ? P(1, 0) - p11 : p22 - P(0, 1);
    const redistribution = reference === 'initial' ? P(0, 1) - p11 : p22 - P(1, 0);
    rows.push({ component: 'growth', kind: 'growth', value: growth });
    rows.push({ component: 'redistribution', kind: 'redistribution', value: redistribution });
    rows.push({ component: 'residual', kind: 'residual', value: total - growth - redistribution });
  }
  rows.push({ component: 'total', kind: 'total', value: total });
  return decompositionTable(
    rows.map((r) => ({ ...r, initial: p11, final: p22 })),
    total,
  );
}
