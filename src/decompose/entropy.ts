import type { ColumnTable } from 'arquero';
import type { ColumnSource } from '../data/index.js';
import { requireNumber } from '../core/index.js';
import { entropyDomain, generalizedEntropyOf } from '../measures/index.js';
import { type SubgroupOptions, inGroup, keyColumns, subgroups } from './subgroups.js';
import { type DecompositionRow, decompositionTable } from './decomposition-table.js';

/** Options of {@link entropyDecomposition}. */
export type EntropyDecompositionOptions = SubgroupOptions & {
  /** Sensitivity α of GE(α): 0 the mean log deviation, 1 the Theil index, 2 half the squared CV. */
  alpha: number;
};

/** The between-group GE(α): GE of the distribution in which every unit has its group's mean. */
export function entropyBetween(populationShares: number[], means: number[], mean: number, alpha: number): number {
  let s = 0;
  for (let g = 0; g < means.length; g++) {
    const f = populationShares[g]!;
    const r = means[g]! / mean;
    if (alpha === 0) s -= f * Math.log(r);
    else if (alpha === 1) s += r > 0 ? f * r * Math.log(r) : 0;
    else s += f * Math.pow(r, alpha);
  }
  return alpha === 0 || alpha === 1 ? s : (s - 1) / (alpha * (alpha - 1));
}

/**
 * Generalized entropy GE(α) split into between-group and within-group inequality (Shorrocks 1980).
 *
 * GE(α) = GE_B + GE_W, with GE_W = Σ_g w_g GE_g, w_g = f_g^(1−α) s_g^α (f_g the group's population
 * share, s_g its income share; w_g = f_g for the MLD, α = 0, and s_g for Theil, α = 1), and GE_B
 * the GE(α) of the distribution in which everyone has their group's mean. The split is exact.
 *
 * Returns an Arquero table: one row per group (kind `group`; `value` = w_g GE_g, its contribution
 * to GE_W; with `population_share`, `income_share`, `mean`, `index` = GE_g, `weight` = w_g), then
 * rows `within`, `between` and `total`. `share` is value / total (fractions). Group rows sum to
 * `within`; `within` + `between` = `total`.
 * Reference: Shorrocks (1980) Econometrica 48(3); Cowell (2011) Measuring Inequality, §3.
 *
 * @example
 * entropyDecomposition(households, { by: 'council', value: 'income', weight: 'w', alpha: 1 })
 */
export function entropyDecomposition(table: ColumnSource, options: EntropyDecompositionOptions): ColumnTable {
  const name = 'entropyDecomposition';
  const alpha = requireNumber(options?.alpha, 'alpha', name);
  const s = subgroups(table, options, name, (d) => entropyDomain(d, alpha, name, options.nonPositive));
  const total = generalizedEntropyOf(s.whole, alpha);
  const rows: DecompositionRow[] = [];
  let within = 0;
  s.groups.forEach((d, g) => {
    const index = inGroup(s, g, () => generalizedEntropyOf(d, alpha));
    const f = s.populationShares[g]!;
    const sh = s.incomeShares[g]!;
    const weight = alpha === 0 ? f : alpha === 1 ? sh : Math.pow(f, 1 - alpha) * Math.pow(sh, alpha);
    within += weight * index;
    rows.push({
      component: s.labels[g]!,
      kind: 'group',
      value: weight * index,
      population_share: f,
      income_share: sh,
      mean: s.means[g],
      index,
      weight,
    });
  });
  const between = entropyBetween(s.populationShares, s.means, s.whole.mean, alpha);
  rows.push({ component: 'within', kind: 'within', value: within });
  rows.push({ component: 'between', kind: 'between', value: between });
  rows.push({ component: 'total', kind: 'total', value: total, population_share: 1, income_share: 1, mean: s.whole.mean, index: total });
  return decompositionTable(rows, total, keyColumns(s, 3));
}

/**
 * Theil index (GE(1)) split into between- and within-group parts; see {@link entropyDecomposition}.
 *
 * @example
 * theilDecomposition(households, { by: 'council', value: 'income' })
 */
export function theilDecomposition(table: ColumnSource, options: SubgroupOptions): ColumnTable {
  return entropyDecomposition(table, { ...options, alpha: 1 });
}

/**
 * Mean log deviation (GE(0)) split into between- and within-group parts; the within part weights
 * groups by population share. See {@link entropyDecomposition}.
 *
 * @example
 * mldDecomposition(households, { by: 'council', value: 'income' })
 */
export function mldDecomposition(table: ColumnSource, options: SubgroupOptions): ColumnTable {
  return entropyDecomposition(table, { ...options, alpha: 0 });
}
