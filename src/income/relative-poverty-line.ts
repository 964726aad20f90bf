import type { ColumnTable } from 'arquero';
import type { QuantileType } from '../core/index.js';
import { requireNumber } from '../core/index.js';
import { PovineqError } from '../data/index.js';
import { type PersonWeightOptions, personWeightedMedian } from './person-weights.js';

/** Options of {@link relativePovertyLine}. */
export interface RelativePovertyLineOptions extends PersonWeightOptions {
  /** Fraction of the median, default 0.6 (0.5 for severe poverty, 0.7 for the combined measure). */
  fraction?: number;
  /** Quantile rule for the median, default `'eurostat'`. */
  type?: QuantileType;
}

/** Checks a fraction-of-median option. */
export function checkFraction(fraction: unknown, fallback: number, fn: string): number {
  const f = requireNumber((fraction ?? fallback) as number, 'fraction', fn);
  if (!(f > 0)) {
    throw new PovineqError('INVALID_OPTION', `${fn}: fraction must be positive (0.6 for 60% of the median), got ${f}`, { option: 'fraction' });
  }
  return f;
}

/**
 * HBAI relative poverty line: a fraction (default 0.6) of the person-weighted median of
 * equivalised household income of a reference population.
 *
 * line = fraction × median over people (household weight × household size). Pass the reference
 * population's table: for Scottish figures HBAI and PIIS use the UK median, so compute the line on
 * UK households and pass it as `line` (or the UK table as `reference`) when analysing Scotland, a
 * council or a group. Reference: DWP, HBAI QMI; Scottish Government, PIIS background notes.
 *
 * @example
 * const line = relativePovertyLine(ukHouseholds, { income: 'eq_bhc', weight: 'gs_hh' });
 * personWeightedRates(scottishHouseholds, { income: 'eq_bhc', weight: 'gs_hh', line })
 */
export function relativePovertyLine(reference: ColumnTable, options: RelativePovertyLineOptions): number {
  const fraction = checkFraction(options.fraction, 0.6, 'relativePovertyLine');
  return fraction * personWeightedMedian(reference, options);
}

/**
 * Severe (deep) poverty line: by default 50% of the person-weighted median of equivalised income
 * of the reference population, the PIIS "severe poverty" threshold. Same options as
 * {@link relativePovertyLine}; `fraction` changes the 50% (e.g. 0.4 for the EU's 40% line).
 *
 * @example
 * severePovertyLine(ukHouseholds, { income: 'eq_ahc', weight: 'gs_hh' })
 */
export function severePovertyLine(reference: ColumnTable, options: RelativePovertyLineOptions): number {
  const fraction = checkFraction(options.fraction, 0.5, 'severePovertyLine');
  return fraction * personWeightedMedian(reference, options);
}
