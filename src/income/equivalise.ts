import type { ColumnTable } from 'arquero';
import { rowCount } from '../data/index.js';
import { type EquivalenceScale, factorOf, resolveScale } from './equivalence-scale.js';
import { type HouseholdColumns, missingOption, readHouseholdCounts, readIncome } from './households.js';
import { keptRows, withColumns } from './with-columns.js';

/** Options of {@link equivalise}. */
export interface EquivaliseOptions extends HouseholdColumns {
  /** Household income column to equivalise (any period: weekly, annual…). */
  income: string;
  /** Equivalence scale, default `'hbai-bhc'` (use `'hbai-ahc'` for AHC incomes). */
  scale?: EquivalenceScale;
  /** Name of the added column, default `<income>_equivalised`. */
  as?: string;
  /** Also add the equivalence factor under this column name. */
  factor?: string;
  /** Rows with a missing income: `'error'` (default) or `'drop'` (left out of the result). */
  missing?: 'error' | 'drop';
}

/**
 * Adds an equivalised income column to a household table: income ÷ equivalence factor.
 *
 * yᵢ = xᵢ / eᵢ with eᵢ from {@link equivalenceFactor} on the row's counts of adults, children
 * aged 14+ and children under 14 (columns named by options; defaults `adults`,
 * `children_14_plus`, `children_under_14`). Counts must be whole numbers ≥ 0 and every household
 * needs an adult. Negative incomes are kept (and stay negative). The input table is not changed.
 * Reference: DWP, HBAI Quality and Methodology Information (equivalisation).
 *
 * @example
 * equivalise(households, { income: 'net_income_bhc', scale: 'hbai-bhc', as: 'eq_bhc' })
 */
export function equivalise(households: ColumnTable, options: EquivaliseOptions): ColumnTable {
  const scale = resolveScale(options.scale);
  const missing = missingOption(options.missing);
  const counts = readHouseholdCounts(households, options, false);
  const income = readIncome(households, options.income, 'income', missing);
  const n = rowCount(households);
  const out = new Float64Array(n);
  const factors = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = factorOf(scale, counts.adults[i]!, counts.children[i]! - counts.childrenUnder14[i]!, counts.childrenUnder14[i]!);
    factors[i] = e;
    out[i] = income.values[i]! / e;
  }
  const columns: Record<string, ArrayLike<unknown>> = { [options.as ?? `${options.income}_equivalised`]: out };
  if (options.factor) columns[options.factor] = factors;
  return withColumns(households, columns, keptRows(n, income.missingRows));
}
