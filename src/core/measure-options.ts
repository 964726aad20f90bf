import { type OptionSpec, checkOptions } from '../data/index.js';

const dropOrError = { kind: 'enum', values: ['error', 'drop'] } as const;

/** Options that say where a Distribution's values and weights come from, and which rows to drop. */
export const DATA_OPTIONS: OptionSpec = {
  value: { kind: 'string' },
  weight: { kind: 'string' },
  weights: { kind: 'array' },
  missing: dropOrError,
  nonPositiveWeights: dropOrError,
  nonPositive: dropOrError,
};

/**
 * Every option a scalar measure takes: the data options and each measure's parameters. A measure
 * given a name outside this list is told the nearest one ("did you mean 'weight'?").
 */
export const MEASURE_OPTIONS: OptionSpec = {
  ...DATA_OPTIONS,
  line: { kind: 'number', min: 0, above: true, means: 'a poverty line in income units', fallback: 1 },
  alpha: { kind: 'number' },
  epsilon: { kind: 'number', min: 0, means: 'inequality aversion' },
  p: { kind: 'number', min: 0, max: 1, means: 'a fraction, not a percent: 0.1 for 10%' },
  upper: { kind: 'number', min: 0, max: 1, means: 'a fraction, not a percent: 0.9 for the 90th percentile' },
  lower: { kind: 'number', min: 0, max: 1, means: 'a fraction, not a percent: 0.1 for the 10th percentile' },
  fraction: { kind: 'number', min: 0, max: 1, above: true, means: 'a fraction, not a percent: 0.6 for 60% of the median', fallback: 0.6 },
  of: { kind: 'enum', values: ['median', 'mean'] },
  type: { kind: 'enum', values: ['eurostat', 'laeken', 7] },
};

/** Validates a measure's options (null and undefined mean none); see {@link checkOptions}. */
export function checkMeasureOptions<T extends object>(options: T | null | undefined, measure: string): T {
  return checkOptions(options, MEASURE_OPTIONS, measure);
}

/** Validates the data options of a call that also takes options of its own (left unchecked here). */
export function checkDataOptions<T extends object>(options: T | null | undefined, context: string): T {
  return checkOptions(options, DATA_OPTIONS, context, { open: true });
}
