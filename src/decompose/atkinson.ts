import type { ColumnTable } from 'arquero';
import { PovineqError, type ColumnSource } from '../data/index.js';
import { type Distribution, positiveMean, requireNumber } from '../core/index.js';
import { atkinsonOf } from '../measures/index.js';
import { type SubgroupOptions, inGroup, keyColumns, subgroups } from './subgroups.js';
import { type DecompositionRow, decompositionTable } from './decomposition-table.js';

/** Options of {@link atkinsonDecomposition}. */
export type AtkinsonDecompositionOptions = SubgroupOptions & {
  /** Inequality aversion ε > 0. */
  epsilon: number;
};

/** Generalized mean of order 1 − ε (geometric for ε = 1) of values with weights summing to 1. */
function powerMean(values: number[], weights: number[], epsilon: number): number {
  let s = 0;
  if (epsilon === 1) {
    for (let g = 0; g < values.length; g++) s += weights[g]! * Math.log(values[g]!);
    return Math.exp(s);
  }
  const e = 1 - epsilon;
  for (let g = 0; g < values.length; g++) s += weights[g]! * Math.pow(values[g]!, e);
  return Math.pow(s, 1 / e);
}

/**
 * Atkinson index split into between- and within-group inequality, multiplicatively:
 * 1 − A = (1 − A_B)(1 − A_W), so A = A_B + A_W − A_B·A_W.
 *
 * With ξ_g = μ_g (1 − A_g) the equally distributed equivalent (EDE) income of group g, the
 * population's EDE is ξ = M(ξ_g) and the EDE of the group means is ξ_B = M(μ_g), M the
 * population-weighted mean of order 1 − ε (geometric for ε = 1). Then A_B = 1 − ξ_B / μ (the
 * Atkinson index of the group means) and A_W = 1 − ξ / ξ_B (the share of the smoothed
 * distribution's EDE lost to inequality inside groups). The Atkinson index is not additively
 * decomposable; the `interaction` row, −A_B·A_W, makes the rows add up.
 *
 * Returns an Arquero table: one row per group (kind `group`, `value` null, with
 * `population_share`, `income_share`, `mean`, `index` = A_g and `ede` = ξ_g), then `between`,
 * `within`, `interaction` and `total`; the last four's `value`s add up (between + within +
 * interaction = total). Needs positive incomes for ε ≥ 1 (`nonPositive: 'drop'` to exclude).
 * Reference: Blackorby, Donaldson & Auersperg (1981) Canadian J. Econ. 14(4); Lasso de la Vega &
 * Urrutia (2008) J. Econ. Inequality 6(2).
 *
 * @example
 * atkinsonDecomposition(households, { by: 'council', value: 'income', epsilon: 1 })
 */
export function atkinsonDecomposition(table: ColumnSource, options: AtkinsonDecompositionOptions): ColumnTable {
  const name = 'atkinsonDecomposition';
  const epsilon = requireNumber(options?.epsilon, 'epsilon', name);
  if (!(epsilon > 0)) {
    throw new PovineqError('INVALID_OPTION', `${name}: epsilon must be positive (0.5, 1 and 2 are common), got ${epsilon}`, {
      option: 'epsilon',
    });
  }
  const domain = (d: Distribution) => (epsilon >= 1 || (d.n > 0 && d.values[0]! < 0) ? d.positive(name, options.nonPositive) : d);
  const s = subgroups(table, options, name, domain);
  const mu = positiveMean(s.whole, name);
  const total = atkinsonOf(s.whole, epsilon);
  const indices = s.groups.map((d, g) => inGroup(s, g, () => atkinsonOf(d, epsilon)));
  const ede = indices.map((a, g) => s.means[g]! * (1 - a));
  const edeWhole = powerMean(ede, s.populationShares, epsilon);
  const edeBetween = powerMean(s.means, s.populationShares, epsilon);
  const between = 1 - edeBetween / mu;
  const within = 1 - edeWhole / edeBetween;
  const rows: DecompositionRow[] = s.groups.map((_, g) => ({
    component: s.labels[g]!,
    kind: 'group',
    value: null,
    population_share: s.populationShares[g],
    income_share: s.incomeShares[g],
    mean: s.means[g],
    index: indices[g],
    ede: ede[g],
  }));
  rows.push({ component: 'between', kind: 'between', value: between });
  rows.push({ component: 'within', kind: 'within', value: within });
  rows.push({ component: 'interaction', kind: 'interaction', value: -between * within });
  rows.push({ component: 'total', kind: 'total', value: total, population_share: 1, income_share: 1, mean: mu, index: total, ede: mu * (1 - total) });
  return decompositionTable(rows, total, keyColumns(s, 4));
}
