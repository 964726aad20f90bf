import {
  type ColumnSource,
  assertClean,
  isArrayLikeOfValues,
  readColumn,
  toNumeric,
} from '../data/columns.js';
import { PovineqError, describeRows, plural } from '../data/errors.js';
import { type SortedWeighted, sortWeighted } from './sort.js';
import { checkDataOptions } from './measure-options.js';
import { checkFiniteTotals } from './finite-totals.js';

/**
 * What a measure accepts: an Arquero table (with `value`, optionally `weight`, column names), an
 * array of values (with optional `weights`), a danfo.js DataFrame or plain object of columns, or a
 * {@link Distribution} built once and shared by many measures.
 */
export type Input = ColumnSource | ArrayLike<number> | Distribution;

/** Where the values and weights come from. */
export interface ColumnOptions {
  /** Name of the value (income) column, for table input. */
  value?: string;
  /** Name of the weight column, for table input. Omit for unweighted data. */
  weight?: string;
  /** Weights aligned with an array input. */
  weights?: ArrayLike<number>;
}

/** How bad rows are handled when a Distribution is built. Nothing is dropped unless asked. */
export interface DataOptions {
  /**
   * Rows whose value or weight is null, undefined, NaN, non-numeric text or ±Infinity:
   * `'error'` (default) throws naming the column and rows; `'drop'` excludes them and records how many.
   */
  missing?: 'error' | 'drop';
  /** Rows whose weight is zero or negative: `'error'` (default) or `'drop'`. */
  nonPositiveWeights?: 'error' | 'drop';
  /**
   * Rows whose value is zero or negative, for measures that need positive incomes (Theil, MLD,
   * GE with α ≤ 0 or α = 1, Atkinson with ε ≥ 1, Watts): `'error'` (default) or `'drop'`.
   * Measures that accept such values (Gini, poverty rates…) ignore this option.
   */
  nonPositive?: 'error' | 'drop';
}

/** Options every measure takes. */
export type MeasureOptions = ColumnOptions & DataOptions;

/** Counts of rows a Distribution excluded because the caller asked it to. */
export interface Dropped {
  missing: number;
  nonPositiveWeights: number;
  nonPositive: number;
}

interface Parts {
  values: Float64Array;
  weights: Float64Array;
  rows: Int32Array;
  column: string;
  weightColumn: string | undefined;
  weighted: boolean;
  inputRows: number;
  dropped: Dropped;
  /** Free buffers of length n to hold the cumulative sums (the sort's scratch), if any. */
  spare?: Float64Array[];
}

/**
 * A weighted distribution of one variable, validated and sorted once.
 *
 * Values are held ascending in a Float64Array with their weights and their original row indices;
 * totals and cumulative sums are computed on first use and cached. Every measure accepts a
 * Distribution and never re-sorts it, so building one and passing it to many measures costs one
 * sort. A Distribution is immutable: {@link Distribution.reweight} and {@link Distribution.slice}
 * return new ones that share the sorted values.
 */
export class Distribution {
  /** Values in ascending order. Do not write to it. */
  readonly values: Float64Array;
  /** Weights aligned with `values` (all 1 when unweighted). Do not write to it. */
  readonly weights: Float64Array;
  /** Row index in the input of each sorted unit. Do not write to it. */
  readonly rows: Int32Array;
  /** Name of the value column (or `"value"` for array input), used in messages. */
  readonly column: string;
  /** Name of the weight column, if any. */
  readonly weightColumn: string | undefined;
  /** Whether weights were supplied. */
  readonly weighted: boolean;
  /** Number of rows in the input before any requested drops. */
  readonly inputRows: number;
  /** Rows excluded on request (`missing: 'drop'` …), by reason. */
  readonly dropped: Readonly<Dropped>;

  #totalWeight: number | undefined;
  #total: number | undefined;
  #cumulativeWeights: Float64Array | undefined;
  #cumulativeTotals: Float64Array | undefined;
  #spare: Float64Array[];

  /** @internal Use {@link distribution} to build one. */
  constructor(parts: Parts) {
    this.values = parts.values;
    this.weights = parts.weights;
    this.rows = parts.rows;
    this.column = parts.column;
    this.weightColumn = parts.weightColumn;
    this.weighted = parts.weighted;
    this.inputRows = parts.inputRows;
    this.dropped = parts.dropped;
    this.#spare = parts.spare?.filter((b) => b.length === parts.values.length) ?? [];
  }

  /** A buffer of length n for a cached cumulative sum: the sort's scratch if left, else a new one. */
  #buffer(): Float64Array {
    return this.#spare.pop() ?? new Float64Array(this.values.length);
  }

  /** Number of units. */
  get n(): number {
    return this.values.length;
  }

  /** Σ wᵢ. */
  get totalWeight(): number {
    if (this.#totalWeight === undefined) {
      const cw = this.cumulativeWeights;
      this.#totalWeight = cw.length ? cw[cw.length - 1]! : 0;
    }
    return this.#totalWeight;
  }

  /** Σ wᵢ xᵢ. */
  get total(): number {
    if (this.#total === undefined) {
      const ct = this.cumulativeTotals;
      this.#total = ct.length ? ct[ct.length - 1]! : 0;
    }
    return this.#total;
  }

  /** Weighted mean Σ wᵢ xᵢ / Σ wᵢ. */
  get mean(): number {
    return this.total / this.totalWeight;
  }

  /** Cᵢ = Σ_{j ≤ i} wⱼ in sorted order (inclusive). */
  get cumulativeWeights(): Float64Array {
    if (!this.#cumulativeWeights) {
      const w = this.weights;
      const c = this.#buffer();
      let s = 0;
      for (let i = 0; i < w.length; i++) c[i] = s += w[i]!;
      this.#cumulativeWeights = c;
    }
    return this.#cumulativeWeights;
  }

  /** Tᵢ = Σ_{j ≤ i} wⱼ xⱼ in sorted order (inclusive). */
  get cumulativeTotals(): Float64Array {
    if (!this.#cumulativeTotals) {
      const w = this.weights;
      const x = this.values;
      const c = this.#buffer();
      let s = 0;
      for (let i = 0; i < w.length; i++) c[i] = s += w[i]! * x[i]!;
      this.#cumulativeTotals = c;
    }
    return this.#cumulativeTotals;
  }

  /** Index of the first unit with value ≥ x (n if none): the number of units strictly below x. */
  countBelow(x: number): number {
    return lowerBound(this.values, x);
  }

  /** Index of the first unit with value > x (n if none): the number of units at or below x. */
  countAtOrBelow(x: number): number {
    return upperBound(this.values, x);
  }

  /** Σ wᵢ over units with value strictly below x. */
  weightBelow(x: number): number {
    const k = this.countBelow(x);
    return k === 0 ? 0 : this.cumulativeWeights[k - 1]!;
  }

  /**
   * The same sorted values with other weights (e.g. a bootstrap or replicate reweighting).
   * Weights must be aligned with `values`; zero weights are allowed, negative ones are not checked.
   */
  reweight(weights: Float64Array): Distribution {
    if (weights.length !== this.n) {
      throw new PovineqError('LENGTH_MISMATCH', `reweight: ${weights.length} weights for ${this.n} units`);
    }
    return new Distribution({ ...this.#parts(), weights, weighted: true });
  }

  /** Units `start` (inclusive) to `end` (exclusive) of the sorted order, as a new Distribution. */
  slice(start: number, end = this.n): Distribution {
    return new Distribution({
      ...this.#parts(),
      values: this.values.subarray(start, end),
      weights: this.weights.subarray(start, end),
      rows: this.rows.subarray(start, end),
    });
  }

  /** Units at the given sorted positions (ascending), as a new Distribution. */
  select(positions: ArrayLike<number>): Distribution {
    const m = positions.length;
    const values = new Float64Array(m);
    const weights = new Float64Array(m);
    const rows = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const p = positions[i]!;
      values[i] = this.values[p]!;
      weights[i] = this.weights[p]!;
      rows[i] = this.rows[p]!;
    }
    return new Distribution({ ...this.#parts(), values, weights, rows });
  }

  /**
   * The units with positive values, for measures that need them. With `nonPositive: 'error'`
   * (the default) throws naming the column, the count and rows, and the option; with `'drop'`
   * returns the positive tail (no copy: values are sorted, so it is a slice).
   */
  positive(measure: string, nonPositive: 'error' | 'drop' = 'error'): Distribution {
    return this.#above(this.countAtOrBelow(0), measure, nonPositive, 'positive', 'zero or negative value');
  }

  /**
   * The units with values ≥ 0, for measures that accept zeros but not negative incomes (GE(α) with
   * α > 0, α ≠ 1; Atkinson with ε < 1). Zeros are always kept; negatives raise an error naming the
   * column, count, rows and option, or with `nonPositive: 'drop'` are excluded (a slice, no copy).
   */
  nonNegative(measure: string, nonPositive: 'error' | 'drop' = 'error'): Distribution {
    return this.#above(this.countBelow(0), measure, nonPositive, 'non-negative', 'negative value');
  }

  /** The units after the first k of the sorted order, which are outside a measure's domain. */
  #above(k: number, measure: string, nonPositive: 'error' | 'drop', domain: string, noun: string): Distribution {
    if (k === 0) return this;
    if (nonPositive === 'drop') {
      const d = this.slice(k);
      (d.dropped as Dropped).nonPositive = this.dropped.nonPositive + k;
      if (d.n === 0) throw emptyError(this.column, `after dropping ${plural(k, noun)}`);
      return d;
    }
    const rows = Array.from(this.rows.subarray(0, k)).sort((a, b) => a - b);
    throw new PovineqError(
      'NON_POSITIVE_VALUE',
      `${measure} needs ${domain} values, but column "${this.column}" has ${plural(k, noun)} ` +
        `(${describeRows(rows)}); pass { nonPositive: 'drop' } to exclude them`,
      { column: this.column, count: k, rows: rows.slice(0, 100), option: "nonPositive: 'drop'", measure },
    );
  }

  #parts(): Parts {
    return {
      values: this.values,
      weights: this.weights,
      rows: this.rows,
      column: this.column,
      weightColumn: this.weightColumn,
      weighted: this.weighted,
      inputRows: this.inputRows,
      dropped: { ...this.dropped },
    };
  }
}

/** First index i with a[i] ≥ x. */
export function lowerBound(a: ArrayLike<number>, x: number, from = 0, to = a.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i with a[i] > x. */
export function upperBound(a: ArrayLike<number>, x: number, from = 0, to = a.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function emptyError(column: string, why = ''): PovineqError {
  return new PovineqError('EMPTY', `column "${column}" has no rows to measure${why ? ' ' + why : ''}`, { column });
}

export function isDistribution(x: unknown): x is Distribution {
  return x instanceof Distribution;
}

/**
 * Builds a {@link Distribution}: reads the value (and weight) column, validates every row once,
 * applies only the drops the caller asked for, and sorts once. A Distribution passes through.
 *
 * @example
 * const d = distribution(households, { value: 'income', weight: 'w' });
 * [gini(d), palma(d), headcount(d, { line: povertyLine(d) })];
 */
export function distribution(data: Input, options?: (ColumnOptions & DataOptions) | null): Distribution {
  options = checkDataOptions(options, 'distribution');
  if (isDistribution(data)) {
    if (options.value !== undefined && options.value !== data.column) {
      throw new PovineqError(
        'INVALID_OPTION',
        `value "${options.value}" was given with a Distribution of column "${data.column}"; build a new Distribution for another column`,
        { option: 'value' },
      );
    }
    return data;
  }
  const { raw, rawWeights, column, weightColumn } = readInput(data, options);
  return fromColumns(raw, rawWeights, column, weightColumn, options);
}

function readInput(
  data: Exclude<Input, Distribution>,
  options: ColumnOptions,
): { raw: ArrayLike<unknown>; rawWeights: ArrayLike<unknown> | undefined; column: string; weightColumn: string | undefined } {
  if (isArrayLikeOfValues(data)) {
    if (options.weight !== undefined) {
      throw new PovineqError(
        'INVALID_OPTION',
        `weight "${options.weight}" names a column, but the input is an array; pass the weights array as { weights }`,
        { option: 'weight' },
      );
    }
    return { raw: data, rawWeights: options.weights, column: options.value ?? 'value', weightColumn: options.weights ? 'weights' : undefined };
  }
  if (data == null || typeof data !== 'object') {
    throw new PovineqError('INVALID_INPUT', `expected an Arquero table, an array, a DataFrame or a Distribution, got ${data === null ? 'null' : typeof data}`);
  }
  // any other object is a column source (Arquero table, DataFrame, or an object of columns)
  if (options.value === undefined) {
    throw new PovineqError(
      'MISSING_OPTION',
      'table input needs the value column: pass { value: "income" } (and { weight: "w" } for weighted data)',
      { option: 'value' },
    );
  }
  if (options.weights !== undefined) {
    throw new PovineqError('INVALID_OPTION', 'for table input name the weight column with { weight }, not a { weights } array', { option: 'weights' });
  }
  const source = data as ColumnSource;
  const raw = readColumn(source, options.value, 'value');
  const rawWeights = options.weight !== undefined ? readColumn(source, options.weight, 'weight') : undefined;
  return { raw, rawWeights, column: options.value, weightColumn: options.weight };
}

/** Validates raw value and weight columns and builds the sorted Distribution. */
export function fromColumns(
  raw: ArrayLike<unknown>,
  rawWeights: ArrayLike<unknown> | undefined,
  column: string,
  weightColumn: string | undefined,
  options: DataOptions = {},
): Distribution {
  const n = raw.length;
  // the sort copies, so a Float64Array input can be read in place (it is never written)
  const parsed = toNumeric(raw, true);
  const weightsParsed = rawWeights ? toNumeric(rawWeights, true) : undefined;
  if (rawWeights && rawWeights.length !== n) {
    throw new PovineqError(
      'LENGTH_MISMATCH',
      `weights (${weightColumn}) have ${rawWeights.length} entries for ${n} values`,
      { column: weightColumn },
    );
  }
  const missing = options.missing ?? 'error';
  const nonPositiveWeights = options.nonPositiveWeights ?? 'error';
  if (missing === 'error') {
    assertClean(parsed, raw, column, 'value');
    if (weightsParsed) assertClean(weightsParsed, rawWeights!, weightColumn ?? 'weights', 'weight');
  } else if (missing !== 'drop') {
    throw new PovineqError('INVALID_OPTION', `missing must be 'error' or 'drop', got ${JSON.stringify(missing)}`, { option: 'missing' });
  }
  if (nonPositiveWeights !== 'error' && nonPositiveWeights !== 'drop') {
    throw new PovineqError(
      'INVALID_OPTION',
      `nonPositiveWeights must be 'error' or 'drop', got ${JSON.stringify(nonPositiveWeights)}`,
      { option: 'nonPositiveWeights' },
    );
  }

  // keep[i] = 1 when row i survives; only allocated when some row is dropped
  const bads = [parsed, ...(weightsParsed ? [weightsParsed] : [])];
  const anyMissing = bads.some((c) => c.missing.length + c.nonNumeric.length + c.nonFinite.length > 0);
  let keep: Uint8Array | undefined = anyMissing ? new Uint8Array(n).fill(1) : undefined;
  let droppedMissing = 0;
  const dropRows = (rows: number[]) => {
    for (const r of rows) if (keep![r]) { keep![r] = 0; droppedMissing++; }
  };
  dropRows(parsed.missing);
  dropRows(parsed.nonNumeric);
  dropRows(parsed.nonFinite);
  if (weightsParsed) {
    dropRows(weightsParsed.missing);
    dropRows(weightsParsed.nonNumeric);
    dropRows(weightsParsed.nonFinite);
  }

  let droppedWeights = 0;
  if (weightsParsed) {
    const w = weightsParsed.values;
    const bad: number[] = [];
    if (keep) {
      for (let i = 0; i < n; i++) if (keep[i] && !(w[i]! > 0)) bad.push(i);
    } else {
      for (let i = 0; i < n; i++) if (!(w[i]! > 0)) bad.push(i);
    }
    if (bad.length > 0) {
      if (nonPositiveWeights === 'error') {
        throw new PovineqError(
          'NON_POSITIVE_WEIGHT',
          `weight column "${weightColumn}" has ${plural(bad.length, 'zero or negative weight')} (${describeRows(bad)}); ` +
            `pass { nonPositiveWeights: 'drop' } to exclude those rows`,
          { column: weightColumn, count: bad.length, rows: bad.slice(0, 100), option: "nonPositiveWeights: 'drop'" },
        );
      }
      keep ??= new Uint8Array(n).fill(1);
      for (const r of bad) keep[r] = 0;
      droppedWeights = bad.length;
    }
  }

  const kept = n - droppedMissing - droppedWeights;
  if (kept === 0) {
    throw emptyError(column, n === 0 ? '' : `after dropping ${plural(n, 'bad row')}`);
  }
  // compact (only when rows were dropped), then sort once
  const wv = weightsParsed?.values;
  let sorted: SortedWeighted;
  if (kept === n) {
    sorted = sortWeighted(parsed.values, wv);
  } else {
    const x = new Float64Array(kept);
    const w = new Float64Array(kept);
    const src = new Int32Array(kept);
    for (let i = 0, j = 0; i < n; i++) {
      if (!keep![i]) continue;
      x[j] = parsed.values[i]!;
      w[j] = wv ? wv[i]! : 1;
      src[j] = i;
      j++;
    }
    sorted = sortWeighted(x, w);
    const order = sorted.order;
    for (let i = 0; i < kept; i++) order[i] = src[order[i]!]!;
  }
  const { values, weights, order: rows, spare } = sorted;
  checkFiniteTotals(values, weights, column, weightColumn);
  const d = new Distribution({
    values,
    weights,
    rows,
    column,
    weightColumn,
    weighted: rawWeights !== undefined,
    inputRows: n,
    dropped: { missing: droppedMissing, nonPositiveWeights: droppedWeights, nonPositive: 0 },
    spare,
  });
  return d;
}
