/**
 * The per-group part of byGroup: the groups' units laid out one group after another, each group in
 * sorted order, and a measure computed on a range of groups, in the calling thread or a worker
 * (jobs 'by-group' and 'by-group-gather', src/worker.ts) with the same code. Three layouts give
 * the same units in the same order: split from the sorted order in one pass (one thread); split
 * from the sorted order by each thread for its own groups (threads, many groups); split in input
 * order, then each group sorted by its thread (threads, big groups).
 */
import { Distribution, type Dropped, type Grouping, type MeasureInfo, checkNoEmptyGroup, finiteResult, sortWeighted } from '../core/index.js';
import { PovineqError } from '../data/index.js';
import { shared, sharedCopy, splitAcrossThreads } from '../core/index.js';
import { MEASURES } from './registry.js';

/** The units of every group, group after group, each group in sorted order. */
export interface GroupedUnits {
  values: Float64Array;
  weights: Float64Array;
  rows: Int32Array;
  /** Group g holds positions [offsets[g], offsets[g + 1]). */
  offsets: Int32Array;
  column: string;
  weightColumn: string | undefined;
  weighted: boolean;
  inputRows: number;
  dropped: Dropped;
}

/** What a range of groups needs: the grouped units, the measure (by name in MEASURES) and its options. */
export interface ByGroupTask {
  units: GroupedUnits;
  measure: string;
  options: Record<string, unknown>;
  /** The line every group uses (the population's or the one given); undefined for each group's own. */
  line: number | undefined;
  usesLine: boolean;
  /**
   * When set, `units` are still to be filled: each range first lays out its own groups from the
   * sorted units (shared, with the group of each), then measures them.
   */
  sorted?: SortedUnits;
  /** When true, `units` hold each group's units in input order: each range sorts its own groups first. */
  sortGroups?: boolean;
  /** Groups [from, to). */
  from: number;
  to: number;
}

/** The sorted units of a Distribution in shared memory, with the group of each. */
export interface SortedUnits {
  values: Float64Array;
  weights: Float64Array;
  rows: Int32Array;
  groupOf: Int32Array;
}

/** Units [from, to) of the sorted order: write the group of each (from the rows' groups), and count them by group. */
export interface GatherTask {
  rows: Int32Array;
  index: Int32Array;
  groupOf: Int32Array;
  size: number;
  from: number;
  to: number;
}

/** Per group of the range: the measure, Σ weights and the line used (NaN without one). */
export interface GroupResults {
  values: Float64Array;
  population: Float64Array;
  lines: Float64Array;
}

/**
 * The units of a sorted Distribution split by group: a stable partition of the sorted order, so
 * each group's units are those `partition()` gives, in the same order. One pass reads the sorted
 * arrays in order and writes each unit to its group's next place. `shared` puts the arrays in
 * shared memory, for workers to read in place. Throws naming any group left with no units.
 */
export function groupUnits(d: Distribution, grouping: Grouping, shared: boolean): GroupedUnits {
  const sorted: SortedUnits = { values: d.values, weights: d.weights, rows: d.rows, groupOf: new Int32Array(d.n) };
  const counts = gatherGroups({ rows: sorted.rows, index: grouping.index, groupOf: sorted.groupOf, size: grouping.size, from: 0, to: d.n });
  const units = emptyUnits(d, grouping, counts, shared);
  layOut(sorted, units, 0, grouping.size);
  return units;
}

/**
 * {@link groupUnits} for threads: the sorted units and the rows' groups copied once into shared
 * memory, the group of each sorted unit found across threads (a gather of random reads, the slow
 * part at millions of rows), and the arrays of the groups allocated but left to fill: each thread
 * lays out its own groups (see {@link groupResults}).
 */
export function sharedGroupUnits(d: Distribution, grouping: Grouping, threads: number): { units: GroupedUnits; sorted: SortedUnits } {
  const n = d.n;
  const { values, weights, rows } = shared(d);
  const sorted: SortedUnits = { values, weights, rows, groupOf: new Int32Array(new SharedArrayBuffer(n * 4)) };
  const gather: GatherTask = { rows: sorted.rows, index: sharedCopy(grouping.index), groupOf: sorted.groupOf, size: grouping.size, from: 0, to: n };
  const parts = splitAcrossThreads('by-group-gather', n, threads, (from, to) => ({ ...gather, from, to }), (from, to) => gatherGroups({ ...gather, from, to }));
  const counts = new Int32Array(grouping.size);
  for (const part of parts) for (let g = 0; g < counts.length; g++) counts[g] += part[g]!;
  return { units: emptyUnits(d, grouping, counts, true), sorted };
}

/** The groups of sorted units [from, to), written to `groupOf`, and how many fall in each group. */
export function gatherGroups(task: GatherTask): Int32Array {
  const { rows, index, groupOf, from, to } = task;
  const counts = new Int32Array(task.size);
  for (let i = from; i < to; i++) {
    const g = index[rows[i]!]!;
    groupOf[i] = g;
    counts[g]!++;
  }
  return counts;
}

/**
 * The units of a Distribution not yet sorted and with no rows dropped, split by group in input
 * order (a pass reading the rows' groups in order, no random reads), for each group to be sorted
 * on its own ({@link ByGroupTask.sortGroups}). Sorting a group's units stably (ties in input
 * order, as the Distribution's sort) gives exactly the units, in the same order, that splitting
 * the sorted Distribution gives.
 */
export function unsortedGroupUnits(d: Distribution, grouping: Grouping, shared: boolean): GroupedUnits {
  const n = d.n;
  const index = grouping.index;
  const counts = new Int32Array(grouping.size);
  for (let i = 0; i < n; i++) counts[index[i]!]!++;
  const units = emptyUnits(d, grouping, counts, shared);
  const { values, weights } = d.units;
  const next = units.offsets.slice(0, grouping.size);
  for (let i = 0; i < n; i++) {
    const at = next[index[i]!]!++;
    units.values[at] = values[i]!;
    units.weights[at] = weights ? weights[i]! : 1;
    units.rows[at] = i;
  }
  return units;
}

/** Sorts each of groups [from, to) in place (values with their weights and rows), stably. */
function sortGroups(units: GroupedUnits, from: number, to: number): void {
  for (let g = from; g < to; g++) {
    const start = units.offsets[g]!;
    const end = units.offsets[g + 1]!;
    const values = units.values.subarray(start, end);
    const weights = units.weights.subarray(start, end);
    const rows = units.rows.subarray(start, end);
    const sorted = sortWeighted(values, weights);
    const inputRows = rows.slice();
    values.set(sorted.values);
    weights.set(sorted.weights);
    for (let k = 0; k < rows.length; k++) rows[k] = inputRows[sorted.order[k]!]!;
  }
}

/** Arrays for the groups' units with the offsets from their counts; throws naming any group left with no units. */
function emptyUnits(d: Distribution, grouping: Grouping, counts: Int32Array, shared: boolean): GroupedUnits {
  const size = grouping.size;
  checkNoEmptyGroup(d, grouping, counts);
  const offsets = new Int32Array(size + 1);
  for (let g = 0; g < size; g++) offsets[g + 1] = offsets[g]! + counts[g]!;
  const n = d.n;
  const buffer = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return {
    values: new Float64Array(buffer(n * 8)),
    weights: new Float64Array(buffer(n * 8)),
    rows: new Int32Array(buffer(n * 4)),
    offsets,
    column: d.column,
    weightColumn: d.weightColumn,
    weighted: d.weighted,
    inputRows: d.inputRows,
    dropped: { ...d.dropped },
  };
}

/** Lays out groups [from, to) from the shared sorted units: a scan in sorted order, so each group stays sorted. */
function layOut(sorted: SortedUnits, units: GroupedUnits, from: number, to: number): void {
  const next = units.offsets.slice(from, to);
  const { groupOf, values, weights, rows } = sorted;
  const n = groupOf.length;
  for (let i = 0; i < n; i++) {
    const g = groupOf[i]!;
    if (g < from || g >= to) continue;
    const at = next[g - from]!++;
    units.values[at] = values[i]!;
    units.weights[at] = weights[i]!;
    units.rows[at] = rows[i]!;
  }
}

/** The Distribution of group g (views on the grouped arrays, no copy). */
export function groupDistribution(units: GroupedUnits, g: number): Distribution {
  const start = units.offsets[g]!;
  const end = units.offsets[g + 1]!;
  return new Distribution({
    values: units.values.subarray(start, end),
    weights: units.weights.subarray(start, end),
    rows: units.rows.subarray(start, end),
    column: units.column,
    weightColumn: units.weightColumn,
    weighted: units.weighted,
    inputRows: units.inputRows,
    dropped: { ...units.dropped },
  });
}

/**
 * The measure on groups [from, to). A PovineqError from the measure carries the failing group's
 * index (`details.groupIndex`), for byGroup to name the group.
 */
export function groupResults(info: MeasureInfo, task: ByGroupTask): GroupResults {
  const { units, options, usesLine, from, to } = task;
  if (task.sorted) layOut(task.sorted, units, from, to);
  if (task.sortGroups) sortGroups(units, from, to);
  const count = Math.max(0, to - from);
  const out: GroupResults = { values: new Float64Array(count), population: new Float64Array(count), lines: new Float64Array(count).fill(NaN) };
  for (let g = from; g < to; g++) {
    const gd = groupDistribution(units, g);
    const line = usesLine ? (task.line ?? info.defaultLine!(gd, options as never)) : undefined;
    try {
      out.values[g - from] = finiteResult(info.compute(gd, (usesLine ? { ...options, line } : options) as never), info.name, gd);
    } catch (e) {
      if (e instanceof PovineqError) throw new PovineqError(e.code, e.message, { ...e.details, groupIndex: g });
      throw e;
    }
    out.population[g - from] = gd.totalWeight;
    if (line !== undefined) out.lines[g - from] = line;
  }
  return out;
}

/** The worker's side of the gather. */
export function byGroupGatherJob(task: GatherTask): Int32Array {
  return gatherGroups(task);
}

/** The worker's side: the measure by its name in MEASURES. */
export function byGroupJob(task: ByGroupTask): GroupResults {
  const measure = MEASURES[task.measure];
  if (!measure) throw new Error(`unknown measure ${task.measure}`);
  return groupResults(measure.info, task);
}
