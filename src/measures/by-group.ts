import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { type ColumnSource } from '../data/index.js';
import { PovineqError } from '../data/index.js';
import { type MeasureOptions, distribution } from '../core/index.js';
import { groupLabel, groupRows, partition } from '../core/index.js';
import { measureInfo, MEASURE_OPTIONS, finiteResult } from '../core/index.js';
import { checkOptions } from '../data/index.js';

/** byGroup's options: a measure's, plus the grouping. */
const BY_GROUP_OPTIONS = { ...MEASURE_OPTIONS, by: { kind: 'columns' }, as: { kind: 'string' }, groupLine: { kind: 'boolean' } } as const;

/** Options of {@link byGroup}: the measure's own options plus the grouping. */
export type ByGroupOptions = MeasureOptions & {
  /** Column(s) to group by. */
  by: string | readonly string[];
  /** Name of the output column holding the measure (default: the measure's name). */
  as?: string;
  /**
   * For poverty measures without an explicit `line`: `false` (default) uses one line computed
   * on the whole population for every group, as HBAI and laeken do; `true` computes each group's
   * own line from its own median.
   */
  groupLine?: boolean;
  [option: string]: unknown;
};

/**
 * A measure computed for each group of a table, as an Arquero table with one row per group: the
 * `by` columns, the measure (named after it, or `as`), `n` (rows) and `population` (Σ weights),
 * and for poverty measures the `line` used.
 *
 * The table is validated and sorted once; groups are split from the sorted order without
 * re-sorting. Poverty lines come from the whole population unless `groupLine: true`.
 *
 * @example
 * byGroup(gini, households, { by: 'council', value: 'income', weight: 'w' })
 * byGroup(headcount, households, { by: 'council', value: 'income', weight: 'w' }) // national line
 */
export function byGroup(measure: unknown, table: ColumnSource, options: ByGroupOptions): ColumnTable {
  const info = measureInfo(measure);
  options = checkOptions(options, BY_GROUP_OPTIONS, `byGroup(${info.name})`);
  if (options.by === undefined || options.by === null) {
    throw new PovineqError('MISSING_OPTION', 'byGroup needs { by: "column" } naming the grouping column(s)', { option: 'by' });
  }
  const { by, as, groupLine, ...rest } = options;
  const d = distribution(table as never, rest);
  const grouping = groupRows(table, by);
  const groups = partition(d, grouping);
  const usesLine = info.defaultLine !== undefined;
  const populationLine =
    usesLine && rest.line === undefined && !groupLine ? info.defaultLine!(d, rest as never) : (rest.line as number | undefined);

  const out: Record<string, unknown[]> = {};
  grouping.by.forEach((name, j) => (out[name] = grouping.keys[j]!));
  const column = as ?? info.name;
  const values: number[] = [];
  const lines: number[] = [];
  groups.forEach((gd, g) => {
    const line = usesLine ? (populationLine ?? info.defaultLine!(gd, rest as never)) : undefined;
    try {
      values.push(finiteResult(info.compute(gd, (usesLine ? { ...rest, line } : rest) as never), info.name, gd));
    } catch (e) {
      if (e instanceof PovineqError) {
        throw new PovineqError(e.code, `in group ${groupLabel(grouping, g)}: ${e.message}`, { ...e.details, group: grouping.keys.map((k) => k[g]) });
      }
      throw e;
    }
    if (line !== undefined) lines.push(line);
  });
  out[column] = values;
  out.n = groups.map((gd) => gd.n);
  out.population = groups.map((gd) => gd.totalWeight);
  if (usesLine) out.line = lines;
  return aq.table(out);
}
