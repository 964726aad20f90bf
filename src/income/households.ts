import { type ColumnSource, PovineqError, assertClean, columnNames, describeRows, plural, readColumn, rowCount, toNumeric } from '../data/index.js';

/**
 * Column names describing who lives in each household row, as docs/schema/households.md records
 * them. Defaults: `adults`, `children`, `children_under_14`, `pensioners`; children aged 14 and over
 * are `children − children_under_14`.
 */
export interface HouseholdColumns {
  /** Column of adults in the household, pensioners included (at least 1 per household). */
  adults?: string;
  /** Column of dependent children, all ages (the schema's `children`). */
  children?: string;
  /** Column of children under 14 (at most `children`). */
  childrenUnder14?: string;
  /** Column of pensioners (a subset of the adults). Needed only for pensioner and working-age results. */
  pensioners?: string;
  /**
   * Column of dependent children aged 14 and over, for tables that record them instead of all
   * children. Used when given, or when the table has no `children` column but has
   * `children_14_plus`.
   *
   * @deprecated Record all children in `children` (docs/schema/households.md); this older form
   * will be removed in the next release.
   */
  children14Plus?: string;
}

/** The default household column names (docs/schema/households.md). */
export const HOUSEHOLD_COLUMNS: Readonly<Required<Omit<HouseholdColumns, 'children14Plus'>>> = Object.freeze({
  adults: 'adults',
  children: 'children',
  childrenUnder14: 'children_under_14',
  pensioners: 'pensioners',
});

/** The older column of children aged 14 and over, read when a table has it and no `children`. */
const CHILDREN_14_PLUS = 'children_14_plus';

/** Person counts of every household row, validated. */
export interface HouseholdCounts {
  adults: Float64Array;
  /** Dependent children, all ages. */
  children: Float64Array;
  /** Children under 14 (at most `children`). */
  childrenUnder14: Float64Array;
  /** Present when asked for. */
  pensioners?: Float64Array;
}

/**
 * A household table of the policy schema read into typed columns once (docs/schema/households.md),
 * for compare() and its relatives.
 */
export interface HouseholdArrays {
  n: number;
  id: ArrayLike<unknown>;
  weight: Float64Array;
  adults: Float64Array;
  children: Float64Array;
  childrenUnder14: Float64Array;
  pensioners: Float64Array;
  incomeBhc: Float64Array;
  housingCosts: Float64Array;
  energySpend: Float64Array;
  council: ArrayLike<unknown>;
  simdDecile: Float64Array;
  netTransfer: Float64Array;
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

/** Throws INVALID_HOUSEHOLD when `more[i] > than[i]` in any row. */
function checkAtMost(more: Float64Array, than: Float64Array, message: string, column: string, option: string): void {
  const bad: number[] = [];
  for (let i = 0; i < more.length; i++) if (more[i]! > than[i]!) bad.push(i);
  if (bad.length > 0) {
    throw new PovineqError('INVALID_HOUSEHOLD', `column "${column}" (option ${option}) ${message} in ${plural(bad.length, 'household')} (${describeRows(bad)})`, {
      column,
      option,
      count: bad.length,
      rows: bad.slice(0, 100),
    });
  }
}

/**
 * Reads the children columns: all children and those under 14, or (the older form) those 14 and
 * over and those under 14, whose sum is all children.
 */
function readChildren(table: ColumnSource, c: HouseholdColumns & typeof HOUSEHOLD_COLUMNS): { children: Float64Array; childrenUnder14: Float64Array } {
  const older = c.children14Plus ?? (c.children === HOUSEHOLD_COLUMNS.children && !columnNames(table).includes(c.children) && columnNames(table).includes(CHILDREN_14_PLUS) ? CHILDREN_14_PLUS : undefined);
  if (older !== undefined) {
    const children = Float64Array.from(readCount(table, older, 'children14Plus', 0));
    const childrenUnder14 = readCount(table, c.childrenUnder14, 'childrenUnder14', 0);
    for (let i = 0; i < children.length; i++) children[i] = children[i]! + childrenUnder14[i]!;
    return { children, childrenUnder14 };
  }
  const children = readCount(table, c.children, 'children', 0);
  const childrenUnder14 = readCount(table, c.childrenUnder14, 'childrenUnder14', 0);
  checkAtMost(childrenUnder14, children, `counts more children under 14 than children (column "${c.children}")`, c.childrenUnder14, 'childrenUnder14');
  return { children, childrenUnder14 };
}

/** Reads the person-count columns of a household table (pensioners only when `withPensioners`). */
export function readHouseholdCounts(table: ColumnSource, columns: HouseholdColumns, withPensioners: boolean): HouseholdCounts {
  const c = { ...HOUSEHOLD_COLUMNS, ...stripUndefined(columns) };
  const adults = readCount(table, c.adults, 'adults', 1);
  const { children, childrenUnder14 } = readChildren(table, c);
  if (!withPensioners) return { adults, children, childrenUnder14 };
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
  return { adults, children, childrenUnder14, pensioners };
}

/** Children aged 14 and over in each household: children − children under 14. */
export function olderChildren(counts: Pick<HouseholdCounts, 'children' | 'childrenUnder14'>): Float64Array {
  const out = new Float64Array(counts.children.length);
  for (let i = 0; i < out.length; i++) out[i] = counts.children[i]! - counts.childrenUnder14[i]!;
  return out;
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
