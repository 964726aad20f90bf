import { type ColumnSource, PovineqError } from '../data/index.js';
import { type Distribution, type Grouping, type MeasureOptions, distribution, groupLabel, groupRows, partition } from '../core/index.js';

/** Options shared by the subgroup decompositions. */
export type SubgroupOptions = MeasureOptions & {
  /** Column(s) whose values define the groups, e.g. `'council'`. */
  by: string | readonly string[];
};

/** A population split into groups, with each group's population and income shares. */
export interface Subgroups {
  whole: Distribution;
  groups: Distribution[];
  grouping: Grouping;
  /** Component label of each group: the key value(s) as text. */
  labels: string[];
  /** f_g = W_g / W, the population share of each group (a fraction). */
  populationShares: number[];
  /** s_g = T_g / T, the income share of each group (a fraction). */
  incomeShares: number[];
  /** μ_g, the weighted mean of each group. */
  means: number[];
}

/** Reads and validates the table once, then splits the sorted units by group without re-sorting. */
export function subgroups(
  table: ColumnSource,
  options: SubgroupOptions,
  name: string,
  domain: (d: Distribution) => Distribution = (d) => d,
): Subgroups {
  if (options?.by === undefined) {
    throw new PovineqError('MISSING_OPTION', `${name} needs { by: "column" } naming the grouping column(s)`, { option: 'by' });
  }
  const { by, ...rest } = options;
  const whole = domain(distribution(table as never, rest));
  const grouping = groupRows(table, by);
  const groups = partition(whole, grouping);
  const W = whole.totalWeight;
  const T = whole.total;
  const labels = groups.map((_, g) => grouping.keys.map((k) => String(k[g])).join(', '));
  return {
    whole,
    groups,
    grouping,
    labels,
    populationShares: groups.map((d) => d.totalWeight / W),
    incomeShares: groups.map((d) => d.total / T),
    means: groups.map((d) => d.mean),
  };
}

/** Runs `f` for group g, prefixing any PovineqError with the group's name. */
export function inGroup<T>(s: Subgroups, g: number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PovineqError) {
      throw new PovineqError(e.code, `in group ${groupLabel(s.grouping, g)}: ${e.message}`, {
        ...e.details,
        group: s.grouping.keys.map((k) => k[g]),
      });
    }
    throw e;
  }
}

/**
 * The `by` key columns for a result table with one row per group followed by `extra` summary
 * rows (whose keys are null).
 */
export function keyColumns(s: Subgroups, extra: number): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  s.grouping.by.forEach((name, j) => {
    out[name] = [...s.grouping.keys[j]!, ...new Array(extra).fill(null)];
  });
  return out;
}
