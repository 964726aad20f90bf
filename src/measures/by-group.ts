import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { type ColumnSource } from '../data/index.js';
import { PovineqError } from '../data/index.js';
import { type MeasureOptions, distribution, measureDistribution } from '../core/index.js';
import { groupLabel, groupRows } from '../core/index.js';
import { measureInfo, MEASURE_OPTIONS } from '../core/index.js';
import { checkOptions } from '../data/index.js';
import { cloneable, resolveThreads, splitAcrossThreads } from '../core/index.js';
import {
  type ByGroupTask, type GroupResults, type GroupedUnits, type SortedUnits, groupResults, groupUnits, sharedGroupUnits, unsortedGroupUnits,
} from './by-group-job.js';
import { registeredName } from './registry.js';

/** byGroup's options: a measure's, plus the grouping. */
const BY_GROUP_OPTIONS = {
  ...MEASURE_OPTIONS,
  by: { kind: 'columns' },
  as: { kind: 'string' },
  groupLine: { kind: 'boolean' },
  threads: { kind: 'number', min: 1, integer: true, means: 'worker threads (default: all cores)' },
} as const;

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
  /**
   * Threads the groups are measured in (a whole number ≥ 1, default every core); the results are
   * the same, to the last digit, for any number. Tables under 2,000,000 rows, and measures defined
   * outside povineq, run in the calling thread.
   */
  threads?: number;
  [option: string]: unknown;
};

/**
 * A measure computed for each group of a table, as an Arquero table with one row per group: the
 * `by` columns, the measure (named after it, or `as`), `n` (rows) and `population` (Σ weights),
 * and for poverty measures the `line` used.
 *
 * The table is validated and sorted once; groups are split from the sorted order without
 * re-sorting. Poverty lines come from the whole population unless `groupLine: true`. The groups
 * are measured across `threads` threads; the digits do not depend on the number.
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
  const { by, as, groupLine, threads: threadsOption, ...rest } = options;
  const threads = resolveThreads(threadsOption);
  // a weight array given as an option has done its work in the Distribution: not sent to workers
  const { weights: _weights, ...measureOptions } = rest;
  const name = registeredName(info);
  const threaded = threads > 1 && name !== undefined && cloneable(measureOptions);
  // with threads, the Distribution is left unsorted: each thread sorts its own groups
  const d = threaded ? measureDistribution(table as never, rest) : distribution(table as never, rest);
  const grouping = groupRows(table, by);
  const usesLine = info.defaultLine !== undefined;
  const populationLine =
    usesLine && rest.line === undefined && !groupLine ? info.defaultLine!(d, rest as never) : (rest.line as number | undefined);

  const parallel = threaded && grouping.size > 1 && d.n >= MIN_ROWS;
  let units: GroupedUnits;
  let sorted: SortedUnits | undefined;
  const sortGroups = parallel && !d.isSorted && d.n === d.inputRows && d.n / grouping.size >= MIN_GROUP_SORT;
  if (!parallel) units = groupUnits(d, grouping, false);
  else if (sortGroups) units = unsortedGroupUnits(d, grouping, true);
  else ({ units, sorted } = sharedGroupUnits(d, grouping, threads));
  const task: ByGroupTask = { units, sorted, sortGroups, measure: name ?? info.name, options: measureOptions, line: populationLine, usesLine, from: 0, to: grouping.size };
  // items are units: a range of units takes the groups that start in it, so threads get similar numbers of units
  const groupsOf = (from: number, to: number) => ({ ...task, from: firstGroupAt(units.offsets, from), to: firstGroupAt(units.offsets, to) });
  let parts: GroupResults[];
  try {
    parts = parallel
      ? splitAcrossThreads('by-group', d.n, threads, groupsOf, (from, to) => groupResults(info, groupsOf(from, to)))
      : [groupResults(info, task)];
  } catch (e) {
    if (e instanceof PovineqError && typeof e.details?.groupIndex === 'number') {
      const { groupIndex: g, ...details } = e.details as { groupIndex: number };
      throw new PovineqError(e.code, `in group ${groupLabel(grouping, g)}: ${e.message}`, { ...details, group: grouping.keys.map((k) => k[g]) });
    }
    throw e;
  }
  const join = (pick: (p: GroupResults) => Float64Array) => parts.flatMap((p) => Array.from(pick(p)));

  const out: Record<string, unknown[]> = {};
  grouping.by.forEach((name, j) => (out[name] = grouping.keys[j]!));
  out[as ?? info.name] = join((p) => p.values);
  out.n = Array.from(counts(units.offsets));
  out.population = join((p) => p.population);
  if (usesLine) out.line = join((p) => p.lines);
  return aq.table(out);
}

/** Below this many units byGroup runs in the calling thread (measured in bench/groups-threads.mjs). */
const MIN_ROWS = 2_000_000;

/**
 * From this many units a group on average, byGroup with threads sorts each group in its thread
 * instead of sorting everything once and splitting: a radix sort per big group costs about what
 * the one sort does, and the random reads that split a sorted order by group are saved. Many small
 * groups sort more slowly one by one (measured in bench/README.md, "byGroup on threads").
 */
const MIN_GROUP_SORT = 250_000;

/** The first group whose units start at or after `unit` (the number of groups when none). */
function firstGroupAt(offsets: Int32Array, unit: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid]! < unit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function counts(offsets: Int32Array): Int32Array {
  return offsets.subarray(1).map((end, g) => end - offsets[g]!);
}
