import type { ColumnTable } from 'arquero';
import { rowCount } from '../data/index.js';
import { missingOption, readIncome } from './households.js';
import { keptRows, withColumns } from './with-columns.js';

/** Options of {@link afterHousingCosts}. */
export interface AfterHousingCostsOptions {
  /** Household income before housing costs (BHC), the HBAI net disposable income. */
  income: string;
  /** Housing costs over the same period (rent, mortgage interest, water, structural insurance…). */
  housingCosts: string;
  /** Name of the added column, default `<income>_ahc`. */
  as?: string;
  /** Rows with a missing income or housing cost: `'error'` (default) or `'drop'`. */
  missing?: 'error' | 'drop';
}

/**
 * Adds after-housing-costs (AHC) income: BHC income minus housing costs, per household.
 *
 * AHC = BHC − housing costs. HBAI housing costs are rent (gross of housing benefit, which is in
 * BHC income), water rates, mortgage interest, structural insurance, ground rent and service
 * charges. The result can be negative (housing costs above income); HBAI keeps such households
 * in the ranking, so they sit at the bottom of the AHC distribution and are counted as poor.
 * Equivalise AHC income with the AHC scale (`scale: 'hbai-ahc'`). The input is not changed.
 * Reference: DWP, HBAI Quality and Methodology Information (income definitions).
 *
 * @example
 * afterHousingCosts(households, { income: 'income_bhc', housingCosts: 'housing', as: 'income_ahc' })
 */
export function afterHousingCosts(households: ColumnTable, options: AfterHousingCostsOptions): ColumnTable {
  const missing = missingOption(options.missing);
  const bhc = readIncome(households, options.income, 'income', missing);
  const costs = readIncome(households, options.housingCosts, 'housingCosts', missing);
  const n = rowCount(households);
  const ahc = new Float64Array(n);
  for (let i = 0; i < n; i++) ahc[i] = bhc.values[i]! - costs.values[i]!;
  const dropped = [...new Set([...bhc.missingRows, ...costs.missingRows])].sort((a, b) => a - b);
  return withColumns(households, { [options.as ?? `${options.income}_ahc`]: ahc }, keptRows(n, dropped));
}
