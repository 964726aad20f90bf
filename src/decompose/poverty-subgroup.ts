import type { ColumnTable } from 'arquero';
import { PovineqError, type ColumnSource } from '../data/index.js';
import { type Distribution, requireLine, requireNumber } from '../core/index.js';
import { fgtOf, povertyLineOf, wattsOf } from '../measures/index.js';
import { type SubgroupOptions, type Subgroups, inGroup, keyColumns, subgroups } from './subgroups.js';
import { type DecompositionRow, decompositionTable } from './decomposition-table.js';

/** Options of {@link fgtDecomposition}. */
export type FgtDecompositionOptions = SubgroupOptions & {
  /** Poverty aversion α ≥ 0: 0 headcount, 1 gap, 2 severity. */
  alpha: number;
  /**
   * Poverty line in income units, the same for every group. When omitted, 60% of the whole
   * population's weighted median (as {@link byGroup} does), reported in the `line` column.
   */
  line?: number;
};

/** Options of {@link wattsDecomposition}. */
export type WattsDecompositionOptions = SubgroupOptions & { line?: number };

function lineFor(s: Subgroups, options: { line?: number }, name: string): number {
  if (options.line !== undefined) return requireLine(options, name);
  const line = povertyLineOf(s.whole);
  if (!(line > 0)) {
    throw new PovineqError(
      'INVALID_OPTION',
      `${name}: the default line, 60% of the weighted median of column "${s.whole.column}", is ${line}, and a poverty line must be positive; pass { line } in income units`,
      { option: 'line', column: s.whole.column, line },
    );
  }
  return line;
}

function povertyTable(s: Subgroups, line: number, index: (d: Distribution) => number): ColumnTable {
  const total = index(s.whole);
  const rows: DecompositionRow[] = s.groups.map((d, g) => {
    const p = inGroup(s, g, () => index(d));
    return {
      component: s.labels[g]!,
      kind: 'group',
      value: s.populationShares[g]! * p,
      population_share: s.populationShares[g],
      index: p,
      risk: total === 0 ? null : p / total,
      line,
    };
  });
  rows.push({ component: 'total', kind: 'total', value: total, population_share: 1, index: total, risk: total === 0 ? null : 1, line });
  return decompositionTable(rows, total, keyColumns(s, 1));
}

/**
 * A Foster–Greer–Thorbecke poverty index by population subgroup: P_α = Σ_g f_g P_α,g.
 *
 * Each group's contribution is f_g P_α,g (its population share times its own FGT(α) at the common
 * line); the contributions add up to the population's P_α exactly (FGT is additively
 * decomposable). Returns an Arquero table: one row per group (kind `group`, `value` the
 * contribution, `share` its fraction of the total, with `population_share`, `index` = P_α,g,
 * `risk` = P_α,g / P_α, the relative risk, and `line`), then `total`.
 * Reference: Foster, Greer & Thorbecke (1984) Econometrica 52(3), §3.
 *
 * @example
 * fgtDecomposition(households, { by: 'family_type', value: 'income', weight: 'w', alpha: 0, line: 300 })
 */
export function fgtDecomposition(table: ColumnSource, options: FgtDecompositionOptions): ColumnTable {
  const name = 'fgtDecomposition';
  const alpha = requireNumber(options?.alpha, 'alpha', name);
  if (alpha < 0) throw new PovineqError('INVALID_OPTION', `${name}: alpha must be ≥ 0, got ${alpha}`, { option: 'alpha' });
  const s = subgroups(table, options, name);
  const line = lineFor(s, options, name);
  return povertyTable(s, line, (d) => fgtOf(d, alpha, line));
}

/**
 * The Watts poverty index by population subgroup: W = Σ_g f_g W_g, each group's contribution
 * f_g W_g at the common line, adding up to the total exactly. Needs positive incomes
 * (`nonPositive: 'drop'` to exclude the others, from the population too). Same table as
 * {@link fgtDecomposition}.
 * Reference: Watts (1968); Zheng (1993) Social Choice and Welfare 10.
 *
 * @example
 * wattsDecomposition(households, { by: 'council', value: 'income', line: 300 })
 */
export function wattsDecomposition(table: ColumnSource, options: WattsDecompositionOptions): ColumnTable {
  const name = 'wattsDecomposition';
  const s = subgroups(table, options, name, (d) => d.positive('watts', options?.nonPositive));
  const line = lineFor(s, options, name);
  return povertyTable(s, line, (d) => wattsOf(d, line));
}
