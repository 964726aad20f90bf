import type { ColumnTable } from 'arquero';
import { PovineqError } from '../../data/index.js';
import { numericColumn } from '../households.js';

/**
 * How a levy's revenue goes back to households:
 * - `'none'`: kept by government (net revenue);
 * - `'dividend'`: the same £/week to every person (adults and children);
 * - `'rebate'`: the same £/week to every household;
 * - `'child'`: the same £/week to every child (a child top-up);
 * - `'means-tested'`: the same £/week to every household receiving a means-tested benefit.
 */
export type Recycling = 'none' | 'dividend' | 'rebate' | 'child' | 'means-tested';

/** Every recycling option, in the order documents list them. */
export const RECYCLING_OPTIONS: readonly Recycling[] = ['none', 'dividend', 'rebate', 'child', 'means-tested'];

/** Columns each recycling option reads (besides `weight`). */
export const RECYCLING_COLUMNS: Record<Recycling, readonly string[]> = {
  none: [],
  dividend: ['adults', 'children'],
  rebate: [],
  child: ['children'],
  'means-tested': ['means_tested'],
};

/**
 * The weekly payment to each household when `revenue` (£/week, summed over the weighted
 * population) is shared equally among the units of the chosen recycling option:
 * payment_i = units_i × revenue / Σ_j w_j units_j. Then Σ_i w_i payment_i = revenue exactly
 * (budget-neutral up to floating-point rounding).
 */
export function recyclePayments(households: ColumnTable, revenue: number, how: Recycling, scenario: string): { payment: Float64Array; perUnit: number } {
  const n = households.numRows();
  const payment = new Float64Array(n);
  if (how === 'none' || revenue === 0) return { payment, perUnit: 0 };
  const by = { by: `scenario "${scenario}"` };
  const weight = numericColumn(households, 'weight', by);
  const units = new Float64Array(n);
  if (how === 'dividend') {
    const a = numericColumn(households, 'adults', by);
    const c = numericColumn(households, 'children', by);
    for (let i = 0; i < n; i++) units[i] = a[i]! + c[i]!;
  } else if (how === 'rebate') units.fill(1);
  else if (how === 'child') units.set(numericColumn(households, 'children', by));
  else if (how === 'means-tested') units.set(numericColumn(households, 'means_tested', by));
  else {
    throw new PovineqError('INVALID_OPTION', `scenario ${scenario}: recycling must be one of ${RECYCLING_OPTIONS.map((r) => `'${r}'`).join(', ')}, got ${JSON.stringify(how)}`, {
      option: 'recycling',
    });
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += weight[i]! * units[i]!;
  if (!(total > 0)) {
    throw new PovineqError('INVALID_HOUSEHOLD', `scenario ${scenario}: no household is eligible for recycling '${how}' (weighted units = 0)`, { option: 'recycling' });
  }
  const perUnit = revenue / total;
  for (let i = 0; i < n; i++) payment[i] = units[i]! * perUnit;
  return { payment, perUnit };
}

/** Validates a recycling option. */
export function checkRecycling(how: unknown, scenario: string): Recycling {
  if (!RECYCLING_OPTIONS.includes(how as Recycling)) {
    throw new PovineqError('INVALID_OPTION', `scenario ${scenario}: recycling must be one of ${RECYCLING_OPTIONS.map((r) => `'${r}'`).join(', ')}, got ${JSON.stringify(how)}`, {
      option: 'recycling',
    });
  }
  return how as Recycling;
}
