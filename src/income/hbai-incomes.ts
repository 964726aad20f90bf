import type { ColumnTable } from 'arquero';
import { equivalise } from './equivalise.js';
import { type HouseholdColumns } from './households.js';
import { afterHousingCosts } from './housing-costs.js';

/** Options of {@link hbaiIncomes}. */
export interface HbaiIncomesOptions extends HouseholdColumns {
  /** Household net income before housing costs (BHC). */
  income: string;
  /** Housing costs over the same period. */
  housingCosts: string;
  /** Names of the added columns: defaults `income_ahc`, `equivalised_bhc`, `equivalised_ahc`. */
  as?: { ahc?: string; bhc?: string; equivalisedAhc?: string };
  /** Rows with a missing income or housing cost: `'error'` (default) or `'drop'`. */
  missing?: 'error' | 'drop';
}

/**
 * The HBAI income bases in one step: AHC income (BHC − housing costs), BHC income equivalised with
 * the BHC scale, and AHC income equivalised with the AHC scale.
 *
 * Adds `income_ahc` = x − h, `equivalised_bhc` = x / e_BHC and `equivalised_ahc` = (x − h) / e_AHC
 * (names changeable with `as`). Negative AHC incomes are kept. The input is not changed.
 * Reference: DWP, HBAI QMI (income definitions, equivalisation).
 *
 * @example
 * const hh2 = hbaiIncomes(hh, { income: 'net_income', housingCosts: 'housing' });
 * personWeightedRates(hh2, { income: 'equivalised_bhc', weight: 'w' })
 */
export function hbaiIncomes(households: ColumnTable, options: HbaiIncomesOptions): ColumnTable {
  const names = { ahc: 'income_ahc', bhc: 'equivalised_bhc', equivalisedAhc: 'equivalised_ahc', ...options.as };
  const columns: HouseholdColumns = {
    adults: options.adults,
    children: options.children,
    children14Plus: options.children14Plus,
    childrenUnder14: options.childrenUnder14,
    pensioners: options.pensioners,
  };
  const withAhc = afterHousingCosts(households, { income: options.income, housingCosts: options.housingCosts, as: names.ahc, missing: options.missing });
  const withBhc = equivalise(withAhc, { ...columns, income: options.income, scale: 'hbai-bhc', as: names.bhc });
  return equivalise(withBhc, { ...columns, income: names.ahc, scale: 'hbai-ahc', as: names.equivalisedAhc });
}
