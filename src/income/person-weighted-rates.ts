import type { ColumnTable } from 'arquero';
import * as aq from 'arquero';
import { type QuantileType, quantileOf } from '../core/index.js';
import { type ColumnSource, PovineqError, describeRows, plural, readColumn } from '../data/index.js';
import { type PersonGroupKey, PERSON_GROUP_LABELS, checkGroups, groupCounts } from './person-groups.js';
import { type PersonRows, type PersonWeightOptions, personDistributionOf, readPersonRows } from './person-weights.js';
import { checkFraction } from './relative-poverty-line.js';

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
 * Returns an Arquero table, one row per group: `group` (`All people`, `Children`,
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
  const result = groups.map((g) => {
    const people = groupCounts(rows.counts, g);
    let population = 0;
    let number = 0;
    let sample = 0;
    for (let i = 0; i < n; i++) {
      if (!rows.used[i]) continue;
      const pw = rows.weights[i]! * people[i]!;
      if (pw > 0) sample++;
      population += pw;
      if (poor[i]) number += pw;
    }
    return { group: g, population, number, sample };
  });
  const allPoor = computeAllPoor(rows, poor);
  return aq.table({
    group: result.map((r) => PERSON_GROUP_LABELS[r.group]),
    rate: result.map((r) => (r.population > 0 ? r.number / r.population : null)),
    number: result.map((r) => r.number),
    population: result.map((r) => r.population),
    composition: result.map((r) => (allPoor > 0 ? r.number / allPoor : null)),
    sample_size: result.map((r) => r.sample),
    line: result.map(() => line),
  });
}

/** Σ wᵢ nᵢ pᵢ over all people: the denominator of composition, whatever groups were asked for. */
function computeAllPoor(rows: PersonRows, poor: Uint8Array): number {
  const people = groupCounts(rows.counts, 'all');
  let s = 0;
  for (let i = 0; i < people.length; i++) if (rows.used[i] && poor[i]) s += rows.weights[i]! * people[i]!;
  return s;
}
