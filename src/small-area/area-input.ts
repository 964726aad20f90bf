import { type ColumnSource, type OptionSpec, PovineqError, columnNames, describeRows, plural, readColumn, rowCount, toNumeric } from '../data/index.js';
import { dependentColumn } from './matrix.js';

/** Where an area-level model finds its inputs in a table of areas (one row per area). */
export interface AreaColumns {
  /** Column naming the areas (codes or names); each area must appear once. */
  area: string;
  /** Column of direct estimates (default `estimate`, as `estimate({ by })` returns them). Areas with a missing estimate are out of sample. */
  estimate?: string;
  /** Column of sampling variances of the direct estimates. Give this or `se`. */
  variance?: string;
  /** Column of standard errors of the direct estimates, squared to variances (default `se` when `variance` is not given). */
  se?: string;
  /** Numeric area covariates. */
  covariates?: readonly string[];
  /** Categorical area covariates, entered as dummy variables with the first level (sorted) as the reference, as R's treatment contrasts. */
  factors?: readonly string[];
  /** Include an intercept (default true). */
  intercept?: boolean;
}

/** The options of {@link AreaColumns}, for checkOptions (an unknown name is an error naming the nearest). */
export const AREA_OPTIONS: OptionSpec = {
  area: { kind: 'string' },
  estimate: { kind: 'string' },
  variance: { kind: 'string' },
  se: { kind: 'string' },
  covariates: { kind: 'array' },
  factors: { kind: 'array' },
  intercept: { kind: 'boolean' },
};

/** The validated inputs of an area-level model. */
export interface AreaData {
  /** Area labels, in table order. */
  areas: unknown[];
  /** Rows (table order) with a direct estimate: the areas the model is fitted on. */
  sampled: number[];
  /** Direct estimates and sampling variances of every row (NaN out of sample). */
  direct: Float64Array;
  variance: Float64Array;
  /** Design matrix of every row, row-major, `terms.length` columns. */
  x: Float64Array;
  terms: string[];
  estimateColumn: string;
  varianceColumn: string;
  areaColumn: string;
}

/**
 * Reads and checks a table of areas: one row per area, a direct estimate and its sampling variance
 * for every sampled area, complete covariates, and a design matrix of full column rank.
 */
export function readAreas(table: ColumnSource, options: AreaColumns, fn: string): AreaData {
  if (options === undefined || options === null || typeof options.area !== 'string') {
    throw new PovineqError('MISSING_OPTION', `${fn} needs { area }: the column naming the areas`, { option: 'area' });
  }
  const areaColumn = options.area;
  const estimateColumn = options.estimate ?? 'estimate';
  if (options.variance !== undefined && options.se !== undefined) {
    throw new PovineqError('INVALID_OPTION', `${fn}: give { variance } or { se }, not both`, { option: 'variance' });
  }
  const useSe = options.variance === undefined;
  const varianceColumn = options.variance ?? options.se ?? 'se';
  const m = rowCount(table);
  const areas = Array.from(readColumn(table, areaColumn, 'area'));
  duplicatedAreas(areas, areaColumn);

  const rawEstimate = readColumn(table, estimateColumn, 'estimate');
  const est = toNumeric(rawEstimate);
  badValues(est.nonNumeric, est.nonFinite, estimateColumn, 'estimate');
  const rawVariance = readColumn(table, varianceColumn, useSe ? 'se' : 'variance');
  const v = toNumeric(rawVariance);
  badValues(v.nonNumeric, v.nonFinite, varianceColumn, useSe ? 'se' : 'variance');
  const direct = est.values;
  const variance = new Float64Array(m);
  const sampled: number[] = [];
  const missingVariance: number[] = [];
  const nonPositive: number[] = [];
  for (let i = 0; i < m; i++) {
    const y = direct[i]!;
    const s = v.values[i]!;
    variance[i] = useSe ? s * s : s;
    if (y !== y) continue;
    sampled.push(i);
    if (s !== s) missingVariance.push(i);
    else if (!(s > 0)) nonPositive.push(i);
  }
  if (missingVariance.length > 0) {
    throw new PovineqError(
      'MISSING_VALUE',
      `${useSe ? 'se' : 'variance'} column "${varianceColumn}" is missing for ${plural(missingVariance.length, 'area')} with a direct estimate ` +
        `(${describeRows(missingVariance)}); give every sampled area its sampling ${useSe ? 'standard error' : 'variance'}, ` +
        `or set its "${estimateColumn}" to missing to treat it as out of sample`,
      { column: varianceColumn, count: missingVariance.length, rows: missingVariance.slice(0, 100), option: useSe ? 'se' : 'variance' },
    );
  }
  if (nonPositive.length > 0) {
    throw new PovineqError(
      'NON_POSITIVE_VALUE',
      `${useSe ? 'se' : 'variance'} column "${varianceColumn}" has ${plural(nonPositive.length, 'zero or negative value')} ` +
        `(${describeRows(nonPositive)}); a sampling variance must be positive: an area whose direct estimate has no ` +
        `sampling error (e.g. a rate of 0 or 1 from a small sample) needs a smoothed variance, or treat it as out of sample`,
      { column: varianceColumn, count: nonPositive.length, rows: nonPositive.slice(0, 100), option: useSe ? 'se' : 'variance' },
    );
  }
  const { x, terms } = designMatrix(table, options, m, fn);
  const p = terms.length;
  if (sampled.length <= p) {
    throw new PovineqError(
      'TOO_FEW_GROUPS',
      `${fn} needs more areas with a direct estimate (${sampled.length}) than model terms (${p}: ${terms.join(', ')}); use fewer covariates`,
      { count: sampled.length, terms },
    );
  }
  const xs = new Float64Array(sampled.length * p);
  sampled.forEach((r, i) => xs.set(x.subarray(r * p, r * p + p), i * p));
  const dep = dependentColumn(xs, sampled.length, p);
  if (dep >= 0) {
    throw new PovineqError(
      'INVALID_INPUT',
      `the covariates are not of full rank on the ${sampled.length} sampled areas: term "${terms[dep]}" is ` +
        `${dep === 0 ? 'constant zero' : `a linear combination of ${terms.slice(0, dep).map((t) => `"${t}"`).join(', ')}`}; drop it from covariates or factors`,
      { term: terms[dep], option: 'covariates' },
    );
  }
  return { areas, sampled, direct, variance, x, terms, estimateColumn, varianceColumn, areaColumn };
}

function duplicatedAreas(areas: unknown[], column: string): void {
  const seen = new Map<unknown, number>();
  const rows: number[] = [];
  const labels: unknown[] = [];
  areas.forEach((a, i) => {
    if (seen.has(a)) {
      rows.push(i);
      labels.push(a);
    } else seen.set(a, i);
  });
  if (rows.length > 0) {
    throw new PovineqError(
      'INVALID_INPUT',
      `area column "${column}" has ${plural(rows.length, 'duplicated area')} (${describeRows(rows)}: ` +
        `${labels.slice(0, 3).map((l) => JSON.stringify(l)).join(', ')}); an area-level model needs one row per area: ` +
        `aggregate the rows of each area first (e.g. estimate({ by: "${column}" }))`,
      { column, count: rows.length, rows: rows.slice(0, 100), option: 'area' },
    );
  }
}

function badValues(nonNumeric: number[], nonFinite: number[], column: string, role: string): void {
  const bad = [...nonNumeric, ...nonFinite].sort((a, b) => a - b);
  if (bad.length > 0) {
    throw new PovineqError(
      nonNumeric.length > 0 ? 'NON_NUMERIC' : 'NON_FINITE',
      `${role} column "${column}" has ${plural(bad.length, 'non-numeric or infinite value')} (${describeRows(bad)}); convert it to finite numbers`,
      { column, count: bad.length, rows: bad.slice(0, 100), option: role },
    );
  }
}

function designMatrix(table: ColumnSource, options: AreaColumns, m: number, fn: string): { x: Float64Array; terms: string[] } {
  const columns: Float64Array[] = [];
  const terms: string[] = [];
  if (options.intercept !== false) {
    columns.push(new Float64Array(m).fill(1));
    terms.push('(intercept)');
  }
  const names = columnNames(table);
  for (const name of options.covariates ?? []) {
    const raw = readColumn(table, name, 'covariates');
    const col = toNumeric(raw);
    const bad = [...col.missing, ...col.nonNumeric, ...col.nonFinite].sort((a, b) => a - b);
    if (bad.length > 0) {
      throw new PovineqError(
        'MISSING_VALUE',
        `covariate column "${name}" has ${plural(bad.length, 'missing or non-numeric value')} (${describeRows(bad)}); ` +
          `an area-level model needs every covariate for every area: fill them in (e.g. from another source) or remove those areas`,
        { column: name, count: bad.length, rows: bad.slice(0, 100), option: 'covariates' },
      );
    }
    columns.push(col.values);
    terms.push(name);
  }
  for (const name of options.factors ?? []) {
    const raw = Array.from(readColumn(table, name, 'factors'));
    const missing = raw.flatMap((v, i) => (v === null || v === undefined || v === '' || (typeof v === 'number' && v !== v) ? [i] : []));
    if (missing.length > 0) {
      throw new PovineqError(
        'MISSING_VALUE',
        `factor column "${name}" has ${plural(missing.length, 'missing value')} (${describeRows(missing)}); give every area a level or remove those areas`,
        { column: name, count: missing.length, rows: missing.slice(0, 100), option: 'factors' },
      );
    }
    const levels = [...new Set(raw)].sort((a, b) =>
      typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
    );
    for (const level of levels.slice(options.intercept === false && columns.length === 0 ? 0 : 1)) {
      columns.push(Float64Array.from(raw, (v) => (v === level ? 1 : 0)));
      terms.push(`${name}=${String(level)}`);
    }
  }
  if (terms.length === 0) {
    throw new PovineqError('INVALID_OPTION', `${fn} has no model terms: give covariates or factors, or keep the intercept`, {
      option: 'covariates',
      columns: names,
    });
  }
  const p = terms.length;
  const x = new Float64Array(m * p);
  for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) x[i * p + j] = columns[j]![i]!;
  return { x, terms };
}

/** The sampled areas' direct estimates, variances and design-matrix rows, in fit order. */
export function sampledArrays(data: AreaData): { y: Float64Array; d: Float64Array; x: Float64Array } {
  const p = data.terms.length;
  const x = new Float64Array(data.sampled.length * p);
  data.sampled.forEach((r, i) => x.set(data.x.subarray(r * p, r * p + p), i * p));
  return {
    y: Float64Array.from(data.sampled, (r) => data.direct[r]!),
    d: Float64Array.from(data.sampled, (r) => data.variance[r]!),
    x,
  };
}
