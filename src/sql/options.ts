import { PovineqError } from '../data/index.js';
import type { SqlDialectName } from './dialects/index.js';

/** The measures the SQL compiler knows: the core set, computed per group in one query. */
export const SQL_MEASURES = [
  'n',
  'population',
  'mean',
  'median',
  'quantiles',
  'povertyLine',
  'headcount',
  'povertyGap',
  'povertySeverity',
  'arpr',
  'rmpg',
  'gini',
  's80s20',
  'palma',
  'theil',
  'mld',
  'atkinson',
] as const;

/** One of {@link SQL_MEASURES}. */
export type SqlMeasure = (typeof SQL_MEASURES)[number];

/**
 * Where the rows come from. A string or `{ table }` names a table or view (a string array is a
 * qualified name such as `['schema', 'table']`); `{ parquet }` and `{ csv }` are file paths or
 * glob patterns read in place by DuckDB.
 */
export type SqlSource =
  | string
  | readonly string[]
  | { table: string | readonly string[] }
  | { parquet: string | readonly string[] }
  | { csv: string | readonly string[] };

/** Options of {@link measuresSQL} and {@link queryMeasures}. */
export interface MeasuresSQLOptions {
  /** Where the rows are. */
  from: SqlSource;
  /** The value (income) column. */
  value: string;
  /** The weight column; omit for unweighted rows. */
  weight?: string;
  /** Column(s) to group by; omit for one row over all the data. */
  by?: string | readonly string[];
  /** The measures to return (default: all of {@link SQL_MEASURES}). */
  measures?: readonly SqlMeasure[];
  /** Probabilities of the `quantiles` measure, fractions in [0, 1] (default 0.1, 0.25, 0.75, 0.9). */
  quantiles?: readonly number[];
  /** Inequality aversions of the `atkinson` measure (default 0.5, 1, 2). */
  epsilon?: readonly number[];
  /** Fraction of the median that sets the poverty line and the ARPR threshold (default 0.6). */
  fraction?: number;
  /** A fixed poverty line for headcount, gap, severity, ARPR and RMPG, instead of the median-based one. */
  line?: number;
  /**
   * With `by`: `false` (default) uses one line computed on all the rows for every group, as
   * `byGroup` and HBAI do; `true` computes each group's line from the group's own median.
   */
  groupLine?: boolean;
  /** Rows whose value or weight is NULL, NaN, ±∞ or non-numeric text: `'error'` (default) or `'drop'`. */
  missing?: 'error' | 'drop';
  /** Rows whose weight is zero or negative: `'error'` (default) or `'drop'`. */
  nonPositiveWeights?: 'error' | 'drop';
  /**
   * Rows outside the domain of Theil, MLD and Atkinson (values ≤ 0; values < 0 for Atkinson with
   * ε < 1): `'error'` (default) or `'drop'`, which leaves them out of those measures only.
   */
  nonPositive?: 'error' | 'drop';
}

/** {@link MeasuresSQLOptions} with the dialect to write. */
export interface MeasuresSQLRequest extends MeasuresSQLOptions {
  /** The SQL engine: `'duckdb'`, `'postgres'`, `'spark'` or `'bigquery'`. */
  dialect: SqlDialectName;
}

/** Options checked and defaulted. */
export interface Normalized {
  value: string;
  weight: string | undefined;
  by: string[];
  measures: Set<SqlMeasure>;
  quantiles: number[];
  epsilon: number[];
  fraction: number;
  line: number | undefined;
  groupLine: boolean;
  missing: 'error' | 'drop';
  nonPositiveWeights: 'error' | 'drop';
  nonPositive: 'error' | 'drop';
}

const KNOWN_OPTIONS = new Set([
  'dialect', 'from', 'value', 'weight', 'by', 'measures', 'quantiles', 'epsilon', 'fraction', 'line',
  'groupLine', 'missing', 'nonPositiveWeights', 'nonPositive',
]);

function invalid(option: string, message: string): PovineqError {
  return new PovineqError('INVALID_OPTION', message, { option });
}

function columnName(v: unknown, option: string): string {
  if (typeof v !== 'string' || v.length === 0 || v.includes('\u0000')) {
    throw invalid(option, `option ${option} must name a column (a non-empty string), got ${JSON.stringify(v)}`);
  }
  return v;
}

function choice(v: unknown, option: string): 'error' | 'drop' {
  if (v === undefined) return 'error';
  if (v !== 'error' && v !== 'drop') throw invalid(option, `${option} must be 'error' or 'drop', got ${JSON.stringify(v)}`);
  return v;
}

function numbers(v: unknown, option: string, fallback: number[], check: (x: number) => boolean, what: string): number[] {
  if (v === undefined) return fallback;
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'number' && check(x))) {
    throw invalid(option, `option ${option} must be a non-empty array of ${what}, got ${JSON.stringify(v)}`);
  }
  return [...new Set(v as number[])];
}

/** Checks every option, naming the one that is wrong, and fills in the defaults. */
export function normalize(options: MeasuresSQLOptions): Normalized {
  if (options === null || typeof options !== 'object') {
    throw new PovineqError('MISSING_OPTION', 'pass an options object: { from, value, weight?, by?, measures? }', { option: 'options' });
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw invalid(key, `unknown option ${key}; the options are ${[...KNOWN_OPTIONS].join(', ')}`);
  }
  if (options.value === undefined) {
    throw new PovineqError('MISSING_OPTION', 'measures need the value column: pass { value: "income" }', { option: 'value' });
  }
  const value = columnName(options.value, 'value');
  const weight = options.weight === undefined ? undefined : columnName(options.weight, 'weight');
  const by = options.by === undefined ? [] : (typeof options.by === 'string' ? [options.by] : [...(options.by as string[])]);
  by.forEach((b) => columnName(b, 'by'));
  let measures: Set<SqlMeasure>;
  if (options.measures === undefined) measures = new Set(SQL_MEASURES);
  else {
    if (!Array.isArray(options.measures) || options.measures.length === 0) {
      throw invalid('measures', `option measures must be a non-empty array of measure names (${SQL_MEASURES.join(', ')})`);
    }
    const unknown = options.measures.filter((m) => !(SQL_MEASURES as readonly string[]).includes(m));
    if (unknown.length) {
      throw invalid('measures', `unknown measure ${unknown.map((m) => JSON.stringify(m)).join(', ')}; SQL measures are ${SQL_MEASURES.join(', ')}`);
    }
    measures = new Set(options.measures);
  }
  const quantiles = numbers(options.quantiles, 'quantiles', [0.1, 0.25, 0.75, 0.9], (p) => p >= 0 && p <= 1, 'fractions in [0, 1] (0.9, not 90)');
  const epsilon = numbers(options.epsilon, 'epsilon', [0.5, 1, 2], (e) => e >= 0 && Number.isFinite(e), 'inequality aversions ≥ 0');
  const fraction = options.fraction ?? 0.6;
  if (typeof fraction !== 'number' || !(fraction > 0) || !Number.isFinite(fraction)) {
    throw invalid('fraction', `fraction must be a positive number (0.6 for 60% of the median), got ${JSON.stringify(options.fraction)}`);
  }
  const line = options.line;
  if (line !== undefined && (typeof line !== 'number' || !(line > 0) || !Number.isFinite(line))) {
    throw invalid('line', `line must be a positive number (the poverty line in the value's units), got ${JSON.stringify(line)}`);
  }
  if (options.groupLine !== undefined && typeof options.groupLine !== 'boolean') {
    throw invalid('groupLine', `groupLine must be true or false, got ${JSON.stringify(options.groupLine)}`);
  }
  const names = outputNames({ measures, quantiles, epsilon });
  const clash = by.find((b) => names.includes(b));
  if (clash !== undefined) throw invalid('by', `group column "${clash}" has the name of a result column; rename it in the source`);
  return {
    value,
    weight,
    by,
    measures,
    quantiles,
    epsilon,
    fraction,
    line,
    groupLine: options.groupLine ?? false,
    missing: choice(options.missing, 'missing'),
    nonPositiveWeights: choice(options.nonPositiveWeights, 'nonPositiveWeights'),
    nonPositive: choice(options.nonPositive, 'nonPositive'),
  };
}

/** `p10` for 0.1, `p2_5` for 0.025: the result column of a quantile. */
export function quantileName(p: number): string {
  return `p${String(+(p * 100).toPrecision(12)).replace('.', '_')}`;
}

/** `atkinson_0_5` for ε = 0.5: the result column of an Atkinson index. */
export function atkinsonName(epsilon: number): string {
  return `atkinson_${String(epsilon).replace('.', '_')}`;
}

/** The result columns of the measures, in output order (after the group columns). */
export function outputNames(o: Pick<Normalized, 'measures' | 'quantiles' | 'epsilon'>): string[] {
  const names: string[] = [];
  for (const m of SQL_MEASURES) {
    if (!o.measures.has(m)) continue;
    if (m === 'quantiles') names.push(...o.quantiles.map(quantileName));
    else if (m === 'atkinson') names.push(...o.epsilon.map(atkinsonName));
    else names.push(m);
  }
  return names;
}
