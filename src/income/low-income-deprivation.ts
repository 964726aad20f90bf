import type { ColumnTable } from 'arquero';
import { PovineqError, rowCount } from '../data/index.js';
import { missingOption, readIncome } from './households.js';
import { type RelativePovertyLineOptions, checkFraction, relativePovertyLine } from './poverty-lines.js';
import { withColumns } from './with-columns.js';

/** Options of {@link lowIncomeAndDeprivation}. */
export interface LowIncomeAndDeprivationOptions extends Omit<RelativePovertyLineOptions, 'fraction'> {
  /** Column of the material deprivation score (0–100, the HBAI prevalence-weighted score). */
  deprivation: string;
  /** Deprivation score at or above which a household is materially deprived, default 25. */
  threshold?: number;
  /** Income line: a fixed number. Default: `fraction` × person-weighted median of `reference` (or the table). */
  line?: number;
  /** Fraction of the median for the low-income part, default 0.7. */
  fraction?: number;
  /** Reference population for the median (the UK for Scottish figures). Default: the table itself. */
  reference?: ColumnTable;
  /** Name of the added flag column, default `'low_income_deprived'`. */
  as?: string;
}

/**
 * Adds the combined low income and material deprivation flag: equivalised income below 70% of the
 * median AND a material deprivation score at or above the threshold (25).
 *
 * poorᵢ = [yᵢ < 0.7 × median] ∧ [scoreᵢ ≥ 25]. Pass after-housing-costs incomes for the Child
 * Poverty (Scotland) Act 2017 s. 5 measure (the Act deducts housing costs, s. 7(1)); the UK HBAI
 * "low income and material deprivation" indicator for children uses the same rule on incomes before
 * housing costs. The median is the person-weighted median of the reference population (UK), on the
 * same basis as the incomes.
 * Count it with `personWeightedRates(t, { poor: 'low_income_deprived', groups: ['children'] })`.
 * The score comes from the survey's material deprivation questions (FRS) and is not computed here.
 * Reference: Child Poverty (Scotland) Act 2017, s. 5; DWP, HBAI QMI (material deprivation).
 *
 * @example
 * const t = lowIncomeAndDeprivation(hh, { income: 'eq_ahc', weight: 'gs_hh', deprivation: 'md_score', reference: uk });
 * personWeightedRates(t, { poor: 'low_income_deprived', weight: 'gs_hh', groups: ['children'] })
 */
export function lowIncomeAndDeprivation(households: ColumnTable, options: LowIncomeAndDeprivationOptions): ColumnTable {
  const threshold = options.threshold ?? 25;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
    throw new PovineqError('INVALID_OPTION', `threshold must be a finite deprivation score, got ${JSON.stringify(threshold)}`, { option: 'threshold' });
  }
  const missing = missingOption(options.missing);
  let line: number;
  if (options.line !== undefined) {
    if (typeof options.line !== 'number' || !Number.isFinite(options.line)) {
      throw new PovineqError('INVALID_OPTION', `line must be a finite number, got ${JSON.stringify(options.line)}`, { option: 'line' });
    }
    line = options.line;
  } else {
    line = relativePovertyLine(options.reference ?? households, { ...options, fraction: checkFraction(options.fraction, 0.7, 'lowIncomeAndDeprivation') });
  }
  const income = readIncome(households, options.income, 'income', missing);
  const score = readIncome(households, options.deprivation, 'deprivation', missing);
  const n = rowCount(households);
  const flag: (boolean | null)[] = new Array(n);
  const gap = new Set([...income.missingRows, ...score.missingRows]);
  for (let i = 0; i < n; i++) {
    flag[i] = gap.has(i) ? null : income.values[i]! < line && score.values[i]! >= threshold;
  }
  if (gap.size > 0 && missing === 'drop') {
    const keep: number[] = [];
    for (let i = 0; i < n; i++) if (!gap.has(i)) keep.push(i);
    return withColumns(households, { [options.as ?? 'low_income_deprived']: flag }, keep);
  }
  return withColumns(households, { [options.as ?? 'low_income_deprived']: flag });
}
