import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { type OptionSpec, PovineqError, checkOptions, readColumn, toNumeric } from '../data/index.js';

/** Options of {@link reliability}. */
export interface ReliabilityOptions {
  /** Column of coefficients of variation (default `cv`, a fraction: 0.2 is 20%). */
  cv?: string;
  /** CV above which an estimate is flagged "use with caution" (default 0.2). */
  flag?: number;
  /** CV above which an estimate is suppressed (default 0.3). */
  suppress?: number;
}

/** The three reliability classes, in order. */
export const RELIABILITY_CLASSES = ['reliable', 'use with caution', 'suppressed'] as const;

const RELIABILITY_OPTIONS: OptionSpec = {
  cv: { kind: 'string' },
  flag: { kind: 'number', min: 0, above: true, means: 'a CV as a fraction (0.2 for 20%)' },
  suppress: { kind: 'number', min: 0, above: true, means: 'a CV as a fraction (0.3 for 30%)' },
};

/**
 * Adds a `reliability` column from each estimate's coefficient of variation, as official statistics
 * publish small-area figures: CV ≤ 20% 'reliable', 20–30% 'use with caution', above 30% (or no
 * CV) 'suppressed' (thresholds are options). The input is not changed.
 *
 * @example
 * reliability(fh.areas) // adds reliability: 'reliable' | 'use with caution' | 'suppressed'
 */
export function reliability(areas: ColumnTable, options: ReliabilityOptions = {}): ColumnTable {
  options = checkOptions(options, RELIABILITY_OPTIONS, 'reliability');
  const flag = options.flag ?? 0.2;
  const suppress = options.suppress ?? 0.3;
  if (!(flag > 0) || !(suppress >= flag)) {
    throw new PovineqError('INVALID_OPTION', `reliability needs 0 < flag ≤ suppress (CVs as fractions), got flag ${flag}, suppress ${suppress}`, { option: 'flag' });
  }
  const cv = toNumeric(readColumn(areas, options.cv ?? 'cv', 'cv')).values;
  const classes = Array.from(cv, (c) => (c <= flag ? RELIABILITY_CLASSES[0] : c <= suppress ? RELIABILITY_CLASSES[1] : RELIABILITY_CLASSES[2]));
  return areas.reify().assign(aq.table({ reliability: classes }));
}
