import { type ColumnSource, PovineqError, assertClean, describeRows, plural, readColumn, rowCount, toNumeric } from '../data/index.js';

/**
 * Column names describing who lives in each household row. Defaults: `adults`,
 * `children_14_plus`, `children_under_14`, `pensioners`.
 */
export interface HouseholdColumns {
  /** Column of adults in the household, pensioners included (at least 1 per household). */
  adults?: string;
  /** Column of dependent children aged 14 and over. */
  children14Plus?: string;
  /** Column of children under 14. */
  childrenUnder14?: string;
  /** Column of pensioners (a subset of the adults). Needed only for pensioner and working-age results. */
  pensioners?: string;
}

/** The default household column names. */
export const HOUSEHOLD_COLUMNS: Readonly<Required<HouseholdColumns>> = Object.freeze({
  adults: 'adults',
  children14Plus: 'children_14_plus',
  childrenUnder14: 'children_under_14',
  pensioners: 'pensioners',
});

/** Person counts of every household row, validated. */
export interface HouseholdCounts {
  adults: Float64Array;
  children14Plus: Float64Array;
  childrenUnder14: Float64Array;
  /** Present when asked for. */
  pensioners?: Float64Array;
}

/**
 * Reads and validates a whole-number count column: no missing or non-numeric cells, every value
 * a whole number ≥ `min`. Errors name the column, the option and the rows.
 */
export function readCount(table: ColumnSource, name: string, option: string, min: number): Float64Array {
  const raw = readColumn(table, name, option);
  const parsed = toNumeric(raw);
  try {
    assertClean(parsed, raw, name, 'person count');
  } catch (e) {
    // counts are never dropped: { missing: 'drop' } applies to incomes and weights only
    if (!(e instanceof PovineqError)) throw e;
    const fix = `fill or filter those rows first (option ${option} names this column): person counts cannot be dropped ({ missing: 'drop' } applies only to a missing income or weight)`;
    throw new PovineqError(e.code, e.message.replace(/(, or )?pass \{ missing: 'drop' \} to exclude those rows$/, (_, or) => (or ? ', or ' : '') + fix).replace('convert the column to numbers, or ' + fix, 'convert the column to numbers, or ' + fix), { ...e.details, option });
  }
  const bad: number[] = [];
  const v = parsed.values;
  for (let i = 0; i < v.length; i++) if (!(Number.isInteger(v[i]) && v[i]! >= min)) bad.push(i);
  if (bad.length > 0) {
    const what = min >= 1
      ? `${plural(bad.length, 'household')} with no adults or a count that is not a whole number`
      : `${plural(bad.length, 'negative or non-whole count')}`;
    throw new PovineqError(
      'INVALID_HOUSEHOLD',
      `column "${name}" (option ${option}) has ${what} (${describeRows(bad)}); ` +
        (min >= 1
          ? 'every household needs at least one adult: correct those rows, or name the right column with { adults }'
          : 'person counts must be whole numbers ≥ 0: correct those rows, or name the right column with { ' + option + ' }'),
      { column: name, option, count: bad.length, rows: bad.slice(0, 100) },
    );
  }
  return v;
}

/** Reads the person-count columns of a household table (pensioners only when `withPensioners`). */
export function readHouseholdCounts(table: ColumnSource, columns: HouseholdColumns, withPensioners: boolean): HouseholdCounts {
  const c = { ...HOUSEHOLD_COLUMNS, ...stripUndefined(columns) };
  const adults = readCount(table, c.adults, 'adults', 1);
  const children14Plus = readCount(table, c.children14Plus, 'children14Plus', 0);
  const childrenUnder14 = readCount(table, c.childrenUnder14, 'childrenUnder14', 0);
  if (!withPensioners) return { adults, children14Plus, childrenUnder14 };
  const pensioners = readCount(table, c.pensioners, 'pensioners', 0);
  const bad: number[] = [];
  for (let i = 0; i < adults.length; i++) if (pensioners[i]! > adults[i]!) bad.push(i);
  if (bad.length > 0) {
    throw new PovineqError(
      'INVALID_HOUSEHOLD',
      `column "${c.pensioners}" (option pensioners) counts more pensioners than adults (column "${c.adults}") in ` +
        `${plural(bad.length, 'household')} (${describeRows(bad)}); pensioners are counted among the adults`,
      { column: c.pensioners, option: 'pensioners', count: bad.length, rows: bad.slice(0, 100) },
    );
  }
  return { adults, children14Plus, childrenUnder14, pensioners };
}

/**
 * Reads a household weight column: finite and ≥ 0 (a zero weight is allowed and counts for
 * nothing). Missing cells raise unless `missing: 'drop'`, when they are flagged in `missingRows`.
 */
export function readHouseholdWeights(
  table: ColumnSource,
  weight: string | undefined,
  missing: 'error' | 'drop',
): { weights: Float64Array; missingRows: number[] } {
  const n = rowCount(table);
  if (weight === undefined) return { weights: new Float64Array(n).fill(1), missingRows: [] };
  const raw = readColumn(table, weight, 'weight');
  const parsed = toNumeric(raw);
  if (missing === 'error') assertClean(parsed, raw, weight, 'weight');
  const missingRows = [...parsed.missing, ...parsed.nonNumeric, ...parsed.nonFinite].sort((a, b) => a - b);
  const bad: number[] = [];
  const w = parsed.values;
  for (let i = 0; i < n; i++) if (w[i]! < 0) bad.push(i);
  if (bad.length > 0) {
    throw new PovineqError(
      'NON_POSITIVE_WEIGHT',
      `weight column "${weight}" has ${plural(bad.length, 'negative weight')} (${describeRows(bad)}); household weights ` +
        'must be ≥ 0 (a zero weight counts for nothing): correct those rows or filter them out before the call',
      { column: weight, option: 'weight', count: bad.length, rows: bad.slice(0, 100) },
    );
  }
  return { weights: w, missingRows };
}

/**
 * Reads an income column: finite numbers, negative and zero allowed (HBAI keeps negative AHC
 * incomes in the ranking). Missing cells raise unless `missing: 'drop'`.
 */
export function readIncome(
  table: ColumnSource,
  income: string,
  option: string,
  missing: 'error' | 'drop',
): { values: Float64Array; missingRows: number[] } {
  const raw = readColumn(table, income, option);
  const parsed = toNumeric(raw);
  if (missing === 'error') assertClean(parsed, raw, income, 'income');
  const missingRows = [...parsed.missing, ...parsed.nonNumeric, ...parsed.nonFinite].sort((a, b) => a - b);
  return { values: parsed.values, missingRows };
}

/** The `missing` option, checked. */
export function missingOption(missing: unknown): 'error' | 'drop' {
  const m = missing ?? 'error';
  if (m !== 'error' && m !== 'drop') {
    throw new PovineqError('INVALID_OPTION', `missing must be 'error' or 'drop', got ${JSON.stringify(m)}`, { option: 'missing' });
  }
  return m;
}

/** Copies an options object without its undefined entries, so defaults survive `{ adults: undefined }`. */
export function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
