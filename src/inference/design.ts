import { type ColumnSource, PovineqError, describeRows, plural, readColumn, rowCount, toNumeric } from '../data/index.js';

/** Kinds of replicate weights, as R survey::svrepdesign names them. */
export type ReplicateType = 'JK1' | 'JKn' | 'BRR' | 'Fay' | 'bootstrap';

/** Replicate weight columns supplied with the data (full, "combined" weights, as svrepdesign's default). */
export interface ReplicateWeightsOptions {
  /** Names of the replicate weight columns, one per replicate. */
  columns: readonly string[];
  /** How the replicates were made; sets the variance scale factors as survey::svrepdesign does. */
  type: ReplicateType;
  /** Fay's ρ in (0, 1), for `type: 'Fay'`. */
  rho?: number;
  /** Overall scale factor (overrides the type's default). */
  scale?: number;
  /** One factor per replicate (required for JKn: (n_h − 1)/n_h of the replicate's stratum). */
  rscales?: ArrayLike<number>;
  /** Centre the squared deviations at the full-sample estimate (true) or at the replicates' mean (false, survey's default). */
  mse?: boolean;
}

/** A sample design described by column names of the data, as survey::svydesign(ids, strata, weights, fpc). */
export interface DesignOptions {
  /** Sampling weight column (the inverse inclusion probability). */
  weight?: string;
  /** Stratum column. Omit for an unstratified design. */
  strata?: string;
  /** Primary sampling unit (cluster) column. Omit when units were sampled individually. */
  psu?: string;
  /**
   * Finite population correction per stratum: either the sampling fraction of PSUs (all values ≤ 1)
   * or the number of PSUs in the stratum's population (values > 1), constant within a stratum.
   */
  fpc?: string;
  /**
   * Strata with a single PSU have no within-stratum variance: `'error'` (default) names them;
   * `'certainty'` lets them contribute nothing (survey's `lonely.psu = "certainty"`).
   */
  singlePsu?: 'error' | 'certainty';
  /** PSU labels repeat across strata (PSU 1 of each stratum): take them as distinct. */
  nest?: boolean;
  /** Replicate weight columns, for replicate-weight variance (method `'replicate'`). */
  replicateWeights?: ReplicateWeightsOptions;
}

/** Replicate weights with their variance factors: v = scale · Σ_r rscales_r (θ_r − c)². */
export interface ReplicateSet {
  readonly type: ReplicateType;
  readonly count: number;
  readonly scale: number;
  readonly rscales: Float64Array;
  readonly mse: boolean;
  /** Writes replicate r's weight factor for every row (replicate weight ÷ full-sample weight). */
  fill(r: number, factors: Float64Array): void;
  /** Plain data from which another thread can fill any replicate (bootstrap and jackknife sets). */
  readonly spec?: import('./replicates.js').ReplicateSpec;
}

/**
 * A validated survey design over the rows of one table: strata, PSUs, finite population
 * corrections and (optionally) replicate weights, all as row-aligned typed arrays.
 * Build it once with {@link surveyDesign} and pass it to many estimate() calls.
 */
export class SurveyDesign {
  /** Number of rows. */
  readonly rows: number;
  /** Weight column name, if any. */
  readonly weight: string | undefined;
  /** Full-sample weight of each row (1 when the design has no weight column). */
  readonly weights: Float64Array;
  /** Stratum index of each row. */
  readonly stratum: Int32Array;
  /** Label of each stratum. */
  readonly strata: readonly unknown[];
  /** PSU index of each row (0 … psuCount − 1, across strata). */
  readonly psu: Int32Array;
  /** Stratum of each PSU. */
  readonly psuStratum: Int32Array;
  /** Number of PSUs in each stratum. */
  readonly psuPerStratum: Int32Array;
  /** Sampling fraction of PSUs in each stratum (0 without fpc). */
  readonly fraction: Float64Array;
  /** How single-PSU strata are treated. */
  readonly singlePsu: 'error' | 'certainty';
  /** Supplied replicate weights, if any. */
  readonly replicateWeights: ReplicateSet | undefined;
  /** The column names this design was built from. */
  readonly options: Readonly<DesignOptions>;
  /** Whether units were sampled individually with no strata (an independent sample). */
  readonly simple: boolean;

  /** @internal Use {@link surveyDesign}. */
  constructor(parts: Omit<SurveyDesign, 'psuCount' | 'checkSinglePsu'>) {
    this.rows = parts.rows;
    this.weight = parts.weight;
    this.weights = parts.weights;
    this.stratum = parts.stratum;
    this.strata = parts.strata;
    this.psu = parts.psu;
    this.psuStratum = parts.psuStratum;
    this.psuPerStratum = parts.psuPerStratum;
    this.fraction = parts.fraction;
    this.singlePsu = parts.singlePsu;
    this.replicateWeights = parts.replicateWeights;
    this.options = parts.options;
    this.simple = parts.simple;
  }

  /** Number of PSUs. */
  get psuCount(): number {
    return this.psuStratum.length;
  }

  /** Throws naming the strata that hold a single PSU, unless `singlePsu: 'certainty'`. */
  checkSinglePsu(): void {
    if (this.singlePsu === 'certainty') return;
    const lonely: string[] = [];
    this.psuPerStratum.forEach((n, h) => {
      if (n === 1) lonely.push(JSON.stringify(this.strata[h]));
    });
    if (lonely.length > 0 && this.options.strata === undefined) {
      throw new PovineqError(
        'SINGLE_PSU',
        `the design has a single PSU${this.options.psu !== undefined ? ` (column "${this.options.psu}" holds one value)` : ''} and no strata, ` +
          'so the variance between PSUs cannot be estimated; name a PSU column with more than one cluster ({ design: { psu } }), or omit psu to treat each row as its own PSU',
        { column: this.options.psu, strata: lonely, count: 1, option: 'design.psu' },
      );
    }
    if (lonely.length > 0) {
      throw new PovineqError(
        'SINGLE_PSU',
        `${plural(lonely.length, 'stratum has', 'strata have')} a single PSU (column "${this.options.strata}": ${lonely.slice(0, 10).join(', ')}` +
          `${lonely.length > 10 ? ', …' : ''}), so the variance within them cannot be estimated; pass { design: { …, singlePsu: 'certainty' } } to let them contribute nothing, or merge them with a neighbouring stratum`,
        { column: this.options.strata, strata: lonely, count: lonely.length, option: "singlePsu: 'certainty'" },
      );
    }
  }
}

/**
 * Describes how a table was sampled, for design-based standard errors: strata, PSUs (clusters),
 * weights, finite population corrections and replicate weights — R survey's svydesign and
 * svrepdesign in one. Variance is with-replacement (ultimate cluster) at the first stage,
 * reduced by (1 − f_h) when an fpc is given.
 *
 * @example
 * const design = surveyDesign(eusilc(), { strata: 'db040', psu: 'db030', weight: 'rb050' });
 * estimate(gini, eusilc(), { value: 'eqIncome', design });
 */
export function surveyDesign(table: ColumnSource, options: DesignOptions): SurveyDesign {
  if (options == null || typeof options !== 'object') {
    throw new PovineqError('MISSING_OPTION', 'surveyDesign needs options such as { strata: "region", psu: "household", weight: "w" }', { option: 'design' });
  }
  const n = rowCount(table);
  const singlePsu = options.singlePsu ?? 'error';
  if (singlePsu !== 'error' && singlePsu !== 'certainty') {
    throw new PovineqError('INVALID_OPTION', `design.singlePsu must be 'error' or 'certainty', got ${JSON.stringify(singlePsu)}`, { option: 'singlePsu' });
  }
  const weights = options.weight !== undefined ? positiveColumn(table, options.weight, 'design.weight') : new Float64Array(n).fill(1);
  const { stratum, strata } = readStrata(table, options, n);
  const { psu, psuStratum, psuPerStratum } = readPsus(table, options, n, stratum, strata);
  const fraction = samplingFractions(table, options, stratum, strata, psuPerStratum);
  const replicateWeights = options.replicateWeights ? replicateColumns(table, options.replicateWeights, weights) : undefined;
  return new SurveyDesign({
    rows: n,
    weight: options.weight,
    weights,
    stratum,
    strata,
    psu,
    psuStratum,
    psuPerStratum,
    fraction,
    singlePsu,
    replicateWeights,
    options: { ...options },
    simple: options.psu === undefined && options.strata === undefined,
  });
}

/** The stratum of every row (indices into `strata`, in order of first appearance); one stratum without `strata`. */
function readStrata(table: ColumnSource, options: DesignOptions, n: number): { stratum: Int32Array; strata: unknown[] } {
  const stratum = new Int32Array(n);
  const strata: unknown[] = [];
  if (options.strata !== undefined) {
    const raw = labels(table, options.strata, 'design.strata');
    const index = new Map<unknown, number>();
    for (let i = 0; i < n; i++) {
      let h = index.get(raw[i]);
      if (h === undefined) {
        h = strata.length;
        index.set(raw[i], h);
        strata.push(raw[i]);
      }
      stratum[i] = h;
    }
  } else strata.push('all');
  return { stratum, strata };
}

/**
 * The PSU of every row, each PSU's stratum and the PSUs per stratum; every row its own PSU without
 * `psu`. A PSU label in two strata is an error unless `nest` (labels restart in each stratum).
 */
function readPsus(
  table: ColumnSource,
  options: DesignOptions,
  n: number,
  stratum: Int32Array,
  strata: unknown[],
): { psu: Int32Array; psuStratum: Int32Array; psuPerStratum: Int32Array } {
  const psu = new Int32Array(n);
  const psuStratumList: number[] = [];
  if (options.psu !== undefined) {
    const raw = labels(table, options.psu, 'design.psu');
    const index = new Map<unknown, number>();
    for (let i = 0; i < n; i++) {
      const key = options.nest ? `${stratum[i]}\u0000${String(raw[i])}` : raw[i];
      let j = index.get(key);
      if (j === undefined) {
        j = psuStratumList.length;
        index.set(key, j);
        psuStratumList.push(stratum[i]!);
      } else if (psuStratumList[j] !== stratum[i]) {
        throw new PovineqError(
          'INVALID_DESIGN',
          `PSU ${JSON.stringify(raw[i])} (column "${options.psu}") appears in more than one stratum (${JSON.stringify(strata[psuStratumList[j]!])} and ` +
            `${JSON.stringify(strata[stratum[i]!])}, row ${i}); pass { design: { …, nest: true } } if PSU labels restart in each stratum`,
          { column: options.psu, row: i, option: 'nest: true' },
        );
      }
      psu[i] = j;
    }
  } else {
    for (let i = 0; i < n; i++) {
      psu[i] = i;
      psuStratumList.push(stratum[i]!);
    }
  }
  const psuStratum = Int32Array.from(psuStratumList);
  const psuPerStratum = new Int32Array(strata.length);
  for (const h of psuStratum) psuPerStratum[h]!++;
  return { psu, psuStratum, psuPerStratum };
}

/**
 * The sampling fraction of each stratum for the finite population correction (0 without `fpc`):
 * the fpc column as given when every value is ≤ 1, else PSUs sampled / PSUs in the population.
 */
function samplingFractions(
  table: ColumnSource,
  options: DesignOptions,
  stratum: Int32Array,
  strata: unknown[],
  psuPerStratum: Int32Array,
): Float64Array {
  const fraction = new Float64Array(strata.length);
  if (options.fpc === undefined) return fraction;
  const f = positiveColumn(table, options.fpc, 'design.fpc');
  const seen = new Float64Array(strata.length).fill(NaN);
  for (let i = 0; i < stratum.length; i++) {
    const h = stratum[i]!;
    if (Number.isNaN(seen[h]!)) seen[h] = f[i]!;
    else if (seen[h] !== f[i]) {
      throw new PovineqError('INVALID_DESIGN', `fpc column "${options.fpc}" varies within stratum ${JSON.stringify(strata[h])} (row ${i}); it must be constant in each stratum`, {
        column: options.fpc,
        row: i,
      });
    }
  }
  const asFraction = Array.from(seen).every((v) => v <= 1);
  for (let h = 0; h < strata.length; h++) {
    const v = seen[h]!;
    if (asFraction) fraction[h] = v;
    else {
      if (v < psuPerStratum[h]!) {
        throw new PovineqError(
          'INVALID_DESIGN',
          `fpc column "${options.fpc}" gives ${v} PSUs in the population of stratum ${JSON.stringify(strata[h])} but the sample has ${psuPerStratum[h]}`,
          { column: options.fpc },
        );
      }
      fraction[h] = psuPerStratum[h]! / v;
    }
  }
  return fraction;
}

/** A design column of labels, with missing values refused (naming the rows). */
function labels(table: ColumnSource, column: string, option: string): ArrayLike<unknown> {
  const raw = readColumn(table, column, option);
  const bad: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || v === '') bad.push(i);
  }
  if (bad.length > 0) {
    throw new PovineqError(
      'MISSING_VALUE',
      `design column "${column}" (${option}) has ${plural(bad.length, 'missing value')} (${describeRows(bad)}); every row needs its ${option.replace('design.', '')} — fill them in or filter those rows out first`,
      { column, count: bad.length, rows: bad.slice(0, 100), option },
    );
  }
  return raw;
}

/** A numeric design column whose values must all be finite and positive. */
function positiveColumn(table: ColumnSource, column: string, option: string): Float64Array {
  const raw = readColumn(table, column, option);
  const parsed = toNumeric(raw);
  const bad: number[] = [];
  for (let i = 0; i < raw.length; i++) if (!(parsed.values[i]! > 0) || !Number.isFinite(parsed.values[i]!)) bad.push(i);
  if (bad.length > 0) {
    throw new PovineqError(
      option === 'design.weight' ? 'NON_POSITIVE_WEIGHT' : 'INVALID_DESIGN',
      `design column "${column}" (${option}) has ${plural(bad.length, 'missing, non-numeric or non-positive value')} (${describeRows(bad)}); ` +
        `design columns must be positive numbers in every row — filter those rows out first`,
      { column, count: bad.length, rows: bad.slice(0, 100), option },
    );
  }
  return parsed.values;
}

/** Default variance factors of each replicate type (R survey::svrepdesign). */
function replicateScale(type: ReplicateType, R: number, rho: number): number {
  switch (type) {
    case 'BRR':
      return 1 / R;
    case 'Fay':
      return 1 / (R * (1 - rho) * (1 - rho));
    case 'JK1':
      return (R - 1) / R;
    case 'JKn':
      return 1;
    case 'bootstrap':
      return 1 / (R - 1);
  }
}

function replicateColumns(table: ColumnSource, o: ReplicateWeightsOptions, weights: Float64Array): ReplicateSet {
  const types: ReplicateType[] = ['JK1', 'JKn', 'BRR', 'Fay', 'bootstrap'];
  if (!types.includes(o.type)) {
    throw new PovineqError('INVALID_OPTION', `replicateWeights.type must be one of ${types.join(', ')}, got ${JSON.stringify(o.type)}`, { option: 'replicateWeights.type' });
  }
  if (!Array.isArray(o.columns) || o.columns.length < 2) {
    throw new PovineqError('INVALID_REPLICATES', 'replicateWeights.columns must name at least two replicate weight columns', { option: 'replicateWeights.columns' });
  }
  const R = o.columns.length;
  const rho = o.type === 'Fay' ? (o.rho ?? NaN) : 0;
  if (o.type === 'Fay' && !(rho > 0 && rho < 1)) {
    throw new PovineqError('INVALID_OPTION', `Fay replicate weights need rho in (0, 1), got ${JSON.stringify(o.rho)}`, { option: 'replicateWeights.rho' });
  }
  let rscales: Float64Array;
  if (o.rscales !== undefined) {
    if (o.rscales.length !== R) {
      throw new PovineqError('INVALID_REPLICATES', `replicateWeights.rscales has ${o.rscales.length} entries for ${R} replicate columns`, { option: 'replicateWeights.rscales' });
    }
    rscales = Float64Array.from(o.rscales as ArrayLike<number>);
  } else if (o.type === 'JKn') {
    throw new PovineqError('INVALID_REPLICATES', 'JKn replicate weights need rscales: (n_h − 1)/n_h for each replicate, n_h the PSUs in its stratum', {
      option: 'replicateWeights.rscales',
    });
  } else rscales = new Float64Array(R).fill(1);
  const scale = o.scale ?? replicateScale(o.type, R, rho);
  const n = weights.length;
  const factors: Float64Array[] = o.columns.map((column) => {
    const raw = readColumn(table, column, 'replicateWeights.columns');
    const parsed = toNumeric(raw);
    const bad: number[] = [];
    for (let i = 0; i < n; i++) if (!(parsed.values[i]! >= 0) || !Number.isFinite(parsed.values[i]!)) bad.push(i);
    if (bad.length > 0) {
      throw new PovineqError(
        'INVALID_REPLICATES',
        `replicate weight column "${column}" has ${plural(bad.length, 'missing, non-numeric, infinite or negative value')} (${describeRows(bad)}); ` +
          `replicate weights must be finite and ≥ 0 in every row — fix or drop the column`,
        { column, count: bad.length, rows: bad.slice(0, 100), option: 'replicateWeights.columns' },
      );
    }
    const f = parsed.values;
    for (let i = 0; i < n; i++) f[i] = f[i]! / weights[i]!;
    return f;
  });
  return {
    type: o.type,
    count: R,
    scale,
    rscales,
    mse: o.mse ?? false,
    fill(r: number, out: Float64Array) {
      out.set(factors[r]!);
    },
  };
}
