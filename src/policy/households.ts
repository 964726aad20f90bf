import type { ColumnTable } from 'arquero';
import {
  type ColumnSource,
  PovineqError,
  columnNames,
  describeRows,
  plural,
  readColumn,
  rowCount,
  toNumeric,
} from '../data/index.js';
import type { HouseholdArrays } from '../income/index.js';

/**
 * The household microdata schema: one row per household, money in £ per week (2021/22 prices for
 * the synthetic file). Documented with its conventions in docs/schema/households.md.
 *
 * Required columns are read by {@link compare}; scenarios name the extra columns they need.
 */
export const HOUSEHOLD_SCHEMA = {
  household_id: 'unique household identifier (number or text); compare() uses it to check row order',
  weight: 'household grossing weight (> 0): households in the population this row stands for',
  adults: 'number of adults (16+, not dependent children), including pensioners; ≥ 1',
  children: 'number of dependent children (0–15, or 16–19 in full-time non-advanced education)',
  children_under_14: 'children aged under 14 (≤ children); sets the equivalence scale',
  pensioners: 'adults of state pension age (≤ adults)',
  income_bhc: 'net weekly household income before housing costs, £ (HBAI definition; may be ≤ 0)',
  housing_costs: 'weekly housing costs, £ ≥ 0 (rent, mortgage interest, water, structural insurance)',
  energy_spend: 'weekly domestic energy spend (electricity, gas, other fuels), £ ≥ 0',
  motor_fuel_spend: 'weekly motor fuel spend (petrol, diesel), £ ≥ 0',
  means_tested: 'receives a qualifying means-tested benefit (Universal Credit or legacy equivalents): 1/0 or true/false',
  two_child_limit_children: 'children in the household for whom no child element is paid under the two-child limit',
  council: 'council area, S12 code (e.g. S12000049 Glasgow City)',
  simd_decile: 'SIMD 2020v2 decile of the household’s data zone, 1 = most deprived, 10 = least',
} as const;

/** Optional schema columns: used when present. */
export const OPTIONAL_HOUSEHOLD_SCHEMA = {
  material_deprivation: 'material deprivation score (HBAI, 0–100); optional',
  net_transfer:
    'weekly £ paid by government to the household under the simulated policies, net of taxes they raise; ' +
    '0 (or absent) in a baseline; scenarios add to it and compare() sums its change as the net cost',
} as const;

/** A required schema column. */
export type HouseholdSchemaColumn = keyof typeof HOUSEHOLD_SCHEMA;

/** Columns that may not be negative (spends, counts). */
const NON_NEGATIVE: readonly string[] = [
  'adults',
  'children',
  'children_under_14',
  'pensioners',
  'housing_costs',
  'energy_spend',
  'motor_fuel_spend',
  'two_child_limit_children',
];

/** Where a check is made, for messages: "scenario carbonLevy" or "compare() baseline". */
export interface CheckContext {
  /** Who needs the columns, e.g. `scenario "carbon levy"` or `compare() reform`. */
  by: string;
}

/** The column names a household source lacks, among those given. */
export function missingColumns(table: ColumnSource, needed: readonly string[]): string[] {
  const have = new Set(columnNames(table));
  return needed.filter((c) => !have.has(c));
}

/**
 * Throws `MISSING_COLUMN` naming who needs which columns when `table` lacks any of `needed`.
 *
 * @example
 * requireColumns(households, ['energy_spend'], { by: 'scenario "carbon levy"' });
 */
export function requireColumns(table: ColumnSource, needed: readonly string[], context: CheckContext): void {
  const missing = missingColumns(table, needed);
  if (missing.length > 0) {
    throw new PovineqError(
      'MISSING_COLUMN',
      `${context.by} needs column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}, ` +
        `which the household table lacks; see docs/schema/households.md for the household schema`,
      { column: missing[0], columns: missing, by: context.by },
    );
  }
}

/**
 * Reads one numeric household column as a Float64Array, rejecting missing, non-numeric and
 * infinite values and (for spends and counts) negative ones, with a message naming the column,
 * the rows and who needs it. Booleans are read as 1/0 (for flags).
 */
export function numericColumn(table: ColumnSource, name: string, context: CheckContext): Float64Array {
  const raw = householdColumn(table, name);
  const values = readFlagsOrNumbers(raw);
  const parsed = values ?? toNumeric(raw);
  const bad = values ? [] : [...parsed.missing, ...parsed.nonNumeric, ...parsed.nonFinite].sort((a, b) => a - b);
  if (bad.length > 0) {
    throw new PovineqError(
      'MISSING_VALUE',
      `${context.by}: column "${name}" has ${plural(bad.length, 'missing or non-numeric value')} (${describeRows(bad)}); ` +
        `household microdata must be complete: impute or remove those households before the analysis`,
      { column: name, count: bad.length, rows: bad.slice(0, 100), by: context.by },
    );
  }
  const x = parsed.values;
  if (NON_NEGATIVE.includes(name)) {
    const neg: number[] = [];
    for (let i = 0; i < x.length; i++) if (x[i]! < 0) neg.push(i);
    if (neg.length > 0) {
      throw new PovineqError(
        'INVALID_HOUSEHOLD',
        `${context.by}: column "${name}" has ${plural(neg.length, 'negative value')} (${describeRows(neg)}); ` +
          `spends and counts must be ≥ 0: correct or remove those households`,
        { column: name, count: neg.length, rows: neg.slice(0, 100), by: context.by },
      );
    }
  }
  if (name === 'weight') {
    const bad: number[] = [];
    for (let i = 0; i < x.length; i++) if (!(x[i]! > 0)) bad.push(i);
    if (bad.length > 0) {
      throw new PovineqError(
        'NON_POSITIVE_WEIGHT',
        `${context.by}: weight column "weight" has ${plural(bad.length, 'zero or negative weight')} (${describeRows(bad)}); ` +
          `remove those households or give them a positive weight`,
        { column: name, count: bad.length, rows: bad.slice(0, 100), by: context.by },
      );
    }
  }
  return x;
}

/**
 * The raw values of a column. For an unfiltered, unordered Arquero 8 table the column object is
 * its array of values, used as is (no copy); otherwise src/data's readColumn (which also names a
 * missing column).
 */
export function householdColumn(table: ColumnSource, name: string): ArrayLike<unknown> {
  const t = table as { isFiltered?: () => boolean; isOrdered?: () => boolean; column?: (n: string) => unknown; numRows?: () => number };
  if (typeof t.column === 'function' && typeof t.numRows === 'function' && !t.isFiltered?.() && !t.isOrdered?.()) {
    const c = t.column(name);
    if ((Array.isArray(c) || (ArrayBuffer.isView(c) && !(c instanceof DataView))) && (c as ArrayLike<unknown>).length === t.numRows()) {
      return c as ArrayLike<unknown>;
    }
  }
  return readColumn(table, name, name);
}

/** Booleans (and arrays of booleans) as 1/0; undefined when the column is not all booleans. */
function readFlagsOrNumbers(raw: ArrayLike<unknown>): { values: Float64Array; missing: number[]; nonNumeric: number[]; nonFinite: number[] } | undefined {
  if (raw.length === 0 || typeof raw[0] !== 'boolean') return undefined;
  const values = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    if (typeof v !== 'boolean') return undefined;
    values[i] = v ? 1 : 0;
  }
  return { values, missing: [], nonNumeric: [], nonFinite: [] };
}

/** Columns compare() reads. */
export const COMPARE_COLUMNS = [
  'household_id',
  'weight',
  'adults',
  'children',
  'children_under_14',
  'pensioners',
  'income_bhc',
  'housing_costs',
  'energy_spend',
  'council',
  'simd_decile',
] as const;

/**
 * Validates the household schema for compare() and reads its columns: every required column
 * present; weights positive; counts and spends non-negative; 1 ≤ adults; pensioners ≤ adults;
 * children_under_14 ≤ children; SIMD decile a whole number 1–10.
 *
 * @example
 * validateHouseholds(syntheticHouseholds({ seed: 1, households: 1000 })); // passes silently
 */
export function validateHouseholds(
  table: ColumnTable | ColumnSource,
  context: CheckContext = { by: 'household table' },
  reuse?: { table: ColumnSource; arrays: HouseholdArrays },
): HouseholdArrays {
  requireColumns(table, COMPARE_COLUMNS, context);
  const n = rowCount(table);
  if (n === 0) throw new PovineqError('EMPTY', `${context.by}: the household table has no rows`, { by: context.by });
  // a column that is the very same array as in an already validated table (a scenario leaves
  // unchanged columns shared) is not read again
  const shared = (name: string, key: keyof HouseholdArrays): Float64Array | undefined => {
    if (!reuse || rowCount(reuse.table) !== n || !columnNames(reuse.table).includes(name)) return undefined;
    return householdColumn(table, name) === householdColumn(reuse.table, name) ? (reuse.arrays[key] as Float64Array) : undefined;
  };
  const KEYS: Record<string, keyof HouseholdArrays> = {
    weight: 'weight', adults: 'adults', children: 'children', children_under_14: 'childrenUnder14', pensioners: 'pensioners',
    income_bhc: 'incomeBhc', housing_costs: 'housingCosts', energy_spend: 'energySpend', simd_decile: 'simdDecile', net_transfer: 'netTransfer',
  };
  const col = (name: string) => shared(name, KEYS[name]!) ?? numericColumn(table, name, context);
  const h: HouseholdArrays = {
    n,
    id: householdColumn(table, 'household_id'),
    weight: col('weight'),
    adults: col('adults'),
    children: col('children'),
    childrenUnder14: col('children_under_14'),
    pensioners: col('pensioners'),
    incomeBhc: col('income_bhc'),
    housingCosts: col('housing_costs'),
    energySpend: col('energy_spend'),
    council: householdColumn(table, 'council'),
    simdDecile: col('simd_decile'),
    netTransfer: columnNames(table).includes('net_transfer') ? col('net_transfer') : new Float64Array(n),
  };
  if (reuse && ['weight', 'adults', 'children', 'children_under_14', 'pensioners', 'simd_decile'].every((c) => shared(c, KEYS[c]!)) &&
      householdColumn(table, 'council') === householdColumn(reuse.table, 'council')) {
    return h; // the people and areas are the validated ones
  }
  const check = (test: (i: number) => boolean, message: string, column: string) => {
    const bad: number[] = [];
    for (let i = 0; i < n; i++) if (!test(i)) bad.push(i);
    if (bad.length > 0) {
      throw new PovineqError('INVALID_HOUSEHOLD', `${context.by}: ${plural(bad.length, 'household')} (${describeRows(bad)}) ${message}`, {
        column,
        count: bad.length,
        rows: bad.slice(0, 100),
        by: context.by,
      });
    }
  };
  check((i) => h.adults[i]! >= 1, 'have no adult (column "adults" must be ≥ 1)', 'adults');
  check((i) => h.pensioners[i]! <= h.adults[i]!, 'have more pensioners than adults (column "pensioners" counts adults of pension age)', 'pensioners');
  check((i) => h.childrenUnder14[i]! <= h.children[i]!, 'have more children under 14 than children (column "children_under_14")', 'children_under_14');
  check((i) => Number.isInteger(h.simdDecile[i]) && h.simdDecile[i]! >= 1 && h.simdDecile[i]! <= 10, 'have a "simd_decile" outside the whole numbers 1–10', 'simd_decile');
  const councils = h.council;
  check((i) => typeof councils[i] === 'string' && (councils[i] as string).length > 0, 'have a missing "council" code', 'council');
  return h;
}
