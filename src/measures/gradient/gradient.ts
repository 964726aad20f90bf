import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { type ColumnSource, PovineqError, checkOptions, describeRows, plural, readColumn, rowCount, toNumeric } from '../../data/index.js';

/** Options of {@link deprivationGradient}: which columns hold the groups, the outcome and the population. */
export interface GradientOptions {
  /**
   * Column of ordered deprivation groups (SIMD `decile`, `quintile`, a local quintile, or `rank` to
   * treat every data zone as its own group). Numbers or text that sort in order.
   */
  group?: string;
  /** Alias of `group` for a fine-grained order such as the SIMD `rank` (one group per distinct value). */
  rank?: string;
  /** Which end of the group order is most deprived: `'lowest'` (default: SIMD decile 1) or `'highest'`. */
  mostDeprived?: 'lowest' | 'highest';
  /** Column of a rate or mean per row (e.g. `income_rate`, `smr`): the group rate is its population-weighted mean. */
  value?: string;
  /** Column of event counts per row (e.g. `income_count`): the group rate is Σ count / Σ population. Use instead of `value`. */
  count?: string;
  /** Column of the population each row stands for (the regression weights and the rate denominator). */
  population: string;
  /**
   * Declares the rates proportions: every row value (or count / population) must lie in [0, 1].
   * Also lets Monte Carlo intervals draw binomial group counts.
   */
  proportion?: boolean;
  /** Rows whose value, count, population or group is missing: `'error'` (default) or `'drop'`. */
  missing?: 'error' | 'drop';
}

/** The aggregated, ordered groups that the SII, RII and range measures are computed on. */
export interface RankedGroups {
  /** Group keys, most deprived first. */
  keys: unknown[];
  /** Group rate (population-weighted mean of `value`, or Σ count / Σ population). */
  rate: Float64Array;
  /** Group population. */
  population: Float64Array;
  /** Group population share pᵢ = Nᵢ / N. */
  share: Float64Array;
  /** Ridit (relative rank): cumulative population share at the group's midpoint, 0 = most deprived end. */
  rank: Float64Array;
  /** Events per group (Σ count, or rate × population when a `value` was given). */
  events: Float64Array;
  /** Input rows in each group. */
  rows: Int32Array;
  /** Population-weighted mean rate of all groups (the overall rate). */
  mean: number;
  /** Name of the group column. */
  groupColumn: string;
  /** Name of the outcome column (value or count). */
  valueColumn: string;
  /** Whether the outcome was given as counts. */
  fromCounts: boolean;
  /** Whether the rates were declared proportions. */
  proportion: boolean;
  /** Input rows dropped on request (`missing: 'drop'`). */
  dropped: number;
}

function badRowsError(column: string, option: string, rows: number[], what: string): PovineqError {
  return new PovineqError(
    'MISSING_VALUE',
    `column "${column}" (option ${option}) has ${plural(rows.length, what)} (${describeRows(rows)}); pass { missing: 'drop' } to exclude those rows`,
    { column, count: rows.length, rows: rows.slice(0, 100), option: "missing: 'drop'" },
  );
}

/**
 * Aggregates rows (data zones, or groups already aggregated) to ordered deprivation groups: the
 * group rate, population, population share and ridit rank. The work shared by
 * {@link deprivationGradient}, {@link sii}, {@link rii} and {@link deprivationGaps}.
 *
 * Ridit of group i (groups ordered most deprived first): Rᵢ = Σ_{j<i} pⱼ + pᵢ / 2 with pⱼ = Nⱼ / N.
 */
export function rankGroups(table: ColumnSource, options: GradientOptions): RankedGroups {
  options = checkOptions(options, {}, 'deprivation groups', { open: true });
  const { groupColumn, mostDeprived, missing } = gradientOptions(options);
  const fromCounts = options.count !== undefined;
  const valueColumn = (options.value ?? options.count)!;
  const { groupsRaw, value, pop, keep, dropped } = readGradientRows(table, options, groupColumn, valueColumn, missing);
  const { keys, population, total, rows } = groupTotals(groupsRaw, value.values, pop.values, keep, fromCounts, mostDeprived);
  const k = keys.length;
  const empty = rowsWhere(k, (g) => !(population[g]! > 0));
  if (empty.length > 0) {
    throw new PovineqError(
      'EMPTY_GROUP',
      `${plural(empty.length, 'deprivation group')} of column "${groupColumn}" ${empty.length === 1 ? 'has' : 'have'} zero population ` +
        `(${empty.map((g) => `${groupColumn} = ${JSON.stringify(keys[g])}`).join(', ')}); a group's rate needs people: merge it with a neighbouring group or remove its rows`,
      { column: groupColumn, groups: empty.map((g) => keys[g]) },
    );
  }
  const { share, rank, rate, mean } = riditRanks(population, total);
  return {
    keys,
    rate,
    population,
    share,
    rank,
    events: total,
    rows,
    mean,
    groupColumn,
    valueColumn,
    fromCounts,
    proportion: options.proportion === true,
    dropped,
  };
}

/** Checks the options of a gradient and resolves the group column and defaults. */
function gradientOptions(options: GradientOptions): { groupColumn: string; mostDeprived: 'lowest' | 'highest'; missing: 'error' | 'drop' } {
  const groupColumn = options.group ?? options.rank;
  if (groupColumn === undefined) {
    throw new PovineqError('MISSING_OPTION', 'pass the deprivation groups as { group: "decile" } (or { rank: "rank" } for one group per data zone)', { option: 'group' });
  }
  if (options.group !== undefined && options.rank !== undefined) {
    throw new PovineqError('INVALID_OPTION', 'pass either { group } or { rank }, not both', { option: 'rank' });
  }
  if ((options.value === undefined) === (options.count === undefined)) {
    throw new PovineqError(
      'MISSING_OPTION',
      'pass exactly one outcome: { value: "smr" } for a rate or mean per row, or { count: "income_count" } for event counts',
      { option: 'value' },
    );
  }
  if (options.population === undefined) {
    throw new PovineqError('MISSING_OPTION', 'pass the population column as { population: "population" }', { option: 'population' });
  }
  const mostDeprived = options.mostDeprived ?? 'lowest';
  if (mostDeprived !== 'lowest' && mostDeprived !== 'highest') {
    throw new PovineqError('INVALID_OPTION', `mostDeprived must be 'lowest' or 'highest', got ${JSON.stringify(mostDeprived)}`, { option: 'mostDeprived' });
  }
  const missing = options.missing ?? 'error';
  if (missing !== 'error' && missing !== 'drop') {
    throw new PovineqError('INVALID_OPTION', `missing must be 'error' or 'drop', got ${JSON.stringify(missing)}`, { option: 'missing' });
  }
  return { groupColumn, mostDeprived, missing };
}

/**
 * Reads the group, outcome and population columns and validates every row: missing values raise
 * (or, with `missing: 'drop'`, clear the row in `keep`); populations must be ≥ 0; a proportion
 * must lie in [0, 1] (or a count in [0, population]).
 */
function readGradientRows(table: ColumnSource, options: GradientOptions, groupColumn: string, valueColumn: string, missing: 'error' | 'drop') {
  const fromCounts = options.count !== undefined;
  const valueOption = fromCounts ? 'count' : 'value';
  const n = rowCount(table);
  const groupsRaw = readColumn(table, groupColumn, options.group !== undefined ? 'group' : 'rank');
  const value = toNumeric(readColumn(table, valueColumn, valueOption));
  const pop = toNumeric(readColumn(table, options.population, 'population'));

  const keep = new Uint8Array(n).fill(1);
  const checks: [string, string, number[], string][] = [
    [groupColumn, options.group !== undefined ? 'group' : 'rank', rowsWhere(n, (i) => groupsRaw[i] === null || groupsRaw[i] === undefined || (typeof groupsRaw[i] === 'number' && Number.isNaN(groupsRaw[i]))), 'missing group'],
    [valueColumn, valueOption, [...value.missing, ...value.nonNumeric, ...value.nonFinite].sort((a, b) => a - b), 'missing or non-numeric value'],
    [options.population, 'population', [...pop.missing, ...pop.nonNumeric, ...pop.nonFinite].sort((a, b) => a - b), 'missing or non-numeric population'],
  ];
  let dropped = 0;
  for (const [column, option, rows, what] of checks) {
    if (rows.length === 0) continue;
    if (missing === 'error') throw badRowsError(column, option, rows, what);
    for (const r of rows) if (keep[r]) { keep[r] = 0; dropped++; }
  }
  const negative = rowsWhere(n, (i) => keep[i] === 1 && pop.values[i]! < 0);
  if (negative.length > 0) {
    throw new PovineqError(
      'NON_POSITIVE_WEIGHT',
      `population column "${options.population}" has ${plural(negative.length, 'negative value')} (${describeRows(negative)}); populations must be ≥ 0`,
      { column: options.population, count: negative.length, rows: negative.slice(0, 100) },
    );
  }
  if (options.proportion) {
    const outside = rowsWhere(n, (i) => {
      if (!keep[i]) return false;
      const v = value.values[i]!;
      if (!fromCounts) return v < 0 || v > 1;
      return v < 0 || v > pop.values[i]!;
    });
    if (outside.length > 0) {
      throw new PovineqError(
        'OUT_OF_RANGE',
        `column "${valueColumn}" was declared a proportion but ${plural(outside.length, 'row')} (${describeRows(outside)}) ` +
          (fromCounts ? `have counts below 0 or above the population "${options.population}"` : 'lie outside [0, 1]') +
          '; give proportions as fractions (0.24, not 24), or drop { proportion: true } for rates that are not proportions',
        { column: valueColumn, count: outside.length, rows: outside.slice(0, 100), option: 'proportion' },
      );
    }
  }
  return { groupsRaw, value, pop, keep, dropped };
}

/**
 * Population and outcome total of each group, groups ordered from the most deprived: numbers
 * numerically, otherwise by string comparison, reversed when `mostDeprived` is `'highest'`.
 */
function groupTotals(
  groupsRaw: ArrayLike<unknown>,
  values: Float64Array,
  pops: Float64Array,
  keep: Uint8Array,
  fromCounts: boolean,
  mostDeprived: 'lowest' | 'highest',
): { keys: unknown[]; population: Float64Array; total: Float64Array; rows: Int32Array } {
  const n = keep.length;
  const byKey = new Map<unknown, number>();
  const keyList: unknown[] = [];
  const gOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    const k = groupsRaw[i];
    let g = byKey.get(k);
    if (g === undefined) {
      g = keyList.length;
      byKey.set(k, g);
      keyList.push(k);
    }
    gOf[i] = g;
  }
  const order = keyList.map((_, g) => g).sort((a, b) => compareKeys(keyList[a], keyList[b]));
  if (mostDeprived === 'highest') order.reverse();
  const position = new Int32Array(keyList.length);
  order.forEach((g, pos) => (position[g] = pos));
  const k = keyList.length;
  const population = new Float64Array(k);
  const total = new Float64Array(k); // Σ pop·value or Σ count
  const rows = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    if (gOf[i]! < 0) continue;
    const g = position[gOf[i]!]!;
    const p = pops[i]!;
    population[g] += p;
    total[g] += fromCounts ? values[i]! : p * values[i]!;
    rows[g]++;
  }
  const keys = order.map((g) => keyList[g]);
  return { keys, population, total, rows };
}

/** Population shares, ridit ranks (midpoint of each group's cumulative share), rates and the population mean rate. */
function riditRanks(population: Float64Array, total: Float64Array): { share: Float64Array; rank: Float64Array; rate: Float64Array; mean: number } {
  const k = population.length;
  let N = 0;
  for (let g = 0; g < k; g++) N += population[g]!;
  const share = new Float64Array(k);
  const rank = new Float64Array(k);
  const rate = new Float64Array(k);
  let cum = 0;
  let mean = 0;
  for (let g = 0; g < k; g++) {
    share[g] = population[g]! / N;
    rank[g] = cum + share[g]! / 2;
    cum += share[g]!;
    rate[g] = total[g]! / population[g]!;
    mean += share[g]! * rate[g]!;
  }
  return { share, rank, rate, mean };
}

function rowsWhere(n: number, f: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (f(i)) out.push(i);
  return out;
}

function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The groups of a {@link RankedGroups} as a result table: the group column, `rate`, `population`, `share`, `rank`, `n`. */
export function groupsTable(g: RankedGroups, fitted?: (rank: number) => number): ColumnTable {
  const reserved = ['group', 'rate', 'population', 'share', 'rank', 'n', 'fitted'];
  const cols: Record<string, unknown[]> = {
    ...(reserved.includes(g.groupColumn) ? {} : { [g.groupColumn]: g.keys }),
    group: g.keys,
    rate: Array.from(g.rate),
    population: Array.from(g.population),
    share: Array.from(g.share),
    rank: Array.from(g.rank),
    n: Array.from(g.rows),
  };
  if (fitted) cols.fitted = Array.from(g.rank, fitted);
  return aq.table(cols);
}

/**
 * Rates by ordered deprivation group: each group's population-weighted rate (or Σ count /
 * Σ population), its population, population share and ridit rank, most deprived first.
 *
 * rateᵢ = Σ_{z∈i} N_z v_z / Σ_{z∈i} N_z (or Σ c_z / Σ N_z); pᵢ = Nᵢ / N; rankᵢ = Σ_{j<i} pⱼ + pᵢ / 2.
 * Columns: the group column and `group` with the same keys (only `group` when the group column is
 * itself named `rank`, `rate`…), `rate`, `population`, `share`,
 * `rank` (in [0, 1], 0 = most deprived end) and `n` (input rows in the group). Rates are in the
 * unit of the input (fractions for proportions).
 * Reference: Mackenbach & Kunst (1997), Soc. Sci. Med. 44(6) — rates by socioeconomic group.
 *
 * @example
 * deprivationGradient(simd(), { group: 'decile', count: 'income_count', population: 'population' })
 * // decile 1 rate ≈ 0.33 … decile 10 ≈ 0.03
 */
export function deprivationGradient(table: ColumnSource, options: GradientOptions): ColumnTable {
  return groupsTable(rankGroups(table, options));
}
