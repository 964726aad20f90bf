import type { ColumnTable } from 'arquero';
import * as aq from 'arquero';
import { type QuantileType, quantileOf } from '../core/index.js';
import { type ColumnSource, PovineqError, describeRows, plural, readColumn } from '../data/index.js';
import { type PersonGroupKey, PERSON_GROUP_LABELS, checkGroups, groupCounts } from './person-groups.js';
import { type PersonRows, type PersonWeightOptions, personDistributionOf, readPersonRows } from './person-weights.js';
import { checkFraction } from './poverty-lines.js';

/** Options of {@link personWeightedRates}. */
export interface PersonWeightedRatesOptions extends Omit<PersonWeightOptions, 'income'> {
  /** Equivalised household income column. Needed unless `poor` names a poverty flag column. */
  income?: string;
  /** A fixed poverty line (same units as `income`): people are poor when income < line. */
  line?: number;
  /**
   * Reference population for a relative line: a household table with the same columns (e.g. the
   * UK when the analysis is Scotland). Default: the table itself. Ignored when `line` is given.
   */
  reference?: ColumnTable;
  /** Fraction of the person-weighted median for a relative line, default 0.6. */
  fraction?: number;
  /** Quantile rule of the median, default `'eurostat'`. */
  type?: QuantileType;
  /**
   * A column of poverty flags (true/false or 1/0) instead of an income and a line, e.g. the
   * flag added by {@link lowIncomeAndDeprivation}.
   */
  poor?: string;
  /** Person groups, default all four: `['all', 'children', 'working-age', 'pensioners']`. */
  groups?: PersonGroupKey[];
  /**
   * Key column(s) of household groups (council, decile, SIMD quintile…): rates for each, all
   * against the same line (the whole table's or the reference's, as HBAI does).
   */
  by?: string | string[];
}

/** Reads a poverty flag column: booleans or 0/1, nothing else. */
export function readPoorFlags(table: ColumnSource, column: string, used: Uint8Array): Uint8Array {
  const raw = readColumn(table, column, 'poor');
  const out = new Uint8Array(raw.length);
  const bad: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    if (v === true || v === 1) out[i] = 1;
    else if (v === false || v === 0) out[i] = 0;
    else if (used[i]) bad.push(i);
  }
  if (bad.length > 0) {
    throw new PovineqError(
      'INVALID_INPUT',
      `poverty flag column "${column}" (option poor) has ${plural(bad.length, 'value')} that ${bad.length === 1 ? 'is' : 'are'} not true/false or 1/0 ` +
        `(${describeRows(bad)}); pass { missing: 'drop' } only drops rows with a missing income or weight, so fix or filter these rows`,
      { column, option: 'poor', count: bad.length, rows: bad.slice(0, 100) },
    );
  }
  return out;
}

/** The line: given, or fraction × person-weighted median of the reference (or the table itself). */
function resolveLine(rows: PersonRows, options: PersonWeightedRatesOptions): number {
  if (options.line !== undefined) {
    if (typeof options.line !== 'number' || !Number.isFinite(options.line)) {
      throw new PovineqError('INVALID_OPTION', `line must be a finite number, got ${JSON.stringify(options.line)}`, { option: 'line' });
    }
    return options.line;
  }
  const fraction = checkFraction(options.fraction, 0.6, 'personWeightedRates');
  const refRows = options.reference
    ? readPersonRows(options.reference, { ...options, income: options.income!, missing: options.missing }, ['all'])
    : rows;
  const d = personDistributionOf(refRows, 'all', options.income!);
  if (!d) {
    throw new PovineqError('EMPTY', `no people with positive weight in the ${options.reference ? 'reference' : ''} table to take the median of`, {
      column: options.income,
    });
  }
  return fraction * quantileOf(d, 0.5, options.type ?? 'eurostat');
}

/**
 * Poverty rates counted over people, from one row per household, as HBAI and PIIS count them.
 *
 * For group g (all people, children, working-age adults, pensioners), with household weight wᵢ,
 * nᵢg people of the group in household i and pᵢ = 1 when the household's equivalised income is
 * below the line (strictly):
 *
 *   rate_g = Σ wᵢ nᵢg pᵢ / Σ wᵢ nᵢg,   number_g = Σ wᵢ nᵢg pᵢ,   composition_g = number_g / number_all.
 *
 * The line is `line` if given, otherwise `fraction` (0.6) × the person-weighted median of the
 * `reference` table (the UK, for Scottish figures) or of the table itself. Negative incomes (AHC)
 * stay in the ranking and count as poor. Instead of an income and a line, `poor` can name a column
 * of poverty flags (for the combined low income and material deprivation measure).
 * Reference: DWP, HBAI QMI; Scottish Government, PIIS 2019-22 tables 1–6.
 *
 * With `by`, rates for each household group (council, decile…), all against the same line.
 *
 * Returns an Arquero table, one row per group (per `by` key first, in order of first appearance): the `by` columns, `group` (`All people`, `Children`,
 * `Working-age adults`, `Pensioners`), `rate` (a fraction), `number` (weighted people in poverty),
 * `population` (weighted people), `composition` (share of the poor in the group, a fraction),
 * `sample_size` (households with positive weight and someone in the group), `line` (null when
 * `poor` is used). A group with no people has null rate and composition.
 *
 * @example
 * personWeightedRates(hh, { income: 'eq_bhc', weight: 'gs_hh', reference: ukHouseholds })
 */
export function personWeightedRates(households: ColumnTable, options: PersonWeightedRatesOptions): ColumnTable {
  if (!options || (options.income === undefined && options.poor === undefined)) {
    throw new PovineqError(
      'MISSING_OPTION',
      'personWeightedRates needs the equivalised income column ({ income }) or a column of poverty flags ({ poor })',
      { option: 'income' },
    );
  }
  const groups = checkGroups(options.groups);
  const flagged = options.poor !== undefined;
  const rows = readPersonRows(households, { ...options, income: options.income ?? options.poor! }, groups, !flagged);
  let poor: Uint8Array;
  let line: number | null = null;
  if (flagged) {
    poor = readPoorFlags(households, options.poor!, rows.used);
  } else {
    line = resolveLine(rows, options);
    poor = new Uint8Array(rows.income.length);
    for (let i = 0; i < poor.length; i++) poor[i] = rows.income[i]! < line ? 1 : 0;
  }
  const n = rows.income.length;
  const by = options.by === undefined ? [] : Array.isArray(options.by) ? options.by : [options.by];
  const keys = by.map((c) => readColumn(households, c, 'by'));
  // part index of every row (one part when there is no `by`), parts in order of first appearance
  const partOf = new Int32Array(n);
  const partKeys: unknown[][] = [];
  if (by.length > 0) {
    const ids = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = keys.map((k) => k[i] ?? null);
      const id = JSON.stringify(key);
      let p = ids.get(id);
      if (p === undefined) {
        ids.set(id, (p = partKeys.length));
        partKeys.push(key);
      }
      partOf[i] = p;
    }
  } else {
    partKeys.push([]);
  }
  const parts = partKeys.length;
  const G = groups.length;
  // accumulators, part-major: [part * G + group]
  const population = new Float64Array(parts * G);
  const number = new Float64Array(parts * G);
  const sample = new Int32Array(parts * G);
  const allPoor = new Float64Array(parts);
  const counts = groups.map((g) => groupCounts(rows.counts, g));
  const everyone = groupCounts(rows.counts, 'all');
  const { weights, used } = rows;
  for (let i = 0; i < n; i++) {
    if (!used[i]) continue;
    const w = weights[i]!;
    const p = partOf[i]!;
    const isPoor = poor[i] === 1;
    if (isPoor) allPoor[p] += w * everyone[i]!;
    for (let g = 0; g < G; g++) {
      const pw = w * counts[g]![i]!;
      const k = p * G + g;
      if (pw > 0) sample[k]++;
      population[k] += pw;
      if (isPoor) number[k] += pw;
    }
  }
  const out: Record<string, unknown[]> = Object.fromEntries([...by, 'group', 'rate', 'number', 'population', 'composition', 'sample_size', 'line'].map((c) => [c, []]));
  for (let p = 0; p < parts; p++) {
    for (let g = 0; g < G; g++) {
      const k = p * G + g;
      by.forEach((c, j) => out[c]!.push(partKeys[p]![j]));
      out.group!.push(PERSON_GROUP_LABELS[groups[g]!]);
      out.rate!.push(population[k]! > 0 ? number[k]! / population[k]! : null);
      out.number!.push(number[k]);
      out.population!.push(population[k]);
      out.composition!.push(allPoor[p]! > 0 ? number[k]! / allPoor[p]! : null);
      out.sample_size!.push(sample[k]);
      out.line!.push(line);
    }
  }
  return aq.table(out);
}
