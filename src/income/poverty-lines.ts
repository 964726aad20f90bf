import type { ColumnTable } from 'arquero';
import { type Distribution, type QuantileType, quantileOf, requireNumber } from '../core/index.js';
import { PovineqError } from '../data/index.js';
import { type PersonWeightOptions, personWeightedMedian } from './person-weights.js';

/** Options of {@link relativePovertyLine}. */
export interface RelativePovertyLineOptions extends PersonWeightOptions {
  /** Fraction of the median, default 0.6 (0.5 for severe poverty, 0.7 for the combined measure). */
  fraction?: number;
  /** Quantile rule for the median, default `'eurostat'`. */
  type?: QuantileType;
}

/**
 * Checks a fraction option (of the median, or of income): a finite number above 0, and below 1
 * when `below1`. `fallback` is the default when the option is undefined.
 */
export function checkFraction(value: unknown, fallback: number, fn: string, option = 'fraction', below1 = false): number {
  if (below1) {
    const x = value === undefined ? fallback : value;
    if (typeof x !== 'number' || !(x > 0 && x < 1)) {
      throw new PovineqError('INVALID_OPTION', `${option} must be a fraction between 0 and 1 (e.g. ${fallback}), got ${JSON.stringify(value)}`, { option });
    }
    return x;
  }
  const f = requireNumber((value ?? fallback) as number, option, fn);
  if (!(f > 0)) {
    throw new PovineqError('INVALID_OPTION', `${fn}: ${option} must be positive (0.6 for 60% of the median), got ${f}`, { option });
  }
  return f;
}

/** The relative and deep poverty lines set from a median: fraction × median and deepFraction × median. */
export function linesFromMedian(median: number, fraction: number, deepFraction: number): { relative: number; deep: number } {
  return { relative: fraction * median, deep: deepFraction * median };
}

/**
 * The person-weighted median of equivalised income of a person-weighted Distribution (EU-SILC rule
 * unless `type` says otherwise): the median HBAI lines are fractions of.
 */
export function personMedian(people: Distribution, type: QuantileType = 'eurostat'): number {
  return quantileOf(people, 0.5, type);
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
 * Severe (deep) poverty line of a household table: by default 50% of the person-weighted median of
 * equivalised income of the reference population, the PIIS "severe poverty" threshold. Same
 * options as {@link relativePovertyLine}; `fraction` changes the 50%.
 *
 * @deprecated The package calls this line "deep" everywhere: use
 * `deepPovertyLine(personDistribution(households, options))`, which gives the same number. This
 * alias will be removed in the next release.
 *
 * @example
 * severePovertyLine(ukHouseholds, { income: 'eq_ahc', weight: 'gs_hh' })
 */
export function severePovertyLine(reference: ColumnTable, options: RelativePovertyLineOptions): number {
  const fraction = checkFraction(options.fraction, 0.5, 'severePovertyLine');
  return fraction * personWeightedMedian(reference, options);
}
