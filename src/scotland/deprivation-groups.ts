import type { ColumnTable } from 'arquero';
import { PovineqError, describeRows, plural } from '../data/index.js';
import { type GradientOptions, deprivationGradient } from '../measures/index.js';
import { checkDataZones } from './datazones.js';
import { simd } from './simd.js';

/** Options of {@link deprivationGroups}. */
export interface DeprivationGroupOptions {
  /** Column of deprivation ranks, 1 = most deprived (default `'rank'`, the SIMD rank; or a domain rank such as `'income_rank'`). */
  rank?: string;
  /** Column of populations (default `'population'`), used when `basis` is `'population'`. */
  population?: string;
  /** Number of groups: 10 for deciles, 5 for quintiles (default 5). */
  groups?: number;
  /** Column to build groups within, e.g. `'council'` for local (within-council) quintiles. */
  within?: string;
  /**
   * `'zones'`: equal numbers of data zones (the official SIMD deciles and quintiles);
   * `'population'`: equal shares of the population (Public Health Scotland's population-weighted
   * groups). Default: `'zones'` for national groups, `'population'` with `within`.
   */
  basis?: 'zones' | 'population';
  /** Name of the new column (default `'group'`). */
  as?: string;
}

/**
 * Assigns each data zone to a deprivation group (1 = most deprived): national or local
 * (within-council) deciles or quintiles, by equal numbers of zones or by equal population.
 * Returns the table with one new column (`as`, default `group`); the input is not changed.
 *
 * - Zones basis (official SIMD bands): with n zones in the area ranked 1…n, group = ⌈g · position / n⌉
 *   (nationally ⌈rank / 697.6⌉ for deciles, which reproduces the published `decile`).
 * - Population basis (PHS-style population-weighted groups): zones ordered by rank, Cᵢ the
 *   cumulative population before zone i, Pᵢ its population and P the area's total; zone i goes to
 *   group min(g, ⌊g (Cᵢ + Pᵢ/2) / P⌋ + 1), the group holding the midpoint of its population. Each
 *   group then holds about 1/g of the people; a group can be a zone or so short where large zones
 *   sit at a cut. PHS's published lookups use the same idea; a zone at a cut may fall differently.
 *
 * Reference: Scottish Government, SIMD 2020 technical notes (bands); Public Health Scotland,
 * SIMD population-weighted deciles and quintiles (opendata.nhs.scot, "Scottish Index of Multiple
 * Deprivation").
 *
 * @example
 * deprivationGroups(simd(), { groups: 5, within: 'council', as: 'local_quintile' })
 */
export function deprivationGroups(table: ColumnTable, options: DeprivationGroupOptions = {}): ColumnTable {
  const rankColumn = options.rank ?? 'rank';
  const popColumn = options.population ?? 'population';
  const g = options.groups ?? 5;
  if (!Number.isInteger(g) || g < 2) {
    throw new PovineqError('INVALID_OPTION', `groups must be a whole number ≥ 2 (10 for deciles, 5 for quintiles), got ${JSON.stringify(options.groups)}`, { option: 'groups' });
  }
  const basis = options.basis ?? (options.within ? 'population' : 'zones');
  if (basis !== 'zones' && basis !== 'population') {
    throw new PovineqError('INVALID_OPTION', `basis must be 'zones' or 'population', got ${JSON.stringify(basis)}`, { option: 'basis' });
  }
  for (const [col, opt] of [[rankColumn, 'rank'], ...(basis === 'population' ? [[popColumn, 'population']] : []), ...(options.within ? [[options.within, 'within']] : [])] as [string, string][]) {
    if (!table.columnNames().includes(col)) {
      throw new PovineqError('MISSING_COLUMN', `column "${col}" (option ${opt}) is not in the table; its columns are ${table.columnNames().join(', ')}`, { column: col, option: opt });
    }
  }
  const n = table.numRows();
  const rank = Array.from(table.array(rankColumn) as ArrayLike<unknown>, (v) => (v === null || v === undefined || v === '' ? NaN : Number(v)));
  const badRank = rank.flatMap((r, i) => (Number.isFinite(r) ? [] : [i]));
  if (badRank.length > 0) {
    throw new PovineqError('MISSING_VALUE', `rank column "${rankColumn}" has ${plural(badRank.length, 'missing or non-numeric value')} (${describeRows(badRank)}); every zone needs a rank`, { column: rankColumn, count: badRank.length });
  }
  const pop = basis === 'population' ? Array.from(table.array(popColumn) as ArrayLike<unknown>, (v) => (v === null || v === undefined || v === '' ? NaN : Number(v))) : [];
  if (basis === 'population') {
    const bad = pop.flatMap((p, i) => (Number.isFinite(p) && p >= 0 ? [] : [i]));
    if (bad.length > 0) {
      throw new PovineqError('MISSING_VALUE', `population column "${popColumn}" has ${plural(bad.length, 'missing or negative value')} (${describeRows(bad)})`, { column: popColumn, count: bad.length });
    }
  }
  const areaOf = options.within ? (table.array(options.within) as ArrayLike<unknown>) : undefined;
  const areas = new Map<unknown, number[]>();
  for (let i = 0; i < n; i++) {
    const key = areaOf ? areaOf[i] : 'all';
    const list = areas.get(key);
    if (list) list.push(i);
    else areas.set(key, [i]);
  }
  const out = new Array<number>(n);
  for (const [area, rows] of areas) {
    rows.sort((a, b) => rank[a]! - rank[b]! || a - b);
    if (basis === 'zones') {
      rows.forEach((row, pos) => (out[row] = Math.ceil((g * (pos + 1)) / rows.length)));
    } else {
      const total = rows.reduce((s, r) => s + pop[r]!, 0);
      if (!(total > 0)) {
        throw new PovineqError('EMPTY_GROUP', `${options.within ? `${options.within} = ${JSON.stringify(area)} has` : 'the table has'} zero population; population-weighted groups need people`, { column: popColumn });
      }
      let before = 0;
      for (const row of rows) {
        out[row] = Math.min(g, Math.floor((g * (before + pop[row]! / 2)) / total) + 1);
        before += pop[row]!;
      }
    }
  }
  return table.assign({ [options.as ?? 'group']: out });
}

/** SIMD count columns whose denominator is the working-age population, not the whole population. */
const WORKING_AGE_COUNTS: readonly string[] = ['employment_count'];

/** Options of {@link simdGradient}. */
export type SimdGradientOptions = Partial<GradientOptions> & {
  /** SIMD data zones to summarise (default: `simd()`, the 2020v2 edition). Must hold 2011 data-zone codes in `data_zone`. */
  table?: ColumnTable;
};

/**
 * Rates of a SIMD indicator by SIMD decile (default) or quintile: population-weighted group
 * rates, populations, shares and ridit ranks, most deprived (decile 1) first — the table the SII
 * is fitted on and the SIMD-gradient chart draws. Defaults: `table: simd()`, `group: 'decile'`,
 * `population: 'population'`, or `'working_age_population'` for `count: 'employment_count'` (SIMD's
 * employment domain counts working-age people). Checks that the table's `data_zone` codes are 2011 data zones.
 *
 * Columns as {@link deprivationGradient}: the group column, `group`, `rate`, `population`,
 * `share`, `rank`, `n`.
 *
 * @example
 * simdGradient({ count: 'income_count' })                  // income deprivation by decile
 * simdGradient({ value: 'smr', group: 'quintile', missing: 'drop' })
 */
export function simdGradient(options: SimdGradientOptions): ColumnTable {
  const table = options.table ?? simd();
  if (table.columnNames().includes('data_zone')) checkDataZones(table.array('data_zone'), { column: 'data_zone' });
  const { table: _t, ...rest } = options;
  // SIMD counts each domain over its own population: employment deprivation is of working-age people
  const population = rest.count !== undefined && WORKING_AGE_COUNTS.includes(rest.count) ? 'working_age_population' : 'population';
  return deprivationGradient(table, { group: rest.rank === undefined ? 'decile' : undefined, population, ...rest } as GradientOptions);
}
